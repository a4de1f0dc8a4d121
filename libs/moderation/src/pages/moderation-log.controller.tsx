import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, SiteConfig } from '@polity/platform';
import { HTML, pageTranslator, renderPage, Web, type WebRequest } from '@polity/web';
import { MODERATION_CONSOLE_MESSAGES } from '../console/moderation-console.messages';
import { ModerationLogQueryDto, StatsQueryDto } from '../transparency/transparency.dto';
import { TransparencyQuery } from '../transparency/transparency.query';
import { ModerationLogPage } from './moderation-log.page';

/** The public moderation log and its figures, as a page anyone may read (moderators link to it too). */
@ApiExcludeController()
@Public()
@Controller('moderation/log')
export class ModerationLogController {
  constructor(
    private readonly transparency: TransparencyQuery,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async show(@Web() web: WebRequest, @Query('cursor') cursor: unknown): Promise<string> {
    const query = Object.assign(new ModerationLogQueryDto(), {
      limit: 50,
      ...(typeof cursor === 'string' && cursor.length < 200 && { cursor }),
    });
    const [stats, page] = await Promise.all([this.transparency.stats(new StatsQueryDto()), this.transparency.entries(query)]);
    return renderPage(
      <ModerationLogPage
        t={pageTranslator(web, MODERATION_CONSOLE_MESSAGES)}
        siteName={this.site.name}
        web={web}
        stats={stats}
        entries={page.items}
        nextCursor={page.nextCursor}
      />,
    );
  }
}
