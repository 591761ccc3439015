// The HTTP side of the one port: the JSON API under /api and the built web client. Documented
// in docs/api.md.
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import express, { type NextFunction, type Request, type Response } from 'express';
import { publicScenario } from '../shared/engine';
import { buildReport, reportCsv, reportMarkdown } from './report';
import { normaliseJoinCode, secretMatches } from './secrets';
import type { Services } from './services';
import { GameSession } from './session';
import { CreateSessionRequest, openSession, UnknownScenarioError } from './sessions';
import { FailureLimiter } from './rateLimit';

/** Sessions one IP may open per hour (each one is a room and rows on disk). */
const SESSION_CREATION = { max: 30, windowMs: 60 * 60_000 } as const;

/** Event-loop delay is reported per window of this length, aligned to the wall clock (…:00, :10, …):
 *  recent responsiveness, not an average since start. */
const LOOP_WINDOW_MS = 10_000;
const LOOP_RESOLUTION_MS = 10;

const startedAt = Date.now();
const loopDelay = watchEventLoopDelay();

export function mountHttp(app: express.Application, services: Services): void {
  const { store, catalog } = services;
  const creations = new FailureLimiter(SESSION_CREATION.max, SESSION_CREATION.windowMs);
  const api = express.Router();
  api.use(express.json({ limit: '16kb' }));
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  api.get('/health', (_req, res) => {
    res.json({
      ok: true,
      sessions: services.sessions.size,
      scenarios: catalog.list().length,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      eventLoopDelayMs: loopDelay(),
    });
  });

  api.get('/scenarios', (_req, res) => {
    res.json(
      catalog.list().map((s) => ({
        id: s.id,
        title: s.title,
        summary: s.summary,
        era: s.era,
        players: s.players,
        durationMinutes: s.durationMinutes,
        learningObjectives: s.learningObjectives,
      })),
    );
  });

  api.get('/scenarios/:id', (req, res) => {
    const scenario = catalog.get(req.params.id);
    if (!scenario) return fail(res, 404, 'unknown-scenario', `There is no scenario "${req.params.id}".`);
    res.json(publicScenario(scenario));
  });

  api.post('/sessions', async (req, res) => {
    const ip = clientIp(req);
    if (creations.blocked(ip, Date.now())) return fail(res, 429, 'rate-limited', 'Too many sessions opened from this address. Try again later.');
    const parsed = CreateSessionRequest.safeParse(req.body ?? {});
    if (!parsed.success) return fail(res, 400, 'invalid-request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    try {
      const opened = await openSession(services, parsed.data);
      creations.fail(ip, Date.now());
      res.status(201).json(opened);
    } catch (error) {
      if (error instanceof UnknownScenarioError) return fail(res, 404, 'unknown-scenario', error.message);
      throw error;
    }
  });

  api.get('/join/:code', (req, res) => {
    const ip = clientIp(req);
    const now = Date.now();
    if (services.joinFailures.blocked(ip, now)) return fail(res, 429, 'rate-limited', 'Too many wrong codes. Wait a few minutes.');
    const record = store.sessionByJoinCode(normaliseJoinCode(String(req.params.code).slice(0, 32)));
    if (!record) {
      services.joinFailures.fail(ip, now);
      return fail(res, 404, 'unknown-code', 'No session has this join code. Check it with your instructor.');
    }
    res.json({ sessionId: record.id, scenarioId: record.scenarioId, title: record.scenario.title });
  });

  // Facilitator-only: the debrief data and its exports.
  const facilitatorSession = (req: Request, res: Response): GameSession | null => {
    const ip = clientIp(req);
    const now = Date.now();
    if (services.joinFailures.blocked(ip, now)) {
      fail(res, 429, 'rate-limited', 'Too many wrong keys. Wait a few minutes.');
      return null;
    }
    const record = store.getSession(String(req.params.id));
    const key = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
    if (!record || !key || !secretMatches(key, record.facilitatorKeyHash)) {
      services.joinFailures.fail(ip, now);
      fail(res, 401, 'unauthorized', 'This needs the session\'s facilitator key (Authorization: Bearer <key>).');
      return null;
    }
    return services.sessions.get(record.id) ?? GameSession.restore(store, record);
  };

  api.get('/sessions/:id/report', (req, res) => {
    const session = facilitatorSession(req, res);
    if (session) res.json(buildReport(session));
  });

  api.get('/sessions/:id/export.:format', (req, res) => {
    const format = req.params.format;
    if (format !== 'json' && format !== 'csv' && format !== 'md') return fail(res, 404, 'unknown-format', 'Exports are export.json, export.csv and export.md.');
    const session = facilitatorSession(req, res);
    if (!session) return;
    const report = buildReport(session);
    const base = `spacebridge-${session.scenario.id}-${session.id}`;
    res.attachment(`${base}.${format}`);
    if (format === 'json') res.type('application/json').send(JSON.stringify(report, null, 2));
    else if (format === 'csv') res.type('text/csv; charset=utf-8').send(reportCsv(report));
    else res.type('text/markdown; charset=utf-8').send(reportMarkdown(report));
  });

  api.use((_req, res) => fail(res, 404, 'not-found', 'No such API endpoint.'));
  api.use((error: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.parse.failed') return fail(res, 400, 'invalid-json', 'The request body is not valid JSON.');
    if (error.type === 'entity.too.large') return fail(res, 413, 'too-large', 'The request body is too large.');
    console.error(error);
    fail(res, 500, 'internal-error', 'The server failed on this request.');
  });
  app.use('/api', api);

  mountClient(app, services.config.clientDir);
}

/** The built web client, with index.html for every client-side route; a helpful page if unbuilt. */
function mountClient(app: express.Application, clientDir: string): void {
  const index = path.join(clientDir, 'index.html');
  app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/matchmake') || req.path.startsWith('/api')) return next();
    res.set('Cache-Control', 'no-cache');
    if (fs.existsSync(index)) return res.sendFile(index);
    res.status(503).type('html').send(NOT_BUILT_PAGE);
  });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spacebridge: client not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{background:#eee;padding:0 .3em}</style></head>
<body><h1>Spacebridge is running, but the web client is not built</h1>
<p>The game server and its API are up (<a href="/api/health">/api/health</a>), but there is no built client in <code>client/dist</code>.</p>
<p>Build it once with <code>npm run build</code>, then reload this page. <code>npm start</code> builds it automatically when it is missing.</p>
</body></html>`;

export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
  /** When the window ended (ms since the epoch); null while the first window is still running. */
  windowEndedAt: number | null;
}

/** Samples the event loop's delay; returns a reader of the last complete window. */
function watchEventLoopDelay(): () => EventLoopDelay {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  histogram.enable();
  // Each sample is the time between two timer ticks: the delay is what exceeds the resolution.
  const ms = (ns: number) => Math.round(Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS) * 100) / 100;
  const read = (windowEndedAt: number | null): EventLoopDelay =>
    histogram.count === 0
      ? { p50: 0, p99: 0, max: 0, windowEndedAt }
      : { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), windowEndedAt };
  let last: EventLoopDelay | null = null;
  const roll = () => {
    last = read(Date.now());
    histogram.reset();
  };
  setTimeout(() => {
    roll();
    setInterval(roll, LOOP_WINDOW_MS).unref();
  }, LOOP_WINDOW_MS - (Date.now() % LOOP_WINDOW_MS)).unref();
  return () => last ?? read(null);
}

/** The peer address. Proxy headers are ignored unless TRUST_PROXY is set (they are forgeable). */
function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
