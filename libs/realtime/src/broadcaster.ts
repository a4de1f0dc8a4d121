import { Injectable, OnModuleInit } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { ClientEventName, ClientEventPayloads, RoomMessage, userRoom } from '@polity/contracts';
import { RedisConnections } from '@polity/platform';
import { RoomSequence } from './room-sequence';

export const socketIoChannelKey = (connections: RedisConnections): string => connections.prefix('socket.io');

/** The server-side message every api instance receives when an account's sessions or roles change. */
export const ACCOUNT_CHANGED = 'polity:account-changed';

/** The server-side message that carries one batch of per-person messages to every api instance. */
export const USER_BATCH = 'polity:user-batch';

export interface UserBatch {
  event: ClientEventName;
  messages: RoomMessage<ClientEventName>[];
}

/** One message for a room: its event and the data it carries. */
export type OutgoingMessage = { [E in ClientEventName]: { event: E; data: ClientEventPayloads[E] } }[ClientEventName];

export interface AccountChange {
  userId: string;
  /** An erased account's connections are closed rather than narrowed. */
  erased: boolean;
}

/**
 * The one way any process (api or worker) pushes to clients: it publishes through Redis to every
 * api instance's Socket.IO adapter, which delivers to the sockets in the room.
 */
@Injectable()
export class Broadcaster implements OnModuleInit {
  private emitter: Emitter;

  constructor(
    private readonly connections: RedisConnections,
    private readonly sequence: RoomSequence,
  ) {}

  onModuleInit(): void {
    const client = this.connections.open();
    // The emitter publishes without waiting; a publish Redis refused (it is away) must not become an
    // unhandled rejection, which would end the process. The message is lost; clients catch up by `seq`.
    const publisher = { publish: (channel: string, message: string | Buffer) => client.publish(channel, message).catch(() => 0) };
    this.emitter = new Emitter(publisher, { key: socketIoChannelKey(this.connections) });
  }

  async toRoom<E extends ClientEventName>(room: string, event: E, data: ClientEventPayloads[E]): Promise<RoomMessage<E>> {
    const message: RoomMessage<E> = { room, seq: await this.sequence.next(room), sentAt: new Date().toISOString(), data };
    this.emitter.to(room).emit(event, message);
    return message;
  }

  /** Several messages to one room, in the order given, numbered in one round trip. */
  async toRoomMany(room: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const seqs = await this.sequence.nextMany(messages.map(() => room));
    const sentAt = new Date().toISOString();
    messages.forEach(({ event, data }, index) => this.emitter.to(room).emit(event, { room, seq: seqs[index], sentAt, data }));
  }

  toUser<E extends ClientEventName>(userId: string, event: E, data: ClientEventPayloads[E]): Promise<RoomMessage<E>> {
    return this.toRoom(userRoom(userId), event, data);
  }

  /**
   * One message each to many people (a notification fan-out): their sequence numbers in one round
   * trip, and the whole batch in one publication that each api instance delivers to the rooms it
   * has sockets in. One publication per person cost more than the rest of the fan-out together.
   */
  async toUsers<E extends ClientEventName>(event: E, messages: readonly { userId: string; data: ClientEventPayloads[E] }[]): Promise<void> {
    if (messages.length === 0) return;
    const rooms = messages.map((message) => userRoom(message.userId));
    const seqs = await this.sequence.nextMany(rooms);
    const sentAt = new Date().toISOString();
    const batch: UserBatch = {
      event,
      messages: messages.map((message, index) => ({ room: rooms[index], seq: seqs[index], sentAt, data: message.data })),
    };
    this.emitter.serverSideEmit(USER_BATCH, batch);
  }

  /**
   * Tells every api instance that an account changed: each of its connections re-reads its rights
   * and leaves rooms it may no longer hear (or, for an erased account, is closed).
   */
  accountChanged(change: AccountChange): void {
    this.emitter.serverSideEmit(ACCOUNT_CHANGED, change);
  }
}
