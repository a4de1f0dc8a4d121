import { Injectable, Logger } from '@nestjs/common';
import { eventsOf, type JobPayloads } from '@polity/contracts';
import { HandlesJob } from '@polity/queue';
import { ScreeningService } from './screening.service';

@Injectable()
export class ScreenContentHandler {
  private readonly logger = new Logger(ScreenContentHandler.name);

  constructor(private readonly screening: ScreeningService) {}

  @HandlesJob('moderation.screen-content')
  async handle(payload: JobPayloads['moderation.screen-content']): Promise<{ outcomes: Record<string, number> }> {
    const events = eventsOf(payload);
    const outcomes: Record<string, number> = {};
    for (const outcome of await this.screening.screenMany(events)) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    this.logger.debug({ submissions: events.length, outcomes }, 'screened');
    return { outcomes };
  }
}
