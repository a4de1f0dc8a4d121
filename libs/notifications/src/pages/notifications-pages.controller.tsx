import { Body, Controller, Get, Header, Injectable, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EMAIL_FREQUENCIES, type EmailFrequency, NOTIFICATION_KINDS } from '@polity/contracts';
import { isUuid, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  HTML,
  LivePages,
  pageTranslator,
  renderPage,
  seeOther,
  signInFirst,
  Translator,
  UnreadNotifications,
  Web,
  type WebRequest,
} from '@polity/web';
import type { Response } from 'express';
import { ListNotificationsQueryDto } from '../inbox/notifications.dto';
import { NotificationsService } from '../inbox/notifications.service';
import { InboxPage } from './inbox.page';
import { NOTIFICATION_TEXTS } from '../notification-texts';
import { NOTIFICATIONS_MESSAGES } from './notifications.messages';
import { SettingsPage } from './settings.page';

const PER_PAGE = 30;

/** The header badge's count, from the notifications feature. */
@Injectable()
export class InboxUnreadCount extends UnreadNotifications {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  count(userId: string): Promise<number> {
    return this.notifications.unreadCount(userId);
  }
}

/** The reader's inbox and their email settings; a visitor is asked to sign in first. */
@ApiExcludeController()
@Public()
@Controller('notifications')
export class NotificationsPagesController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly live: LivePages,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async inbox(@Web() web: WebRequest, @Query('before') before: unknown, @Res({ passthrough: true }) response: Response) {
    if (!web.principal) return signInFirst(response, web.path);
    const live = await this.live.config(web, [], { 'notification.created': { refresh: true } });
    const query = Object.assign(new ListNotificationsQueryDto(), {
      limit: PER_PAGE,
      cursor: typeof before === 'string' ? before : undefined,
    });
    const page = await this.notifications.list(web.principal.userId, query).catch((error: unknown) => {
      // A cursor that does not decode: the newest page instead.
      if (error instanceof ProblemException && error.getStatus() === 400)
        return this.notifications.list(web.principal!.userId, { ...query, cursor: undefined });
      throw error;
    });
    return renderPage(
      <InboxPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        notifications={page.items}
        older={page.nextCursor ? `/notifications?before=${encodeURIComponent(page.nextCursor)}` : null}
        live={live}
      />,
    );
  }

  @Post('read-all')
  async readAll(@Web() web: WebRequest, @Res() response: Response): Promise<void> {
    if (web.principal) await this.notifications.markAllRead(web.principal.userId);
    seeOther(response, '/notifications');
  }

  @Post(':id/read')
  async read(@Web() web: WebRequest, @Param('id') id: string, @Res() response: Response): Promise<void> {
    if (!isUuid(id)) throw new NotFoundException();
    if (web.principal) {
      // One already gone (or someone else's) leaves nothing to mark: the inbox shows what there is.
      await this.notifications.markRead(web.principal.userId, id).catch((error: unknown) => {
        if (!(error instanceof ProblemException && error.getStatus() === 404)) throw error;
      });
    }
    seeOther(response, '/notifications');
  }

  @Get('settings')
  @Header('content-type', HTML)
  async settings(@Web() web: WebRequest, @Query('saved') saved: unknown, @Res({ passthrough: true }) response: Response) {
    if (!web.principal) return signInFirst(response, web.path);
    const preferences = await this.notifications.preferences(web.principal.userId);
    return renderPage(
      <SettingsPage t={this.translator(web)} siteName={this.site.name} web={web} preferences={preferences} saved={saved === '1'} />,
    );
  }

  /** Saves the frequencies the form sent; a field with a value the form never offers is left as it was. */
  @Post('settings')
  async saveSettings(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res() response: Response): Promise<void> {
    if (!web.principal) return signInFirst(response, '/notifications/settings');
    const chosen = NOTIFICATION_KINDS.flatMap((kind) =>
      EMAIL_FREQUENCIES.includes(form[kind] as EmailFrequency) ? [{ kind, email: form[kind] as EmailFrequency }] : [],
    );
    await this.notifications.setPreferences(web.principal.userId, chosen);
    seeOther(response, '/notifications/settings?saved=1');
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, NOTIFICATIONS_MESSAGES, NOTIFICATION_TEXTS);
  }
}
