import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { MODERATION_MODES, type ModerationMode, REPORT_REASONS, type ReasonCategory } from '@polity/contracts';
import { IsHundredths, trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { ScreeningSettings } from '../screening/screening-settings';
import { TemplateKey } from './template-key';

const Score = (): PropertyDecorator => applyDecorators(IsHundredths(), Min(0), Max(10));

class WordsRuleDto {
  @ApiProperty({ type: [String] })
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(100, { each: true })
  terms: string[];
  @ApiProperty() @Score() score: number;
}
class LinksRuleDto {
  @ApiProperty() @IsInt() @Min(0) @Max(100) max: number;
  @ApiProperty() @Score() score: number;
}
class RepeatsRuleDto {
  @ApiProperty() @IsInt() @Min(1) @Max(10_000) minLength: number;
  @ApiProperty() @IsInt() @Min(1) @Max(1000) sameAuthor: number;
  @ApiProperty() @IsInt() @Min(1) @Max(1000) acrossAccounts: number;
  @ApiProperty() @IsInt() @Min(1) @Max(24 * 30) windowHours: number;
  @ApiProperty() @Score() score: number;
}
class RateRuleDto {
  @ApiProperty() @IsInt() @Min(1) @Max(1000) perMinute: number;
  @ApiProperty() @IsInt() @Min(1) @Max(100_000) perHour: number;
  @ApiProperty() @Score() score: number;
}
class ShoutingRuleDto {
  @ApiProperty() @IsInt() @Min(1) @Max(10_000) minLetters: number;
  @ApiProperty() @IsHundredths() @Min(0.1) @Max(1) ratio: number;
  @ApiProperty() @Score() score: number;
}

/** The whole set of screening rules, replaced at once. */
export class ScreeningSettingsDto implements ScreeningSettings {
  @ApiProperty({ description: 'Total score at which a contribution is held' })
  @IsHundredths()
  @Min(0.01)
  @Max(100)
  holdScore: number;
  @ApiProperty({ type: WordsRuleDto }) @ValidateNested() @Type(() => WordsRuleDto) words: WordsRuleDto;
  @ApiProperty({ type: LinksRuleDto }) @ValidateNested() @Type(() => LinksRuleDto) links: LinksRuleDto;
  @ApiProperty({ type: RepeatsRuleDto }) @ValidateNested() @Type(() => RepeatsRuleDto) repeats: RepeatsRuleDto;
  @ApiProperty({ type: RateRuleDto }) @ValidateNested() @Type(() => RateRuleDto) rate: RateRuleDto;
  @ApiProperty({ type: ShoutingRuleDto }) @ValidateNested() @Type(() => ShoutingRuleDto) shouting: ShoutingRuleDto;
}

const REASON_CATEGORIES = [...REPORT_REASONS, 'screening'] as const;

export class TemplateInputDto {
  @ApiProperty({ example: 'spam_advertising', description: 'snake_case, like report reasons (a hyphen is read as _)' })
  @TemplateKey()
  key: string;

  @ApiProperty({ maxLength: 120 })
  @Transform(trimString)
  @IsString()
  @MinLength(3)
  @MaxLength(120)
  title: string;

  @ApiProperty({ maxLength: 2000, description: 'The statement of reasons the author reads' })
  @Transform(trimString)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  body: string;

  @ApiProperty({ enum: REASON_CATEGORIES })
  @IsIn(REASON_CATEGORIES)
  reason: ReasonCategory;
}

export class TemplateDto extends TemplateInputDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TemplateKeyParamsDto {
  @TemplateKey()
  key: string;
}

export class PolicyScopeParamsDto {
  @ApiProperty({ description: '`*` (everything), a kind such as `budgets`, or `budgets:<id>`' })
  @Matches(/^(\*|[a-z][a-z-]{1,30}(:[0-9a-f-]{36})?)$/)
  scope: string;
}

export class PolicyInputDto {
  @ApiProperty({ enum: MODERATION_MODES })
  @IsIn(MODERATION_MODES)
  mode: ModerationMode;
}

export class PolicyDto {
  @ApiProperty() scope: string;
  @ApiProperty({ enum: MODERATION_MODES }) mode: ModerationMode;
}
