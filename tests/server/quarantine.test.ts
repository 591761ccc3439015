// An action that makes the engine throw is quarantined: stored apart, answered with
// 'internal-error', never applied (not even on replay after a restart), and the room keeps going.
// The engine is wrapped so that one magic chat text throws, as an engine bug would.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { hostedSession, openSession, startTestServer, tempDir, TestClient, type RunningServer } from './harness';
import type * as Engine from '@shared/engine';

const BOOM = 'this text trips an engine bug';

vi.mock('@shared/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof Engine>();
  return {
    ...engine,
    applyAction: (...args: Parameters<typeof engine.applyAction>) => {
      const action = args[1];
      if (action.type === 'chat' && action.text === BOOM) throw new TypeError('Cannot read properties of undefined (simulated engine bug)');
      return engine.applyAction(...args);
    },
  };
});

const dataDir = tempDir();
let server: RunningServer | null = null;
afterAll(async () => server?.close());

describe('quarantine', () => {
  it('rejects the crashing action with internal-error, changes nothing, and keeps the room alive', async () => {
    const started = await startTestServer({ DATA_DIR: dataDir });
    server = started.server;
    const opened = await openSession(started.url);
    const facilitator = await TestClient.join(started.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    const player = await TestClient.join(started.url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Neil' });
    player.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
    await player.next((m) => m.type === 'identity' && m.body.seat !== null);
    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);

    const session = server.services.sessions.get(opened.sessionId)!;
    const before = session.state;
    const reply = await player.act({ type: 'chat', channel: 'public', text: BOOM }, 'boom-action-1');
    expect(reply).toMatchObject({ id: 'boom-action-1', ok: false, error: { code: 'internal-error' } });
    expect(session.state).toBe(before);
    // A resend gets the same answer and is not tried again.
    expect(await player.act({ type: 'chat', channel: 'public', text: BOOM }, 'boom-action-1')).toEqual(reply);
    const quarantined = await server.services.store.quarantined(opened.sessionId);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ atSeq: before.seq, principal: player.identity.playerId, action: { type: 'chat', text: BOOM } });

    // The room still works.
    expect((await player.act({ type: 'chat', channel: 'public', text: 'Still here' })).ok).toBe(true);
    const seq = session.state.seq;
    await player.leave();
    await facilitator.leave();
    await server.close();
    server = null;

    // After a restart the log replays without the quarantined action.
    const again = await startTestServer({ DATA_DIR: dataDir });
    server = again.server;
    const restored = await hostedSession(server, opened.sessionId);
    expect(restored.state.seq).toBe(seq);
    expect(Object.values(restored.state.messages).flat().map((m) => m.text)).toEqual(['Still here']);
  });
});
