import { Injectable } from '@nestjs/common';
import { userRoom } from '@polity/contracts';
import { RoomSequence } from '@polity/realtime';
import type { WebRequest } from '../page/web-request';
import type { LiveAction, LiveConfig } from './live-config';

/** The header badge's element, which `notification.unread_count` on the reader's own room keeps current. */
export const UNREAD_BADGE_ID = 'unread-count';

/**
 * Builds a page's live configuration. The rooms' message numbers are read before the page reads
 * its data, so whatever changes after that reaches the page: as a message, or, when the page
 * subscribes later than the change, as a newer number in the subscribe ack and a refetch.
 */
@Injectable()
export class LivePages {
  constructor(private readonly sequence: RoomSequence) {}

  async config(web: WebRequest, rooms: readonly string[], on: Record<string, LiveAction> = {}): Promise<LiveConfig> {
    const all = web.principal ? [...rooms, userRoom(web.principal.userId)] : [...rooms];
    const seqs = await this.sequence.currentMany(all);
    return {
      rooms: Object.fromEntries(all.map((room, index) => [room, seqs[index]])),
      on: web.principal ? { ...on, 'notification.unread_count': { count: UNREAD_BADGE_ID, field: 'unread' } } : on,
    };
  }
}
