import { Injectable } from '@nestjs/common';
import type { DecisionView, ResourceLinkView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { DataSource, In } from 'typeorm';
import { AgendaItemEntity } from '../entities/agenda-item.entity';
import { AgendaLinkEntity } from '../entities/agenda-link.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { DecisionCorrectionEntity } from '../entities/decision-correction.entity';
import { MeetingEntity } from '../entities/meeting.entity';
import { contentOf } from './decision-content';

const groupBy = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};

/** Links of agenda items, in their order, by item id. */
export async function linksByItem(dataSource: DataSource, itemIds: string[]): Promise<Map<string, ResourceLinkView[]>> {
  if (itemIds.length === 0) return new Map();
  const rows = await dataSource.manager.find(AgendaLinkEntity, { where: { agendaItemId: In(itemIds) }, order: { position: 'ASC' } });
  const grouped = groupBy(rows, (row) => row.agendaItemId);
  return new Map([...grouped].map(([id, links]) => [id, links.map((link) => ({ kind: link.kind, id: link.resourceId }))]));
}

/** Decisions with their meeting, agenda item, links and corrections, loaded in a few batched queries. */
@Injectable()
export class DecisionPresenter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async present(decisions: DecisionEntity[]): Promise<DecisionView[]> {
    if (decisions.length === 0) return [];
    const manager = this.dataSource.manager;
    const itemIds = [...new Set(decisions.map((decision) => decision.agendaItemId))];
    const [meetings, items, links, corrections, clerks] = await Promise.all([
      manager.findBy(MeetingEntity, { id: In([...new Set(decisions.map((decision) => decision.meetingId))]) }),
      manager.findBy(AgendaItemEntity, { id: In(itemIds) }),
      linksByItem(this.dataSource, itemIds),
      manager.find(DecisionCorrectionEntity, {
        where: { decisionId: In(decisions.map((decision) => decision.id)) },
        order: { revision: 'ASC' },
      }),
      this.users.publicProfiles(decisions.map((decision) => decision.recordedById)),
    ]);
    const meetingById = new Map(meetings.map((meeting) => [meeting.id, meeting]));
    const itemById = new Map(items.map((item) => [item.id, item]));
    const correctionsByDecision = groupBy(corrections, (correction) => correction.decisionId);
    return decisions.map((decision) => {
      const meeting = meetingById.get(decision.meetingId);
      const item = itemById.get(decision.agendaItemId);
      if (!meeting || !item) throw new Error(`Decision ${decision.id} lost its meeting or agenda item`);
      return {
        id: decision.id,
        ...contentOf(decision),
        meeting: { id: meeting.id, body: meeting.body, title: meeting.title, scheduledAt: meeting.scheduledAt.toISOString() },
        agendaItem: { id: item.id, position: item.position, title: item.title },
        links: links.get(item.id) ?? [],
        revision: decision.revision,
        recordedBy: clerks.get(decision.recordedById) ?? { id: decision.recordedById, displayName: 'Deleted user' },
        decidedAt: decision.decidedAt.toISOString(),
        correctedAt: decision.correctedAt?.toISOString() ?? null,
        corrections: (correctionsByDecision.get(decision.id) ?? []).map((correction) => ({
          revision: correction.revision,
          reason: correction.reason,
          correctedAt: correction.correctedAt.toISOString(),
          previous: correction.previous,
        })),
      };
    });
  }
}
