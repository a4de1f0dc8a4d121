import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A domain event waiting to be handed to the job queue. Written in the same transaction as the
 * change it describes; the relay in the worker enqueues it and stamps `relayedAt`.
 */
@Entity('outbox_event')
@Index('idx_outbox_event_pending', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { unique: true })
  eventId: string;

  @Column('text')
  type: string;

  @Column('jsonb')
  payload: object;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column('timestamptz', { nullable: true })
  relayedAt: Date | null;
}
