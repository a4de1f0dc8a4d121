import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowsModule } from '@polity/follows';
import { IdentityModule } from '@polity/identity';
import { QueueModule } from '@polity/queue';
import { BroadcastModule } from '@polity/realtime';
import { UnreadNotifications, WebModule } from '@polity/web';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { FanOutHandler } from './fan-out/fan-out.handler';
import { NotificationPlanner } from './fan-out/notification-planner';
import { NotificationsController } from './inbox/notifications.controller';
import { UnsubscribePagesController } from './inbox/unsubscribe-pages.controller';
import { NotificationsService } from './inbox/notifications.service';
import { NotificationsPersonalData } from './notifications-personal-data';
import { InboxUnreadCount, NotificationsPagesController } from './pages/notifications-pages.controller';
import { UnsubscribeSitePagesController } from './pages/unsubscribe-site-pages.controller';
import { MailLinkFactory } from './mail/mail-links';
import { MailNotificationsHandler } from './mail/mail-notifications.handler';

export const NOTIFICATIONS_ENTITIES = [NotificationEntity, NotificationPreferenceEntity];

/** Notifications and email preferences; services only. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES), BroadcastModule],
  providers: [NotificationsService, NotificationsPersonalData],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** The inbox and preferences routes; the api's part. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController, UnsubscribePagesController],
})
export class NotificationsHttpModule {}

/** The inbox and email settings pages of the web site, and the header's unread badge. */
@Module({
  imports: [NotificationsModule, WebModule],
  controllers: [NotificationsPagesController, UnsubscribeSitePagesController],
  providers: [{ provide: UnreadNotifications, useClass: InboxUnreadCount }],
})
export class NotificationsPagesModule {}

/** The worker's part: fan-out to followers, immediate mail and digests. */
@Module({
  imports: [NotificationsModule, FollowsModule, IdentityModule, QueueModule, BroadcastModule],
  providers: [NotificationPlanner, FanOutHandler, MailLinkFactory, MailNotificationsHandler],
})
export class NotificationsJobsModule {}
