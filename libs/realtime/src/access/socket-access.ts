import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { AuthenticateAck, ConnectionEventPayloads } from '@polity/contracts';
import { AccessTokenService, type Principal } from '@polity/platform';
import type { Socket } from 'socket.io';
import { RoomPolicies } from '../room-policies';
import { socketData } from './socket-data';

const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

type Reason = ConnectionEventPayloads['access.changed']['reason'];

const sameRoles = (a: Principal | undefined, b: Principal | undefined): boolean =>
  (a?.roles ?? []).slice().sort().join() === (b?.roles ?? []).slice().sort().join();

/**
 * Keeps each connection's rights in step with the account: re-read before every join, at the
 * token's expiry, and whenever the account's sessions or roles change (a message every api
 * instance receives). A connection whose rights shrank is told and leaves the rooms it may no
 * longer hear; it stays open for the public ones.
 */
@Injectable()
export class SocketAccess implements OnModuleDestroy {
  private readonly byUser = new Map<string, Set<Socket>>();
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly policies: RoomPolicies,
  ) {}

  /** A new connection: remember whose it is and when its token lapses. */
  track(socket: Socket): void {
    const { identity } = socketData(socket);
    if (!identity) return;
    const sockets = this.byUser.get(identity.userId) ?? new Set<Socket>();
    sockets.add(socket);
    this.byUser.set(identity.userId, sockets);
    this.scheduleExpiry(socket, identity.expiresAt);
  }

  forget(socket: Socket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
    const userId = socketData(socket).identity?.userId;
    if (!userId) return;
    const sockets = this.byUser.get(userId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byUser.delete(userId);
  }

  /** The connection's principal as of now; when it shrank, the connection is first brought in line. */
  async current(socket: Socket): Promise<Principal | undefined> {
    const data = socketData(socket);
    if (!data.identity) return undefined;
    const now = (await this.tokens.current(data.identity)) ?? undefined;
    if (!now || !sameRoles(now, data.principal)) await this.apply(socket, now, now ? 'roles_changed' : this.lapseReason(socket));
    return now;
  }

  /** Every connection of this person on this instance re-checks its rights. */
  async revalidateUser(userId: string): Promise<void> {
    await Promise.all([...(this.byUser.get(userId) ?? [])].map((socket) => this.current(socket)));
  }

  disconnectUser(userId: string): void {
    for (const socket of this.byUser.get(userId) ?? []) socket.disconnect(true);
  }

  /** A fresh token for the same person keeps the connection's rights past the old token's expiry. */
  async authenticate(socket: Socket, token: unknown): Promise<AuthenticateAck> {
    const identity = typeof token === 'string' ? this.tokens.identify(token) : null;
    const principal = identity ? await this.tokens.current(identity) : null;
    if (!identity || !principal) return refused(401, 'invalid_token', 'The token is invalid, expired or its session ended.');
    const data = socketData(socket);
    if (data.identity && data.identity.userId !== identity.userId) {
      return refused(403, 'other_person', 'A connection belongs to one person; open a new one to sign in as someone else.');
    }
    this.forget(socket);
    data.identity = identity;
    data.principal = principal;
    this.track(socket);
    await socket.join(`user:${principal.userId}`);
    return { ok: true, expiresAt: new Date(identity.expiresAt).toISOString() };
  }

  onModuleDestroy(): void {
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
    this.expiryTimers.clear();
  }

  private lapseReason(socket: Socket): Reason {
    const identity = socketData(socket).identity;
    return identity && identity.expiresAt <= Date.now() ? 'expired' : 'signed_out';
  }

  private scheduleExpiry(socket: Socket, expiresAt: number): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    const delay = Math.max(0, expiresAt - Date.now()) + 50;
    // A page's session cookie may outlast a timer's longest delay (about 24.8 days): wait in steps.
    const timer = setTimeout(
      () => {
        if (delay > MAX_TIMER_DELAY_MS) this.scheduleExpiry(socket, expiresAt);
        else void this.current(socket).catch(() => socket.disconnect(true));
      },
      Math.min(delay, MAX_TIMER_DELAY_MS),
    );
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  /** Sets the connection's new rights and leaves every room they no longer allow. */
  private async apply(socket: Socket, now: Principal | undefined, reason: Reason): Promise<void> {
    const data = socketData(socket);
    if (!now) {
      this.forget(socket);
      data.identity = undefined;
    }
    data.principal = now;
    const leftRooms: string[] = [];
    for (const room of [...socket.rooms]) {
      if (room === socket.id) continue;
      if ((await this.policies.decide(now, room)).allowed) continue;
      await socket.leave(room);
      leftRooms.push(room);
    }
    const notice: ConnectionEventPayloads['access.changed'] = { reason, signedIn: now !== undefined, roles: now?.roles ?? [], leftRooms };
    socket.emit('access.changed', notice);
  }
}

const refused = (status: number, code: string, detail: string): AuthenticateAck => ({ ok: false, error: { status, code, detail } });
