import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type MeetingSummaryView, roomName } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { DiscussableResources, isUuid, Public, SiteConfig } from '@polity/platform';
import { HTML, type LiveAction, LivePages, notFound, pageTranslator, renderPage, type Translator, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { ListMeetingsQueryDto } from '../meetings/meetings.dto';
import { MeetingsQuery } from '../meetings/meetings.query';
import { COUNCIL_MESSAGES } from './council.messages';
import { MeetingListPage } from './meeting-list.page';
import { MeetingPage } from './meeting.page';

/** Every step the clerk takes reaches the meeting's room; the page brings its parts up to date (decisions item by item). */
const LIVE_MEETING: Record<string, LiveAction> = Object.fromEntries(
  ['meeting.updated', 'meeting.status', 'meeting.item', 'decision.recorded', 'decision.corrected'].map((event) => [
    event,
    { refresh: true },
  ]),
);
const PAST_SHOWN = 30;

/** The residents' council pages: the meetings, and one meeting with its stream, agenda and decisions. */
@ApiExcludeController()
@Public()
@Controller('meetings')
export class CouncilPagesController {
  constructor(
    private readonly meetings: MeetingsQuery,
    private readonly resources: DiscussableResources,
    private readonly follows: FollowsService,
    private readonly site: SiteConfig,
    private readonly live: LivePages,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async list(@Web() web: WebRequest): Promise<string> {
    const [upcoming, past] = await Promise.all([
      this.meetings.list(Object.assign(new ListMeetingsQueryDto(), { when: 'upcoming', limit: 100 })),
      this.meetings.list(Object.assign(new ListMeetingsQueryDto(), { when: 'past', limit: PAST_SHOWN })),
    ]);
    const all = [...upcoming.items, ...past.items];
    const where = (test: (meeting: MeetingSummaryView) => boolean) => all.filter(test);
    return renderPage(
      <MeetingListPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        live={where((m) => m.status === 'live' || m.status === 'adjourned')}
        upcoming={upcoming.items.filter((m) => m.status === 'scheduled')}
        past={past.items.filter((m) => m.status === 'ended')}
        cancelled={where((m) => m.status === 'cancelled')}
      />,
    );
  }

  @Get(':id')
  @Header('content-type', HTML)
  async one(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    if (!isUuid(id)) return this.notFound(web, response);
    const live = await this.live.config(web, [roomName('meetings', id)], LIVE_MEETING);
    const meeting = await this.meetings.get(id).catch(() => null);
    if (!meeting) return this.notFound(web, response);
    const links = meeting.agenda.flatMap((item) => [...item.links, ...item.decisions.flatMap((decision) => decision.links)]);
    const [titles, following] = await Promise.all([
      this.resources.visibleTitles(links, web.principal),
      web.principal ? this.follows.isFollowing('meetings', id, web.principal.userId) : false,
    ]);
    return renderPage(
      <MeetingPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        meeting={meeting}
        titles={titles}
        following={following}
        live={live}
      />,
    );
  }

  private notFound(web: WebRequest, response: Response): string {
    return notFound(response, this.translator(web), this.site.name, web);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, COUNCIL_MESSAGES);
  }
}
