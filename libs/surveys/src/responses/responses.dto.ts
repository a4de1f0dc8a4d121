import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, Matches } from 'class-validator';

export class SubmitResponseDto {
  @ApiProperty({
    description:
      'Answers by question key. single_choice: "key" or {"other": "text"}; multiple_choice: ["a","b"] or {"choices": [...], "other": "text"}; ' +
      'text: "..."; number and scale: 3; ranking: ["first","second"]; matrix: {"row": "column"}. Answers to questions the conditions hide are dropped.',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  answers: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Anonymous surveys: the receipt the first submission returned, to change the response' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'receipt must be the 43-character receipt you were given' })
  receipt?: string;
}

export class SurveyResponseDto {
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() responded: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'As stored; null when it cannot be shown' })
  answers: Record<string, unknown> | null;
  @ApiProperty({ nullable: true }) submittedAt: string | null;
  @ApiProperty({ nullable: true }) updatedAt: string | null;
  @ApiProperty({ description: 'Whether it may still be changed' }) editable: boolean;
  @ApiPropertyOptional({
    description: 'Anonymous and editable surveys, first submission only: keep it to change your response; Polity stores only its hash',
  })
  receipt?: string;
}
