// The client's connection checks every server message against its schema before it touches its
// state: a message that does not match is dropped with a console error and the student is told to
// reload; a dropped patch also brings a fresh full view (a resync), so the copy is never behind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GameView } from '@shared/engine';
import { createGame, publicScenario, viewFor } from '@shared/engine';
import { shipped } from '../engine/helpers';

/** A Colyseus room as the SDK hands it to the connection; `deliver` plays the server. */
class FakeRoom {
  handlers = new Map<string, (payload: unknown) => void>();
  sent: { type: string; payload: unknown }[] = [];
  left = false;
  onMessage(type: string, handler: (payload: unknown) => void) {
    this.handlers.set(type, handler);
    return () => this.handlers.delete(type);
  }
  onDrop() {}
  onReconnect() {}
  onLeave() {}
  send(type: string, payload: unknown) {
    this.sent.push({ type, payload });
  }
  async leave() {
    this.left = true;
  }
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

const scenario = shipped('handshake-in-orbit');
const seat = { kind: 'seat', role: 'nasa', seat: 'head' } as const;
const view: GameView = JSON.parse(JSON.stringify(viewFor(createGame(scenario, { seed: 1 }), scenario, seat)));
const viewMessage = { seq: view.seq, view, scenario: JSON.parse(JSON.stringify(publicScenario(scenario))) };

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

let connection: InstanceType<typeof SessionConnection>;
let consoleError: ReturnType<typeof vi.spyOn>;
const rooms = () => sdk.rooms as FakeRoom[];

beforeEach(async () => {
  sdk.rooms.length = 0;
  vi.stubGlobal('window', { location: { origin: 'http://classroom.test' }, addEventListener() {}, removeEventListener() {} });
  vi.stubGlobal('sessionStorage', memoryStorage());
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  connection = new SessionConnection({
    sessionId: 's1',
    joinOptions: () => ({ as: 'player', joinCode: 'K7Q2XM', name: 'Neil' }),
    outboxKey: 'spacebridge.outbox.test',
  });
  await vi.waitFor(() => expect(connection.getSnapshot().status).toBe('connected'));
});

afterEach(() => {
  connection.close();
  consoleError.mockRestore();
  vi.unstubAllGlobals();
});

describe('a message that matches its schema', () => {
  it('updates the snapshot: view, patch, identity, presence, result and error', () => {
    const room = rooms()[0];
    room.deliver('view', viewMessage);
    expect(connection.getSnapshot().view).toEqual(view);
    expect(connection.getSnapshot().scenario?.id).toBe('handshake-in-orbit');

    room.deliver('patch', { seq: view.seq, ops: [{ op: 'replace', path: '/round', value: 2 }] });
    expect(connection.getSnapshot().view?.round).toBe(2);

    room.deliver('identity', { role: 'player', playerId: 'p1', name: 'Neil', seat: { role: 'nasa', seat: 'head' }, seatToken: 'token' });
    expect(connection.getSnapshot().identity).toMatchObject({ playerId: 'p1', seatToken: 'token' });

    room.deliver('presence', { players: [{ id: 'p1', name: 'Neil', seat: null, online: true }] });
    expect(connection.getSnapshot().presence).toEqual([{ id: 'p1', name: 'Neil', seat: null, online: true }]);

    const id = connection.submit({ type: 'chat', channel: 'public', text: 'Hello.' });
    expect(connection.getSnapshot().pending.map((e) => e.id)).toEqual([id]);
    room.deliver('result', { id, ok: false, error: { code: 'chat-flood' } });
    expect(connection.getSnapshot().results[id]).toEqual({ ok: false, error: { code: 'chat-flood' } });
    expect(connection.getSnapshot().pending).toEqual([]);

    room.deliver('error', { code: 'seat-taken', params: { player: 'p1' } });
    expect(connection.getSnapshot().error).toEqual({ code: 'seat-taken', params: { player: 'p1' } });
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe('a message that does not match its schema', () => {
  it('a view is dropped: the last good view stays, the console says why, the student is told to reload', () => {
    const room = rooms()[0];
    room.deliver('view', viewMessage);
    room.deliver('view', { seq: view.seq + 1, view: { ...view, seq: view.seq + 1, seats: 'none' } });
    expect(connection.getSnapshot().view).toEqual(view);
    expect(connection.getSnapshot().error?.code).toBe('protocol-mismatch');
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/dropped a "view" message .*view\.seats/), expect.anything());
    // The server would send the same view again: no resync.
    expect(room.left).toBe(false);
    expect(rooms()).toHaveLength(1);
  });

  it('a patch is dropped and the connection resyncs: it joins again for a full view', async () => {
    const room = rooms()[0];
    room.deliver('view', viewMessage);
    room.deliver('patch', { seq: view.seq + 1, ops: [{ op: 'merge', path: '/round', value: 2 }] });
    expect(connection.getSnapshot().view?.round).toBe(view.round);
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/dropped a "patch" message .*ops\.0/), expect.anything());
    expect(room.left).toBe(true);
    await vi.waitFor(() => expect(rooms()).toHaveLength(2));
    rooms()[1].deliver('view', viewMessage);
    expect(connection.getSnapshot().view).toEqual(view);
  });

  it('a result with a code the page does not know is dropped: the move stays pending until a readable answer', () => {
    const room = rooms()[0];
    const id = connection.submit({ type: 'chat', channel: 'public', text: 'Hello.' });
    room.deliver('result', { id, ok: false, error: { code: 'moon-phase', message: 'Not now.' } });
    expect(connection.getSnapshot().pending.map((e) => e.id)).toEqual([id]);
    expect(connection.getSnapshot().results[id]).toBeUndefined();
    expect(connection.getSnapshot().error?.code).toBe('protocol-mismatch');
    room.deliver('result', { id, ok: true, seq: 4 });
    expect(connection.getSnapshot().results[id]).toEqual({ ok: true, seq: 4 });
    expect(connection.getSnapshot().pending).toEqual([]);
  });

  it('identity and presence are dropped without touching what the page knows', () => {
    const room = rooms()[0];
    room.deliver('identity', { role: 'player', playerId: null, name: 'Neil', seat: null, seatToken: null });
    room.deliver('presence', { players: [{ id: 'p1' }] });
    expect(connection.getSnapshot().identity).toBeNull();
    expect(connection.getSnapshot().presence).toEqual([]);
    expect(consoleError).toHaveBeenCalledTimes(2);
  });
});
