// The HTTP API on the same port as the game: scenarios, sessions, join codes, facilitator-only
// reports and exports (401 without the key), rate limits, and the origin check on WebSockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { api, openSession, startTestServer, TestClient, type Opened, type RunningServer } from './harness';
import { loadCatalog } from '@server/scenarios';
import { CSV_COLUMNS } from '@server/report';
import { JOIN_FAILURES } from '@server/services';

const scenario = loadCatalog('scenarios').get('handshake-in-orbit')!;
let server: RunningServer;
let url: string;
let opened: Opened;

beforeAll(async () => {
  ({ server, url } = await startTestServer());
  opened = await openSession(url);
});
afterAll(async () => server?.close());

describe('public endpoints', () => {
  it('reports health', async () => {
    const res = await api(url, '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
  });

  it('lists the scenarios with their summary fields, the first shipped one first', async () => {
    const res = await api(url, '/api/scenarios');
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({
      id: 'handshake-in-orbit',
      title: scenario.title,
      summary: scenario.summary,
      era: scenario.era,
      players: scenario.players,
      durationMinutes: scenario.durationMinutes,
      learningObjectives: scenario.learningObjectives,
    });
  });

  it('serves a scenario without any secret part', async () => {
    const res = await api(url, '/api/scenarios/handshake-in-orbit');
    expect(res.status).toBe(200);
    expect(res.body.roles.map((r: any) => r.publicBrief)).toEqual(scenario.roles.map((r) => r.publicBrief));
    for (const role of scenario.roles) {
      expect(res.text).not.toContain(role.confidentialBrief.slice(0, 50));
      for (const o of role.objectives) expect(res.text).not.toContain(o.description.slice(0, 40));
    }
    for (const key of ['confidentialBrief', 'objectives', 'pointTables', 'walkAway', 'ratifyWhen']) expect(res.text).not.toContain(`"${key}"`);
    expect((await api(url, '/api/scenarios/no-such-thing')).status).toBe(404);
  });

  it('opens a session and validates the request', async () => {
    const res = await api(url, '/api/sessions', { method: 'POST', json: { scenarioId: 'handshake-in-orbit', settings: { studentsChooseSeats: false } } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ sessionId: expect.any(String), joinCode: expect.stringMatching(/^[A-Z2-9]{6}$/), facilitatorKey: expect.any(String) });
    expect((await server.services.store.getSession(res.body.sessionId))!.settings.studentsChooseSeats).toBe(false);
    expect((await api(url, '/api/sessions', { method: 'POST', json: { scenarioId: 'nope' } })).status).toBe(404);
    expect((await api(url, '/api/sessions', { method: 'POST', json: { scenarioId: 'handshake-in-orbit', admin: true } })).status).toBe(400);
    expect((await api(url, '/api/sessions', { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it('resolves a join code, in any letter case', async () => {
    const res = await api(url, `/api/join/${opened.joinCode.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessionId: opened.sessionId, scenarioId: 'handshake-in-orbit', title: scenario.title });
  });

  it('gives each request an id, the caller\'s own when it is a plain token', async () => {
    const own = await api(url, '/api/health', { headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(own.headers.get('x-request-id')).toBe('lb-1234.abc');
    const made = await api(url, '/api/health', { headers: { 'x-request-id': 'two words; and more' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[\w-]{12}$/);
    expect((await api(url, '/api/nothing-here')).headers.get('x-request-id')).toMatch(/^[\w-]{12}$/);
  });

  it('serves a helpful page when the web client is not built', async () => {
    const res = await fetch(`${url}/join/ABC`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    expect((await api(url, '/api/nothing-here')).status).toBe(404);
  });
});

describe('facilitator-only reports and exports', () => {
  const paths = () => ['report', 'export.json', 'export.csv', 'export.md'].map((p) => `/api/sessions/${opened.sessionId}/${p}`);

  it('answers 401 without the key or with a wrong one', async () => {
    for (const p of paths()) {
      expect((await api(url, p)).status).toBe(401);
      expect((await api(url, p, { key: 'not-the-key' })).status).toBe(401);
    }
    expect((await api(url, '/api/sessions/unknown/report', { key: opened.facilitatorKey })).status).toBe(401);
  });

  it('returns the debrief data and the three exports with the key', async () => {
    // Play a little so the report has content.
    const facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    const player = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Neil, "the first"' });
    player.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
    await player.next((m) => m.type === 'identity' && m.body.seat !== null);
    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
    expect((await player.act({ type: 'chat', channel: 'team:nasa', text: '=HYPERLINK("x") and a, comma' })).ok).toBe(true);

    const report = await api(url, `/api/sessions/${opened.sessionId}/report`, { key: opened.facilitatorKey });
    expect(report.status).toBe(200);
    expect(report.body.session).toMatchObject({ id: opened.sessionId, scenarioId: 'handshake-in-orbit', status: 'running' });
    expect(report.body.scores.map((s: any) => s.role).sort()).toEqual(scenario.roles.map((r) => r.id).sort());
    expect(report.body.objectives.length).toBe(scenario.roles.reduce((n, r) => n + r.objectives.length, 0));
    expect(report.body.messages.map((m: any) => m.text)).toContain('=HYPERLINK("x") and a, comma');
    expect(report.body.participation.find((p: any) => p.role === 'nasa' && p.seat === 'head')).toMatchObject({ occupant: 'Neil, "the first"', messages: 1 });
    expect(report.body.timeline.length).toBeGreaterThan(0);

    const json = await api(url, `/api/sessions/${opened.sessionId}/export.json`, { key: opened.facilitatorKey });
    expect(json.headers.get('content-disposition')).toContain('attachment');
    expect(json.body.session.id).toBe(opened.sessionId);

    const csv = await api(url, `/api/sessions/${opened.sessionId}/export.csv`, { key: opened.facilitatorKey });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    // Quoted, and defused as a spreadsheet formula.
    expect(csv.text).toContain(`"'=HYPERLINK(""x"") and a, comma"`);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['timeline', 'message', 'score', 'participation']));

    const md = await api(url, `/api/sessions/${opened.sessionId}/export.md`, { key: opened.facilitatorKey });
    expect(md.text).toContain(`# ${scenario.title}: session report`);
    expect(md.text).toContain('## Scores');
    expect(md.text).toContain('=HYPERLINK');
    await player.leave();
    await facilitator.leave();
  });
});

describe('abuse limits', () => {
  it('a client cannot create or join-by-name a session room over the matchmaker', async () => {
    const { Client } = await import('@colyseus/sdk');
    await expect(new Client(url).create('session', { sessionId: opened.sessionId })).rejects.toThrow();
    await expect(new Client(url).join('session', { as: 'spectator', joinCode: opened.joinCode })).rejects.toThrow();
  });

  it('refuses WebSocket upgrades from another origin, allows the same origin and no origin', async () => {
    const tryOrigin = (origin?: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${url.replace('http', 'ws')}/anything`, origin ? { origin } : {});
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => (ws.close(), resolve(101)));
        ws.on('error', () => resolve(-1));
      });
    expect(await tryOrigin('https://evil.example')).toBe(403);
    // Another local page (a dev server on another port) is another origin too.
    expect(await tryOrigin('http://localhost:5173')).toBe(403);
    expect(await tryOrigin(url)).not.toBe(403);
    expect(await tryOrigin()).not.toBe(403);
  });

  it('blocks an address after repeated wrong join codes (codes cannot be brute-forced)', async () => {
    // Wrong keys earlier in this file count too: one budget per address for every secret guessed.
    const statuses: number[] = [];
    for (let i = 0; i <= JOIN_FAILURES.max; i++) statuses.push((await api(url, `/api/join/WRONG${i}`)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
    // While blocked, codes are looked up at a slow pace (the last wrong one was that lookup).
    expect((await api(url, `/api/join/${opened.joinCode}`)).status).toBe(429);
  });
});
