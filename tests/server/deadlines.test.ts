// Phase deadlines run on the server clock: a due deadline is submitted once as a system action;
// after a restart a future deadline resumes and a deadline that passed while the server was down
// pauses the game for the facilitator. The server runs on a hand-turned clock: a phase lasts
// exactly as long as the test says, to the millisecond.
import { afterAll, describe, expect, it } from 'vitest';
import { hostedSession, ManualClock, openSession, startTestServer, storedLog, tempDir, TestClient, type RunningServer } from './harness';

let server: RunningServer | null = null;
afterAll(async () => server?.close());

const logOf = storedLog;
const ticksOf = async (s: RunningServer, id: string) => (await logOf(s, id)).filter((e) => e.action.type === 'deadlineReached');

/** Starts a game in a fresh data directory, then stops the server: what a restart test restarts. */
async function startGameThenStop() {
  const dataDir = tempDir();
  const first = await startTestServer({ DATA_DIR: dataDir });
  server = first.server;
  const opened = await openSession(first.url);
  const facilitator = await TestClient.join(first.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
  expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
  const before = server.services.sessions.get(opened.sessionId)!.state;
  await facilitator.leave();
  await server.close();
  server = null;
  return { dataDir, opened, before };
}

describe('phase deadlines', () => {
  it('submits deadlineReached once when a phase is due, and the next phase starts', async () => {
    const started = await startTestServer({ DATA_DIR: tempDir() });
    server = started.server;
    const { clock } = started;
    const opened = await openSession(started.url);
    const facilitator = await TestClient.join(started.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
    const session = server.services.sessions.get(opened.sessionId)!;
    const deadline = session.state.clock.deadline!;
    expect(deadline).toBe(clock.now() + session.scenario.rounds.phases[0].minutes * 60_000);

    // A millisecond early: the phase goes on.
    clock.advance(deadline - clock.now() - 1);
    expect(session.state.phaseIndex).toBe(0);
    expect(await ticksOf(server, opened.sessionId)).toEqual([]);

    clock.advance(1);
    expect(session.state.phaseIndex).toBe(1);
    const ticks = await ticksOf(server, opened.sessionId);
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ actor: { kind: 'system' }, action: { type: 'deadlineReached', round: 1, phase: 0 }, at: deadline });
    // Later on, the next phase has its own deadline; the one that passed is not submitted again.
    clock.advance(1000);
    expect(await ticksOf(server, opened.sessionId)).toHaveLength(1);
    expect(session.state.clock.deadline).toBe(deadline + session.scenario.rounds.phases[1].minutes * 60_000);

    await facilitator.reach(session.state.seq);
    expect(facilitator.view!.phaseIndex).toBe(1);
    await facilitator.leave();
    await server.close();
    server = null;
  });

  it('after a restart, a deadline that passed while the server was down pauses the game', async () => {
    const { dataDir, opened, before } = await startGameThenStop(); // down before the deadline…
    expect(before.status).toBe('running');

    // …and back half a second after it.
    const second = await startTestServer({ DATA_DIR: dataDir }, new ManualClock(before.clock.deadline! + 500));
    server = second.server;
    // Its room opens at the first join (here: opened for the test), and finds the deadline passed.
    const session = await hostedSession(server, opened.sessionId);
    expect(session.state.status).toBe('paused');
    expect(session.state.phaseIndex).toBe(before.phaseIndex);
    const log = await logOf(server, opened.sessionId);
    expect(log.at(-1)).toMatchObject({ actor: { kind: 'system' }, action: { type: 'pauseForRecovery' } });
    expect(log.filter((e) => e.action.type === 'deadlineReached')).toEqual([]);

    // The facilitator resumes; the remaining time runs from now.
    const back = await TestClient.join(second.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    expect((await back.act({ type: 'resumeGame', round: session.state.round, phase: session.state.phaseIndex })).ok).toBe(true);
    expect(session.state.status).toBe('running');
    await back.leave();
  });

  it('after a restart, a deadline still ahead resumes where it was', async () => {
    const { dataDir, opened, before } = await startGameThenStop();
    const deadline = before.clock.deadline!;

    const clock = new ManualClock(deadline - 1000);
    const second = await startTestServer({ DATA_DIR: dataDir }, clock);
    server = second.server;
    const session = await hostedSession(server, opened.sessionId);
    expect(session.state).toMatchObject({ status: 'running', phaseIndex: 0 });
    clock.advance(999);
    expect(session.state.phaseIndex).toBe(0);
    clock.advance(1);
    expect(session.state.phaseIndex).toBe(1);
    expect(await ticksOf(server, opened.sessionId)).toMatchObject([{ action: { type: 'deadlineReached', round: 1, phase: 0 }, at: deadline }]);
  });
});
