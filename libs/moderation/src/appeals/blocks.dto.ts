import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trimString } from '@polity/platform';
import { Transform } from 'class-transformer';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateBlockDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({ minLength: 5, maxLength: 1000, description: 'Told to the person when they try to contribute' })
  @Transform(trimString)
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the block ends; permanent without' })
  @IsOptional()
  @IsDateString()
  until?: string;
}

export class BlockIdParamsDto {
  @IsUUID()
  blockId: string;
}

export class BlockDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) until: string | null;
  @ApiProperty({ format: 'uuid' }) blockedById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
