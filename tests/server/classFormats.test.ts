// Class formats with real rooms: the facilitator picks the format when opening a session, the
// room plays it (rounds, minutes) and says its class plan, a restart keeps it; the facilitator
// guide is served behind the facilitator key.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api, openSession, startTestServer, tempDir, TestClient, type RunningServer } from './harness';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(env: Record<string, string> = {}) {
  const started = await startTestServer(env);
  server = started.server;
  return started;
}

/** The session's scenario, as the facilitator's first view carries it. */
async function scenarioSeen(url: string, opened: { sessionId: string; facilitatorKey: string }) {
  const facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
  const first = facilitator.received.find((m) => m.type === 'view')!;
  return { facilitator, scenario: first.body.scenario };
}

describe('class formats', () => {
  it('a short-format session plays 3 rounds at the format minutes, says its plan, and keeps it after a restart', async () => {
    const dataDir = tempDir();
    const { url } = await start({ DATA_DIR: dataDir });
    const opened = await openSession(url, 'handshake-in-orbit', { settings: { classFormat: 'short' } });
    const { facilitator, scenario } = await scenarioSeen(url, opened);
    expect(scenario.rounds.count).toBe(3);
    expect(scenario.rounds.labels).toEqual(['1969', '1972', '1973-1975']);
    expect(scenario.rounds.phases.map((p: { minutes: number }) => p.minutes)).toEqual([2, 3, 5, 2, 2]);
    expect(scenario.classPlans).toEqual([
      { id: 'short', label: 'Short game (3 rounds, one hour)', rounds: 3, roundLabels: ['1969', '1972', '1973-1975'], roundMinutes: 14, readingMinutes: 8, playMinutes: 42, debriefMinutes: 10, totalMinutes: 60 },
    ]);
    expect((await server!.services.store.getSession(opened.sessionId))!.settings).toEqual({ studentsChooseSeats: true, classFormat: 'short' });

    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
    const session = server!.services.sessions.get(opened.sessionId)!;
    expect(session.state.clock.deadline! - session.state.clock.phaseStartedAt!).toBe(2 * 60_000);
    // Every phase of every round, skipped by the facilitator: the game ends after round 3.
    for (let round = 1; round <= 3; round++)
      for (let phase = 0; phase < 5; phase++) expect((await facilitator.act({ type: 'advancePhase', round, phase })).ok).toBe(true);
    await facilitator.reach(session.state.seq);
    expect(facilitator.view!.status).toBe('ended');
    expect(facilitator.view!.round).toBe(3);
    await facilitator.leave();
    await server!.close();

    // Restored from the store: the same three rounds, the same plan.
    const again = await start({ DATA_DIR: dataDir });
    const restored = await scenarioSeen(again.url, opened);
    expect(restored.scenario.rounds.count).toBe(3);
    expect(restored.scenario.classPlans[0].id).toBe('short');
    expect(restored.facilitator.view!.status).toBe('ended');
    await restored.facilitator.leave();
  });

  it('opens the 90-minute class when no format is named', async () => {
    const { url } = await start({ DATA_DIR: tempDir() });
    const opened = await openSession(url, 'handshake-in-orbit');
    const { facilitator, scenario } = await scenarioSeen(url, opened);
    expect(scenario.rounds.count).toBe(4);
    expect(scenario.classPlans).toEqual([expect.objectContaining({ id: 'class', readingMinutes: 10, playMinutes: 56, debriefMinutes: 24, totalMinutes: 90 })]);
    await facilitator.leave();
  });

  it('refuses a format the scenario does not offer, and opens nothing', async () => {
    const { url } = await start({ DATA_DIR: tempDir() });
    const res = await api(url, '/api/sessions', { method: 'POST', json: { scenarioId: 'handshake-in-orbit', settings: { classFormat: 'marathon' } } });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'unknown-class-format', params: { classFormat: 'marathon', offered: ['class', 'short'] } });
    expect(await server!.services.store.listSessionIds()).toEqual([]);
    const notAnId = await api(url, '/api/sessions', { method: 'POST', json: { scenarioId: 'handshake-in-orbit', settings: { classFormat: '../x' } } });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.error).toEqual({ code: 'invalid-request', params: { fields: ['settings.classFormat'] } });
  });

  it('lists every format of a scenario with its minutes', async () => {
    const { url } = await start({ DATA_DIR: tempDir() });
    const res = await api(url, '/api/scenarios/wolf-amendment-and-mars');
    expect(res.body.classPlans.map((p: { id: string; rounds: number; totalMinutes: number }) => [p.id, p.rounds, p.totalMinutes])).toEqual([
      ['class', 5, 90],
      ['short', 3, 60],
    ]);
  });
});

describe('the facilitator guide', () => {
  it("is served with the facilitator key only; a scenario without a guide says so", async () => {
    const guideDir = tempDir();
    fs.writeFileSync(path.join(guideDir, 'handshake-in-orbit.md'), '# Handshake in orbit\n\nWhat really happened.\n');
    const { url } = await start({ DATA_DIR: tempDir(), GUIDE_DIR: guideDir });
    const opened = await openSession(url, 'handshake-in-orbit');
    const guide = `/api/sessions/${opened.sessionId}/guide`;

    expect((await api(url, guide)).status).toBe(401);
    expect((await api(url, guide, { key: 'not-the-key' })).status).toBe(401);
    const res = await api(url, guide, { key: opened.facilitatorKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ scenarioId: 'handshake-in-orbit', markdown: '# Handshake in orbit\n\nWhat really happened.\n' });

    const other = await openSession(url, 'freedom-to-iss');
    const none = await api(url, `/api/sessions/${other.sessionId}/guide`, { key: other.facilitatorKey });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('no-guide');
  });
});
