import type { DecisionContentView } from '@polity/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a decision said before a correction, and why it was corrected. */
@Entity('council_decision_correction')
@Index('uq_council_decision_correction_revision', ['decisionId', 'revision'], { unique: true })
export class DecisionCorrectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  decisionId: string;

  /** The revision this correction produced. */
  @Column('integer')
  revision: number;

  @Column('text')
  reason: string;

  @Column('jsonb')
  previous: DecisionContentView;

  @Column('uuid')
  correctedById: string;

  @Column('timestamptz')
  correctedAt: Date;
}
