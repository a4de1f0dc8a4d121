import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPreferenceView, NotificationView } from '@polity/contracts';
import { CurrentPrincipal, type Page, type Principal, Public } from '@polity/platform';
import { ListNotificationsQueryDto, NotificationIdParamsDto, UnsubscribeQueryDto, UpdatePreferencesDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Lists my notifications, newest first; `unread=true` for the unread ones. */
  @ApiBearerAuth()
  @Get('notifications')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQueryDto): Promise<Page<NotificationView>> {
    return this.notifications.list(principal.userId, query);
  }

  /** Counts my unread notifications. */
  @ApiBearerAuth()
  @Get('notifications/unread-count')
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(principal.userId) };
  }

  /** Marks one of my notifications read (404 for anyone else's). */
  @ApiBearerAuth()
  @Post('notifications/:id/read')
  @HttpCode(200)
  markRead(@CurrentPrincipal() principal: Principal, @Param() params: NotificationIdParamsDto): Promise<NotificationView> {
    return this.notifications.markRead(principal.userId, params.id);
  }

  /** Marks all my notifications read. */
  @ApiBearerAuth()
  @Post('notifications/read-all')
  @HttpCode(200)
  markAllRead(@CurrentPrincipal() principal: Principal): Promise<{ marked: number }> {
    return this.notifications.markAllRead(principal.userId);
  }

  /** The one-click POST mail clients send (RFC 8058); people open the same address as a page (UnsubscribePagesController). */
  @Public()
  @Post('notifications/unsubscribe')
  @HttpCode(200)
  unsubscribeOneClick(@Query() query: UnsubscribeQueryDto): Promise<{ unsubscribed: string }> {
    return this.notifications.unsubscribe(query.token);
  }

  /** Reads my email preferences per kind of notification. */
  @ApiBearerAuth()
  @Get('me/notification-preferences')
  preferences(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferenceView[]> {
    return this.notifications.preferences(principal.userId);
  }

  /** Sets email per kind of notification: immediate, daily, weekly or off. Each kind at most once. */
  @ApiBearerAuth()
  @Put('me/notification-preferences')
  setPreferences(@CurrentPrincipal() principal: Principal, @Body() body: UpdatePreferencesDto): Promise<NotificationPreferenceView[]> {
    return this.notifications.setPreferences(principal.userId, body.preferences);
  }
}
