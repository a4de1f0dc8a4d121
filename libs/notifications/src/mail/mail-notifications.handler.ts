import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { DigestPeriod, JobPayloads } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { HttpConfig, Mailer, SiteConfig } from '@polity/platform';
import { isLocale, Translator } from '@polity/web';
import { mailWords, NOTIFICATION_TEXTS, writeNotification } from '../notification-texts';
import { HandlesJob, JobQueue } from '@polity/queue';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { NotificationPreferenceEntity } from '../entities/notification-preference.entity';
import { EFFECTIVE_FREQUENCY, PREFERENCE_JOIN } from './email-frequency';
import { MailLinkFactory } from './mail-links';
import { type MailNotification, renderDigestMail, renderNotificationMail } from './render-mail';

/** Digests go out at 07:00 UTC: daily ones every day, weekly ones on Mondays. */
const DIGEST_SCHEDULES: Record<DigestPeriod, string> = { daily: '0 7 * * *', weekly: '0 7 * * 1' };

/** A stored notification as its mail says it, in the recipient's language. */
const asMail =
  (t: Translator) =>
  (row: NotificationEntity): MailNotification => ({
    ...writeNotification(t, row),
    resource: row.resourceKind && row.resourceId ? { kind: row.resourceKind, id: row.resourceId, title: row.resourceTitle } : null,
  });

/**
 * Sends notification email: one job per message, retried with backoff by BullMQ, so a bounce or a
 * slow server for one person never holds up another's. A notification is marked mailed after the
 * send; a job that runs again skips what is marked.
 */
@Injectable()
export class MailNotificationsHandler implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly mailer: Mailer,
    private readonly links: MailLinkFactory,
    private readonly jobs: JobQueue,
    private readonly site: SiteConfig,
    private readonly http: HttpConfig,
  ) {}

  private get messageHost(): string {
    return new URL(this.http.publicUrl).hostname;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [period, pattern] of Object.entries(DIGEST_SCHEDULES) as [DigestPeriod, string][]) {
      await this.jobs.schedule(`digest-${period}`, 'notifications.schedule-digests', { pattern, tz: 'UTC' }, { period });
    }
  }

  @HandlesJob('mail.notification')
  async sendOne({ notificationId }: JobPayloads['mail.notification']): Promise<{ sent: boolean }> {
    const [row] = await this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .leftJoin(NotificationPreferenceEntity, 'p', 'p.user_id = n.user_id AND p.kind = n.kind')
      .where('n.id = :notificationId AND n.emailed_at IS NULL', { notificationId })
      .andWhere(`${EFFECTIVE_FREQUENCY} = 'immediate'`)
      .getMany();
    const recipient = row && (await this.recipient(row.userId));
    if (!row || !recipient) return { sent: false };
    const links = this.links.for(row.userId, row.kind);
    const t = this.translator(recipient.locale);
    await this.mailer.send({
      to: recipient.address,
      ...renderNotificationMail(asMail(t)(row), links, mailWords(t, this.site.name)),
      headers: this.links.headers(links),
      messageId: `<notification-${row.id}@${this.messageHost}>`,
    });
    await this.dataSource.query('UPDATE notification SET emailed_at = now() WHERE id = $1', [row.id]);
    return { sent: true };
  }

  /** Queues one digest per person with something unmailed for this period. */
  @HandlesJob('notifications.schedule-digests')
  async scheduleDigests({ period }: JobPayloads['notifications.schedule-digests']): Promise<{ queued: number }> {
    const until = new Date().toISOString();
    const recipients = await this.dataSource.query<{ userId: string }[]>(
      `SELECT DISTINCT n.user_id AS "userId" FROM notification n ${PREFERENCE_JOIN}
       WHERE n.emailed_at IS NULL AND n.created_at <= $1 AND ${EFFECTIVE_FREQUENCY} = $2`,
      [until, period],
    );
    await this.jobs.enqueueMany(
      recipients.map(({ userId }) => ({
        name: 'mail.digest' as const,
        payload: { userId, period, until },
        options: { jobId: `digest-${period}-${userId}-${Date.parse(until)}` },
      })),
    );
    return { queued: recipients.length };
  }

  @HandlesJob('mail.digest')
  async sendDigest({ userId, period, until }: JobPayloads['mail.digest']): Promise<{ notifications: number }> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .leftJoin(NotificationPreferenceEntity, 'p', 'p.user_id = n.user_id AND p.kind = n.kind')
      .where('n.user_id = :userId AND n.emailed_at IS NULL AND n.created_at <= :until', { userId, until })
      .andWhere(`${EFFECTIVE_FREQUENCY} = :period`, { period })
      .orderBy('n.created_at', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .getMany();
    const recipient = rows.length > 0 ? await this.recipient(userId) : null;
    if (!recipient) return { notifications: 0 };
    const links = this.links.for(userId, 'all');
    const t = this.translator(recipient.locale);
    await this.mailer.send({
      to: recipient.address,
      ...renderDigestMail(period, rows.map(asMail(t)), links, mailWords(t, this.site.name)),
      headers: this.links.headers(links),
    });
    await this.dataSource.query('UPDATE notification SET emailed_at = now() WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
    return { notifications: rows.length };
  }

  /**
   * Only an address its owner confirmed (nobody can make Polity mail a stranger by registering their
   * address), and the language they read.
   */
  private async recipient(userId: string): Promise<{ address: string; locale: string | null } | null> {
    const user = await this.users.get(userId).catch(() => null);
    return user?.emailConfirmedAt && user.email ? { address: user.email, locale: user.locale } : null;
  }

  private translator(locale: string | null): Translator {
    return new Translator(isLocale(locale) ? locale : this.site.defaultLocale, [NOTIFICATION_TEXTS]);
  }
}
