import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTCOME_RULES, type OutcomeRule } from '@polity/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { OUTCOME_STATUSES, type OutcomeStatus } from '../entities/budget-outcome.entity';
import { EQUAL_SHARES_COMPLETIONS, type EqualSharesCompletion } from '../rules/equal-shares/equal-shares.rule';

export class OutcomeOptionsDto {
  @ApiPropertyOptional({ enum: EQUAL_SHARES_COMPLETIONS, default: 'add1-greedy', description: 'equal-shares' })
  @IsOptional()
  @IsIn(EQUAL_SHARES_COMPLETIONS)
  completion?: EqualSharesCompletion;

  @ApiPropertyOptional({ default: true, description: 'equal-shares with add1: stop at the first exhaustive outcome' })
  @IsOptional()
  @IsBoolean()
  exhaustiveStop?: boolean;

  @ApiPropertyOptional({ default: false, description: 'greedy: stop at the first project that does not fit' })
  @IsOptional()
  @IsBoolean()
  stopAtFirstMisfit?: boolean;
}

export class RequestOutcomeDto {
  @ApiProperty({ enum: OUTCOME_RULES })
  @IsIn(OUTCOME_RULES)
  rule: OutcomeRule;

  @ApiPropertyOptional({ type: OutcomeOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutcomeOptionsDto)
  options?: OutcomeOptionsDto;
}

export class OutcomeQueryDto {
  @ApiPropertyOptional({ enum: OUTCOME_RULES, description: 'Officials: the latest outcome under this rule. Others see the published one.' })
  @IsOptional()
  @IsIn(OUTCOME_RULES)
  rule?: OutcomeRule;
}

export class OutcomeParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  outcomeId: string;
}

export class OutcomeProjectDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty() cost: number;
  @ApiProperty() votes: number;
  @ApiProperty() points: number;
}

export class OutcomeWinnerDto extends OutcomeProjectDto {
  @ApiProperty({ enum: ['rule', 'completion'] }) selectedBy: 'rule' | 'completion';
}

export class EqualSharesRoundDto {
  @ApiProperty() round: number;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() title: string;
  @ApiProperty() cost: number;
  @ApiProperty() supporters: number;
  @ApiProperty({ description: 'The most one supporter paid (per approval or point), e.g. "123.45"' }) maxPayment: string;
  @ApiProperty({ description: 'maxPayment / cost: the price of a unit of benefit; the lowest wins a round' }) effectivePrice: string;
  @ApiProperty() payingFull: number;
  @ApiProperty({ description: 'Supporters with less left than maxPayment, who paid all they had' }) payingAllTheyHad: number;
  @ApiProperty({ description: 'Money all voters still held after the round' }) moneyLeft: string;
}

export class EqualSharesReportDto {
  @ApiProperty({ description: "Each voter's share where add1 started: floor(budget / voters)" }) initialShare: string;
  @ApiProperty({ description: "Each voter's share in the run that gave the outcome" }) share: string;
  @ApiProperty() runs: number;
  @ApiProperty({ type: [EqualSharesRoundDto] }) rounds: EqualSharesRoundDto[];
}

export class PotOutcomeDto {
  @ApiProperty({ type: String, nullable: true }) district: string | null;
  @ApiProperty() budget: number;
  @ApiProperty() voters: number;
  @ApiProperty({ type: [OutcomeWinnerDto] }) winners: OutcomeWinnerDto[];
  @ApiProperty() totalCost: number;
  @ApiProperty() leftover: number;
  @ApiProperty({ type: [OutcomeProjectDto], description: 'Projects with votes that were not funded' }) notFunded: OutcomeProjectDto[];
  @ApiProperty({ type: EqualSharesReportDto, nullable: true }) equalShares: EqualSharesReportDto | null;
}

export class OutcomeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) budgetId: string;
  @ApiProperty({ enum: OUTCOME_RULES }) rule: OutcomeRule;
  @ApiProperty({ type: 'object', additionalProperties: true }) options: Record<string, unknown>;
  @ApiProperty({ enum: OUTCOME_STATUSES }) status: OutcomeStatus;
  @ApiProperty({ description: 'Computed while voting was open, or ballots changed since: it may not be published' }) stale: boolean;
  @ApiProperty() published: boolean;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ type: String, nullable: true }) computedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) failure: string | null;
  @ApiProperty({ type: Number, nullable: true }) ballots: number | null;
  @ApiProperty({ type: Number, nullable: true }) paperBallots: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Over all pots' }) totalCost: number | null;
  @ApiProperty({ type: Number, nullable: true }) leftover: number | null;
  @ApiProperty({ type: [PotOutcomeDto], nullable: true }) pots: PotOutcomeDto[] | null;
}
