import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { type AuthenticateAck, SubscribeAck, userRoom, canonicalRoomName } from '@polity/contracts';
import { plainToInstance } from 'class-transformer';
import { IsString, MaxLength, validateSync } from 'class-validator';
import type { Server, Socket } from 'socket.io';
import { SocketAccess } from './access/socket-access';
import { socketData } from './access/socket-data';
import { SocketRateLimit } from './access/socket-rate-limit';
import { ACCOUNT_CHANGED, type AccountChange, USER_BATCH, type UserBatch } from './broadcaster';
import { unavailableDependency } from '@polity/platform';
import { RoomPolicies } from './room-policies';
import { Presence } from './presence';
import { RoomSequence } from './room-sequence';

const MAX_ROOMS_PER_SOCKET = 200;

class RoomRequestDto {
  @IsString()
  @MaxLength(200)
  room: string;
}

function refuse(room: unknown, status: number, code: string, detail: string): SubscribeAck {
  return { ok: false, room: typeof room === 'string' ? room : '', error: { status, code, detail } };
}

const RATE_LIMITED = { status: 429, code: 'rate_limited', detail: 'Too many messages on this connection; slow down.' };

/**
 * Clients `subscribe` / `unsubscribe` to rooms with an acknowledgement. Every join is checked by
 * the room kind's policy against the account as it is now. A signed-in socket is put in its own
 * `user:<id>` room at once, and may send `authenticate` with a fresh token before its own expires.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly policies: RoomPolicies,
    private readonly sequence: RoomSequence,
    private readonly access: SocketAccess,
    private readonly limits: SocketRateLimit,
    private readonly presence: Presence,
  ) {}

  afterInit(server: Server): void {
    // Sent by whichever process changed the account, through Redis, to every api instance.
    server.on(ACCOUNT_CHANGED, (change: AccountChange) => {
      if (change.erased) this.access.disconnectUser(change.userId);
      else void this.access.revalidateUser(change.userId);
    });
    // Each instance delivers a batch's messages to the people connected to it, and skips the rest.
    server.on(USER_BATCH, ({ event, messages }: UserBatch) => {
      const rooms = server.of('/').adapter.rooms;
      for (const message of messages) if (rooms.has(message.room)) server.local.to(message.room).emit(event, message);
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const principal = socketData(socket).principal;
    this.access.track(socket);
    if (principal) {
      await socket.join(userRoom(principal.userId));
      await this.presence.connected(principal.userId).catch(() => undefined);
    }
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    this.access.forget(socket);
    const principal = socketData(socket).principal;
    // Presence only orders fan-outs: a count Redis could not take is not worth a failed disconnect.
    if (principal) await this.presence.disconnected(principal.userId).catch(() => undefined);
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    try {
      return await this.join(socket, body);
    } catch (error) {
      // PostgreSQL or Redis away: a refusal the client can retry, never a silent missing ack.
      if (!unavailableDependency(error)) throw error;
      return refuse(
        this.parse(body)?.room,
        503,
        'service_unavailable',
        'Live updates are unavailable for a moment; subscribe again shortly.',
      );
    }
  }

  private async join(socket: Socket, body: unknown): Promise<SubscribeAck> {
    const request = this.parse(body);
    if (await this.limits.exceeded(socket)) return refuse(request?.room, RATE_LIMITED.status, RATE_LIMITED.code, RATE_LIMITED.detail);
    if (!request) return refuse(undefined, 400, 'invalid_request', 'Send { room: "<kind>:<id>" }.');
    const decision = await this.policies.decide(await this.access.current(socket), request.room);
    if (!decision.allowed) return refuse(request.room, decision.status, decision.code, decision.detail);
    if (!socket.rooms.has(request.room) && socket.rooms.size >= MAX_ROOMS_PER_SOCKET) {
      return refuse(request.room, 429, 'too_many_rooms', `A connection may follow at most ${MAX_ROOMS_PER_SOCKET} rooms.`);
    }
    await socket.join(request.room);
    return { ok: true, room: request.room, seq: await this.sequence.current(request.room) };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const request = this.parse(body);
    if (await this.limits.exceeded(socket)) return refuse(request?.room, RATE_LIMITED.status, RATE_LIMITED.code, RATE_LIMITED.detail);
    if (!request) return refuse(undefined, 400, 'invalid_request', 'Send { room: "<kind>:<id>" }.');
    await socket.leave(request.room);
    return { ok: true, room: request.room, seq: await this.sequence.current(request.room) };
  }

  @SubscribeMessage('authenticate')
  async authenticate(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<AuthenticateAck> {
    if (await this.limits.exceeded(socket)) return { ok: false, error: RATE_LIMITED };
    const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
    return this.access.authenticate(socket, token);
  }

  private parse(body: unknown): RoomRequestDto | null {
    if (typeof body !== 'object' || body === null) return null;
    const request = plainToInstance(RoomRequestDto, body);
    if (validateSync(request, { whitelist: true, forbidNonWhitelisted: true }).length > 0) return null;
    // `proposal:<id>` (the spelling before kinds were unified) joins, and is answered as, `proposals:<id>`.
    request.room = canonicalRoomName(request.room);
    return request;
  }
}
