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
    const actions = web.principal ? { ...on, 'notification.unread_count': { count: UNREAD_BADGE_ID, field: 'unread' } } : on;
    // The live client refetching a page reads only its parts, never its configuration: no numbers to read.
    if (web.liveFetch) return { rooms: {}, on: actions };
    // The reader's own room was read for the header already (by the middleware, for every signed-in page).
    const known = web.live?.rooms ?? {};
    const wanted = web.principal ? [...rooms, userRoom(web.principal.userId)] : [...rooms];
    const toRead = wanted.filter((room) => known[room] === undefined);
    // Without Redis the page still renders, numbered 0: its first live message is then a gap, and it catches up.
    const seqs = await this.sequence.currentMany(toRead).catch(() => toRead.map(() => 0));
    const read = new Map(seqs.map((seq, index) => [toRead[index], seq]));
    return { rooms: Object.fromEntries(wanted.map((room) => [room, known[room] ?? read.get(room) ?? 0])), on: actions };
  }
}
