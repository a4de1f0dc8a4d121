import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RESPONSE_MODES,
  type ResponseMode,
  RESULTS_VISIBILITIES,
  type ResultsVisibility,
  SURVEY_AUDIENCES,
  type SurveyAudience,
} from '@polity/contracts';
import { TitleField, trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { QuestionDto } from './survey-questions.dto';

export class SurveySettingsDto {
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  opensAt?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  closesAt?: Date;

  @ApiPropertyOptional({ enum: SURVEY_AUDIENCES, default: 'everyone' })
  @IsOptional()
  @IsIn(SURVEY_AUDIENCES)
  audience?: SurveyAudience;

  @ApiPropertyOptional({ description: 'The district code, for audience `district`', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string | null;

  @ApiPropertyOptional({ enum: RESPONSE_MODES, default: 'editable' })
  @IsOptional()
  @IsIn(RESPONSE_MODES)
  responseMode?: ResponseMode;

  @ApiPropertyOptional({ default: false, description: 'Responses hold no link to the person' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ enum: RESULTS_VISIBILITIES, default: 'after_close' })
  @IsOptional()
  @IsIn(RESULTS_VISIBILITIES)
  resultsVisibility?: ResultsVisibility;

  @ApiPropertyOptional({ default: false, description: 'Show moderated free-text answers with the results (not in anonymous surveys)' })
  @IsOptional()
  @IsBoolean()
  showTextAnswers?: boolean;
}

export class CreateSurveyDto extends SurveySettingsDto {
  @TitleField()
  title: string;

  @ApiProperty({ maxLength: 10000 })
  @Transform(trimString)
  @IsString()
  @MaxLength(10000)
  description: string;

  @ApiPropertyOptional({ type: [QuestionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions?: QuestionDto[];
}

export class UpdateSurveyDto extends SurveySettingsDto {
  @ApiPropertyOptional({ maxLength: 150 })
  @IsOptional()
  @TitleField()
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(10000)
  description?: string;
}
