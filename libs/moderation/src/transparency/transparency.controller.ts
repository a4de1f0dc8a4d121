import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page, Public } from '@polity/platform';
import { ModerationLogEntryDto, ModerationLogPageDto, ModerationLogQueryDto, ModerationStatsDto, StatsQueryDto } from './transparency.dto';
import { TransparencyQuery } from './transparency.query';

/** What anyone can check: every moderation action without people or text, and the totals. */
@ApiTags('moderation')
@Public()
@Controller('moderation')
export class TransparencyController {
  constructor(private readonly transparency: TransparencyQuery) {}

  /**
   * The public moderation log: what was held, hidden, restored, dismissed, blocked or decided on appeal, when, why
   * and from what origin; no person, text or id.
   */
  @Get('log')
  @ApiOkResponse({ type: ModerationLogPageDto })
  log(@Query() query: ModerationLogQueryDto): Promise<Page<ModerationLogEntryDto>> {
    return this.transparency.entries(query);
  }

  /**
   * Moderation totals over a period: screened, held, hidden, restored, appeals upheld and overturned, median time
   * to a decision.
   */
  @Get('stats')
  @ApiOkResponse({ type: ModerationStatsDto })
  stats(@Query() query: StatsQueryDto): Promise<ModerationStatsDto> {
    return this.transparency.stats(query);
  }
}
