import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { AccessTokenService, HttpConfig, RedisConnections } from '@polity/platform';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { socketIoChannelKey } from './broadcaster';

export interface SocketData {
  principal?: import('@polity/platform').Principal;
}

function bearerToken(socket: Socket): string | undefined {
  const fromAuth: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
  if (typeof fromAuth === 'string' && fromAuth.length > 0) return fromAuth.replace(/^Bearer /, '');
  const header = socket.handshake.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/**
 * Socket.IO over the api's HTTP server, with the Redis adapter (so every api instance reaches
 * every client) and authentication in the handshake: a valid access token identifies the socket,
 * no token makes it anonymous, a bad token is refused before the connection opens.
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(private readonly context: INestApplicationContext) {
    super(context);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const http = this.context.get(HttpConfig);
    const connections = this.context.get(RedisConnections);
    const tokens = this.context.get(AccessTokenService);
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: http.corsOrigins === '*' ? true : http.corsOrigins, credentials: true },
      serveClient: false,
    } as ServerOptions);
    server.adapter(createAdapter(connections.open(), connections.open(), { key: socketIoChannelKey(connections) }));
    server.use((socket, next) => {
      const token = bearerToken(socket);
      if (!token) return next();
      tokens
        .verify(token)
        .then((principal) => {
          if (!principal) return next(new Error('invalid_token'));
          (socket.data as SocketData).principal = principal;
          next();
        })
        .catch(() => next(new Error('authentication_unavailable')));
    });
    return server;
  }
}
