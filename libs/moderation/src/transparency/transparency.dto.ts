import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { kindsWith, type ModerationLogEntryView, type ResourceKind } from '@polity/contracts';
import { KindField, TimeWindowPageQueryDto } from '@polity/platform';
import { IsDateString, IsOptional } from 'class-validator';

export class ModerationLogQueryDto extends TimeWindowPageQueryDto {
  @KindField({ kinds: kindsWith('moderation'), optional: true, description: 'Only entries about this kind' })
  kind?: ResourceKind;
}

export class StatsQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to 30 days ago' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

export class ModerationLogEntryDto implements ModerationLogEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() contentKind: string;
  @ApiProperty() reason: ModerationLogEntryView['reason'];
  @ApiProperty() action: ModerationLogEntryView['action'];
  @ApiProperty() origin: ModerationLogEntryView['origin'];
  @ApiProperty({ type: [String] }) rules: string[];
}

export class ModerationLogPageDto {
  @ApiProperty({ type: ModerationLogEntryDto, isArray: true }) items: ModerationLogEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ModerationStatsDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ description: 'Contributions screened (each version once)' }) screened: number;
  @ApiProperty({ description: 'Screenings whose score reached the hold threshold' }) flagged: number;
  @ApiProperty({ description: 'Reports filed' }) reports: number;
  @ApiProperty() held: number;
  @ApiProperty() hidden: number;
  @ApiProperty() restored: number;
  @ApiProperty() dismissed: number;
  @ApiProperty() authorsBlocked: number;
  @ApiProperty() appeals: number;
  @ApiProperty({ description: 'Appeals whose decision stood' }) appealsUpheld: number;
  @ApiProperty() appealsOverturned: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median seconds from entering the queue to a decision' })
  medianSecondsToDecision: number | null;
}
