import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AgendaItemView, MeetingSummaryView, MeetingView } from '@polity/contracts';
import { CurrentPrincipal, HttpConfig, type Page, type Principal, Public, RequireRoles } from '@polity/platform';
import { LiveControlService } from './live-control.service';
import { meetingsCalendar } from './meetings-calendar';
import {
  AgendaItemParamsDto,
  CancelMeetingDto,
  CreateAgendaItemDto,
  CreateMeetingDto,
  ListMeetingsQueryDto,
  MeetingIdParamsDto,
  ReorderAgendaDto,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from './meetings.dto';
import { MeetingsQuery } from './meetings.query';
import { MeetingsService } from './meetings.service';

/** Meetings are public; clerks (the `council` role) schedule them, keep the agenda and run them live. */
@ApiTags('council')
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly live: LiveControlService,
    private readonly query: MeetingsQuery,
    private readonly http: HttpConfig,
  ) {}

  /** Lists meetings: upcoming first, or past with `when=past`. */
  @Public()
  @Get('meetings')
  list(@Query() query: ListMeetingsQueryDto): Promise<Page<MeetingSummaryView>> {
    return this.query.list(query);
  }

  /** Upcoming meetings as an iCalendar feed to subscribe to. */
  @Public()
  @Get('meetings.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'RFC 5545 calendar', schema: { type: 'string' } })
  async calendar(): Promise<string> {
    const now = new Date();
    return meetingsCalendar(await this.query.upcomingForCalendar(now), {
      name: 'Council meetings',
      meetingUrl: (id) => `${this.http.publicUrl}/api/v1/meetings/${id}`,
      now,
    });
  }

  /** Reads a meeting with its agenda, the open item and decisions. */
  @Public()
  @Get('meetings/:id')
  get(@Param() params: MeetingIdParamsDto): Promise<MeetingView> {
    return this.query.get(params.id);
  }

  /**
   * Schedules a council meeting, with its stream address (YouTube, Vimeo, an allowed PeerTube or HLS host).
   * Council clerks.
   */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('meetings')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateMeetingDto): Promise<MeetingView> {
    return this.meetings.create(principal, body);
  }

  /** Details, stream, and after the meeting its recording and minutes. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Patch('meetings/:id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: MeetingIdParamsDto,
    @Body() body: UpdateMeetingDto,
  ): Promise<MeetingView> {
    return this.meetings.update(principal, params.id, body);
  }

  /** Adds an item to a meeting's agenda, linked to the resources it concerns. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('meetings/:id/agenda')
  addItem(
    @CurrentPrincipal() principal: Principal,
    @Param() params: MeetingIdParamsDto,
    @Body() body: CreateAgendaItemDto,
  ): Promise<AgendaItemView> {
    return this.meetings.addItem(principal, params.id, body);
  }

  /** Edits an agenda item's title, description or links. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Patch('meetings/:id/agenda/:itemId')
  updateItem(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgendaItemParamsDto,
    @Body() body: UpdateAgendaItemDto,
  ): Promise<AgendaItemView> {
    return this.meetings.updateItem(principal, params.id, params.itemId, body);
  }

  /** Removes an agenda item that has no decision. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Delete('meetings/:id/agenda/:itemId')
  @HttpCode(204)
  removeItem(@Param() params: AgendaItemParamsDto): Promise<void> {
    return this.meetings.removeItem(params.id, params.itemId);
  }

  /** Reorders the agenda: the body lists every item once. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Put('meetings/:id/agenda-order')
  reorder(@Param() params: MeetingIdParamsDto, @Body() body: ReorderAgendaDto): Promise<MeetingView> {
    return this.meetings.reorder(params.id, body);
  }

  /** Starts (or resumes) a meeting: it goes live in its room. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('meetings/:id/start')
  @HttpCode(200)
  start(@CurrentPrincipal() principal: Principal, @Param() params: MeetingIdParamsDto): Promise<MeetingSummaryView> {
    return this.live.move(principal, params.id, 'start');
  }

  /** Adjourns a running meeting, to be resumed with start. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('meetings/:id/adjourn')
  @HttpCode(200)
  adjourn(@CurrentPrincipal() principal: Principal, @Param() params: MeetingIdParamsDto): Promise<MeetingSummaryView> {
    return this.live.move(principal, params.id, 'adjourn');
  }

  /**
   * Calls off a meeting that has not started, with a reason; it stays listed, and calendars show it cancelled.
   * Council clerks.
   */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('meetings/:id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param() params: MeetingIdParamsDto,
    @Body() input: CancelMeetingDto,
  ): Promise<MeetingSummaryView> {
    return this.live.cancel(principal, params.id, input.reason);
  }

  /** Ends a running meeting. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('meetings/:id/end')
  @HttpCode(200)
  end(@CurrentPrincipal() principal: Principal, @Param() params: MeetingIdParamsDto): Promise<MeetingSummaryView> {
    return this.live.move(principal, params.id, 'end');
  }

  /** Opens an agenda item while the meeting runs; watchers see it at once. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('meetings/:id/agenda/:itemId/open')
  @HttpCode(200)
  openItem(@CurrentPrincipal() principal: Principal, @Param() params: AgendaItemParamsDto): Promise<AgendaItemView> {
    return this.live.openItem(principal, params.id, params.itemId);
  }

  /** Closes the open agenda item. Council clerks. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('meetings/:id/agenda/:itemId/close')
  @HttpCode(200)
  closeItem(@CurrentPrincipal() principal: Principal, @Param() params: AgendaItemParamsDto): Promise<AgendaItemView> {
    return this.live.closeItem(principal, params.id, params.itemId);
  }
}
