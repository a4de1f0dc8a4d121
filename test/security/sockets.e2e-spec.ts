import { JwtService } from '@nestjs/jwt';
import { AuthConfig } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import {
  collectEvents,
  connectSocket,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  nextEvent,
  registerUser,
  RunningApp,
  startTestWorker,
  subscribe,
} from '@polity/testing';
import type { Socket } from 'socket.io-client';

interface AccessChanged {
  reason: string;
  signedIn: boolean;
  leftRooms: string[];
}

const nextAccessChange = (socket: Socket, timeoutMs = 8000): Promise<AccessChanged> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no access.changed')), timeoutMs);
    socket.once('access.changed', (message: AccessChanged) => {
      clearTimeout(timer);
      resolve(message);
    });
  });

/** Proves a socket does not hear a room: a later message to its own user room arrives, the room's does not. */
async function expectDeaf(api: RunningApp, socket: Socket, room: string, marker: () => Promise<void>): Promise<void> {
  const received = collectEvents(socket, 'moderation.released');
  await api.app.get(Broadcaster).toRoom(room, 'moderation.released', { itemId: 'not-for-you' });
  await marker();
  expect(received.filter((message) => message.room === room)).toEqual([]);
}

describe('sockets: limits per connection and account, and rights that follow the account', () => {
  let api: RunningApp;
  let worker: RunningApp;
  const sockets: Socket[] = [];
  const open = async (token?: string, app: RunningApp = api): Promise<Socket> => {
    const socket = await connectSocket(app.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  describe('message limits', () => {
    let limited: RunningApp;
    beforeAll(async () => {
      // The HTTP per-IP limit is as low as the socket one, so a shared key would show at once. Its own
      // Redis prefix keeps these counters from other test apps on this address.
      limited = await createTestApp({
        REDIS_PREFIX: `polity-test-socket-limits-${Date.now()}`,
        RATE_LIMIT_PER_IP: '20',
        SOCKET_MESSAGES_PER_CONNECTION: '20',
        SOCKET_MESSAGES_PER_ACCOUNT: '30',
      });
    });
    afterAll(() => limited.close());

    it('throttles one busy connection with a 429 ack, and nobody else', async () => {
      const busy = await open(undefined, limited);
      const acks = [];
      for (let i = 0; i < 25; i++) acks.push(await subscribe(busy, 'proposals'));
      expect(acks.slice(0, 20).every((ack) => ack.ok)).toBe(true);
      expect(acks[24]).toMatchObject({ ok: false, room: 'proposals', error: { status: 429, code: 'rate_limited' } });

      // Another person on the same address is not affected.
      const neighbour = await open(undefined, limited);
      expect(await subscribe(neighbour, 'proposals')).toMatchObject({ ok: true });
    });

    it('counts one account’s connections together', async () => {
      const person = await registerUser(limited);
      const first = await open(person.accessToken, limited);
      const second = await open(person.accessToken, limited);
      for (let i = 0; i < 15; i++) expect(await subscribe(first, 'proposals')).toMatchObject({ ok: true });
      for (let i = 0; i < 15; i++) expect(await subscribe(second, 'proposals')).toMatchObject({ ok: true });
      expect(await subscribe(second, 'proposals')).toMatchObject({ ok: false, error: { status: 429 } });
    });
  });

  it('a demoted moderator’s open socket is told and leaves the moderation room', async () => {
    const admin = await createUserWithRoles(api, ['admin']);
    const moderator = await createUserWithRoles(api, ['moderator']);
    const socket = await open(moderator.accessToken);
    expect(await subscribe(socket, 'moderation')).toMatchObject({ ok: true });
    const told = nextAccessChange(socket);
    await api.http.put(`/api/v1/admin/users/${moderator.id}/roles`).set('Authorization', admin.auth).send({ roles: [] }).expect(200);
    expect(await told).toMatchObject({ reason: 'roles_changed', signedIn: true, leftRooms: ['moderation'] });
    expect(await subscribe(socket, 'moderation')).toMatchObject({ ok: false, error: { status: 403 } });
    await expectDeaf(api, socket, 'moderation', async () => {
      const marker = nextEvent(socket, 'account.updated');
      await api.app.get(Broadcaster).toUser(moderator.id, 'account.updated', { roles: ['citizen'], reason: 'roles_changed' });
      await marker;
    });
  });

  it('a room join is checked against the account as it is now, not as it was at the handshake', async () => {
    const admin = await createUserWithRoles(api, ['admin']);
    const moderator = await createUserWithRoles(api, ['moderator']);
    const socket = await open(moderator.accessToken);
    await api.http.put(`/api/v1/admin/users/${moderator.id}/roles`).set('Authorization', admin.auth).send({ roles: [] }).expect(200);
    // Straight away, before any notice can have arrived.
    expect(await subscribe(socket, 'moderation')).toMatchObject({ ok: false, error: { status: 403 } });
  });

  it('signing out ends the socket’s personal rooms', async () => {
    const person = await registerUser(api);
    const socket = await open(person.accessToken);
    expect(await subscribe(socket, `user:${person.id}`)).toMatchObject({ ok: true });
    const told = nextAccessChange(socket);
    await api.http.post('/api/v1/auth/logout').set('Authorization', person.auth).expect(204);
    expect(await told).toMatchObject({ reason: 'signed_out', signedIn: false, leftRooms: [`user:${person.id}`] });
    expect(await subscribe(socket, `user:${person.id}`)).toMatchObject({ ok: false, error: { status: 403 } });
    // Public rooms stay open to the now anonymous connection.
    expect(await subscribe(socket, 'proposals')).toMatchObject({ ok: true });
  });

  it('an erased account’s sockets are closed', async () => {
    const person = await registerUser(api);
    const socket = await open(person.accessToken);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await api.http.delete('/api/v1/me').set('Authorization', person.auth).send({ password: person.password }).expect(204);
    expect(await closed).toBe('io server disconnect');
  });

  it('a socket whose token expires becomes anonymous, unless it sends a fresh token first', async () => {
    const person = await registerUser(api);
    const jwt = api.app.get(JwtService);
    const secret = api.app.get(AuthConfig).accessTokenSecret;
    const claims = JSON.parse(Buffer.from(person.accessToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    const { exp: _exp, iat: _iat, ...rest } = claims;
    const shortLived = jwt.sign(rest, { secret, expiresIn: 2, algorithm: 'HS256' });

    const refreshed = await open(shortLived);
    const lapsed = await open(shortLived);
    expect(await subscribe(refreshed, `user:${person.id}`)).toMatchObject({ ok: true });
    expect(await subscribe(lapsed, `user:${person.id}`)).toMatchObject({ ok: true });
    const reauth: unknown = await refreshed.timeout(5000).emitWithAck('authenticate', { token: person.accessToken });
    expect(reauth).toMatchObject({ ok: true });

    expect(await nextAccessChange(lapsed, 6000)).toMatchObject({ reason: 'expired', signedIn: false, leftRooms: [`user:${person.id}`] });
    await expectEventually(async () => expect(await subscribe(lapsed, `user:${person.id}`)).toMatchObject({ ok: false }));
    expect(await subscribe(refreshed, `user:${person.id}`)).toMatchObject({ ok: true });
  });

  it('refuses to switch a connection to another person’s token', async () => {
    const person = await registerUser(api);
    const other = await registerUser(api);
    const socket = await open(person.accessToken);
    const answer: unknown = await socket.timeout(5000).emitWithAck('authenticate', { token: other.accessToken });
    expect(answer).toMatchObject({ ok: false, error: { status: 403 } });
    expect(await subscribe(socket, `user:${person.id}`)).toMatchObject({ ok: true });
  });
});
