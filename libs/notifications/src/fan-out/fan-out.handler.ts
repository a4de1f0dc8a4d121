import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@polity/contracts';
import { HandlesJob, JobQueue } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { presentNotification } from '../inbox/present-notification';
import { EFFECTIVE_FREQUENCY, PREFERENCE_JOIN } from '../mail/email-frequency';
import { notificationId } from './notification-id';
import { NotificationPlan, NotificationPlanner } from './notification-planner';

const BATCH = 1000;

type FanOutEvent = JobPayloads['notifications.fan-out'];

/**
 * One event → one notification per person concerned, in batches. A notification's id follows from
 * its event and recipient, so on a first run everyone is pushed to before anything is stored (people
 * hear without waiting for the inserts) and a retry stores and pushes the same notifications again:
 * the unique (user, event) key stores each once, and whatever a run cut short left unpushed is
 * pushed and marked at the end. Immediate emails become one job each (the job id is the
 * notification's), so one failing address never delays the others.
 */
@Injectable()
export class FanOutHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: NotificationPlanner,
    private readonly broadcaster: Broadcaster,
    private readonly jobs: JobQueue,
  ) {}

  @HandlesJob('notifications.fan-out')
  async fanOut(event: FanOutEvent, job?: Job): Promise<{ created: number; pushed: number }> {
    // A retry stores before it pushes, so what an earlier run already pushed is not pushed again.
    const pushFirst = (job?.attemptsMade ?? 0) === 0;
    const batches: { plan: NotificationPlan; rows: NotificationEntity[] }[] = [];
    const told = new Set<string>();
    // Everyone hears first, batch by batch as each is made; storing (the slower part) follows.
    for (const plan of await this.planner.plan(event)) {
      // Earlier plans win when one person appears in several.
      const recipients = plan.userIds.filter((userId) => !told.has(userId) && Boolean(told.add(userId)));
      for (let start = 0; start < recipients.length; start += BATCH) {
        const rows = recipients.slice(start, start + BATCH).map((userId) => this.notification(event, plan, userId));
        if (pushFirst) await this.push(rows);
        batches.push({ plan, rows });
      }
    }
    const pushed = pushFirst ? told.size : 0;
    let created = 0;
    for (const { plan, rows } of batches) {
      const stored = await this.store(event, plan, rows, pushFirst);
      created += stored.length;
      await this.mailImmediately(stored);
    }
    // A run cut short before (this is a retry) left rows unpushed: they go now.
    return { created, pushed: pushed + (await this.deliverUnpushed(event.id)) };
  }

  private notification(event: FanOutEvent, plan: NotificationPlan, userId: string): NotificationEntity {
    return {
      id: notificationId(event.id, userId),
      userId,
      eventId: event.id,
      kind: plan.kind,
      resourceKind: plan.resource?.kind ?? null,
      resourceId: plan.resource?.id ?? null,
      resourceTitle: plan.resource?.title ?? null,
      title: plan.title,
      body: plan.body,
      createdAt: new Date(event.occurredAt),
      readAt: null,
      pushedAt: null,
      emailedAt: null,
    };
  }

  private push(rows: readonly NotificationEntity[]): Promise<void> {
    return this.broadcaster.toUsers(
      'notification.created',
      rows.map((row) => ({ userId: row.userId, data: presentNotification(row) })),
    );
  }

  /** Inserts the batch (each once, whatever ran before) and returns the ids it newly stored. */
  private async store(event: FanOutEvent, plan: NotificationPlan, rows: readonly NotificationEntity[], pushed: boolean): Promise<string[]> {
    const stored: { id: string }[] = await this.dataSource.query(
      `INSERT INTO notification (id, user_id, event_id, kind, resource_kind, resource_id, resource_title, title, body, created_at, pushed_at)
       SELECT r.id, r.user_id, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $11 THEN now() END
         FROM unnest($1::uuid[], $2::uuid[]) AS r (id, user_id)
       ON CONFLICT (user_id, event_id) DO NOTHING RETURNING id`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.userId),
        event.id,
        plan.kind,
        plan.resource?.kind ?? null,
        plan.resource?.id ?? null,
        plan.resource?.title ?? null,
        plan.title,
        plan.body,
        event.occurredAt,
        pushed,
      ],
    );
    return stored.map((row) => row.id);
  }

  private async mailImmediately(notificationIds: readonly string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    const immediate = await this.dataSource.query<{ id: string }[]>(
      `SELECT n.id FROM notification n ${PREFERENCE_JOIN} WHERE n.id = ANY($1::uuid[]) AND ${EFFECTIVE_FREQUENCY} = 'immediate'`,
      [notificationIds],
    );
    await this.jobs.enqueueMany(
      immediate.map((row) => ({
        name: 'mail.notification' as const,
        payload: { notificationId: row.id },
        options: { jobId: `mail-notification-${row.id}` },
      })),
    );
  }

  private async deliverUnpushed(eventId: string): Promise<number> {
    let pushed = 0;
    for (;;) {
      const batch = await this.dataSource.manager
        .createQueryBuilder(NotificationEntity, 'n')
        .where('n.event_id = :eventId AND n.pushed_at IS NULL', { eventId })
        .orderBy('n.id')
        .limit(BATCH)
        .getMany();
      if (batch.length === 0) return pushed;
      await this.push(batch);
      await this.mailImmediately(batch.map((row) => row.id));
      await this.dataSource.query('UPDATE notification SET pushed_at = now() WHERE id = ANY($1::uuid[])', [batch.map((row) => row.id)]);
      pushed += batch.length;
    }
  }
}
