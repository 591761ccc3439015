// Every error the HTTP API can answer is a code and its params, never a sentence (docs/api.md,
// "Errors"): this walks each code over HTTP, /api, /api/studio and /matchmake, and checks each
// body against the strict contract (shared/protocol/apiErrors.ts: no `message`, known code, params
// as documented). The client's words for every code are checked in tests/client/i18n.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseDocument } from 'yaml';
import { run as instructorCli } from '@server/cli/instructor';
import { JOIN_FAILURES } from '@server/services';
import { API_ERROR_CODES, ApiErrorBody, matchmakingBody, type ApiError, type ApiErrorCode } from '@shared/protocol/apiErrors';
import { api, openSession, startTestServer, tempDir, type ManualClock, type Opened, type RunningServer } from './harness';

const SHIPPED = fs.readFileSync(path.join(import.meta.dirname, '../../scenarios/handshake-in-orbit.yaml'), 'utf8');
const BROKEN = (() => {
  const doc = parseDocument(SHIPPED);
  doc.set('id', 'broken-draft');
  doc.setIn(['roles', 0, 'objectives', 0, 'when', 'deal'], 'no-such-deal');
  return doc.toString();
})();

let server: RunningServer;
let url: string;
let clock: ManualClock;
let ada: string;
let grace: string;
let opened: Opened;

/** The codes met so far, each with its params as sent. */
const met = new Map<ApiErrorCode, unknown[]>();

type Call = { path: string; method?: string; json?: unknown; body?: string; key?: string; headers?: Record<string, string> };

/** Sends a request that must fail with `status` and `expected` (code and params); checks the
 *  body is the strict error shape, under /matchmake Colyseus' `{ code, error, params? }`. */
async function refused(call: Call, status: number, expected: ApiError & { problems?: unknown }) {
  const headers = { ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}), ...call.headers };
  const res = await api(url, call.path, { method: call.method ?? (call.json !== undefined || call.body !== undefined ? 'POST' : 'GET'), json: call.json, body: call.body, key: call.key, headers });
  expect([call.path, res.status]).toEqual([call.path, status]);
  if (call.path.startsWith('/matchmake')) {
    expect(res.body).toEqual(matchmakingBody(expected));
  } else {
    expect(() => ApiErrorBody.parse(res.body), res.text).not.toThrow();
    expect(res.body.error).toEqual(expected);
  }
  expect(res.body.error).not.toHaveProperty('message');
  met.set(expected.code, [...(met.get(expected.code) ?? []), 'params' in expected ? expected.params : undefined]);
  return res;
}

async function addInstructor(name: string, dataDir: string): Promise<string> {
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  try {
    expect(await instructorCli(['add', name, '--data-dir', dataDir])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return /^\s+(\S{32})$/m.exec(printed.join('\n'))![1];
}

beforeAll(async () => {
  let dataDir: string;
  // No facilitator guides here: a session's guide is then `no-guide`.
  ({ server, url, clock, dataDir } = await startTestServer({ GUIDE_DIR: tempDir() }));
  ada = await addInstructor('Ada Lovelace', dataDir);
  grace = await addInstructor('Grace Hopper', dataDir);
  opened = await openSession(url);
});

afterAll(async () => server?.close());

describe('every HTTP API error is a code with params, never a sentence', () => {
  it('any route: schema, JSON, size, URL, unknown route, origin, server failure', async () => {
    await refused({ path: '/api/sessions', json: { scenarioId: 'handshake-in-orbit', settings: { classFormat: '../x' } } }, 400, { code: 'invalid-request', params: { fields: ['settings.classFormat'] } });
    await refused({ path: '/api/sessions', json: {} }, 400, { code: 'invalid-request', params: { fields: ['body'] } });
    await refused({ path: '/api/sessions', body: '{not json' }, 400, { code: 'invalid-json' });
    await refused({ path: '/api/sessions', json: { scenarioId: 'x'.repeat(17 * 1024) } }, 413, { code: 'too-large', params: { maxKiB: 16 } });
    await refused({ path: '/api/scenarios/%E0%A4%A' }, 400, { code: 'bad-request' });
    await refused({ path: '/api/no-such-route' }, 404, { code: 'not-found' });
    await refused({ path: '/api/health', headers: { origin: 'https://evil.example' } }, 403, { code: 'origin-not-allowed' });
    await refused({ path: '/api/health', headers: { 'sec-fetch-site': 'cross-site' } }, 403, { code: 'origin-not-allowed' });
    const failing = vi.spyOn(server.services.store, 'sessionByJoinCode').mockRejectedValueOnce(new Error('the disk is gone'));
    await refused({ path: '/api/join/ABCDEF' }, 500, { code: 'internal-error' });
    failing.mockRestore();
  });

  it('sessions: scenarios, class formats, join codes, keys, guides, exports', async () => {
    await refused({ path: '/api/scenarios/no-such-scenario' }, 404, { code: 'unknown-scenario', params: { scenario: 'no-such-scenario' } });
    await refused({ path: '/api/sessions', json: { scenarioId: 'no-such-scenario' } }, 404, { code: 'unknown-scenario', params: { scenario: 'no-such-scenario' } });
    await refused({ path: '/api/sessions', json: { scenarioId: 'handshake-in-orbit', settings: { classFormat: 'marathon' } } }, 400, {
      code: 'unknown-class-format',
      params: { classFormat: 'marathon', offered: ['class', 'short'] },
    });
    await refused({ path: '/api/join/NOSUCH' }, 404, { code: 'unknown-code' });
    const report = `/api/sessions/${opened.sessionId}/report`;
    await refused({ path: report }, 401, { code: 'unauthorized', params: { key: 'facilitator', reason: 'missing' } });
    await refused({ path: report, key: 'not-the-key' }, 401, { code: 'unauthorized', params: { key: 'facilitator', reason: 'wrong' } });
    await refused({ path: `/api/sessions/${opened.sessionId}/guide`, key: opened.facilitatorKey }, 404, { code: 'no-guide' });
    await refused({ path: `/api/sessions/${opened.sessionId}/export.xml`, key: opened.facilitatorKey }, 404, { code: 'unknown-format', params: { format: 'xml' } });
  });

  it('matchmaking: methods not offered, unknown sessions, refused joins (in Colyseus shape)', async () => {
    await refused({ path: '/matchmake/create/x', json: {} }, 403, { code: 'matchmaking-refused', params: { method: 'create' } });
    await refused({ path: '/matchmake/frobnicate/x', json: {} }, 404, { code: 'not-found' });
    await refused({ path: '/matchmake/joinById/no-such-session', json: { as: 'spectator', joinCode: opened.joinCode } }, 404, { code: 'unknown-session' });
    await refused({ path: '/matchmake/joinById/x', body: '{not json' }, 400, { code: 'invalid-json' });
    // Two answers this test cannot provoke over HTTP, built the same way: 503 shutting-down while
    // the process stops (stopping the match-maker would end every room of this test process), and
    // `refused` for a seat Colyseus itself refuses (the room's own refusals come over the socket).
    expect(matchmakingBody({ code: 'shutting-down' })).toEqual({ code: 'shutting-down', error: 'shutting-down' });
    expect(matchmakingBody({ code: 'refused' })).toEqual({ code: 'refused', error: 'refused' });
    met.set('shutting-down', [undefined]).set('refused', [undefined]);
  });

  it('the studio: keys, owners, versions, drafts and their limits', async () => {
    await refused({ path: '/api/studio/me' }, 401, { code: 'unauthorized', params: { key: 'instructor', reason: 'missing' } });
    await refused({ path: '/api/studio/me', key: 'not-an-instructor-key-xxxxxxxxxxx' }, 401, { code: 'unauthorized', params: { key: 'instructor', reason: 'wrong' } });
    await refused({ path: '/api/studio/nothing-here', key: ada }, 404, { code: 'not-found' });
    await refused({ path: '/api/studio/shipped/no-such-scenario', key: ada }, 404, { code: 'unknown-scenario', params: { scenario: 'no-such-scenario' } });
    await refused({ path: '/api/studio/scenarios', key: ada, json: { yaml: 'x', visibility: 'everyone' } }, 400, { code: 'invalid-request', params: { fields: ['visibility'] } });
    await refused({ path: '/api/studio/scenarios', key: ada, body: '{not json' }, 400, { code: 'invalid-json' });
    await refused({ path: '/api/studio/scenarios', key: ada, json: { yaml: 'x'.repeat(1100 * 1024) } }, 413, { code: 'too-large', params: { maxKiB: 1024 } });
    await refused({ path: '/api/studio/scenarios', key: ada, json: { yaml: 'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n' + Array.from({ length: 9 }, (_, i) => `b${i}: &b${i} [${Array(9).fill(i ? `*b${i - 1}` : '*a').join(', ')}]`).join('\n') } }, 400, { code: 'too-many-aliases' });
    await refused({ path: '/api/studio/scenarios', key: ada, json: { yaml: '['.repeat(30_000) } }, 400, { code: 'unreadable-yaml', params: { reason: 'tooDeep' } });
    await refused({ path: '/api/studio/scenarios/no-such-library-id', key: ada }, 404, { code: 'unknown-library-scenario' });

    const created = await api(url, '/api/studio/scenarios', { method: 'POST', key: ada, json: { yaml: BROKEN } });
    expect(created.status).toBe(201);
    const id = created.body.scenario.id as string;
    await refused({ path: `/api/studio/scenarios/${id}/versions/9`, key: ada }, 404, { code: 'unknown-version', params: { version: '9' } });
    expect((await api(url, `/api/studio/scenarios/${id}/visibility`, { method: 'POST', key: ada, json: { visibility: 'shared' } })).status).toBe(200);
    await refused({ path: `/api/studio/scenarios/${id}/versions`, key: grace, json: { yaml: SHIPPED } }, 403, { code: 'not-owner', params: { owner: 'Ada Lovelace' } });
    expect((await api(url, `/api/studio/scenarios/${id}/versions`, { method: 'POST', key: ada, json: { yaml: BROKEN, basedOn: 1 } })).status).toBe(201);
    await refused({ path: `/api/studio/scenarios/${id}/versions`, key: ada, json: { yaml: BROKEN, basedOn: 1 } }, 409, { code: 'version-conflict', params: { version: 2, basedOn: 1 } });
    await refused({ path: `/api/studio/scenarios/${id}/public`, key: ada }, 422, { code: 'scenario-invalid', params: { reason: 'noValidVersion' } });
    const invalid = await refused({ path: '/api/studio/playtest', key: ada, json: { yaml: BROKEN, role: 'nasa' } }, 422, {
      code: 'scenario-invalid',
      params: { reason: 'problems', problemCount: 1 },
      problems: [expect.objectContaining({ path: 'roles[0].objectives[0].when.deal' })] as never,
    });
    expect(invalid.body.error.problems).toHaveLength(1);
    await refused({ path: '/api/studio/playtest', key: ada, json: { yaml: SHIPPED, role: 'esa' } }, 400, {
      code: 'unknown-role',
      params: { role: 'esa', roles: ['us-gov', 'soviet-gov', 'nasa', 'soviet-academy'] },
    });
  });

  it('limits: sessions, saves and playtests an hour; wrong guesses; lookups from a blocked address', async () => {
    for (let i = 0; i < 30; i++) expect((await api(url, '/api/sessions', { method: 'POST', json: { scenarioId: 'handshake-in-orbit' } })).status).toBeLessThan(500);
    await refused({ path: '/api/sessions', json: { scenarioId: 'handshake-in-orbit' } }, 429, { code: 'rate-limited', params: { limit: 'sessions', max: 30 } });
    // Every save and playtest counts, a refused one too (the validator ran).
    for (let i = 0; i < 120; i++) expect((await api(url, '/api/studio/scenarios', { method: 'POST', key: grace, json: { yaml: 'a: [' } })).status).toBe(201);
    await refused({ path: '/api/studio/scenarios', key: grace, json: { yaml: 'a: [' } }, 429, { code: 'rate-limited', params: { limit: 'saves', max: 120 } });
    for (let i = 0; i < 30; i++) expect((await api(url, '/api/studio/playtest', { method: 'POST', key: grace, json: { yaml: 'a: [', role: 'nasa' } })).status).toBe(422);
    await refused({ path: '/api/studio/playtest', key: grace, json: { yaml: 'a: [', role: 'nasa' } }, 429, { code: 'rate-limited', params: { limit: 'playtests', max: 30 } });

    clock.advance(JOIN_FAILURES.windowMs); // the wrong codes and keys above are forgotten
    for (let i = 0; i < JOIN_FAILURES.max; i++) expect((await api(url, `/api/join/WRONG${i}`)).status).toBe(404);
    await refused({ path: '/api/join/WRONGX' }, 429, { code: 'rate-limited', params: { limit: 'guesses' } });
    await refused({ path: `/api/join/${opened.joinCode}` }, 429, { code: 'rate-limited', params: { limit: 'lookups' } });
    await refused({ path: `/api/sessions/${opened.sessionId}/report`, key: 'not-the-key' }, 429, { code: 'rate-limited', params: { limit: 'guesses' } });
    await refused({ path: '/api/studio/me', key: 'not-an-instructor-key-xxxxxxxxxxx' }, 429, { code: 'rate-limited', params: { limit: 'guesses' } });
  });

  it('met every code the API has', () => {
    expect([...met.keys()].sort()).toEqual([...API_ERROR_CODES].sort());
  });
});
