import { Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { SurveyEntity } from './survey.entity';

/**
 * Who has answered a survey: one each, in every mode. It deliberately holds no time and no
 * response id, so it cannot be matched to an anonymous response.
 */
@Entity('survey_participation')
export class SurveyParticipationEntity {
  @PrimaryColumn('uuid')
  surveyId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  survey?: SurveyEntity;
}
