import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  BALLOT_KINDS,
  BUDGET_PHASES,
  DISTRICT_VOTING,
  type BallotKind,
  type BallotRulesView,
  type BudgetPhase,
  type BudgetScheduleView,
  type BudgetView,
  type DistrictVoting,
} from '@polity/contracts';
import { PageQueryDto, TitleField, trimString } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BallotRulesDto } from './budget-rules.dto';

const MAX_AMOUNT = 1e15;

export class BudgetDistrictDto {
  @ApiProperty({ description: 'A district code from /api/v1/districts' })
  @IsString()
  @MaxLength(40)
  code: string;

  @ApiProperty({ minimum: 1, description: 'Whole currency units' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT)
  amount: number;
}

export class BudgetScheduleDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  proposingStartsAt?: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  reviewingStartsAt?: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  votingStartsAt?: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Voting closes at this moment' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  votingEndsAt?: Date | null;
}

export class CreateBudgetDto {
  @TitleField()
  title: string;

  @ApiProperty({ maxLength: 20_000, description: 'Plain text or the Markdown subset' })
  @Transform(trimString)
  @IsString()
  @MaxLength(20_000)
  description: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiProperty({ minimum: 1, description: 'Whole currency units; with districts, the sum of their amounts' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT)
  totalAmount: number;

  @ApiProperty({ type: BallotRulesDto })
  @ValidateNested()
  @Type(() => BallotRulesDto)
  ballot: BallotRulesDto;

  @ApiPropertyOptional({ type: [BudgetDistrictDto], description: 'Each district its own pot; projects then belong to one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BudgetDistrictDto)
  districts?: BudgetDistrictDto[];

  @ApiPropertyOptional({ enum: DISTRICT_VOTING, description: 'With districts: vote in one district, or in each' })
  @IsOptional()
  @IsIn(DISTRICT_VOTING)
  districtVoting?: DistrictVoting;

  @ApiPropertyOptional({ default: false, description: 'Only residents verified against the census may vote (binding votes)' })
  @IsOptional()
  @IsBoolean()
  requireVerified?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Show running totals while voting is open' })
  @IsOptional()
  @IsBoolean()
  liveResults?: boolean;

  @ApiPropertyOptional({ type: BudgetScheduleDto, description: 'When each phase starts; the worker moves the budget on time' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BudgetScheduleDto)
  schedule?: BudgetScheduleDto;
}

/** Any of the creation fields; what may still change depends on the phase. */
export class UpdateBudgetDto extends PartialType(CreateBudgetDto) {}

export class ChangePhaseDto {
  @ApiProperty({ enum: BUDGET_PHASES.filter((phase) => phase !== 'draft' && phase !== 'published') })
  @IsIn(['proposing', 'reviewing', 'voting', 'closed'])
  phase: BudgetPhase;
}

export class BudgetIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class ListBudgetsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BUDGET_PHASES, description: 'Drafts are listed for officials only' })
  @IsOptional()
  @IsIn(BUDGET_PHASES)
  phase?: BudgetPhase;
}

class BallotRulesViewDto implements BallotRulesView {
  @ApiProperty({ enum: BALLOT_KINDS }) kind: BallotKind;
  @ApiProperty({ type: Number, nullable: true }) minProjects: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxProjects: number | null;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['budget'] }], nullable: true }) maxCost: number | 'budget' | null;
  @ApiProperty({ type: Number, nullable: true }) maxPoints: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxPointsPerProject: number | null;
  @ApiProperty({ type: Number, nullable: true }) minLength: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxLength: number | null;
}

class BudgetScheduleViewDto implements BudgetScheduleView {
  @ApiProperty({ type: String, nullable: true }) proposingStartsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewingStartsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) votingStartsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) votingEndsAt: string | null;
}

class BudgetDistrictViewDto {
  @ApiProperty() code: string;
  @ApiProperty() amount: number;
}

export class BudgetDto implements BudgetView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() currency: string;
  @ApiProperty() totalAmount: number;
  @ApiProperty({ enum: BUDGET_PHASES }) phase: BudgetPhase;
  @ApiProperty({ type: BudgetScheduleViewDto }) schedule: BudgetScheduleView;
  @ApiProperty({ type: BallotRulesViewDto }) ballot: BallotRulesView;
  @ApiProperty({ type: [BudgetDistrictViewDto] }) districts: { code: string; amount: number }[];
  @ApiProperty({ enum: DISTRICT_VOTING, nullable: true }) districtVoting: DistrictVoting | null;
  @ApiProperty() requireVerified: boolean;
  @ApiProperty() liveResults: boolean;
  @ApiProperty({ type: String, nullable: true }) publishedOutcomeId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class BudgetPageDto {
  @ApiProperty({ type: [BudgetDto] }) items: BudgetDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
