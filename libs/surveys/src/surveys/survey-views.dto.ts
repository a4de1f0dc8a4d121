import { ApiProperty } from '@nestjs/swagger';
import type { QuestionResultView, QuestionView, SurveyExportView, SurveyResultsView, SurveyView } from '@polity/contracts';

/** OpenAPI shapes of what the survey routes return; the types in @polity/contracts are the source. */
export class SurveyDto implements Partial<SurveyView> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['draft', 'upcoming', 'open', 'closed'] }) phase: SurveyView['phase'];
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ enum: ['everyone', 'signed_in', 'verified', 'district'] }) audience: SurveyView['audience'];
  @ApiProperty({ nullable: true, type: String }) district: string | null;
  @ApiProperty({ enum: ['editable', 'final'] }) responseMode: SurveyView['responseMode'];
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ enum: ['live', 'after_close', 'internal'] }) resultsVisibility: SurveyView['resultsVisibility'];
  @ApiProperty() showTextAnswers: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) previousVersionId: string | null;
  @ApiProperty() locked: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) questions: QuestionView[];
}

export class SurveyPageDto {
  @ApiProperty({ type: [SurveyDto] }) items: SurveyDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class SurveyResultsDto implements SurveyResultsView {
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) filter: SurveyResultsView['filter'];
  @ApiProperty({ nullable: true, type: Number }) respondents: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty() minGroupSize: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) questions: QuestionResultView[];
  @ApiProperty({ format: 'date-time' }) computedAt: string;
}

export class SurveyExportDto implements SurveyExportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: SurveyExportView['status'];
  @ApiProperty() rows: number;
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) downloadUrl: string | null;
}
