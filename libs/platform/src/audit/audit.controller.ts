import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RequireRoles } from '../auth/auth.decorators';
import type { Page } from '../pagination/cursor';
import { newestFirstPage } from '../pagination/newest-first';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditEntryDto, AuditPageDto, ListAuditQueryDto } from './audit.dto';

/** The internal audit log, newest first; admins only. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Reads the audit log, newest first, filtered by actor, action prefix or target. Admins only. */
  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    const builder = this.entries.createQueryBuilder('a');
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action?.endsWith('.')) builder.andWhere('starts_with(a.action, :action)', { action: query.action });
    else if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.targetKind) builder.andWhere('a.target_kind = :targetKind', { targetKind: query.targetKind });
    if (query.targetId) builder.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    const page = await newestFirstPage(builder, 'occurred_at', (row) => row.occurredAt, query);
    return { items: page.items.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })), nextCursor: page.nextCursor };
  }
}
