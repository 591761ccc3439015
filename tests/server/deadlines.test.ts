// Phase deadlines run on the server clock: a due deadline is submitted once as a system action;
// after a restart a future deadline resumes and a deadline that passed while the server was down
// pauses the game for the facilitator. Uses a copy of a shipped scenario with 1.8 s phases.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, openSession, startTestServer, tempDir, TestClient, type RunningServer } from './harness';

const PHASE_MINUTES = 0.03;
const scenarioDir = tempDir('spacebridge-scenarios-');
fs.writeFileSync(
  path.join(scenarioDir, 'handshake-in-orbit.yaml'),
  fs.readFileSync('scenarios/handshake-in-orbit.yaml', 'utf8').replace(/^(\s+minutes:)\s*[\d.]+/gm, `$1 ${PHASE_MINUTES}`),
);
const dataDir = tempDir();
const env = { SCENARIO_DIR: scenarioDir, DATA_DIR: dataDir };

let server: RunningServer | null = null;
afterAll(async () => server?.close());

const logOf = (s: RunningServer, id: string) => s.services.store.actionsAfter(id, 0);

describe('phase deadlines', () => {
  it('submits deadlineReached once when a phase is due, and the next phase starts', async () => {
    const started = await startTestServer(env);
    server = started.server;
    const opened = await openSession(started.url);
    const facilitator = await TestClient.join(started.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
    const session = server.services.sessions.get(opened.sessionId)!;
    expect(session.state.clock.deadline).not.toBeNull();

    await eventually(() => session.state.phaseIndex === 1, 5000);
    const ticks = logOf(server, opened.sessionId).filter((e) => e.action.type === 'deadlineReached');
    expect(ticks[0]).toMatchObject({ actor: { kind: 'system' }, action: { type: 'deadlineReached', round: 1, phase: 0 } });
    // Each (round, phase) resolves once.
    const keys = ticks.map((e) => JSON.stringify(e.action));
    expect(new Set(keys).size).toBe(keys.length);
    await facilitator.reach(session.state.seq);
    expect(facilitator.view!.phaseIndex).toBeGreaterThanOrEqual(1);
    await facilitator.leave();
    await server.close();
    server = null;
  });

  it('after a restart, a deadline that passed while the server was down pauses the game', async () => {
    const first = await startTestServer(env);
    server = first.server;
    const opened = await openSession(first.url);
    const facilitator = await TestClient.join(first.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
    const before = server.services.sessions.get(opened.sessionId)!.state;
    expect(before.status).toBe('running');
    await facilitator.leave();
    await server.close(); // down before the 1.8 s deadline
    server = null;

    await new Promise((r) => setTimeout(r, PHASE_MINUTES * 60_000 + 500));
    const second = await startTestServer(env);
    server = second.server;
    const session = server.services.sessions.get(opened.sessionId)!;
    expect(session.state.status).toBe('paused');
    expect(session.state.phaseIndex).toBe(before.phaseIndex);
    const log = logOf(server, opened.sessionId);
    expect(log.at(-1)).toMatchObject({ actor: { kind: 'system' }, action: { type: 'pauseForRecovery' } });
    expect(log.filter((e) => e.action.type === 'deadlineReached')).toEqual([]);

    // The facilitator resumes; the remaining time runs from now.
    const back = await TestClient.join(second.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    expect((await back.act({ type: 'resumeGame' })).ok).toBe(true);
    expect(session.state.status).toBe('running');
    await back.leave();
  });
});
