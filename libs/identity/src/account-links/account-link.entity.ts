import { ACCOUNT_LINK_PURPOSES, type AccountLinkPurpose } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A mailed single-use link. Only its id travels in the link, signed; using it stamps `usedAt`. */
@Entity('account_link')
@Index('idx_account_link_user', ['userId', 'purpose'])
@Check('chk_account_link_purpose', `purpose IN (${sqlList(ACCOUNT_LINK_PURPOSES)})`)
export class AccountLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  purpose: AccountLinkPurpose;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
