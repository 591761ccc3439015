// Issue 13, HTTP side, against a real server: the matchmaking routes (body cap, only the method
// the client uses), CORS (same origin unless ALLOWED_ORIGINS), bad percent-escapes (400, not 500)
// and the security headers on every page and API answer.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, openSession, startTestServer, tempDir, TestClient, type Opened, type RunningServer } from './harness';

const EVIL = 'https://evil.example';

/** A stand-in for client/dist: an index page and one script asset. */
function fakeClient(): string {
  const dir = tempDir('spacebridge-client-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Spacebridge</title><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("spacebridge");');
  return dir;
}

describe('default configuration', () => {
  let server: RunningServer;
  let url: string;
  let opened: Opened;

  beforeAll(async () => {
    ({ server, url } = await startTestServer({ CLIENT_DIR: fakeClient() }));
    opened = await openSession(url);
  });
  afterAll(async () => server?.close());

  describe('matchmaking routes (13.1)', () => {
    const matchmake = (method: string, room: string, json: unknown, headers: Record<string, string> = {}) =>
      api(url, `/matchmake/${method}/${room}`, { method: 'POST', json, headers });

    it('refuses a body over 16 KB before parsing it', async () => {
      const res = await matchmake('joinById', opened.sessionId, { as: 'spectator', joinCode: opened.joinCode, padding: 'x'.repeat(17 * 1024) });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'too-large' });
      // A method that is not offered is refused before its body is read at all.
      const nonsense = await matchmake('no-such-method', 'session', { padding: 'x'.repeat(64 * 1024) });
      expect(nonsense.status).toBe(404);
    });

    it('refuses the matchmaking methods the client never uses, with a clear code', async () => {
      for (const method of ['create', 'join', 'joinOrCreate', 'reconnect']) {
        const res = await matchmake(method, 'session', { sessionId: opened.sessionId, as: 'spectator', joinCode: opened.joinCode });
        expect([method, res.status, res.body?.code]).toEqual([method, 403, 'matchmaking-refused']);
        expect(res.body).toEqual({ code: 'matchmaking-refused', error: 'matchmaking-refused', params: { method } });
      }
      const unknown = await matchmake('frobnicate', 'session', {});
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 'not-found' });
      expect((await api(url, '/matchmake/joinById/session', { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } })).body).toMatchObject({
        code: 'invalid-json',
      });
    });

    it('answers an unknown session id with 404, and still seats the SDK by id', async () => {
      const res = await matchmake('joinById', 'no-such-session', { as: 'spectator', joinCode: opened.joinCode });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'unknown-session', error: 'unknownSession' });
      const spectator = await TestClient.join(url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode });
      expect(spectator.view?.viewer.kind).toBe('spectator');
      await spectator.leave();
    });
  });

  describe('CORS (13.3)', () => {
    it('gives a foreign origin no CORS grant on /api and /matchmake, and refuses its preflight', async () => {
      for (const p of ['/api/health', '/api/scenarios', `/api/join/${opened.joinCode}`]) {
        const res = await api(url, p, { headers: { origin: EVIL } });
        expect(res.headers.get('access-control-allow-origin'), p).toBeNull();
        expect(res.headers.get('access-control-allow-credentials'), p).toBeNull();
      }
      for (const p of ['/api/sessions', `/api/sessions/${opened.sessionId}/report`, `/matchmake/joinById/${opened.sessionId}`]) {
        const res = await api(url, p, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
        expect(res.status, p).toBe(403);
        expect(res.body.error?.code ?? res.body.code, p).toBe('origin-not-allowed');
        expect(res.headers.get('access-control-allow-origin'), p).toBeNull();
      }
      // Refused before anything is done or counted, also when the browser sends only Sec-Fetch-Site.
      expect((await api(url, '/api/sessions', { method: 'POST', json: { scenarioId: 'handshake-in-orbit' }, headers: { origin: EVIL } })).status).toBe(403);
      expect((await api(url, '/api/join/WRONG1', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
      expect((await api(url, '/api/health', { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    });

    it('serves its own origin (same host) as before', async () => {
      const res = await api(url, '/api/sessions', { method: 'POST', json: { scenarioId: 'handshake-in-orbit' }, headers: { origin: url } });
      expect(res.status).toBe(201);
    });
  });

  describe('bad percent-escapes (13.6)', () => {
    it('answers 400 with a JSON error, never 500', async () => {
      for (const p of ['/api/join/%ff', '/api/scenarios/%E0%A4%A', `/api/sessions/%ff/report`, '/api/sessions/x/export.%ff']) {
        const res = await api(url, p);
        expect([p, res.status]).toEqual([p, 400]);
        expect(res.body, p).toMatchObject({ error: { code: 'bad-request' } });
        expect(res.text, p).not.toMatch(/\n\s+at |URIError/);
      }
      const matchmake = await api(url, '/matchmake/joinById/%ff', { method: 'POST', json: {} });
      expect(matchmake.status).toBe(400);
      expect(matchmake.body).toMatchObject({ code: 'bad-request' });
      // Outside the API any path is a client route: the page loads, and the API checks the code.
      for (const p of ['/join/%ff', '/assets/%ff.js']) {
        const res = await fetch(url + p);
        expect([p, res.status]).toEqual([p, 200]);
        expect(await res.text(), p).toContain('<title>Spacebridge</title>');
      }
    });
  });

  describe('security headers (13.8)', () => {
    const expectHardened = (headers: Headers, what: string) => {
      const csp = headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('script-src'), `${what}: ${csp}`).toEqual(["'self'"]);
      expect(directives.get('default-src'), what).toEqual(["'self'"]);
      expect(directives.get('object-src'), what).toEqual(["'none'"]);
      expect(directives.get('base-uri'), what).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
      expect(headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(headers.get('x-frame-options'), what).toBe('DENY');
      expect(headers.get('referrer-policy'), what).toBe('no-referrer');
      expect(headers.get('x-powered-by'), what).toBeNull();
    };

    it('are on every page, asset and API answer, errors included', async () => {
      const requests: [string, RequestInit?][] = [
        ['/'],
        ['/join/ABC123'],
        ['/facilitator/some-session'],
        ['/assets/app.js'],
        ['/api/health'],
        ['/api/scenarios/handshake-in-orbit'],
        ['/api/no-such-endpoint'],
        ['/api/join/%ff'],
        ['/api/sessions', { method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } }],
        [`/matchmake/create/session`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }],
      ];
      for (const [p, init] of requests) {
        const res = await fetch(url + p, init);
        expectHardened(res.headers, `${init?.method ?? 'GET'} ${p} (${res.status})`);
      }
    });
  });
});

describe('with ALLOWED_ORIGINS', () => {
  const GAME = 'https://game.example.edu';
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await startTestServer({ ALLOWED_ORIGINS: `${GAME}/, https://other.example.edu` }));
  });
  afterAll(async () => server?.close());

  it('grants a listed origin, and only it (13.3)', async () => {
    const res = await api(url, '/api/health', { headers: { origin: GAME } });
    expect(res.headers.get('access-control-allow-origin')).toBe(GAME);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/origin/i);

    const preflight = await api(url, '/matchmake/joinById/x', { method: 'OPTIONS', headers: { origin: GAME, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(GAME);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const foreign = await api(url, '/api/health', { headers: { origin: EVIL } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
