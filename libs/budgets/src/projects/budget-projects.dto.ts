import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import {
  type AuthorView,
  type BudgetProjectView,
  FEASIBILITIES,
  type Feasibility,
  CONTENT_STATES,
  type ContentState,
} from '@polity/contracts';
import { AuthorDto, TitleField, trimString } from '@polity/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export class CreateBudgetProjectDto {
  @TitleField()
  title: string;

  @ApiProperty({ maxLength: 10_000, description: 'Plain text or the Markdown subset' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  description: string;

  @ApiProperty({ minimum: 1, description: 'Whole currency units' })
  @IsInt()
  @Min(1)
  @Max(1e15)
  cost: number;

  @ApiPropertyOptional({ description: "Required when the budget has districts: one of the budget's" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  category?: string;

  @ApiPropertyOptional({ enum: ['pending', 'feasible'], description: 'Officials only: enter a project already found feasible' })
  @IsOptional()
  @IsIn(['pending', 'feasible'])
  feasibility?: 'pending' | 'feasible';
}

export class UpdateBudgetProjectDto extends PartialType(OmitType(CreateBudgetProjectDto, ['feasibility'] as const)) {}

/** Title and description come from the proposal; the official sets the cost (and district, category). */
export class ProjectFromProposalDto extends PickType(CreateBudgetProjectDto, ['cost', 'district', 'category'] as const) {
  @ApiProperty({ format: 'uuid', description: 'An accepted proposal' })
  @IsUUID()
  proposalId: string;
}

export class ReviewBudgetProjectDto {
  @ApiProperty({ enum: ['feasible', 'unfeasible'] })
  @IsIn(['feasible', 'unfeasible'])
  feasibility: 'feasible' | 'unfeasible';

  @ApiPropertyOptional({ maxLength: 5000, description: 'Required when unfeasible: why, for the residents' })
  @ValidateIf((dto: ReviewBudgetProjectDto) => dto.feasibility === 'unfeasible' || dto.reason !== undefined)
  @Transform(trimString)
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  reason?: string;
}

export class ListBudgetProjectsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional({ enum: FEASIBILITIES })
  @IsOptional()
  @IsIn(FEASIBILITIES)
  feasibility?: Feasibility;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  category?: string;
}

export class BudgetProjectIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  projectId: string;
}

export class BudgetProjectDto implements BudgetProjectView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) budgetId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() cost: number;
  @ApiProperty({ type: String, nullable: true }) district: string | null;
  @ApiProperty({ type: String, nullable: true }) category: string | null;
  @ApiProperty({ enum: FEASIBILITIES }) feasibility: Feasibility;
  @ApiProperty({ type: String, nullable: true }) unfeasibleReason: string | null;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty({ type: AuthorDto, nullable: true }) suggestedBy: AuthorView | null;
  @ApiProperty({ type: String, nullable: true }) sourceProposalId: string | null;
  @ApiProperty({ enum: CONTENT_STATES }) moderationState: ContentState;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class BudgetProjectListDto {
  @ApiProperty({ type: [BudgetProjectDto] }) items: BudgetProjectDto[];
}
