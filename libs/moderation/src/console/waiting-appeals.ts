import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ModerationAction } from '@polity/contracts';
import { In, IsNull, Repository } from 'typeorm';
import { ModerationAppealEntity } from '../entities/moderation-appeal.entity';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';

/** An appeal a moderator decides from the queue: the author's words and the decision appealed. */
export interface WaitingAppeal {
  id: string;
  statement: string;
  appealed: { action: ModerationAction; statement: string; moderatorId: string };
}

/** The appeals still waiting on the queue's items, by item. */
@Injectable()
export class WaitingAppeals {
  constructor(
    @InjectRepository(ModerationAppealEntity) private readonly appeals: Repository<ModerationAppealEntity>,
    @InjectRepository(ModerationDecisionEntity) private readonly decisions: Repository<ModerationDecisionEntity>,
  ) {}

  async byItem(itemIds: readonly string[]): Promise<Map<string, WaitingAppeal>> {
    if (itemIds.length === 0) return new Map();
    const appeals = await this.appeals.findBy({ itemId: In([...itemIds]), outcome: IsNull() });
    const decisions = new Map(
      (await this.decisions.findBy({ id: In(appeals.map((appeal) => appeal.decisionId)) })).map((decision) => [decision.id, decision]),
    );
    return new Map(
      appeals.flatMap((appeal) => {
        const decision = decisions.get(appeal.decisionId);
        if (!decision) return [];
        const appealed = { action: decision.action as ModerationAction, statement: decision.statement, moderatorId: decision.moderatorId };
        return [[appeal.itemId, { id: appeal.id, statement: appeal.statement ?? '', appealed }]];
      }),
    );
  }
}
