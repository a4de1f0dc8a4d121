import { trimString } from '@polity/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class CensusUploadQueryDto {
  @ApiPropertyOptional({
    enum: ['merge', 'replace'],
    default: 'merge',
    description: 'replace drops unclaimed entries missing from this file',
  })
  @IsOptional()
  @IsIn(['merge', 'replace'])
  mode: 'merge' | 'replace' = 'merge';
}

export class CensusUploadResponseDto {
  @ApiProperty({ format: 'uuid' }) uploadId: string;
  @ApiProperty({ enum: ['birth_date', 'postcode'] }) secondary: 'birth_date' | 'postcode';
  @ApiProperty() rows: number;
  @ApiProperty({ description: 'Residents new to the census' }) added: number;
  @ApiProperty({ description: 'Unclaimed entries dropped (replace mode)' }) removed: number;
}

export class CensusStatsResponseDto {
  @ApiProperty() entries: number;
  @ApiProperty() claimed: number;
}

export class VerifyResidentDto {
  @ApiProperty({ description: 'The resident identifier the council issued (national id, resident number, …)' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  identifier: string;

  @ApiPropertyOptional({ example: '1984-03-09', description: 'Needed when the census pairs identifiers with birth dates' })
  @ValidateIf((dto: VerifyResidentDto) => dto.postcode === undefined || dto.birthDate !== undefined)
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date as YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ example: '1011 AB', description: 'Needed when the census pairs identifiers with postcodes' })
  @ValidateIf((dto: VerifyResidentDto) => dto.birthDate === undefined || dto.postcode !== undefined)
  @Transform(trimString)
  @IsString()
  @MinLength(2)
  @MaxLength(16)
  postcode?: string;
}
