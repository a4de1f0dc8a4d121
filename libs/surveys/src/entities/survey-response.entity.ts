import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StoredAnswers } from '../responses/check-answers';
import { SurveyEntity } from './survey.entity';

/**
 * One person's answers. In an anonymous survey `respondentId` is null and nothing else here points
 * to the person: the participation record says who answered, never which response is theirs.
 */
@Entity('survey_response')
@Index('idx_survey_response_survey', ['surveyId', 'district'])
@Index('idx_survey_response_submitted', ['surveyId', 'submittedAt', 'id'])
@Index('uq_survey_response_respondent', ['surveyId', 'respondentId'], { unique: true, where: 'respondent_id IS NOT NULL' })
@Index('uq_survey_response_receipt', ['receiptHash'], { unique: true, where: 'receipt_hash IS NOT NULL' })
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  survey?: SurveyEntity;

  @Column('uuid', { nullable: true })
  respondentId: string | null;

  /** Anonymous and editable: the SHA-256 of the receipt only the respondent holds. */
  @Column('text', { nullable: true })
  receiptHash: string | null;

  /** The respondent's district of residence when they answered, for results by district. */
  @Column('text', { nullable: true })
  district: string | null;

  @Column('jsonb')
  answers: StoredAnswers;

  /** The answers flattened for counting and filtering (see answerAtoms). */
  @Column('text', { array: true })
  atoms: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
