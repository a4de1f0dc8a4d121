import type { ClientEventName, ClientEventPayloads, RoomMessage, SubscribeAck } from '@polity/contracts';
import { io, Socket } from 'socket.io-client';

interface UntypedEvents {
  on(event: string, listener: (message: never) => void): void;
  off(event: string, listener: (message: never) => void): void;
}

/** socket.io-client types listeners per event map; ours are typed by ClientEventPayloads instead. */
const untyped = (socket: Socket): UntypedEvents => socket as unknown as UntypedEvents;

/** Connects like a browser would; rejects with the server's reason when the handshake is refused. */
export async function connectSocket(url: string, token?: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}

export function subscribe(socket: Socket, room: string): Promise<SubscribeAck> {
  return socket.timeout(5000).emitWithAck('subscribe', { room }) as Promise<SubscribeAck>;
}

/** The next `event` this socket receives (optionally the next one matching `accept`). */
export function nextEvent<E extends ClientEventName>(
  socket: Socket,
  event: E,
  accept: (message: RoomMessage<E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<RoomMessage<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      untyped(socket).off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (message: RoomMessage<E>): void => {
      if (!accept(message)) return;
      clearTimeout(timer);
      untyped(socket).off(event, listener);
      resolve(message);
    };
    untyped(socket).on(event, listener);
  });
}

/** Collects every `event` the socket receives from now on. */
export function collectEvents<E extends ClientEventName>(socket: Socket, event: E): RoomMessage<E>[] {
  const received: RoomMessage<E>[] = [];
  untyped(socket).on(event, (message: RoomMessage<E>) => {
    received.push(message);
  });
  return received;
}

export type { ClientEventPayloads };
