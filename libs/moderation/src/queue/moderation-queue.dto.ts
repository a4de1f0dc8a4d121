import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTENT_STATES,
  type ContentState,
  MODERATION_ACTIONS,
  type ModerationAction,
  type ModerationQueueItemView,
  kindsWith,
  REPORT_REASONS,
  type ResourceKind,
  type ReasonCategory,
} from '@polity/contracts';
import { KindField, PageQueryDto, trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import { TemplateKey } from '../settings/template-key';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

export const QUEUE_SORTS = ['oldest', 'newest', 'most_reported', 'highest_score'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
const REASON_CATEGORIES = [...REPORT_REASONS, 'screening'] as const;
const QUEUE_ORIGINS = ['screening', 'reports', 'premoderation', 'appeal'] as const;

export class ModerationQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONTENT_STATES })
  @IsOptional()
  @IsIn(CONTENT_STATES)
  state?: ContentState;

  @ApiPropertyOptional({ enum: REASON_CATEGORIES, description: 'A report reason, or `screening` for items the rules flagged' })
  @IsOptional()
  @IsIn(REASON_CATEGORIES)
  reason?: ReasonCategory;

  @KindField({ kinds: kindsWith('moderation'), optional: true, description: 'Only items of this kind' })
  kind?: ResourceKind;

  @ApiPropertyOptional({ enum: QUEUE_ORIGINS })
  @IsOptional()
  @IsIn(QUEUE_ORIGINS)
  origin?: (typeof QUEUE_ORIGINS)[number];

  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'oldest' })
  @IsOptional()
  @IsIn(QUEUE_SORTS)
  sort: QueueSort = 'oldest';
}

export class ModerationItemIdParamsDto {
  @IsUUID()
  itemId: string;
}

/** A decision; `statement` is added to the template's text (one of the two is needed to hide or block). */
export class DecisionInputDto {
  @ApiProperty({ enum: MODERATION_ACTIONS })
  @IsIn(MODERATION_ACTIONS)
  action: ModerationAction;

  @ApiPropertyOptional({ enum: REASON_CATEGORIES, description: 'Defaults to the template’s reason, else the most reported one' })
  @IsOptional()
  @IsIn(REASON_CATEGORIES)
  reason?: ReasonCategory;

  @ApiPropertyOptional({ description: 'Key of a statement template (`GET /moderation/templates`)' })
  @IsOptional()
  @TemplateKey()
  template?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  statement?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'With `block`: when the block ends; permanent without' })
  @IsOptional()
  @IsDateString()
  blockUntil?: string;
}

export class BulkDecisionDto extends DecisionInputDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 100 })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  @Type(() => String)
  itemIds: string[];
}

export class ModerationQueueItemDto implements ModerationQueueItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ format: 'uuid' }) contentId: string;
  @ApiProperty({ enum: CONTENT_STATES }) state: ContentState;
  @ApiProperty() open: boolean;
  @ApiProperty({ type: String, nullable: true }) origin: ModerationQueueItemView['origin'];
  @ApiProperty() author: { id: string; displayName: string };
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: Object, nullable: true }) screening: ModerationQueueItemView['screening'];
  @ApiProperty() reports: ModerationQueueItemView['reports'];
  @ApiProperty({ type: Object, nullable: true }) claim: ModerationQueueItemView['claim'];
  @ApiProperty({ type: String, nullable: true }) queuedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
}

export class ModerationQueuePageDto {
  @ApiProperty({ type: ModerationQueueItemDto, isArray: true }) items: ModerationQueueItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class BulkDecisionResultDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) decisionId?: string;
  @ApiPropertyOptional({ description: 'The problem code when not ok' }) code?: string;
  @ApiPropertyOptional() detail?: string;
}
