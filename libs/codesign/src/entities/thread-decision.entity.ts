import type { DecisionSummary } from '@polity/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A council decision about the thread, as the council reported it (the latest revision), so the
 * timeline reads from this feature's own tables.
 */
@Entity('codesign_thread_decision')
@Index('idx_codesign_thread_decision_timeline', ['threadId', 'decidedAt', 'decisionId'])
export class ThreadDecisionEntity {
  @PrimaryColumn('uuid')
  threadId: string;

  @PrimaryColumn('uuid')
  decisionId: string;

  @Column('integer')
  revision: number;

  @Column({ type: 'timestamptz', precision: 3 })
  decidedAt: Date;

  @Column('jsonb')
  summary: DecisionSummary;
}
