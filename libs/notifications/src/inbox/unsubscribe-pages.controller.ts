import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PAGES_PATH, plainPage, ProblemException, Public } from '@polity/platform';
import { UnsubscribeQueryDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

const HTML = 'text/html; charset=utf-8';

const what = (scope: string): string => (scope === 'all' ? 'all email from Polity' : `email about ${scope.replace(/_/g, ' ')}`);

/**
 * The unsubscribe link of every email opens a page that asks, and changes nothing: mail scanners
 * and link previews open links too. Only its button (or a mail client's one-click POST, see
 * NotificationsController) turns the email off.
 */
@ApiTags('notifications')
@Public()
@Controller()
export class UnsubscribePagesController {
  constructor(private readonly notifications: NotificationsService) {}

  /**
   * The page an email's unsubscribe link opens: it asks before changing anything (mail scanners open links too).
   */
  @Get('notifications/unsubscribe')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page asking to confirm; nothing changes until its button is pressed' })
  confirm(@Query() query: UnsubscribeQueryDto): string {
    const scope = this.notifications.unsubscribeScope(query.token);
    if (!scope) return plainPage('This link does not work', ['Change your email settings after signing in.']);
    return plainPage('Stop these emails?', [`Press the button to stop ${what(scope)}. You can turn it on again in your settings.`], {
      fields: [{ name: 'token', label: '', type: 'hidden', value: query.token }],
      submit: 'Stop these emails',
      action: `${PAGES_PATH}/unsubscribe`,
    });
  }

  @ApiExcludeEndpoint()
  @Post('pages/unsubscribe')
  @HttpCode(200)
  @Header('content-type', HTML)
  async unsubscribe(@Body() form: Record<string, unknown>): Promise<string> {
    try {
      const { unsubscribed } = await this.notifications.unsubscribe(typeof form.token === 'string' ? form.token.slice(0, 500) : '');
      return plainPage('Done', [`You will no longer get ${what(unsubscribed)}.`]);
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      return plainPage('This link does not work', [error.problem.detail]);
    }
  }
}
