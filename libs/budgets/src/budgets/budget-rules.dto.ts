import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BALLOT_KINDS, type BallotKind } from '@polity/contracts';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

const LIMIT = 100_000;

/** The ballot a budget uses. Limits that do not apply to the kind must be left out. */
export class BallotRulesDto {
  @ApiProperty({ enum: BALLOT_KINDS })
  @IsIn(BALLOT_KINDS)
  kind: BallotKind;

  @ApiPropertyOptional({ minimum: 1, description: 'approval, cumulative: fewest projects a ballot holds' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMIT)
  minProjects?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'approval, cumulative: most projects a ballot holds (k-approval)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMIT)
  maxProjects?: number;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', enum: ['budget'] },
    ],
    description: "approval: the chosen projects may cost at most this, or the pot's amount with 'budget' (knapsack)",
  })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== 'budget')
  @IsInt()
  @Min(1)
  maxCost?: number | 'budget';

  @ApiPropertyOptional({ minimum: 1, description: 'cumulative (required): points to give in all' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMIT)
  maxPoints?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'cumulative: most points for one project' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMIT)
  maxPointsPerProject?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'ordinal: fewest projects a ranking holds' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMIT)
  minLength?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'ordinal: most projects a ranking holds' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMIT)
  maxLength?: number;
}
