import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  DECIDABLE_PROPOSAL_STATUSES,
  type DecidableProposalStatus,
  DECISION_OUTCOMES,
  type DecisionOutcome,
  LINKABLE_KINDS,
  type LinkableKind,
  ROLL_CALL_VOTES,
  type RollCallVote,
} from '@polity/contracts';
import { BodyField, PageQueryDto, trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class VoteCountDto {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100_000) for: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100_000) against: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(100_000) abstain: number;
}

export class RollCallEntryDto {
  @ApiProperty({ maxLength: 120, description: "A councillor's name" })
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: ROLL_CALL_VOTES })
  @IsIn(ROLL_CALL_VOTES)
  vote: RollCallVote;
}

export class RecordDecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome: DecisionOutcome;

  @BodyField(20_000, 'What was decided (plain text or the Markdown subset)')
  text: string;

  @ApiPropertyOptional({ type: VoteCountDto, description: 'Required unless a roll call is given (then counted from it)' })
  @ValidateIf((decision: RecordDecisionDto) => decision.rollCall === undefined || decision.votes !== undefined)
  @ValidateNested()
  @Type(() => VoteCountDto)
  votes?: VoteCountDto;

  @ApiPropertyOptional({ type: RollCallEntryDto, isArray: true, description: 'Votes by name, for roll-call votes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RollCallEntryDto)
  rollCall?: RollCallEntryDto[];

  @ApiPropertyOptional({ enum: DECIDABLE_PROPOSAL_STATUSES, nullable: true, description: 'The status every linked proposal takes' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(DECIDABLE_PROPOSAL_STATUSES)
  proposalStatus?: DecidableProposalStatus | null;
}

export class CorrectDecisionDto extends PartialType(RecordDecisionDto) {
  @BodyField(2_000, 'Why the record is corrected; shown beside the correction')
  reason: string;
}

export class DecisionParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  decisionId: string;
}

export class DecidedResourceParamsDto {
  @ApiProperty({ enum: LINKABLE_KINDS })
  @IsIn(LINKABLE_KINDS)
  kind: LinkableKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class DecisionsQueryDto extends PageQueryDto {}
