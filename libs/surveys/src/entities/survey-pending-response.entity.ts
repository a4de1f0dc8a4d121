import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { SurveyEntity } from './survey.entity';

/**
 * An anonymous response waiting to be released into the results with others (see
 * AnonymousResponses). It is written in the respondent's transaction, so it is sealed: the
 * database holds only ciphertext, under a key that lives in the application's configuration.
 */
@Entity('survey_pending_response')
@Index('idx_survey_pending_response_survey', ['surveyId'])
@Index('uq_survey_pending_response_receipt', ['receiptKey'], { unique: true, where: 'receipt_key IS NOT NULL' })
export class SurveyPendingResponseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  survey?: SurveyEntity;

  /** A keyed hash of the receipt (editable surveys), unlike the plain hash the released row keeps. */
  @Column('text', { nullable: true })
  receiptKey: string | null;

  /** AES-256-GCM: nonce, tag and ciphertext of the answers, atoms, district and receipt hash. */
  @Column('bytea')
  sealed: Buffer;
}
