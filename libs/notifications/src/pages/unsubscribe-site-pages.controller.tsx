import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ProblemException, Public, SiteConfig } from '@polity/platform';
import { formText, HTML, MessagePage, pageTranslator, PostForm, renderPage, Translator, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { NotificationsService } from '../inbox/notifications.service';
import { NOTIFICATIONS_MESSAGES } from './notifications.messages';

/**
 * The page an email's unsubscribe link opens, in the reader's language: it asks, and changes
 * nothing until its button is pressed (mail scanners open links too). Mail clients' one-click
 * unsubscribe posts to the api's address in the List-Unsubscribe header instead.
 */
@ApiExcludeController()
@Public()
@Controller('unsubscribe')
export class UnsubscribeSitePagesController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  ask(@Web() web: WebRequest, @Query('token') raw: unknown, @Res({ passthrough: true }) response: Response): string {
    const t = this.translator(web);
    const token = formText(raw, 500);
    const scope = this.notifications.unsubscribeScope(token);
    if (!scope) return this.broken(t, web, response);
    const explained =
      scope === 'all'
        ? t.t('notifications.unsubscribe.all', { site: this.site.name })
        : t.t('notifications.unsubscribe.one', { kind: t.t(`notifications.kind.${scope}`) });
    return renderPage(
      <MessagePage t={t} siteName={this.site.name} web={web} title={t.t('notifications.unsubscribe.title')} paragraphs={[explained]}>
        <PostForm web={web} action="/unsubscribe">
          <input type="hidden" name="token" value={token} />
          <button class="polity-button" type="submit">
            {t.t('notifications.unsubscribe.submit')}
          </button>
        </PostForm>
      </MessagePage>,
    );
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', HTML)
  async unsubscribe(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const t = this.translator(web);
    try {
      await this.notifications.unsubscribe(formText(form.token, 500));
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
      return this.broken(t, web, response);
    }
    return renderPage(
      <MessagePage
        t={t}
        siteName={this.site.name}
        web={web}
        title={t.t('notifications.unsubscribe.done.title')}
        paragraphs={[t.t('notifications.unsubscribe.done')]}
        link={{ href: '/notifications/settings', label: t.t('notifications.settings.title') }}
      />,
    );
  }

  private broken(t: Translator, web: WebRequest, response: Response): string {
    response.status(400);
    return renderPage(
      <MessagePage
        t={t}
        siteName={this.site.name}
        web={web}
        title={t.t('notifications.unsubscribe.broken.title')}
        paragraphs={[t.t('notifications.unsubscribe.broken')]}
        link={{ href: '/notifications/settings', label: t.t('notifications.settings.title') }}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, NOTIFICATIONS_MESSAGES);
  }
}
