import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { kindsWith, REPORT_REASONS, type ReportReason, type ResourceKind } from '@polity/contracts';
import { KindField, trimString } from '@polity/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateReportDto {
  @KindField({ kinds: kindsWith('moderation'), description: 'What is reported' })
  kind: ResourceKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS)
  reason: ReportReason;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}

export class ReportReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ format: 'uuid' }) contentId: string;
  @ApiProperty({ enum: REPORT_REASONS }) reason: ReportReason;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
