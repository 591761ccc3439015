// Bad input over real sockets: every malformed, oversized, unknown, unauthorised, out-of-phase
// or flooding message gets its error and changes nothing; a resent action id is applied once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSession, startTestServer, TestClient, type ManualClock, type Opened, type RunningServer } from './harness';
import { CONNECTION_BUCKET } from '@server/rateLimit';
import { MAX_MESSAGE_BYTES } from '@shared/protocol/messages';

let server: RunningServer;
let clock: ManualClock;
let url: string;
let opened: Opened;
let facilitator: TestClient;
let nasa: TestClient;
let academy: TestClient;
let spectator: TestClient;
let lobby: TestClient;

const session = () => server.services.sessions.get(opened.sessionId)!;
const seq = () => session().state.seq;

beforeAll(async () => {
  ({ server, url, clock } = await startTestServer());
  opened = await openSession(url);
  facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
  spectator = await TestClient.join(url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode });
  lobby = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Still in the lobby' });
  nasa = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Neil' });
  academy = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Alexei' });
  nasa.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
  academy.room.send('chooseSeat', { seat: { role: 'soviet-academy', seat: 'head' } });
  await nasa.next((m) => m.type === 'identity' && m.body.seat !== null);
  await academy.next((m) => m.type === 'identity' && m.body.seat !== null);
  expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
});

// The server's clock stands still unless turned: let each test start with full token buckets.
beforeEach(() => clock.advance((CONNECTION_BUCKET.capacity / CONNECTION_BUCKET.perSecond) * 1000));

afterAll(async () => {
  for (const c of [facilitator, nasa, academy, spectator, lobby]) await c?.leave();
  await server?.close();
});

/** Runs `fn`, which must leave the game exactly as it was. */
async function changesNothing(fn: () => Promise<void>) {
  const before = session().state;
  await fn();
  expect(session().state).toBe(before);
}

describe('idempotent actions', () => {
  it('applies a resent action id once and answers it with the original result', async () => {
    const before = seq();
    const action = { type: 'chat', channel: 'public', text: 'Hello from Houston' };
    const first = await nasa.act(action, 'same-id-0001');
    const again = await nasa.act(action, 'same-id-0001');
    expect(first).toEqual({ id: 'same-id-0001', ok: true, seq: before + 1 });
    expect(again).toEqual(first);
    expect(seq()).toBe(before + 1);
  });

  it('applies an id sent twice without waiting once', async () => {
    const before = seq();
    const since = nasa.received.length;
    const body = { id: 'burst-id-0002', action: { type: 'chat', channel: 'public', text: 'Twice on the wire' } };
    nasa.room.send('action', body);
    nasa.room.send('action', body);
    const results = () => nasa.received.slice(since).filter((m) => m.type === 'result' && m.body.id === 'burst-id-0002');
    await nasa.until(() => results().length === 2);
    expect(results()[0].body).toEqual(results()[1].body);
    expect(seq()).toBe(before + 1);
  });

  it('answers a resent rejected id with the same rejection', async () => {
    const first = await nasa.act({ type: 'proposeDeal', deal: 'd99' }, 'rejected-0003');
    expect(first.ok).toBe(false);
    await changesNothing(async () => expect(await nasa.act({ type: 'proposeDeal', deal: 'd99' }, 'rejected-0003')).toEqual(first));
  });
});

describe('bad messages', () => {
  it('rejects a malformed action', () =>
    changesNothing(async () => {
      const reply = await nasa.sendExpectingError('action', { id: 'malformed-01', action: { type: 'chat', channel: 'public' } });
      expect(reply).toMatchObject({ id: 'malformed-01', ok: false, error: { code: 'invalid-message' } });
      expect((await nasa.sendExpectingError('action', 'just a string')).code).toBe('invalid-message');
      expect((await nasa.sendExpectingError('chooseSeat', { seat: { role: 'nasa' } })).code).toBe('invalid-message');
    }));

  it('rejects a forged actor: the actor comes from the connection, extra fields are refused', () =>
    changesNothing(async () => {
      const reply = await nasa.sendExpectingError('action', { id: 'forged-0001', actor: { kind: 'facilitator' }, action: { type: 'endGame' } });
      expect(reply.error.code).toBe('invalid-message');
    }));

  it('rejects system actions from clients', () =>
    changesNothing(async () => {
      const state = session().state;
      const reply = await facilitator.sendExpectingError('action', { id: 'system-0001', action: { type: 'deadlineReached', round: state.round, phase: state.phaseIndex } });
      expect(reply.error.code).toBe('invalid-message');
    }));

  it('rejects an oversized message', () =>
    changesNothing(async () => {
      const reply = await nasa.sendExpectingError('action', { id: 'too-big-0001', action: { type: 'chat', channel: 'public', text: 'x'.repeat(MAX_MESSAGE_BYTES + 10) } });
      expect(reply.error.code).toBe('too-large');
    }));

  it('rejects an unknown message type', () =>
    changesNothing(async () => {
      expect((await nasa.sendExpectingError('becomeFacilitator', {})).code).toBe('unknown-type');
      expect((await nasa.sendExpectingError('__proto__', {})).code).toBe('unknown-type');
    }));
});

describe('unauthorised and out-of-phase moves', () => {
  it('refuses a facilitator action from a player', () =>
    changesNothing(async () => expect((await nasa.act({ type: 'endGame' })).error.code).toBe('facilitator-only')));

  it('refuses seating by a player, and seat choice by the facilitator', () =>
    changesNothing(async () => {
      expect((await nasa.sendExpectingError('seatPlayer', { player: lobby.identity.playerId, seat: { role: 'us-gov', seat: 'head' } })).code).toBe('facilitator-only');
      expect((await facilitator.sendExpectingError('chooseSeat', { seat: { role: 'us-gov', seat: 'head' } })).code).toBe('not-a-player');
    }));

  it('refuses a message to a channel the seat is not in', () =>
    changesNothing(async () => expect((await nasa.act({ type: 'chat', channel: 'team:soviet-gov', text: 'Let me in' })).error.code).toBe('not-a-member')));

  it('refuses a move out of phase', () =>
    changesNothing(async () => {
      expect(session().state.phaseIndex).toBe(0); // news: chat and statements only
      const reply = await nasa.act({
        type: 'draftDeal',
        dealType: 'docking-memorandum',
        parties: ['nasa', 'soviet-academy'],
        terms: { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' },
      });
      expect(reply.error.code).toBe('wrong-phase');
    }));

  it('refuses actions from spectators and from players without a seat', () =>
    changesNothing(async () => {
      expect((await spectator.act({ type: 'chat', channel: 'public', text: 'Hi' })).error.code).toBe('read-only');
      expect((await lobby.act({ type: 'chat', channel: 'public', text: 'Hi' })).error.code).toBe('no-seat');
    }));
});

describe('floods are throttled with an error, not a crash', () => {
  it('throttles near-duplicate chat', async () => {
    expect((await academy.act({ type: 'chat', channel: 'public', text: 'Buy our rocket now!!' })).ok).toBe(true);
    await changesNothing(async () => expect((await academy.act({ type: 'chat', channel: 'public', text: 'buy our  rocket now!' })).error.code).toBe('duplicate-message'));
  });

  it('throttles chat bursts', async () => {
    const replies = [];
    const texts = ['Apollo is ready', 'What about Soyuz?', 'Budget cuts again', 'Call Moscow tonight', 'Docking adapter drawings', 'Press conference at 5', 'Lunch in the cafeteria', 'Weather is fine'];
    for (const text of texts) replies.push(await nasa.act({ type: 'chat', channel: 'team:nasa', text }));
    expect(replies.filter((r) => !r.ok).map((r) => r.error.code)).toContain('chat-flood');
    expect(replies.filter((r) => !r.ok).map((r) => r.error.code)).not.toContain('duplicate-message');
  });

  it('throttles a message storm per connection and keeps the connection', async () => {
    const since = academy.received.length;
    for (let i = 0; i < 60; i++) academy.room.send('unknownThing', { i });
    const errors = () => academy.received.slice(since).filter((m) => m.type === 'error');
    await academy.until(() => errors().length === 60);
    expect(errors().filter((m) => m.body.code === 'unknown-type')).toHaveLength(CONNECTION_BUCKET.capacity);
    expect(errors().filter((m) => m.body.code === 'rate-limited')).toHaveLength(60 - CONNECTION_BUCKET.capacity);
    // The bucket is empty until time passes: one token's worth lets one more message through.
    expect((await academy.act({ type: 'ready', ready: true })).error.code).toBe('rate-limited');
    clock.advance(1000 / CONNECTION_BUCKET.perSecond);
    expect((await academy.act({ type: 'ready', ready: true })).ok).toBe(true);
  });
});
