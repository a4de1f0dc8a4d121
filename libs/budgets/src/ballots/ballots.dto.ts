import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@polity/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const MAX_CHOICES = 500;

/** The ballot's content: the one field of the budget's ballot kind, and the district where there are several. */
export class BallotChoicesDto {
  @ApiPropertyOptional({ type: [String], description: 'approval ballots: the chosen projects' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHOICES)
  @IsUUID('all', { each: true })
  projectIds?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'cumulative ballots: points per project id',
  })
  @IsOptional()
  @IsObject()
  points?: Record<string, number>;

  @ApiPropertyOptional({ type: [String], description: 'ordinal ballots: project ids, best first' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHOICES)
  @IsUUID('all', { each: true })
  ranking?: string[];

  @ApiPropertyOptional({ description: "The district's pot the ballot is for (budgets with districts)" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;
}

export class CastBallotDto extends BallotChoicesDto {
  @ApiPropertyOptional({ default: true, description: 'Follow the budget to hear of its outcome' })
  @IsOptional()
  @IsBoolean()
  follow?: boolean;
}

const REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N}._:/#-]{0,79}$/u;

export class PaperBallotDto extends BallotChoicesDto {
  @ApiProperty({ description: 'The ballot paper’s reference, e.g. box-3/0127; never a person' })
  @IsString()
  @Matches(REFERENCE, { message: 'reference is 1–80 letters, digits and ._:/#-' })
  reference: string;
}

export class ImportPaperBallotsDto {
  @ApiProperty({ type: [PaperBallotDto], description: 'At most 5000 per request; a reference sent again replaces its ballot' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PaperBallotDto)
  ballots: PaperBallotDto[];
}

export class BallotQueryDto {
  @ApiPropertyOptional({ description: 'Which district’s ballot, where residents vote in each' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;
}

export class PaperBallotParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty()
  @Matches(REFERENCE)
  reference: string;
}

export class ListPaperBallotsQueryDto extends PageQueryDto {}

export class BallotDto {
  @ApiProperty({ format: 'uuid' }) budgetId: string;
  @ApiProperty({ type: String, nullable: true }) district: string | null;
  @ApiProperty({ type: [String], description: 'Every chosen project (for ordinal ballots, best first)' }) projectIds: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, nullable: true }) points: Record<string, number> | null;
  @ApiProperty({ type: [String], nullable: true }) ranking: string[] | null;
  @ApiProperty() totalCost: number;
  @ApiProperty() paper: boolean;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() updatedAt: string;
}

export class BallotPageDto {
  @ApiProperty({ type: [BallotDto] }) items: BallotDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class PaperBallotImportResultDto {
  @ApiProperty() imported: number;
}
