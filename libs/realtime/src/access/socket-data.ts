import type { AccessTokenIdentity, Principal } from '@polity/platform';

/** What the server keeps on each connection (plain data: Socket.IO may copy it between instances). */
export interface SocketData {
  /** Who the connection's token names, and until when; absent on an anonymous connection. */
  identity?: AccessTokenIdentity;
  /** The identity's rights as last read from the database; absent once they lapsed. */
  principal?: Principal;
  messages?: { windowStart: number; count: number };
}

export const socketData = (socket: { data: unknown }): SocketData => socket.data as SocketData;
