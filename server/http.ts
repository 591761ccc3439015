// The HTTP side of the one port: the JSON API under /api, the one matchmaking route the web
// client uses, and the built web client; around them request ids, security headers and the
// same-origin rule. Documented in docs/api.md; the defences in docs/security.md.
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ErrorCode, matchMaker, ServerError, type AuthContext } from '@colyseus/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { publicScenarioIn } from '@shared/engine/viewLanguage';
import { matchmakingBody, type ApiError } from '@shared/protocol/apiErrors';
import type { TrustProxy } from './config';
import { log, type Logger } from './log';
import { buildReport, exportLanguage, reportCsv, reportMarkdown } from './report';
import { judgeGuess, normaliseJoinCode, randomToken, secretMatches } from './secrets';
import type { Services } from './services';
import { GameSession } from './session';
import { fail, invalidRequest, unknownClassFormat, type Fail } from './httpErrors';
import { readGuide } from './guides';
import { CreateSessionRequest, openSession, reserveSeat, UnknownClassFormatError, UnknownScenarioError } from './sessions';
import { listingIn, requestedLanguage } from './scenarioLanguage';
import { studioRoutes } from './studio/routes';

declare module 'express-serve-static-core' {
  interface Request {
    /** This request's log: every line carries its request id. */
    log: Logger;
  }
}

/** Sessions one IP may open per hour (each one is a room and rows on disk). */
const SESSION_CREATION = { max: 30, windowMs: 60 * 60_000 } as const;

/** While an address is blocked for wrong guesses, its join codes are still looked up, but one per
 *  this many milliseconds: a student's right code gets through, a guesser stays slow. */
const BLOCKED_LOOKUP_MS = 2_000;

/** Largest request body read (JSON), for the API and matchmaking alike, in KiB. */
const BODY_LIMIT_KIB = 16;
const BODY_LIMIT = `${BODY_LIMIT_KIB}kb`;

/** The matchmaking method the web client uses (`client.joinById` of @colyseus/sdk). Sessions are
 *  opened only by POST /api/sessions, and the SDK reconnects over the WebSocket itself. */
const MATCHMAKING_METHODS = new Set(['joinById']);
const OTHER_COLYSEUS_METHODS = new Set(['create', 'join', 'joinOrCreate', 'reconnect']);

/** Event-loop delay is reported per window of this length, aligned to the wall clock (…:00, :10, …):
 *  recent responsiveness, not an average since start. */
const LOOP_WINDOW_MS = 10_000;
const LOOP_RESOLUTION_MS = 10;

const startedAt = Date.now();
const loopDelay = watchEventLoopDelay();

export function mountHttp(app: express.Application, services: Services): void {
  const { allowedOrigins } = services.config;
  app.disable('x-powered-by');
  app.use(requestIds);
  app.use(securityHeaders);
  app.use('/api', sameOriginOnly(allowedOrigins, fail), apiRoutes(services));
  app.use('/matchmake', sameOriginOnly(allowedOrigins, failMatchmaking), matchmakingRoutes(services));
  mountClient(app, services.config.clientDir);
  app.use((error: Error, req: Request, res: Response, _next: NextFunction) => {
    const status = clientErrorStatus(error);
    if (status === null) req.log.error({ err: error }, 'request failed');
    res
      .status(status ?? 500)
      .type('text/plain')
      .send(status === null ? 'The server failed on this request.' : 'Bad request (a malformed URL?).');
  });
}

function apiRoutes(services: Services): express.Router {
  const { store, catalog, clock } = services;
  const creations = services.failureCounters.limiter('sessions', SESSION_CREATION.max, SESSION_CREATION.windowMs);
  const blockedLookups = services.failureCounters.limiter('blocked-lookups', 1, BLOCKED_LOOKUP_MS);
  const api = express.Router();
  // Before the 16 KB body parser: the studio reads scenario texts up to its own limit, and only
  // once the instructor key is checked.
  const studio = studioRoutes(services, (req) => clientAddress(req, services.config.trustProxy));
  api.use('/studio', studio.router);
  api.use(express.json({ limit: BODY_LIMIT }));
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

  // With an instructor key, also the library scenarios that instructor may use.
  api.get('/scenarios', async (req, res) => {
    const library = await studio.listingsFor(req, res);
    if (library) res.json([...catalog.list().map((s) => listingIn(s, requestedLanguage(req.query.lang, s))), ...library]);
  });

  api.get('/scenarios/:id', (req, res) => {
    const scenario = catalog.get(req.params.id);
    if (!scenario) return fail(res, 404, { code: 'unknown-scenario', params: { scenario: String(req.params.id).slice(0, 64) } });
    res.json(publicScenarioIn(scenario, requestedLanguage(req.query.lang, scenario)));
  });

  api.post('/sessions', async (req, res) => {
    const ip = clientAddress(req, services.config.trustProxy);
    if (await creations.blocked(ip, clock.now())) return fail(res, 429, { code: 'rate-limited', params: { limit: 'sessions', max: SESSION_CREATION.max } });
    const parsed = CreateSessionRequest.safeParse(req.body ?? {});
    if (!parsed.success) return fail(res, 400, invalidRequest(parsed.error));
    const scenario = parsed.data.library ? await studio.scenarioToOpen(req, res, parsed.data.library) : undefined;
    if (scenario === null) return;
    try {
      const opened = await openSession(services, parsed.data, scenario);
      await creations.fail(ip, clock.now());
      req.log.info({ sessionId: opened.sessionId, scenarioId: parsed.data.scenarioId, library: parsed.data.library }, 'session opened');
      res.status(201).json(opened);
    } catch (error) {
      if (error instanceof UnknownScenarioError) return fail(res, 404, { code: 'unknown-scenario', params: { scenario: error.scenarioId } });
      if (error instanceof UnknownClassFormatError) return fail(res, 400, unknownClassFormat(error));
      throw error;
    }
  });

  api.get('/join/:code', async (req, res) => {
    const ip = clientAddress(req, services.config.trustProxy);
    const now = clock.now();
    if (await services.joinFailures.blocked(ip, now)) {
      if ((await blockedLookups.fail(ip, now)) > 1) return fail(res, 429, { code: 'rate-limited', params: { limit: 'lookups' } });
    }
    const record = await store.sessionByJoinCode(normaliseJoinCode(String(req.params.code).slice(0, 32)));
    const guess = await judgeGuess(services.joinFailures, ip, now, record !== null && record !== undefined);
    if (guess === 'blocked') return fail(res, 429, { code: 'rate-limited', params: { limit: 'guesses' } });
    if (!record) {
      await noteBlock(req, services, ip, now);
      return fail(res, 404, { code: 'unknown-code' });
    }
    res.json({ sessionId: record.id, scenarioId: record.scenarioId, title: record.scenario.title });
  });

  // Facilitator-only: the debrief data and its exports. A right key works even from an address
  // blocked for others' wrong guesses (a 192-bit key cannot be guessed at any pace).
  const facilitatorSession = async (req: Request, res: Response): Promise<GameSession | null> => {
    const ip = clientAddress(req, services.config.trustProxy);
    const now = clock.now();
    const record = await store.getSession(String(req.params.id));
    const key = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
    const guess = await judgeGuess(services.joinFailures, ip, now, !!record && !!key && secretMatches(key, record.facilitatorKeyHash));
    if (guess === 'blocked') {
      fail(res, 429, { code: 'rate-limited', params: { limit: 'guesses' } });
      return null;
    }
    if (guess === 'wrong' || !record) {
      await noteBlock(req, services, ip, now);
      fail(res, 401, { code: 'unauthorized', params: { key: 'facilitator', reason: key ? 'wrong' : 'missing' } });
      return null;
    }
    return services.sessions.get(record.id) ?? (await GameSession.open(store, record.id))?.session ?? null;
  };

  api.get('/sessions/:id/report', async (req, res) => {
    const session = await facilitatorSession(req, res);
    if (session) res.json(buildReport(session, exportLanguage(req.query.lang)));
  });

  // The facilitator guide (what really happened, the debrief): never for students, so behind the key.
  api.get('/sessions/:id/guide', async (req, res) => {
    const session = await facilitatorSession(req, res);
    if (!session) return;
    const { scenarioId } = session.record;
    const markdown = await readGuide(services.config.guideDir, scenarioId);
    if (markdown === null) return fail(res, 404, { code: 'no-guide' });
    res.json({ scenarioId, markdown });
  });

  api.get('/sessions/:id/export.:format', async (req, res) => {
    const format = req.params.format;
    if (format !== 'json' && format !== 'csv' && format !== 'md') return fail(res, 404, { code: 'unknown-format', params: { format: format.slice(0, 16) } });
    const session = await facilitatorSession(req, res);
    if (!session) return;
    const report = buildReport(session, exportLanguage(req.query.lang));
    const base = `spacebridge-${session.scenario.id}-${session.id}`;
    res.attachment(`${base}.${format}`);
    if (format === 'json') res.type('application/json').send(JSON.stringify(report, null, 2));
    else if (format === 'csv') res.type('text/csv; charset=utf-8').send(reportCsv(report));
    else res.type('text/markdown; charset=utf-8').send(reportMarkdown(report));
  });

  api.use((_req, res) => fail(res, 404, { code: 'not-found' }));
  api.use(bodyErrors(fail));
  return api;
}

/**
 * The matchmaking route of @colyseus/sdk's `joinById`, served here rather than by Colyseus' own
 * handler (which app.ts removes: it parsed any body without a limit and answered CORS for any
 * origin). Answers in Colyseus' shape, `{ code, error }`, which the SDK reads (`matchmakingBody`).
 */
function matchmakingRoutes(services: Services): express.Router {
  const router = express.Router();
  router.post('/:method/:roomId', (req, res, next) => {
    const method = req.params.method;
    if (OTHER_COLYSEUS_METHODS.has(method)) {
      return failMatchmaking(res, 403, { code: 'matchmaking-refused', params: { method } });
    }
    if (!MATCHMAKING_METHODS.has(method)) return failMatchmaking(res, 404, { code: 'not-found' });
    next();
  });
  router.post('/:method/:roomId', express.json({ limit: BODY_LIMIT }), async (req, res, next) => {
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return failMatchmaking(res, 503, { code: 'shutting-down' });
    const context: AuthContext = { ip: clientAddress(req, services.config.trustProxy), headers: headersOf(req), req };
    try {
      res.json(await reserveSeat(services, String(req.params.roomId).slice(0, 64), req.body ?? {}, context));
    } catch (error) {
      if (!(error instanceof ServerError)) return next(error);
      if (error.code === ErrorCode.MATCHMAKE_INVALID_ROOM_ID) return failMatchmaking(res, 404, { code: 'unknown-session' });
      const status = error.code >= 400 && error.code < 500 ? error.code : 400;
      req.log.info({ err: error }, 'seat refused by the match-maker');
      failMatchmaking(res, status, { code: 'refused' });
    }
  });
  router.use((_req, res) => failMatchmaking(res, 404, { code: 'not-found' }));
  router.use(bodyErrors(failMatchmaking));
  return router;
}

function failMatchmaking(res: Response, status: number, error: ApiError): void {
  res.status(status).json(matchmakingBody(error));
}

/** Unreadable requests (bad JSON, too big, a malformed percent-escape) get a 4xx; the rest a
 *  logged 500. */
function bodyErrors(failWith: Fail) {
  return (error: Error & { type?: string }, req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.parse.failed') return failWith(res, 400, { code: 'invalid-json' });
    if (error.type === 'entity.too.large') return failWith(res, 413, { code: 'too-large', params: { maxKiB: BODY_LIMIT_KIB } });
    const status = clientErrorStatus(error);
    if (status !== null) return failWith(res, status, { code: 'bad-request' });
    req.log.error({ err: error }, 'request failed');
    failWith(res, 500, { code: 'internal-error' });
  };
}

/** The 4xx status Express, its router or body parser gave an error (a URIError from a bad
 *  percent-escape is 400), or null for a failure of ours. */
function clientErrorStatus(error: unknown): number | null {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** Logs once when an address has just used up its guesses. */
async function noteBlock(req: Request, services: Services, address: string, now: number): Promise<void> {
  if (await services.joinFailures.blocked(address, now)) req.log.warn({ address }, 'address blocked for repeated wrong join codes or keys');
}

// --- Around every request ----------------------------------------------------------------------

/** Each request gets an id (the caller's X-Request-Id when it is a plain token), returned in the
 *  answer and carried by every log line about it. */
function requestIds(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-request-id');
  const id = given && /^[\w.:-]{1,64}$/.test(given) ? given : randomToken(9);
  res.set('X-Request-Id', id);
  req.log = log.child({ reqId: id });
  const started = performance.now();
  res.on('finish', () => {
    const urlPath = req.originalUrl.split('?')[0];
    req.log.debug({ method: req.method, path: urlPath, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
  });
  next();
}

/**
 * The Content-Security-Policy of every answer: scripts only from this server (the built client
 * has no inline script), styles inline too (Mantine writes its theme into <style> elements),
 * sockets back to this server, and no framing by any page: the projector view is opened in its own
 * window, never embedded (docs/security.md, item 8).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  // 'self' covers ws: and wss: in current browsers; older Safari needs the socket origin spelled out.
  const host = req.get('host') ?? '';
  const sockets = /^[A-Za-z0-9.-]+(:[0-9]+)?$|^\[[0-9A-Fa-f:.]+\](:[0-9]+)?$/.test(host) ? ` ws://${host} wss://${host}` : '';
  res.set({
    'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; connect-src 'self'${sockets}`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    // Other sites may neither embed the API's answers as resources nor keep a handle on our windows.
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  next();
}

/**
 * The same-origin rule for the API and matchmaking: a browser request from another site (its
 * Origin, or Sec-Fetch-Site when it sends no Origin) is refused with 403 before anything is done
 * or counted, unless its origin is in ALLOWED_ORIGINS, which gets a CORS grant (credentials
 * included: the SDK sends them). Same origin = same host as the Host header, as for WebSockets.
 */
function sameOriginOnly(allowedOrigins: string[], failWith: Fail) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin !== undefined && !isSameOrigin(origin, req.get('host'))) {
      if (!allowedOrigins.includes(origin)) return failWith(res, 403, { code: 'origin-not-allowed' });
      res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' });
      if (req.method === 'OPTIONS') {
        res.set({ 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Request-Id', 'Access-Control-Max-Age': '600' });
        return res.status(204).end();
      }
    } else if (origin === undefined && req.get('sec-fetch-site') === 'cross-site') {
      return failWith(res, 403, { code: 'origin-not-allowed' });
    }
    next();
  };
}

/** True when a browser's Origin names the host the request was sent to (WebSockets included). */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

// --- Client addresses ---------------------------------------------------------------------------

/** The client's address: the socket's, or behind trusted proxies the one they forwarded. */
function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const forwarded = req.headers['x-forwarded-for'];
  return forwardedClient(req.socket.remoteAddress ?? 'unknown', Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trust);
}

/**
 * Which address of `peer` (the socket) and X-Forwarded-For is the client. Each proxy appends the
 * address it received from, so the header is read from the right: `hops` proxies in front means
 * the entry that many steps back; a list of proxies means skipping entries while they are listed
 * (only on a connection from a listed proxy). Entries left of a malformed one are not read.
 */
export function forwardedClient(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const socket = plainAddress(peer);
  const proxies = trust.proxies.map(plainAddress);
  if (trust.hops === 0 && !proxies.includes(socket)) return socket;
  const chain = [socket];
  for (const entry of (forwardedFor ?? '').split(',').reverse()) {
    const address = plainAddress(entry.trim());
    if (isIP(address) === 0) break;
    chain.push(address);
  }
  if (trust.hops > 0) return chain[Math.min(trust.hops, chain.length - 1)];
  let i = 0;
  while (i < chain.length - 1 && proxies.includes(chain[i])) i++;
  return chain[i];
}

/** Headers that name a client address (Colyseus reads the first three for a WebSocket join). */
const ADDRESS_HEADERS = ['x-real-ip', 'x-forwarded-for', 'x-client-ip', 'forwarded'];

/**
 * Before Colyseus reads a WebSocket join's address (its `context.ip`, from X-Real-IP or
 * X-Forwarded-For, whoever wrote them), replaces those headers with the one address
 * `clientAddress` found. app.ts runs it first on every upgrade request.
 */
export function pinClientAddress(req: IncomingMessage, trust: TrustProxy): void {
  const address = clientAddress(req, trust);
  for (const name of ADDRESS_HEADERS) delete req.headers[name];
  req.headers['x-real-ip'] = address;
}

function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}

// --- The web client ------------------------------------------------------------------------------

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

interface EventLoopDelay {
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
