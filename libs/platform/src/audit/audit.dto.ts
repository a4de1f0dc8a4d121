import { canonicalKind } from '@polity/contracts';
import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { TimeWindowPageQueryDto } from '../pagination/newest-first';

export class ListAuditQueryDto extends TimeWindowPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'An action, or a prefix ending in a dot such as `moderation.`' })
  @IsOptional()
  @Matches(/^[a-z][a-z_.-]{0,60}$/)
  action?: string;

  @ApiPropertyOptional({
    description: 'What was acted on: a kind such as `proposals` or `budgets` (former spellings read as these), or `user`, `job`…',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => canonicalKind(value))
  @Matches(/^[a-z][a-z_-]{0,40}$/)
  targetKind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_-]{1,100}$/)
  targetId?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() targetKind: string;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: Object, nullable: true }) before: object | null;
  @ApiProperty({ type: Object, nullable: true }) after: object | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

export class AuditPageDto {
  @ApiProperty({ type: AuditEntryDto, isArray: true }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
