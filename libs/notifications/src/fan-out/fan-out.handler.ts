import { Injectable } from '@nestjs/common';
import { eventsOf, type JobPayloads, type NotifyingEvent } from '@polity/contracts';
import { HandlesJob, JobQueue, type JobToQueue } from '@polity/queue';
import { Broadcaster, Presence } from '@polity/realtime';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { presentNotification } from '../inbox/present-notification';
import { EFFECTIVE_FREQUENCY, PREFERENCE_JOIN } from '../mail/email-frequency';
import { notificationId } from './notification-id';
import { NotificationPlan, NotificationPlanner } from './notification-planner';

const BATCH = 1000;

/**
 * One event → one notification per person concerned (a batch of events, each the same way). A
 * notification's id follows from its event and recipient, so on a first run everyone is pushed to
 * before their row is stored: the people connected now first (they hear without waiting for the
 * others' rows to be made or any insert), then the others a batch at a time, each batch stored
 * after its push. A retry stores and pushes the same notifications again: the unique (user, event)
 * key stores each once, and whatever a run cut short left unpushed is pushed and marked at the
 * end. Immediate emails become one job each (the job id is the notification's), so one failing
 * address never delays the others.
 */
@Injectable()
export class FanOutHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: NotificationPlanner,
    private readonly broadcaster: Broadcaster,
    private readonly jobs: JobQueue,
    private readonly presence: Presence,
  ) {}

  @HandlesJob('notifications.fan-out')
  async fanOut(payload: JobPayloads['notifications.fan-out'], job?: Job): Promise<{ created: number; pushed: number }> {
    const events = eventsOf(payload);
    // A retry stores before it pushes, so what an earlier run already pushed is not pushed again.
    const pushFirst = (job?.attemptsMade ?? 0) === 0;
    const lookups = this.planner.lookups();
    const plans = await Promise.all(events.map(async (event) => ({ event, plans: await this.planner.plan(event, lookups) })));
    // One presence lookup for the whole job; it orders the work, everyone is told.
    const connected = pushFirst
      ? await this.presence.connectedAmong(plans.flatMap((p) => p.plans.flatMap((plan) => plan.userIds)))
      : new Set<string>();
    // The connected hear first, before the others' rows are even made; then, a batch at a time,
    // the others are pushed to and everything is stored.
    const rows = this.notifications(plans, (userId) => connected.has(userId));
    for (let start = 0; pushFirst && start < rows.length; start += BATCH) await this.push(rows.slice(start, start + BATCH));
    let created = 0;
    const store = async (batch: NotificationEntity[]): Promise<void> => {
      created += await this.store(batch, pushFirst);
    };
    for (let start = 0; start < rows.length; start += BATCH) await store(rows.slice(start, start + BATCH));
    await this.pushUnreadCounts([...new Set(rows.map((row) => row.userId))]);
    const later = this.notifications(plans, (userId) => !connected.has(userId));
    for (let start = 0; start < later.length; start += BATCH) {
      const batch = later.slice(start, start + BATCH);
      if (pushFirst) await this.push(batch);
      await store(batch);
    }
    // A run cut short before (this is a retry) left rows unpushed: they go now.
    const unpushed = await this.deliverUnpushed(events.map((event) => event.id));
    return { created, pushed: (pushFirst ? rows.length + later.length : 0) + unpushed };
  }

  /** The notifications of these plans for the people `among` picks; earlier plans win when one person appears in several. */
  private notifications(
    plans: readonly { event: NotifyingEvent; plans: NotificationPlan[] }[],
    among: (userId: string) => boolean,
  ): NotificationEntity[] {
    const rows: NotificationEntity[] = [];
    for (const { event, plans: eventPlans } of plans) {
      const told = new Set<string>();
      for (const plan of eventPlans) {
        for (const userId of plan.userIds) {
          if (told.has(userId) || !among(userId)) continue;
          told.add(userId);
          rows.push(this.notification(event, plan, userId));
        }
      }
    }
    return rows;
  }

  private notification(event: NotifyingEvent, plan: NotificationPlan, userId: string): NotificationEntity {
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
      params: plan.params,
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

  /**
   * Inserts the rows (each once, whatever ran before) and, in the same transaction, records the mail
   * jobs of those newly stored that are mailed at once; the jobs go to Redis after the commit. A run
   * cut short after the commit leaves them recorded (JobRecovery queues them); a retry, which stores
   * nothing new, never has to remember them. Returns how many it newly stored.
   */
  private async store(rows: readonly NotificationEntity[], pushed: boolean): Promise<number> {
    const { stored, mail } = await this.dataSource.transaction(async (manager) => {
      const ids = await this.insert(manager, rows, pushed);
      const jobs = await this.immediateMails(manager, ids);
      await this.jobs.record(jobs, manager);
      return { stored: ids.length, mail: jobs };
    });
    await this.jobs.add(mail);
    return stored;
  }

  private async insert(manager: EntityManager, rows: readonly NotificationEntity[], pushed: boolean): Promise<string[]> {
    const column = <K extends keyof NotificationEntity>(key: K): NotificationEntity[K][] => rows.map((row) => row[key]);
    const stored: { id: string }[] = await manager.query(
      `INSERT INTO notification (id, user_id, event_id, kind, resource_kind, resource_id, resource_title, title, body, params, created_at, pushed_at)
       SELECT r.id, r.user_id, r.event_id, r.kind, r.resource_kind, r.resource_id, r.resource_title, r.title, r.body, r.params, r.created_at,
              CASE WHEN $12 THEN now() END
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[])
           AS r (id, user_id, event_id, kind, resource_kind, resource_id, resource_title, title, body, params, created_at)
       ON CONFLICT (user_id, event_id) DO NOTHING RETURNING id`,
      [
        column('id'),
        column('userId'),
        column('eventId'),
        column('kind'),
        column('resourceKind'),
        column('resourceId'),
        column('resourceTitle'),
        column('title'),
        column('body'),
        rows.map((row) => JSON.stringify(row.params)),
        column('createdAt'),
        pushed,
      ],
    );
    return stored.map((row) => row.id);
  }

  /** The connected people's badges, once their new rows are stored (one count query for them all). */
  private async pushUnreadCounts(userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const counts = await this.dataSource.query<{ userId: string; unread: number }[]>(
      `SELECT u.id AS "userId",
              (SELECT count(*) FROM notification n WHERE n.user_id = u.id AND n.read_at IS NULL)::int AS unread
         FROM unnest($1::uuid[]) AS u (id)`,
      [userIds],
    );
    await this.broadcaster.toUsers(
      'notification.unread_count',
      counts.map(({ userId, unread }) => ({ userId, data: { unread } })),
    );
  }

  /** The mail jobs of those of these notifications their recipients want mailed at once. */
  private async immediateMails(manager: EntityManager, notificationIds: readonly string[]): Promise<JobToQueue<'mail.notification'>[]> {
    if (notificationIds.length === 0) return [];
    const immediate = await manager.query<{ id: string }[]>(
      `SELECT n.id FROM notification n ${PREFERENCE_JOIN} WHERE n.id = ANY($1::uuid[]) AND ${EFFECTIVE_FREQUENCY} = 'immediate'`,
      [notificationIds],
    );
    return immediate.map((row) => ({
      name: 'mail.notification' as const,
      payload: { notificationId: row.id },
      options: { jobId: `mail-notification-${row.id}` },
    }));
  }

  private async deliverUnpushed(eventIds: readonly string[]): Promise<number> {
    let pushed = 0;
    for (;;) {
      const batch = await this.dataSource.manager
        .createQueryBuilder(NotificationEntity, 'n')
        .where('n.event_id = ANY(:eventIds) AND n.pushed_at IS NULL', { eventIds })
        .orderBy('n.id')
        .limit(BATCH)
        .getMany();
      if (batch.length === 0) return pushed;
      await this.push(batch);
      // Rows an earlier run stored: their mail jobs were recorded with them; queued again here in case
      // that run ended before handing them to Redis (the same ids: a job still queued is not doubled).
      await this.jobs.add(
        await this.immediateMails(
          this.dataSource.manager,
          batch.map((row) => row.id),
        ),
      );
      await this.dataSource.query('UPDATE notification SET pushed_at = now() WHERE id = ANY($1::uuid[])', [batch.map((row) => row.id)]);
      pushed += batch.length;
    }
  }
}
