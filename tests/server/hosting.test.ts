// Sessions are hosted on demand (server/sessions.ts, docs/scaling.md): nothing is opened at start,
// the first join opens a session's room, an idle room closes once its state is durable, and the
// next join opens it again from the store, with nothing lost.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JoinCodeTaken } from '@server/store/store';
import { openSession, startTestServer, tempDir, TestClient, type RunningServer } from './harness';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const IDLE_SECONDS = 60;

describe('sessions hosted on demand', () => {
  it('opens nothing at start, and the first join opens the room', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ DATA_DIR: dataDir });
    const opened = await openSession(first.url);
    await first.server.close();

    const again = await startTestServer({ DATA_DIR: dataDir });
    server = again.server;
    expect(server.services.sessions.size).toBe(0);
    const spectator = await TestClient.join(again.url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode });
    expect(server.services.sessions.has(opened.sessionId)).toBe(true);
    await spectator.leave();
  });

  it('draws another join code when the store finds the first taken (by another process, at the same moment)', async () => {
    const started = await startTestServer();
    server = started.server;
    const store = server.services.store;
    const create = store.createSession.bind(store);
    const tried: string[] = [];
    const spy = vi.spyOn(store, 'createSession').mockImplementation(async (record, initial, log) => {
      tried.push(record.joinCode);
      if (tried.length === 1) throw new JoinCodeTaken(record.joinCode);
      return create(record, initial, log);
    });
    const opened = await openSession(started.url);
    spy.mockRestore();
    expect(tried).toHaveLength(2);
    expect(tried[1]).not.toBe(tried[0]);
    expect(opened.joinCode).toBe(tried[1]);
    expect((await store.sessionByJoinCode(tried[1]))?.id).toBe(opened.sessionId);
  });

  it('closes an idle room after its writes are durable, gives the lease back, and opens it again at the next join', async () => {
    const started = await startTestServer({ IDLE_ROOM_SECONDS: String(IDLE_SECONDS) });
    server = started.server;
    const { url, clock } = started;
    const opened = await openSession(url);
    const facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    const said = await facilitator.act({ type: 'startGame' });
    expect(said.ok).toBe(true);
    await facilitator.leave();

    // Nobody in it: it stays open for IDLE_ROOM_SECONDS, then closes.
    clock.advance(IDLE_SECONDS * 1000 - 1);
    expect(server.services.sessions.has(opened.sessionId)).toBe(true);
    clock.advance(1);
    // It closes, and gives its lease back after its last commit.
    const { leases } = server.services;
    let free = false;
    for (let i = 0; i < 200 && !free; i++) {
      free = !server.services.sessions.has(opened.sessionId) && (await leases.acquire(opened.sessionId));
      if (!free) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(free).toBe(true);
    await leases.release(opened.sessionId);

    const back = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    expect(back.view!.seq).toBe(said.seq);
    expect(back.view!.status).toBe('running');
    await back.leave();
  });

  it('keeps a room open while anyone is in it', async () => {
    const started = await startTestServer({ IDLE_ROOM_SECONDS: String(IDLE_SECONDS) });
    server = started.server;
    const opened = await openSession(started.url);
    const spectator = await TestClient.join(started.url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode });
    started.clock.advance(IDLE_SECONDS * 5000);
    expect(server.services.sessions.has(opened.sessionId)).toBe(true);
    await spectator.leave();
  });

  it('refuses to open a session that does not exist, and opens nothing', async () => {
    const started = await startTestServer();
    server = started.server;
    const res = await fetch(`${started.url}/matchmake/joinById/no-such-session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
    expect(server.services.sessions.size).toBe(0);
  });
});
