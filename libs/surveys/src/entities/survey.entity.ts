import {
  type QuestionView,
  RESPONSE_MODES,
  type ResponseMode,
  RESULTS_VISIBILITIES,
  type ResultsVisibility,
  SURVEY_AUDIENCES,
  type SurveyAudience,
} from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from '@polity/platform';

/** A survey and its questions, which are read and changed together and kept in order as one list. */
@Entity('survey')
@Index('idx_survey_created', ['createdAt', 'id'])
@Index('uq_survey_previous_version', ['previousVersionId'], { unique: true, where: 'previous_version_id IS NOT NULL' })
@Check('chk_survey_audience', `audience IN (${sqlList(SURVEY_AUDIENCES)})`)
@Check('chk_survey_district_audience', `(audience = 'district') = (district IS NOT NULL)`)
@Check('chk_survey_response_mode', `response_mode IN (${sqlList(RESPONSE_MODES)})`)
@Check('chk_survey_results_visibility', `results_visibility IN (${sqlList(RESULTS_VISIBILITIES)})`)
@Check('chk_survey_dates', 'closes_at > opens_at')
@Check('chk_survey_text_answers_named', 'NOT (anonymous AND show_text_answers)')
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('timestamptz')
  opensAt: Date;

  @Column('timestamptz')
  closesAt: Date;

  @Column('text')
  audience: SurveyAudience;

  @Column('text', { nullable: true })
  district: string | null;

  @Column('text')
  responseMode: ResponseMode;

  @Column('boolean')
  anonymous: boolean;

  @Column('text')
  resultsVisibility: ResultsVisibility;

  @Column('boolean', { default: false })
  showTextAnswers: boolean;

  @Column('jsonb')
  questions: QuestionView[];

  /** Null while a draft. */
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /** Set by the first response; the questions never change after it. */
  @Column('timestamptz', { nullable: true })
  lockedAt: Date | null;

  @Column('integer', { default: 1 })
  version: number;

  @Column('uuid', { nullable: true })
  previousVersionId: string | null;

  @Column('uuid')
  createdById: string;

  // Milliseconds, as JavaScript holds them: the list's cursor carries this value and must be exact.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
