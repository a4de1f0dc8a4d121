import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  CONTENT_STATES,
  type ContentState,
  PROPOSAL_STATUSES,
  type AuthorView,
  type ProposalAnswerView,
  type ProposalStatus,
  type ProposalReaderView,
} from '@polity/contracts';
import { AuthorDto, PageQueryDto, TitleField, trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const normaliseTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)) : value;

export class LocationDto {
  @ApiProperty({ example: 52.37 }) @IsLatitude() lat: number;
  @ApiProperty({ example: 4.89 }) @IsLongitude() lng: number;
}

export class CreateProposalDto {
  @TitleField()
  title: string;

  @ApiProperty({ maxLength: 10_000, description: 'Plain text or the Markdown subset' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  body: string;

  @ApiPropertyOptional({ type: String, isArray: true, example: ['mobility', 'safety'] })
  @IsOptional()
  @Transform(normaliseTags)
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u, { each: true, message: 'each tag is one word of letters, digits and dashes (≤ 30)' })
  tags: string[] = [];

  @ApiPropertyOptional({ description: 'A district code from /api/v1/districts' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;
}

/** Title and body as on creation, all optional; district and location may be cleared with null. */
export class UpdateProposalDto extends PartialType(OmitType(CreateProposalDto, ['tags', 'district', 'location'] as const)) {
  @ApiPropertyOptional({ type: String, isArray: true })
  @IsOptional()
  @Transform(normaliseTags)
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u, { each: true, message: 'each tag is one word of letters, digits and dashes (≤ 30)' })
  tags?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_dto, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string | null;

  @ApiPropertyOptional({ type: LocationDto, nullable: true })
  @ValidateIf((_dto, value) => value !== null)
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto | null;
}

export class WithdrawProposalDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export const ANSWERABLE_STATUSES = ['evaluating', 'accepted', 'rejected', 'implemented'] as const;

export class AnswerProposalDto {
  @ApiProperty({ enum: ANSWERABLE_STATUSES })
  @IsIn(ANSWERABLE_STATUSES)
  status: (typeof ANSWERABLE_STATUSES)[number];

  @ApiProperty({ maxLength: 10_000 })
  @Transform(trimString)
  @IsString()
  @MinLength(3)
  @MaxLength(10_000)
  answer: string;
}

export class SupportProposalDto {
  @ApiPropertyOptional({ default: true, description: 'Follow the proposal too (supporters do unless they opt out)' })
  @IsOptional()
  @IsBoolean()
  follow?: boolean;
}

export class ProposalIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export const PROPOSAL_SORTS = ['newest', 'most_supported', 'most_commented', 'random'] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];

export class ListProposalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES, description: 'Default: every status but withdrawn' })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(30)
  tag?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional({ description: 'Full-text search in titles and bodies' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(PROPOSAL_SORTS)
  sort: ProposalSort = 'newest';

  @ApiPropertyOptional({ description: 'For sort=random: the same seed gives the same order, so pages never repeat' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  seed?: string;
}

class AnswerDto implements ProposalAnswerView {
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty() text: string;
  @ApiProperty({ type: AuthorDto }) answeredBy: AuthorView;
  @ApiProperty() answeredAt: string;
}

export class ProposalDto implements ProposalReaderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'The body rendered to allow-listed HTML' }) bodyHtml: string;
  @ApiProperty({ type: String, isArray: true }) tags: string[];
  @ApiProperty({ type: String, nullable: true }) district: string | null;
  @ApiProperty({ type: LocationDto, nullable: true }) location: { lat: number; lng: number } | null;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ type: String, nullable: true }) withdrawnReason: string | null;
  @ApiProperty({ type: AuthorDto }) author: AuthorView;
  @ApiProperty() supportCount: number;
  @ApiProperty() commentCount: number;
  @ApiProperty({ type: String, nullable: true }) thresholdReachedAt: string | null;
  @ApiProperty({ type: AnswerDto, nullable: true }) answer: ProposalAnswerView | null;
  @ApiProperty({
    description:
      'The author may still edit: published, not hidden, nobody has supported or commented yet (deleted and held comments count)',
  })
  editable: boolean;
  @ApiProperty({ enum: CONTENT_STATES }) moderationState: ContentState;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Whether the caller supports it (false when signed out)' }) supportedByMe: boolean;
}

export class ProposalPageDto {
  @ApiProperty({ type: ProposalDto, isArray: true }) items: ProposalDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class SupportStateDto {
  @ApiProperty() supportCount: number;
  @ApiProperty() supportedByMe: boolean;
}
