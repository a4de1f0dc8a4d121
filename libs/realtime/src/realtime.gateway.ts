import { ConnectedSocket, MessageBody, OnGatewayConnection, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { SubscribeAck, userRoom } from '@polity/contracts';
import { plainToInstance } from 'class-transformer';
import { IsString, MaxLength, validateSync } from 'class-validator';
import type { Socket } from 'socket.io';
import type { SocketData } from './realtime-io.adapter';
import { RoomPolicies } from './room-policies';
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

/**
 * Clients `subscribe` / `unsubscribe` to rooms with an acknowledgement. Every join is checked by
 * the room kind's policy. A signed-in socket is put in its own `user:<id>` room at once.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayConnection {
  constructor(
    private readonly policies: RoomPolicies,
    private readonly sequence: RoomSequence,
  ) {}

  async handleConnection(socket: Socket): Promise<void> {
    const principal = (socket.data as SocketData).principal;
    if (principal) await socket.join(userRoom(principal.userId));
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const request = this.parse(body);
    if (!request) return refuse(undefined, 400, 'invalid_request', 'Send { room: "<kind>:<id>" }.');
    const decision = await this.policies.decide((socket.data as SocketData).principal, request.room);
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
    if (!request) return refuse(undefined, 400, 'invalid_request', 'Send { room: "<kind>:<id>" }.');
    await socket.leave(request.room);
    return { ok: true, room: request.room, seq: await this.sequence.current(request.room) };
  }

  private parse(body: unknown): RoomRequestDto | null {
    if (typeof body !== 'object' || body === null) return null;
    const request = plainToInstance(RoomRequestDto, body);
    return validateSync(request, { whitelist: true, forbidNonWhitelisted: true }).length === 0 ? request : null;
  }
}
