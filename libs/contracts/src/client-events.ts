import type { Role } from './roles';

/**
 * Events the server pushes to Socket.IO clients, by name, with their data.
 * Each arrives as `(name, envelope)` where the envelope is a {@link RoomMessage}.
 */
export interface ClientEventPayloads {
  'account.updated': { roles: Role[]; reason: 'roles_changed' | 'erased' };
}

export type ClientEventName = keyof ClientEventPayloads;

export interface RoomMessage<E extends ClientEventName = ClientEventName> {
  room: string;
  /** Increases by one per message in this room; a gap tells the client to resync over REST. */
  seq: number;
  sentAt: string;
  data: ClientEventPayloads[E];
}

/** What a client sends to join or leave a room, and what the server acknowledges. */
export interface SubscribeRequest {
  room: string;
}

export type SubscribeAck =
  { ok: true; room: string; seq: number } | { ok: false; room: string; error: { status: number; code: string; detail: string } };
