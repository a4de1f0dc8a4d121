import { Injectable } from '@nestjs/common';
import {
  DEFAULT_EMAIL_FREQUENCY,
  NOTIFICATION_KINDS,
  type NotificationPreferenceView,
  type NotificationView,
  userRoom,
} from '@polity/contracts';
import { AuthConfig, newestFirstPage, type Page, Problems } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { NotificationPreferenceEntity } from '../entities/notification-preference.entity';
import { readUnsubscribeToken } from '../mail/unsubscribe-token';
import type { ListNotificationsQueryDto, PreferenceDto } from './notifications.dto';
import { presentNotification } from './present-notification';

/** A person's own notifications and email choices; nobody else's are ever reachable. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly broadcaster: Broadcaster,
    private readonly auth: AuthConfig,
  ) {}

  async list(userId: string, query: ListNotificationsQueryDto): Promise<Page<NotificationView>> {
    const builder = this.dataSource.manager.createQueryBuilder(NotificationEntity, 'n').where('n.user_id = :userId', { userId });
    if (query.unread === true) builder.andWhere('n.read_at IS NULL');
    if (query.unread === false) builder.andWhere('n.read_at IS NOT NULL');
    const page = await newestFirstPage(builder, 'created_at', (row) => row.createdAt, query);
    return { items: page.items.map(presentNotification), nextCursor: page.nextCursor };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.user_id = :userId AND n.read_at IS NULL', { userId })
      .getCount();
  }

  async markRead(userId: string, id: string): Promise<NotificationView> {
    const [[row]] = await this.dataSource.query<[{ id: string }[], number]>(
      'UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, userId],
    );
    if (!row) throw Problems.notFound('That notification');
    await this.pushUnreadCount(userId);
    return presentNotification(await this.dataSource.manager.findOneByOrFail(NotificationEntity, { id }));
  }

  async markAllRead(userId: string): Promise<{ marked: number }> {
    const [, marked] = await this.dataSource.query<[unknown, number]>(
      'UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    await this.pushUnreadCount(userId);
    return { marked };
  }

  async preferences(userId: string): Promise<NotificationPreferenceView[]> {
    const chosen = new Map(
      (await this.dataSource.manager.findBy(NotificationPreferenceEntity, { userId })).map((row) => [row.kind, row.email]),
    );
    return NOTIFICATION_KINDS.map((kind) => ({ kind, email: chosen.get(kind) ?? DEFAULT_EMAIL_FREQUENCY[kind] }));
  }

  async setPreferences(userId: string, preferences: readonly PreferenceDto[]): Promise<NotificationPreferenceView[]> {
    if (preferences.length > 0)
      await this.dataSource.manager.upsert(
        NotificationPreferenceEntity,
        preferences.map((preference) => ({ userId, kind: preference.kind, email: preference.email })),
        ['userId', 'kind'],
      );
    return this.preferences(userId);
  }

  /** What an unsubscribe token would turn off, or null when it is not valid. */
  unsubscribeScope(token: string): string | null {
    return readUnsubscribeToken(this.auth.unsubscribeSecret, token)?.scope ?? null;
  }

  /** From the link in an email, without signing in: turns that kind of email (or all) off. */
  async unsubscribe(token: string): Promise<{ unsubscribed: string }> {
    const read = readUnsubscribeToken(this.auth.unsubscribeSecret, token);
    if (!read)
      throw Problems.badRequest(
        'invalid_unsubscribe_token',
        'This unsubscribe link is not valid; change your email settings after signing in.',
      );
    const kinds = read.scope === 'all' ? NOTIFICATION_KINDS : [read.scope];
    if (await this.dataSource.manager.existsBy('user_account', { id: read.userId }))
      await this.setPreferences(
        read.userId,
        kinds.map((kind) => ({ kind, email: 'off' as const })),
      );
    return { unsubscribed: read.scope };
  }

  private async pushUnreadCount(userId: string): Promise<void> {
    await this.broadcaster.toRoom(userRoom(userId), 'notification.unread_count', { unread: await this.unreadCount(userId) });
  }
}
