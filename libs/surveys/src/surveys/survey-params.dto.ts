import { IsUUID, Matches } from 'class-validator';

export class SurveyIdParamsDto {
  @IsUUID()
  id: string;
}

export class QuestionKeyParamsDto extends SurveyIdParamsDto {
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key must be a question key' })
  key: string;
}
