import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One privileged action: who did what to which target, and the target's relevant fields before
 * and after. Written in the transaction of the action itself, so it exists exactly when the action does.
 */
@Entity('audit_entry')
@Index('idx_audit_entry_occurred', ['occurredAt', 'id'])
@Index('idx_audit_entry_actor', ['actorId', 'occurredAt'])
@Index('idx_audit_entry_target', ['targetKind', 'targetId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the system (the worker acting on a schedule or a rule). */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  /** `noun.verb`, e.g. `moderation.hide`, `user.roles_set`, `budget.phase_moved`. */
  @Column('text')
  action: string;

  @Column('text')
  targetKind: string;

  @Column('text', { nullable: true })
  targetId: string | null;

  @Column('jsonb', { nullable: true })
  before: object | null;

  @Column('jsonb', { nullable: true })
  after: object | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;
}
