import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../auth/auth.decorators';
import type { Page } from '../pagination/cursor';
import { AuditLog } from './audit-log';
import { AuditEntryDto, AuditPageDto, ListAuditQueryDto } from './audit.dto';

/** The internal audit log, newest first; admins only. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly log: AuditLog) {}

  /** Reads the audit log, newest first, filtered by actor, action prefix or target. Admins only. */
  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.log.list(query);
  }
}
