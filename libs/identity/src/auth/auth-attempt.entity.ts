import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Attempts counted per key in a fixed window: sign-ins per account, census guesses per account and
 * per resident, reset requests per address. Kept in PostgreSQL, so a Redis restart does not hand
 * anyone a fresh set of guesses. Keys name no person in clear (hashes of addresses and identifiers).
 */
@Entity('auth_attempt')
@Index('idx_auth_attempt_window_ends', ['windowEndsAt'])
export class AuthAttemptEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('integer')
  attempts: number;

  @Column('timestamptz')
  windowEndsAt: Date;
}
