import type { SurveyExportStatus } from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SurveyEntity } from './survey.entity';

/** A CSV export the worker builds into the export folder, for surveys too large for one request. */
@Entity('survey_export')
@Index('idx_survey_export_survey', ['surveyId', 'createdAt'])
@Check('chk_survey_export_status', `status IN ('queued', 'running', 'done', 'failed')`)
export class SurveyExportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  survey?: SurveyEntity;

  @Column('uuid')
  requestedById: string;

  @Column('text', { default: 'queued' })
  status: SurveyExportStatus;

  @Column('integer', { default: 0 })
  rows: number;

  @Column('integer', { nullable: true })
  total: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
