import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ResultsQueryDto {
  @ApiPropertyOptional({ description: 'Only respondents living in this district' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional({ description: 'Only respondents who gave `answer` to this question (choice, scale or number)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'question must be a question key' })
  question?: string;

  @ApiPropertyOptional({ description: 'An option key (`_other` for “other”), or a number' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  answer?: string;
}
