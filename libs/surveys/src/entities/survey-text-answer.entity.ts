import { CONTENT_STATES, type ContentState } from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from '@polity/platform';
import { SurveyResponseEntity } from './survey-response.entity';

/**
 * A free-text answer that a survey shows with its results, as moderation sees it. Only surveys
 * that are not anonymous show text, since moderating it means knowing its author.
 */
@Entity('survey_text_answer')
@Index('uq_survey_text_answer_part', ['responseId', 'questionKey', 'part'], { unique: true })
@Index('idx_survey_text_answer_shown', ['surveyId', 'questionKey', 'updatedAt'])
@Index('idx_survey_text_answer_author', ['authorId'])
@Check('chk_survey_text_answer_state', `moderation_state IN (${sqlList(CONTENT_STATES)})`)
@Check('chk_survey_text_answer_part', `part IN ('text', 'other')`)
export class SurveyTextAnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  surveyId: string;

  @Column('uuid')
  responseId: string;

  @ManyToOne(() => SurveyResponseEntity, { onDelete: 'CASCADE' })
  response?: SurveyResponseEntity;

  @Column('text')
  questionKey: string;

  /** `text` for a text question, `other` for the "other, please say" of a choice question. */
  @Column('text')
  part: 'text' | 'other';

  @Column('text')
  body: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  moderationState: ContentState;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
