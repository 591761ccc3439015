// The countdown runs on the server's clock: the connection learns this browser's offset from the
// `serverTime` of every view and patch, and `serverNow()` corrects the browser's clock by it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GameView } from '@shared/engine';
import { createGame, viewFor } from '@shared/engine';
import { shipped } from '../engine/helpers';

/** The part of a Colyseus room the connection listens on; `deliver` plays the server. */
class FakeRoom {
  handlers = new Map<string, (payload: unknown) => void>();
  onMessage(type: string, handler: (payload: unknown) => void) {
    this.handlers.set(type, handler);
  }
  onDrop() {}
  onReconnect() {}
  onLeave() {}
  send() {}
  async leave() {}
  deliver(type: string, payload: unknown) {
    this.handlers.get(type)!(payload);
  }
}

const sdk = vi.hoisted(() => ({ rooms: [] as unknown[] }));
vi.mock('@colyseus/sdk', () => ({
  Client: class {
    async joinById() {
      const room = new FakeRoom();
      sdk.rooms.push(room);
      return room;
    }
  },
}));

const { SessionConnection } = await import('@client/src/net/connection');
const { learnServerTime, serverNow } = await import('@client/src/net/serverClock');

const scenario = shipped('handshake-in-orbit');
const view: GameView = JSON.parse(JSON.stringify(viewFor(createGame(scenario, { seed: 1 }), scenario, { kind: 'spectator' })));
const HOUR = 3_600_000;
const BROWSER_NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

let connection: InstanceType<typeof SessionConnection>;

beforeEach(async () => {
  sdk.rooms.length = 0;
  vi.stubGlobal('window', { location: { origin: 'http://classroom.test' }, addEventListener() {}, removeEventListener() {} });
  vi.stubGlobal('sessionStorage', { getItem: () => null, setItem() {}, removeItem() {} });
  connection = new SessionConnection({ sessionId: 's1', joinOptions: () => ({ as: 'spectator', joinCode: 'K7Q2XM' }), outboxKey: 'spacebridge.outbox.clock' });
  await vi.waitFor(() => expect(connection.getSnapshot().status).toBe('connected'));
  // This browser's clock from here on, and an offset from an earlier test undone.
  vi.useFakeTimers({ now: BROWSER_NOW, toFake: ['Date'] });
  learnServerTime(Date.now());
});

afterEach(() => {
  connection.close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const room = () => sdk.rooms[0] as FakeRoom;

describe("the server's clock", () => {
  it('a view carrying the server time sets the offset: a browser an hour slow still reads the server time', () => {
    room().deliver('view', { seq: view.seq, view, serverTime: BROWSER_NOW + HOUR });
    expect(serverNow()).toBe(BROWSER_NOW + HOUR);
    vi.setSystemTime(BROWSER_NOW + 90_000);
    expect(serverNow()).toBe(BROWSER_NOW + HOUR + 90_000);
  });

  it('each patch refreshes it (the browser clock was corrected meanwhile); a message without it keeps it', () => {
    room().deliver('view', { seq: view.seq, view, serverTime: BROWSER_NOW - 5 * 60_000 });
    expect(serverNow()).toBe(BROWSER_NOW - 5 * 60_000);
    vi.setSystemTime(BROWSER_NOW + 10_000);
    room().deliver('patch', { seq: view.seq, ops: [], serverTime: BROWSER_NOW + 10_000 });
    expect(serverNow()).toBe(BROWSER_NOW + 10_000);
    room().deliver('patch', { seq: view.seq, ops: [] });
    expect(serverNow()).toBe(BROWSER_NOW + 10_000);
  });

  it('a message whose server time is not a number is dropped and changes nothing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    room().deliver('view', { seq: view.seq, view, serverTime: 'noon' });
    expect(serverNow()).toBe(BROWSER_NOW);
    expect(connection.getSnapshot().error?.code).toBe('protocol-mismatch');
  });
});
