import { type Role, ROLES } from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from '@polity/platform';

/**
 * A person's account. Erasure keeps the row (so contributions keep their author key) but empties
 * every personal field and stamps `erasedAt`.
 */
@Entity('user_account')
@Check('chk_user_account_roles', `roles <@ ARRAY[${sqlList(ROLES)}]::text[]`)
@Check('chk_user_account_locale', `locale IN ('en', 'fr')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-cased; null once the account is erased. */
  @Column('text', { nullable: true, unique: true })
  email: string | null;

  @Column('text')
  displayName: string;

  @Column('text', { nullable: true })
  passwordHash: string | null;

  @Column('text', { array: true, default: () => `'{citizen}'` })
  roles: Role[];

  /** The person followed the link mailed at registration. */
  @Column('timestamptz', { nullable: true })
  emailConfirmedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  verifiedAt: Date | null;

  /** District code from the census entry that verified this account, if the census had one. */
  @Column('text', { nullable: true })
  residentDistrict: string | null;

  @Column('timestamptz', { nullable: true })
  erasedAt: Date | null;

  /** The language of the site and of mail for this person, once chosen. */
  @Column('text', { nullable: true })
  locale: 'en' | 'fr' | null;

  // Milliseconds, as JavaScript holds them: the list's cursor carries this value and must be exact.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
