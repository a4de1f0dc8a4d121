import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '../pagination/cursor';
import { newestFirstPage } from '../pagination/newest-first';
import { AuditEntryEntity } from './audit-entry.entity';
import type { AuditEntryDto, ListAuditQueryDto } from './audit.dto';

/** Reading the audit log, newest first, by actor, action (or a prefix ending in a dot) and target; for admins. */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(AuditEntryEntity, 'a');
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action?.endsWith('.')) builder.andWhere('starts_with(a.action, :action)', { action: query.action });
    else if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.targetKind) builder.andWhere('a.target_kind = :targetKind', { targetKind: query.targetKind });
    if (query.targetId) builder.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    const page = await newestFirstPage(builder, 'occurred_at', (row) => row.occurredAt, query);
    return { items: page.items.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })), nextCursor: page.nextCursor };
  }
}
