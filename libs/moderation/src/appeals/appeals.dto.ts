import { ApiProperty } from '@nestjs/swagger';
import { APPEAL_OUTCOMES, type AppealOutcome } from '@polity/contracts';
import { trimString } from '@polity/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class DecisionIdParamsDto {
  @IsUUID()
  decisionId: string;
}

export class AppealIdParamsDto {
  @IsUUID()
  appealId: string;
}

export class CreateAppealDto {
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Why the decision should be reviewed' })
  @Transform(trimString)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  statement: string;
}

export class DecideAppealDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES, description: '`upheld`: the decision stands; `overturned`: it is reversed' })
  @IsIn(APPEAL_OUTCOMES)
  outcome: AppealOutcome;

  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'The reasons, told to the author; this decision is final' })
  @Transform(trimString)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  statement: string;
}
