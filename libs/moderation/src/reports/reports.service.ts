import { Injectable } from '@nestjs/common';
import type { ReportReason } from '@polity/contracts';
import { isUniqueViolation, ModeratableContents, ModerationConfig, Principal, Problems, Transaction, UnitOfWork } from '@polity/platform';
import { ModerationItemEntity } from '../entities/moderation-item.entity';
import { ModerationReportEntity } from '../entities/moderation-report.entity';
import { enqueue, lockItem, writeLog } from '../moderation-records';
import type { CreateReportDto, ReportReceiptDto } from './reports.dto';

/**
 * Anyone signed in may report visible content once. A report puts the item in the queue; when
 * enough distinct people have reported it, it is held until a moderator decides.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly contents: ModeratableContents,
    private readonly config: ModerationConfig,
  ) {}

  async report(principal: Principal, input: CreateReportDto): Promise<ReportReceiptDto> {
    if (!this.contents.has(input.kind)) {
      throw Problems.unprocessable('unknown_kind', `Content of kind ${input.kind} cannot be reported.`, [
        { field: 'kind', rule: 'moderatable_kind', message: 'not a kind of content that can be reported' },
      ]);
    }
    try {
      return await this.unitOfWork.run(async (tx) => {
        const content = await this.contents.loadOne(tx.manager, input.kind, input.id);
        if (!content || content.deleted || content.state !== 'visible') throw Problems.notFound('That content');
        if (content.authorId === principal.userId) throw Problems.forbidden('own_content', 'You cannot report your own contribution.');
        const item = await lockItem(tx, input.kind, input.id, content.authorId, content.state);
        const report = await tx.manager.save(
          tx.manager.create(ModerationReportEntity, {
            itemId: item.id,
            reporterId: principal.userId,
            reason: input.reason,
            note: input.note ?? null,
          }),
        );
        await this.afterReport(tx, item);
        return { id: report.id, kind: input.kind, contentId: input.id, reason: report.reason, createdAt: report.createdAt.toISOString() };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_moderation_report_reporter')) {
        throw Problems.conflict('already_reported', 'You have already reported this; a moderator will look at it.');
      }
      throw error;
    }
  }

  private async afterReport(tx: Transaction, item: ModerationItemEntity): Promise<void> {
    const [{ reporters, reason }] = await tx.manager.query<{ reporters: string; reason: ReportReason }[]>(
      `SELECT count(*) AS reporters, mode() WITHIN GROUP (ORDER BY reason) AS reason
         FROM moderation_report WHERE item_id = $1 AND resolved_at IS NULL`,
      [item.id],
    );
    item.reportCount = Number(reporters);
    if (item.state === 'visible' && item.reportCount >= this.config.reportsToHold) {
      await this.contents.get(item.kind).setState(tx, [item.contentId], 'held');
      item.state = 'held';
      item.heldBy = 'reports';
      enqueue(item, 'reports');
      await writeLog(tx, { contentKind: item.kind, reason, action: 'held', origin: 'reports' });
    } else if (!item.open) {
      enqueue(item, 'reports');
    }
    await tx.manager.save(item);
    tx.publish('moderation.item_queued', { itemId: item.id });
  }
}
