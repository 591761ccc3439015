// Issue 13, items 4 and 7, against a real server (HTTP + WebSocket, real SDK clients):
// 4. the join code alone cannot fill a session: unseated lobby players are limited per address and
//    per session, idle ones expire (on the hand-turned clock), and a latecomer always gets in
//    while a seat is free;
// 7. a seat token taken to another device displaces the first one, which is told; the facilitator
//    revokes a token, and the student comes back by code and is re-seated.
// The server trusts one proxy (TRUST_PROXY=1), so each client's address is its X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, openSession, startTestServer, TestClient, type ManualClock, type Opened, type RunningServer } from './harness';
import { LOBBY, lobbyLimits } from '@server/room/lobby';

const { Client } = await import('@colyseus/sdk');

// The SDK warns about every join the server refuses; these tests refuse joins on purpose.
const warn = console.warn;
vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
  if (!String(args[0]).startsWith('Room connection was closed unexpectedly')) warn(...args);
});

/** "Handshake in orbit" has four delegations of six seats: the class size. */
const CLASS_SIZE = 24;
const limits = lobbyLimits(CLASS_SIZE);

let server: RunningServer;
let url: string;
let clock: ManualClock;

beforeAll(async () => {
  ({ server, url, clock } = await startTestServer({ TRUST_PROXY: '1' }));
});
afterAll(async () => server?.close());

/** A player joining from `address` (what the trusted proxy says), with `name`, maybe a token. */
async function joinFrom(opened: Opened, address: string, name: string, seatToken?: string): Promise<TestClient> {
  const client = new Client(url, { headers: { 'x-forwarded-for': address } });
  const room = await client.joinById(opened.sessionId, { as: 'player', joinCode: opened.joinCode, name, ...(seatToken ? { seatToken } : {}) });
  const player = new TestClient(room);
  await player.until(() => player.view !== null && player.identity !== null);
  return player;
}

/** The refusal of a join, or 'joined'. */
async function refusalOf(joining: Promise<TestClient>, keep: TestClient[]): Promise<string> {
  try {
    keep.push(await joining);
    return 'joined';
  } catch (error) {
    return (error as Error).message;
  }
}

async function leaveAll(clients: TestClient[]) {
  await Promise.all(clients.map((c) => c.leave()));
  clients.length = 0;
}

describe('lobby limits (13.4)', () => {
  let opened: Opened;
  let facilitator: TestClient;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    opened = await openSession(url);
    facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
  });
  afterAll(async () => {
    await leaveAll(clients);
    await facilitator?.leave();
  });

  const lobbyCount = () => facilitator.presence.players.filter((p: { seat: unknown }) => p.seat === null).length;

  it('limits the unseated lobby players of one address, and a latecomer from elsewhere still takes a free seat', async () => {
    expect(limits.perAddress).toBeGreaterThanOrEqual(CLASS_SIZE);
    for (let i = 0; i < limits.perAddress; i++) expect(await refusalOf(joinFrom(opened, '10.4.0.1', `Filler ${i}`), clients)).toBe('joined');
    expect(await refusalOf(joinFrom(opened, '10.4.0.1', 'One too many'), clients)).toBe('tooManyWaiting');
    // A new join code lookup from that address still works (the code is right); only lobby places are limited.
    expect((await api(url, `/api/join/${opened.joinCode}`, { headers: { 'x-forwarded-for': '10.4.0.1' } })).status).toBe(200);

    const latecomer = await joinFrom(opened, '10.4.0.2', 'Latecomer');
    clients.push(latecomer);
    latecomer.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
    await latecomer.until(() => latecomer.identity?.seat !== null);
    expect(latecomer.view!.viewer).toEqual({ kind: 'seat', role: 'nasa', seat: 'head' });
  });

  it('limits the unseated lobby of the session, leaving a whole class room after any one address', async () => {
    expect(limits.perSession - limits.perAddress).toBeGreaterThanOrEqual(CLASS_SIZE);
    await facilitator.until(() => lobbyCount() === limits.perAddress);
    // Others, one address each, fill the rest of the lobby.
    for (let i = lobbyCount(); i < limits.perSession; i++) expect(await refusalOf(joinFrom(opened, `10.4.1.${i}`, `Student ${i}`), clients)).toBe('joined');
    expect(await refusalOf(joinFrom(opened, '10.4.2.1', 'Too late'), clients)).toBe('lobbyFull');
    // Seated players do not count: seating one lets the next one in.
    const waiting = clients.find((c) => c.identity.seat === null)!;
    facilitator.room.send('seatPlayer', { player: waiting.identity.playerId, seat: { role: 'nasa', seat: 'engineer' } });
    await waiting.until(() => waiting.identity.seat !== null);
    expect(await refusalOf(joinFrom(opened, '10.4.2.1', 'Just in time'), clients)).toBe('joined');
    await leaveAll(clients);
  });

  it('expires an unseated lobby player with no connection, on the clock, and frees its place', async () => {
    // The players who left above are still waiting to expire: a fresh session.
    await facilitator.leave();
    opened = await openSession(url);
    facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    const left = await joinFrom(opened, '10.4.3.1', 'Wanderer');
    const { playerId, seatToken } = left.identity;
    const stays = await joinFrom(opened, '10.4.3.1', 'Stays');
    clients.push(stays);
    await left.leave();
    const offline = () => facilitator.presence.players.some((p: { id: string; online: boolean }) => p.id === playerId && !p.online);
    await facilitator.until(offline);

    clock.advance(LOBBY.idleMs - 1_000);
    expect(facilitator.presence.players.some((p: { id: string }) => p.id === playerId)).toBe(true);
    clock.advance(1_000);
    await facilitator.until(() => !facilitator.presence.players.some((p: { id: string }) => p.id === playerId));
    // Connected ones stay.
    expect(facilitator.presence.players.some((p: { id: string }) => p.id === stays.identity.playerId)).toBe(true);
    // Its token is no longer a way back: a fresh lobby identity.
    const back = await joinFrom(opened, '10.4.3.1', 'Wanderer', seatToken);
    clients.push(back);
    expect(back.identity.playerId).not.toBe(playerId);
    expect(back.identity.seatToken).toBeTruthy();
  });
});

describe('seat tokens (13.7)', () => {
  let opened: Opened;
  let facilitator: TestClient;
  let neil: TestClient;
  let seatToken: string;
  const clients: TestClient[] = [];
  const head = { role: 'nasa', seat: 'head' };

  beforeAll(async () => {
    opened = await openSession(url);
    facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    neil = await joinFrom(opened, '10.7.0.1', 'Neil');
    clients.push(neil);
    neil.room.send('chooseSeat', { seat: head });
    await neil.until(() => neil.identity.seat !== null);
    seatToken = neil.identity.seatToken;
    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
  });
  afterAll(async () => {
    await leaveAll(clients);
    await facilitator?.leave();
  });

  /** Every `displaced` message a client gets, and the close code of its socket (it is then no
   *  longer one of `clients` to leave). */
  function watch(client: TestClient) {
    const displaced: unknown[] = [];
    client.room.onMessage('displaced', (body: unknown) => displaced.push(body));
    const closed = new Promise<number>((resolve) => client.room.onLeave((code: number) => resolve(code)));
    void closed.then(() => clients.splice(clients.indexOf(client), 1));
    return { displaced, closed };
  }

  it('tells the first device that its seat was taken elsewhere, and stops it acting for the seat', async () => {
    const first = watch(neil);
    const thief = await joinFrom(opened, '10.7.0.66', 'Not Neil', seatToken);
    clients.push(thief);
    expect(thief.view!.viewer).toEqual({ kind: 'seat', ...head });
    expect(await first.closed).toBe(4000);
    expect(first.displaced).toEqual([{ reason: 'elsewhere' }]);
    // The displaced socket is closed; the seat acts through the new one.
    expect((await thief.act({ type: 'chat', channel: 'team:nasa', text: 'Hello from the other device.' })).ok).toBe(true);
    neil = thief;
  });

  it('lets only the facilitator revoke a token', async () => {
    const other = await joinFrom(opened, '10.7.0.2', 'Other');
    clients.push(other);
    const refusal = await other.sendExpectingError('revokeToken', { player: neil.identity.playerId });
    expect(refusal.code).toBe('facilitator-only');
    expect((await facilitator.sendExpectingError('revokeToken', { player: 'nobody-here' })).code).toBe('unknown-player');
  });

  it('revokes a seat token: the holder is told and dropped, the token no longer rejoins, the student is re-seated', async () => {
    const holder = watch(neil);
    const oldId = neil.identity.playerId;
    facilitator.room.send('revokeToken', { player: oldId });
    expect(await holder.closed).toBe(4000);
    expect(holder.displaced).toEqual([{ reason: 'revoked' }]);
    await facilitator.until(() => !facilitator.presence.players.some((p: { id: string }) => p.id === oldId));
    // The seat keeps its occupant's name in the game, but nobody holds it.
    expect(facilitator.view!.seats.find((s) => s.role === 'nasa' && s.seat === 'head')?.occupant).toMatchObject({ kind: 'human' });

    const again = await joinFrom(opened, '10.7.0.1', 'Neil', seatToken);
    clients.push(again);
    expect(again.identity.playerId).not.toBe(oldId);
    expect(again.identity.seat).toBeNull();
    expect(again.view!.viewer).toEqual({ kind: 'spectator' });

    facilitator.room.send('seatPlayer', { player: again.identity.playerId, seat: head });
    await again.until(() => again.identity.seat !== null);
    expect(again.view!.viewer).toEqual({ kind: 'seat', ...head });
    expect((await again.act({ type: 'chat', channel: 'team:nasa', text: 'Back in my seat.' })).ok).toBe(true);
  });
});
