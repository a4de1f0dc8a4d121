import { randomUUID } from 'node:crypto';
import { Broadcaster, Presence } from '@polity/realtime';
import {
  collectEvents,
  connectSocket,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  nextEvent,
  registerUser,
  RunningApp,
  subscribe,
} from '@polity/testing';
import type { Socket } from 'socket.io-client';

describe('live backbone: Socket.IO gateway', () => {
  let apiA: RunningApp;
  let apiB: RunningApp;
  const sockets: Socket[] = [];
  const open = async (app: RunningApp, token?: string): Promise<Socket> => {
    const socket = await connectSocket(app.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    apiA = await createTestApp();
    apiB = await createTestApp();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await apiA.close();
    await apiB.close();
  });

  it('accepts an anonymous connection, which may not join personal or moderation rooms', async () => {
    const socket = await open(apiA);
    const somebody = await registerUser(apiA);
    expect(await subscribe(socket, `user:${somebody.id}`)).toMatchObject({ ok: false, error: { status: 403, code: 'room_forbidden' } });
    expect(await subscribe(socket, 'moderation')).toMatchObject({ ok: false, error: { status: 403 } });
  });

  it('refuses a handshake with an invalid or expired token', async () => {
    await expect(connectSocket(apiA.url, 'not.a.token')).rejects.toThrow('invalid_token');
  });

  it('refuses a handshake with the token of a session that signed out', async () => {
    const person = await registerUser(apiA);
    await apiA.http.post('/api/v1/auth/logout').set('Authorization', person.auth).send({ refreshToken: person.refreshToken }).expect(204);
    await expect(connectSocket(apiA.url, person.accessToken)).rejects.toThrow('invalid_token');
  });

  it('checks each room kind: my own user room yes, someone else’s or moderation no; moderators yes', async () => {
    const citizen = await registerUser(apiA);
    const other = await registerUser(apiA);
    const moderator = await createUserWithRoles(apiA, ['moderator']);
    const citizenSocket = await open(apiA, citizen.accessToken);
    const moderatorSocket = await open(apiA, moderator.accessToken);

    expect(await subscribe(citizenSocket, `user:${citizen.id}`)).toMatchObject({ ok: true, room: `user:${citizen.id}` });
    expect(await subscribe(citizenSocket, `user:${other.id}`)).toMatchObject({ ok: false, error: { status: 403 } });
    expect(await subscribe(citizenSocket, 'moderation')).toMatchObject({ ok: false, error: { status: 403 } });
    expect(await subscribe(moderatorSocket, 'moderation')).toMatchObject({ ok: true, room: 'moderation' });
  });

  it('answers malformed and unknown rooms with a reason', async () => {
    const socket = await open(apiA);
    expect(await subscribe(socket, 'Not A Room')).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_room' } });
    expect(await subscribe(socket, 'spaceship:1')).toMatchObject({ ok: false, error: { status: 404, code: 'unknown_room_kind' } });
    const ack: unknown = await socket.timeout(5000).emitWithAck('subscribe', 'moderation');
    expect(ack).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_request' } });
  });

  it('delivers to a client on instance A what instance B broadcasts (Redis adapter)', async () => {
    const person = await registerUser(apiA);
    const socket = await open(apiA, person.accessToken);
    const arriving = nextEvent(socket, 'account.updated');
    await apiB.app.get(Broadcaster).toUser(person.id, 'account.updated', { roles: ['citizen'], reason: 'roles_changed' });
    const message = await arriving;
    expect(message).toMatchObject({ room: `user:${person.id}`, seq: expect.any(Number), data: { reason: 'roles_changed' } });
  });

  it('counts who is connected across instances, so a fan-out reaches them first', async () => {
    const [first, second, away] = [await registerUser(apiA), await registerUser(apiA), await registerUser(apiA)];
    const presence = apiA.app.get(Presence);
    const people = [away.id, second.id, first.id];
    const connected = async (among = people) => [...(await presence.connectedAmong(among))].sort();
    expect(await connected()).toEqual([]);
    const onA = await open(apiA, first.accessToken);
    await open(apiB, first.accessToken);
    await open(apiB, second.accessToken);
    await expectEventually(async () => expect(await connected()).toEqual([first.id, second.id].sort()));
    // Asked about more people than are connected, it reads everyone's count instead: same answer.
    const strangers = Array.from({ length: 1500 }, () => randomUUID());
    expect(await connected([...strangers, ...people])).toEqual([first.id, second.id].sort());
    // One of the two connections closing leaves the person connected.
    onA.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await connected()).toEqual([first.id, second.id].sort());
    for (const socket of sockets.splice(0)) socket.close();
    await expectEventually(async () => expect(await connected()).toEqual([]));
  });

  it('numbers messages per room so a client can spot a gap and resync', async () => {
    const person = await registerUser(apiA);
    const socket = await open(apiB, person.accessToken);
    const ack = await subscribe(socket, `user:${person.id}`);
    if (!ack.ok) throw new Error('subscribe refused');
    const received = collectEvents(socket, 'account.updated');
    for (let i = 0; i < 3; i++) {
      await apiA.app.get(Broadcaster).toUser(person.id, 'account.updated', { roles: ['citizen'], reason: 'roles_changed' });
    }
    await expectEventually(() => expect(received).toHaveLength(3));
    expect(received.map((message) => message.seq)).toEqual([ack.seq + 1, ack.seq + 2, ack.seq + 3]);
  });

  it('stops delivering a room after unsubscribe', async () => {
    const moderator = await createUserWithRoles(apiA, ['moderator']);
    const socket = await open(apiA, moderator.accessToken);
    await subscribe(socket, 'moderation');
    const ack: unknown = await socket.timeout(5000).emitWithAck('unsubscribe', { room: 'moderation' });
    expect(ack).toMatchObject({ ok: true, room: 'moderation' });
    const received = collectEvents(socket, 'account.updated');
    await apiB.app.get(Broadcaster).toRoom('moderation', 'account.updated', { roles: [], reason: 'roles_changed' });
    // A message sent to the user room afterwards proves delivery works, so the silence above is real.
    const marker = nextEvent(socket, 'account.updated');
    await apiB.app.get(Broadcaster).toUser(moderator.id, 'account.updated', { roles: ['citizen'], reason: 'roles_changed' });
    expect((await marker).room).toBe(`user:${moderator.id}`);
    expect(received.map((message) => message.room)).toEqual([`user:${moderator.id}`]);
  });
});
