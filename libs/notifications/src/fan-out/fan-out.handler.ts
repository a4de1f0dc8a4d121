import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@polity/contracts';
import { HandlesJob, JobQueue } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { presentNotification } from '../inbox/present-notification';
import { EFFECTIVE_FREQUENCY, PREFERENCE_JOIN } from '../mail/email-frequency';
import { NotificationPlanner } from './notification-planner';

const BATCH = 1000;

/**
 * One event → one notification per person concerned, in batches. The unique (user, event) key
 * makes a retried job insert nothing twice; what is not yet pushed is pushed and marked, so a run
 * cut short is finished by the retry. Immediate emails become one job each (the job id is the
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
  async fanOut(event: JobPayloads['notifications.fan-out']): Promise<{ created: number; pushed: number }> {
    let created = 0;
    let pushed = 0;
    for (const plan of await this.planner.plan(event)) {
      for (let start = 0; start < plan.userIds.length; start += BATCH) {
        const rows: unknown[] = await this.dataSource.query(
          `INSERT INTO notification (user_id, event_id, kind, resource_kind, resource_id, resource_title, title, body, created_at)
           SELECT recipient, $2, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[]) AS recipient
           ON CONFLICT (user_id, event_id) DO NOTHING RETURNING id`,
          [
            plan.userIds.slice(start, start + BATCH),
            event.id,
            plan.kind,
            plan.resource?.kind ?? null,
            plan.resource?.id ?? null,
            plan.resource?.title ?? null,
            plan.title,
            plan.body,
            event.occurredAt,
          ],
        );
        created += rows.length;
        // Each batch goes out as soon as it is written: the first people hear before the last are stored.
        pushed += await this.deliver(event.id);
      }
    }
    // A run cut short before (this is a retry) left rows unpushed: they go now.
    return { created, pushed: pushed + (await this.deliver(event.id)) };
  }

  private async deliver(eventId: string): Promise<number> {
    let pushed = 0;
    for (;;) {
      const batch = await this.dataSource.manager
        .createQueryBuilder(NotificationEntity, 'n')
        .where('n.event_id = :eventId AND n.pushed_at IS NULL', { eventId })
        .orderBy('n.id')
        .limit(BATCH)
        .getMany();
      if (batch.length === 0) return pushed;
      await this.broadcaster.toUsers(
        'notification.created',
        batch.map((row) => ({ userId: row.userId, data: presentNotification(row) })),
      );
      const immediate = await this.dataSource.query<{ id: string }[]>(
        `SELECT n.id FROM notification n ${PREFERENCE_JOIN} WHERE n.id = ANY($1::uuid[]) AND ${EFFECTIVE_FREQUENCY} = 'immediate'`,
        [batch.map((row) => row.id)],
      );
      await this.jobs.enqueueMany(
        immediate.map((row) => ({
          name: 'mail.notification' as const,
          payload: { notificationId: row.id },
          options: { jobId: `mail-notification-${row.id}` },
        })),
      );
      await this.dataSource.query('UPDATE notification SET pushed_at = now() WHERE id = ANY($1::uuid[])', [batch.map((row) => row.id)]);
      pushed += batch.length;
    }
  }
}
