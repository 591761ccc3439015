// A dropped socket reconnects into the same seat and catches up; later, the seat token rejoins
// the same seat from a fresh client (page reload, another device).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, startTestServer, TestClient, type Opened, type RunningServer } from './harness';

let server: RunningServer;
let url: string;
let opened: Opened;
let facilitator: TestClient;
let nasa: TestClient;
let academy: TestClient;
let seatToken: string;

const session = () => server.services.sessions.get(opened.sessionId)!;

beforeAll(async () => {
  ({ server, url } = await startTestServer());
  opened = await openSession(url);
  facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
  nasa = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Neil' });
  academy = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Alexei' });
  nasa.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
  academy.room.send('chooseSeat', { seat: { role: 'soviet-academy', seat: 'head' } });
  await nasa.next((m) => m.type === 'identity' && m.body.seat !== null);
  await academy.next((m) => m.type === 'identity' && m.body.seat !== null);
  seatToken = nasa.identity.seatToken;
  expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
});

afterAll(async () => {
  for (const c of [facilitator, nasa, academy]) await c?.leave();
  await server?.close();
});

describe('reconnection', () => {
  it('a dropped client reconnects, keeps its seat and catches up on what it missed', async () => {
    nasa.room.reconnection.minUptime = 0;
    const oldSocket = nasa.socket;
    const since = nasa.received.length;
    oldSocket.terminate(); // no close frame: an abnormal drop, as when Wi-Fi goes away
    await facilitator.until(() => facilitator.presence?.players.some((p: any) => p.name === 'Neil' && !p.online));

    // Things happen while NASA is away.
    expect((await academy.act({ type: 'chat', channel: 'public', text: 'Is anyone from NASA there?' })).ok).toBe(true);

    const view = await nasa.next((m) => m.type === 'view', since, 15_000);
    expect(nasa.socket).not.toBe(oldSocket);
    expect(view.body.view.viewer).toEqual({ kind: 'seat', role: 'nasa', seat: 'head' });
    expect(nasa.view).toEqual(JSON.parse(JSON.stringify(session().view({ kind: 'seat', role: 'nasa', seat: 'head' }))));
    expect(JSON.stringify(nasa.view!.channels.find((c) => c.id === 'public')!.messages)).toContain('Is anyone from NASA there?');

    // And it can act again, as the same seat.
    const reply = await nasa.act({ type: 'chat', channel: 'public', text: 'Houston is back.' });
    expect(reply.ok).toBe(true);
    const messages = Object.values(session().state.messages).flat();
    expect(messages.at(-1)).toMatchObject({ role: 'nasa', seat: 'head', text: 'Houston is back.' });
    await facilitator.until(() => facilitator.presence?.players.some((p: any) => p.name === 'Neil' && p.online));
  });

  it('the seat token rejoins the same seat from a new client, without a new token', async () => {
    const { playerId } = nasa.identity;
    await nasa.leave();
    const again = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Neil on a tablet', seatToken });
    expect(again.identity).toMatchObject({ playerId, seatToken: null, seat: { role: 'nasa', seat: 'head' } });
    expect(again.view!.viewer).toEqual({ kind: 'seat', role: 'nasa', seat: 'head' });
    expect((await again.act({ type: 'ready', ready: true })).ok).toBe(true);
    nasa = again;
  });

  it('a wrong or foreign seat token gets a fresh lobby identity, never someone else\'s seat', async () => {
    const stranger = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Mallory', seatToken: 'not-a-real-token-at-all' });
    expect(stranger.identity.seat).toBeNull();
    expect(stranger.identity.seatToken).toBeTruthy();
    expect(stranger.view!.viewer).toEqual({ kind: 'spectator' });
    await stranger.leave();
  });

  it('refuses a wrong join code and a wrong facilitator key', async () => {
    await expect(TestClient.join(url, opened.sessionId, { as: 'player', joinCode: 'ZZZZZZ', name: 'Eve' })).rejects.toThrow(/^wrongJoinCode$/);
    await expect(TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: 'wrong-key-123' })).rejects.toThrow(/^wrongFacilitatorKey$/);
    await expect(TestClient.join(url, opened.sessionId, { as: 'player', name: 'Eve' } as any)).rejects.toThrow(/^invalidJoinOptions$/);
  });
});
