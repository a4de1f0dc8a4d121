import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import {
  AccessTokenService,
  type AccessTokenIdentity,
  cookieValue,
  HttpConfig,
  RedisConnections,
  SESSION_COOKIE,
  SessionCookies,
} from '@polity/platform';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { socketData } from './access/socket-data';
import { SocketRateLimit } from './access/socket-rate-limit';
import { socketIoChannelKey } from './broadcaster';

function bearerToken(socket: Socket): string | undefined {
  const fromAuth: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
  if (typeof fromAuth === 'string' && fromAuth.length > 0) return fromAuth.replace(/^Bearer /, '');
  const header = socket.handshake.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/**
 * The site's session cookie, when the connection comes from the site's own pages: a page of another
 * site cannot make a browser open a signed-in connection (SameSite=Lax would stop most, not all,
 * such attempts; the Origin check stops the rest).
 */
function sessionCookie(socket: Socket, cookies: SessionCookies): AccessTokenIdentity | null {
  const { origin, host, cookie } = socket.handshake.headers;
  if (!cookie || !origin || !host) return null;
  try {
    if (new URL(origin).host !== host) return null;
  } catch {
    return null;
  }
  return cookies.identify(cookieValue(cookie, SESSION_COOKIE));
}

/** The client's address: the first X-Forwarded-For hop behind a trusted proxy, else the peer. */
function clientAddress(socket: Socket, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : socket.handshake.address;
}

/**
 * Socket.IO over the api's HTTP server, with the Redis adapter (so every api instance reaches
 * every client) and authentication in the handshake: a valid access token identifies the socket,
 * else the site's session cookie does; neither makes it anonymous, a bad token is refused before
 * the connection opens. Each address
 * may open a limited number of connections per window.
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(private readonly context: INestApplicationContext) {
    super(context);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const http = this.context.get(HttpConfig);
    const connections = this.context.get(RedisConnections);
    const tokens = this.context.get(AccessTokenService);
    const limits = this.context.get(SocketRateLimit);
    const cookies = this.context.get(SessionCookies);
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: http.corsOrigins === '*' ? true : http.corsOrigins, credentials: true },
      serveClient: false,
    } as ServerOptions);
    server.adapter(createAdapter(connections.open(), connections.open(), { key: socketIoChannelKey(connections) }));
    server.use((socket, next) => {
      const handshake = async (): Promise<Error | undefined> => {
        if (await limits.tooManyConnections(clientAddress(socket, http.trustProxy))) return new Error('rate_limited');
        const token = bearerToken(socket);
        if (token) {
          const identity = tokens.identify(token);
          const principal = identity ? await tokens.current(identity) : null;
          if (!identity || !principal) return new Error('invalid_token');
          Object.assign(socketData(socket), { identity, principal });
          return undefined;
        }
        // A page's cookie that no longer signs anyone in leaves the page's connection anonymous, as the page is.
        const identity = sessionCookie(socket, cookies);
        const principal = identity ? await tokens.current(identity) : null;
        if (!identity || !principal) return undefined;
        Object.assign(socketData(socket), { identity, principal });
        return undefined;
      };
      // PostgreSQL or Redis away: the client is told so, and tries again after a pause (see the site's live client).
      handshake().then(next, () => next(new Error('service_unavailable')));
    });
    return server;
  }
}
