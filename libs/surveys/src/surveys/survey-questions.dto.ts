import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONDITION_OPERATORS, type ConditionOperator, QUESTION_TYPES, type QuestionType } from '@polity/contracts';
import { trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { QuestionInput } from '../questions/question-definition';

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const KEY_MESSAGE = 'must be 1 to 40 lowercase letters, digits or _, starting with a letter';

export class ChoiceDto {
  @ApiProperty({ example: 'bus', description: 'Stable key used in answers, conditions, results and CSV columns' })
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key: string;

  @ApiProperty({ example: 'By bus' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;
}

export class DisplayConditionDto {
  @ApiProperty({ description: 'Key of an earlier question' })
  @Matches(KEY, { message: `question ${KEY_MESSAGE}` })
  question: string;

  @ApiProperty({ enum: CONDITION_OPERATORS })
  @IsIn(CONDITION_OPERATORS)
  operator: ConditionOperator;

  @ApiPropertyOptional({
    description: 'equals / includes: an option key, a number or a text',
    oneOf: [{ type: 'string' }, { type: 'number' }],
  })
  @IsOptional()
  @ValidateIf((_, value) => typeof value !== 'number')
  @IsString()
  @MaxLength(200)
  value?: string | number;

  @ApiPropertyOptional({ description: 'in_range: inclusive lower bound' })
  @IsOptional()
  @IsNumber()
  min?: number;

  @ApiPropertyOptional({ description: 'in_range: inclusive upper bound' })
  @IsOptional()
  @IsNumber()
  max?: number;
}

/** One question (or section heading). Which fields apply depends on `type`; the rest are ignored. */
export class QuestionDto implements QuestionInput {
  @ApiProperty({ example: 'transport', description: 'Stable key, unique in the survey' })
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @ApiProperty({ maxLength: 300 })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ type: DisplayConditionDto, nullable: true, description: 'Shown only when an earlier answer matches' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisplayConditionDto)
  condition?: DisplayConditionDto | null;

  @ApiPropertyOptional({ type: [ChoiceDto], description: 'Choice, ranking and matrix (its columns) questions' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChoiceDto)
  options?: ChoiceDto[];

  @ApiPropertyOptional({ description: 'Adds “other, please say” to a choice question' })
  @IsOptional()
  @IsBoolean()
  allowOther?: boolean;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  minChoices?: number | null;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxChoices?: number | null;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  minLength?: number | null;

  @ApiPropertyOptional({ minimum: 1, description: 'At most 200 for short text, 5000 for long text' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxLength?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  min?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  max?: number | null;

  @ApiPropertyOptional({ description: 'Number questions: whole numbers only' })
  @IsOptional()
  @IsBoolean()
  integer?: boolean;

  @ApiPropertyOptional({ minimum: 2, maximum: 11, default: 5, description: 'Scale 1..N' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(11)
  scalePoints?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lowLabel?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  highLabel?: string | null;

  @ApiPropertyOptional({ minimum: 1, nullable: true, description: 'Ranking: rank the top k; absent ranks all' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rankCount?: number | null;

  @ApiPropertyOptional({ type: [ChoiceDto], description: 'Matrix rows' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChoiceDto)
  rows?: ChoiceDto[];
}

export class AddQuestionDto extends QuestionDto {
  @ApiPropertyOptional({ minimum: 0, description: 'Where to insert it (0 = first); the end when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class ReorderQuestionsDto {
  @ApiProperty({ type: [String], description: 'Every question key, in the new order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(KEY, { each: true, message: `each key ${KEY_MESSAGE}` })
  keys: string[];
}
