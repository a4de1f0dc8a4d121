import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PersonalData, PersonalDataSource, Transaction } from '@polity/platform';
import { Repository } from 'typeorm';
import { ModerationAppealEntity } from './entities/moderation-appeal.entity';
import { ModerationBlockEntity } from './entities/moderation-block.entity';
import { ModerationReportEntity } from './entities/moderation-report.entity';
import { DecisionViews } from './queue/decision-views';

/**
 * A person's reports, appeals, blocks and the decisions about their contributions. Erasure keeps
 * the records moderation accountability needs but drops the free text the person wrote.
 */
@PersonalData('moderation')
@Injectable()
export class ModerationPersonalData implements PersonalDataSource {
  constructor(
    @InjectRepository(ModerationReportEntity) private readonly reports: Repository<ModerationReportEntity>,
    @InjectRepository(ModerationAppealEntity) private readonly appeals: Repository<ModerationAppealEntity>,
    @InjectRepository(ModerationBlockEntity) private readonly blocks: Repository<ModerationBlockEntity>,
    private readonly decisions: DecisionViews,
  ) {}

  async exportFor(userId: string): Promise<unknown> {
    const [reports, appeals, blocks, decisions] = await Promise.all([
      this.reports.find({ where: { reporterId: userId }, order: { createdAt: 'ASC' } }),
      this.appeals.find({ where: { authorId: userId }, order: { createdAt: 'ASC' } }),
      this.blocks.find({ where: { userId }, order: { createdAt: 'ASC' } }),
      this.decisions.aboutAuthor(userId, 100, undefined),
    ]);
    return {
      reportsFiled: reports.map((r) => ({ itemId: r.itemId, reason: r.reason, note: r.note, at: r.createdAt })),
      appeals: appeals.map((a) => ({ decisionId: a.decisionId, statement: a.statement, outcome: a.outcome, at: a.createdAt })),
      blocks: blocks.map((b) => ({ reason: b.reason, until: b.until, liftedAt: b.liftedAt, at: b.createdAt })),
      decisionsAboutMyContributions: decisions.items,
    };
  }

  async eraseFor(userId: string, tx: Transaction): Promise<void> {
    await tx.manager.update(ModerationReportEntity, { reporterId: userId }, { note: null });
    await tx.manager.update(ModerationAppealEntity, { authorId: userId }, { statement: null });
  }
}
