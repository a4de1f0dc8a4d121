import { Injectable, Logger } from '@nestjs/common';
import type { DomainEvent } from '@polity/contracts';
import { HandlesJob } from '@polity/queue';
import { ScreeningService } from './screening.service';

@Injectable()
export class ScreenContentHandler {
  private readonly logger = new Logger(ScreenContentHandler.name);

  constructor(private readonly screening: ScreeningService) {}

  @HandlesJob('moderation.screen-content')
  async handle(event: DomainEvent<'content.submitted'>): Promise<{ outcome: string }> {
    const outcome = await this.screening.screen(event);
    this.logger.debug({ kind: event.payload.kind, contentId: event.payload.contentId, outcome }, 'screened');
    return { outcome };
  }
}
