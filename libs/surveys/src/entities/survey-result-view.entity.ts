import type { SurveyResultsView } from '@polity/contracts';
import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { SurveyEntity } from './survey.entity';

/**
 * The public results of an anonymous survey as last shown, per view (whole, or filtered by district
 * or answer). A view is recomputed only once it has gained SURVEY_MIN_GROUP_SIZE responses, so no
 * reader can isolate one response by comparing two readings.
 */
@Entity('survey_result_view')
export class SurveyResultViewEntity {
  @PrimaryColumn('uuid')
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  survey?: SurveyEntity;

  @PrimaryColumn('text')
  viewKey: string;

  @Column('integer')
  respondents: number;

  @Column('jsonb')
  results: SurveyResultsView;
}
