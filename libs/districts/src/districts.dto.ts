import { trimString } from '@polity/platform';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class DistrictCodeParamsDto {
  @ApiProperty({ example: 'north' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'code must be lower-case letters, digits and dashes (at most 40)' })
  code: string;
}

export class SaveDistrictDto {
  @ApiProperty({ example: 'North' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;
}

export class DistrictDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}
