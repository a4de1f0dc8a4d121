import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { MEETING_STATUSES, type MeetingStatus } from '@polity/contracts';
import { BodyField, PageQueryDto, ResourceLinkDto, SingleLineText, TitleField, trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Trimmed text of `min` to `max` characters. */
const Text = (max: number, min = 0): PropertyDecorator =>
  applyDecorators(Transform(trimString), IsString(), MinLength(min), MaxLength(max));

export class CreateMeetingDto {
  @ApiProperty({ example: 'City council', maxLength: 120 })
  @SingleLineText(120, 2)
  body: string;

  @TitleField()
  title: string;

  @ApiPropertyOptional({ maxLength: 20_000, description: 'Plain text or the Markdown subset' })
  @IsOptional()
  @Text(20_000)
  description: string = '';

  @ApiProperty({ example: 'Town hall, council chamber', maxLength: 300 })
  @SingleLineText(300, 2)
  place: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  scheduledAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Expected end; calendars assume two hours without it' })
  @IsOptional()
  @IsDateString({ strict: true })
  endsAt?: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'A YouTube, Vimeo or PeerTube video address, or an https .m3u8 playlist on an allowed host',
    example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  streamUrl?: string | null;
}

export class UpdateMeetingDto extends PartialType(CreateMeetingDto) {
  @ApiPropertyOptional({ nullable: true, description: 'Where to watch the meeting afterwards (https)' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  recordingUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 200_000, description: 'Markdown' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200_000)
  minutes?: string | null;
}

export class CreateAgendaItemDto {
  @TitleField()
  title: string;

  @ApiPropertyOptional({ maxLength: 20_000 })
  @IsOptional()
  @Text(20_000)
  description: string = '';

  @ApiPropertyOptional({
    type: ResourceLinkDto,
    isArray: true,
    description: 'Threads, proposals, budgets, projects or surveys it concerns',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ResourceLinkDto)
  links: ResourceLinkDto[] = [];
}

export class UpdateAgendaItemDto extends PartialType(CreateAgendaItemDto) {}

export class ReorderAgendaDto {
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'Every item of the agenda, in the new order' })
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  itemIds: string[];
}

export class MeetingIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class AgendaItemParamsDto extends MeetingIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId: string;
}

export class ListMeetingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'], default: 'upcoming', description: 'Upcoming: soonest first; past: latest first' })
  @IsOptional()
  @IsIn(['upcoming', 'past'])
  when: 'upcoming' | 'past' = 'upcoming';

  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
}

export class CancelMeetingDto {
  @BodyField(1_000, 'Why the meeting is called off, shown to residents and in calendars')
  reason: string;
}
