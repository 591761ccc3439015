// Server settings, read from the environment once. Documented in docs/operations.md.
import { isIP } from 'node:net';
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  scenarioDir: string;
  /** Facilitator guides, one Markdown file per scenario id (served to the facilitator only). */
  guideDir: string;
  clientDir: string;
  /** Other sites whose pages may call the API and open WebSockets (the server's own origin always may). */
  allowedOrigins: string[];
  /** Seconds a dropped client keeps its connection slot before it must rejoin by seat token. */
  reconnectSeconds: number;
  /** Seconds a session's room stays open with nobody in it; then it closes (the session stays in the store). */
  idleRoomSeconds: number;
  /** Which reverse proxies in front may tell the client address in X-Forwarded-For. */
  trustProxy: TrustProxy;
  /** Milliseconds a bot takes over a turn (give or take a quarter), so it plays at human pace. */
  botPaceMs: number;
  /** Redis shared by the processes of a cluster (Colyseus presence and driver, rate limits); unset: one process. */
  redisUrl?: string;
  /** Where clients reach THIS process's WebSockets, `host:port/path` without a scheme (e.g.
   *  `game.example.edu/s1` behind nginx); unset: the address the client used for matchmaking. */
  publicAddress?: string;
  /** PostgreSQL as the store (postgres://…); unset: the SQLite file in dataDir. */
  databaseUrl?: string;
}

const ROOT = path.resolve(import.meta.dirname, '..');

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 2567 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const reconnectSeconds = env.RECONNECT_SECONDS ? Number(env.RECONNECT_SECONDS) : 120;
  if (!(reconnectSeconds > 0)) throw new Error(`RECONNECT_SECONDS must be a positive number, got "${env.RECONNECT_SECONDS}"`);
  const idleRoomSeconds = env.IDLE_ROOM_SECONDS ? Number(env.IDLE_ROOM_SECONDS) : 300;
  if (!(idleRoomSeconds > 0) || !Number.isFinite(idleRoomSeconds)) throw new Error(`IDLE_ROOM_SECONDS must be a positive number, got "${env.IDLE_ROOM_SECONDS}"`);
  const botPaceMs = env.BOT_PACE_MS ? Number(env.BOT_PACE_MS) : 4000;
  if (!(botPaceMs >= 0) || !Number.isFinite(botPaceMs)) throw new Error(`BOT_PACE_MS must be a number of milliseconds, got "${env.BOT_PACE_MS}"`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    scenarioDir: path.resolve(env.SCENARIO_DIR || path.join(ROOT, 'scenarios')),
    guideDir: path.resolve(env.GUIDE_DIR || path.join(ROOT, 'docs', 'guides')),
    clientDir: path.resolve(env.CLIENT_DIR || path.join(ROOT, 'client', 'dist')),
    allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS),
    reconnectSeconds,
    idleRoomSeconds,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    botPaceMs,
    redisUrl: parseRedisUrl(env.REDIS_URL),
    publicAddress: parsePublicAddress(env.PUBLIC_ADDRESS),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
  };
}

export const PROJECT_ROOT = ROOT;

/**
 * The proxies whose X-Forwarded-For is believed (docs/operations.md). Either a number of hops
 * (`1`: the one proxy in front; its last entry is the client) or the proxies' addresses (then
 * the header counts only on connections from them, and entries they added are skipped). Off
 * (`{ hops: 0, proxies: [] }`) by default: the socket's address is the client's.
 */
export interface TrustProxy {
  hops: number;
  proxies: string[];
}

/** ALLOWED_ORIGINS: comma-separated origins (scheme, host, port), as browsers send them. */
function parseOrigins(value = ''): string[] {
  return value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new Error(`ALLOWED_ORIGINS must list origins such as https://game.example.edu, got "${o}"`);
      }
    });
}

function parseRedisUrl(value = ''): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'redis:' && url?.protocol !== 'rediss:') throw new Error(`REDIS_URL must be a URL such as redis://127.0.0.1:6379, got "${value}"`);
  return text;
}

/** PUBLIC_ADDRESS: what the SDK puts between `ws(s)://` and `/<processId>/<roomId>`. */
function parsePublicAddress(value = ''): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  if (!/^[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~-]+)*$/.test(text) && !/^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?(\/[A-Za-z0-9._~-]+)*$/.test(text)) {
    throw new Error(`PUBLIC_ADDRESS must be host[:port][/path] without a scheme or a trailing slash, e.g. game.example.edu/s1, got "${value}"`);
  }
  return text;
}

function parseTrustProxy(value = ''): TrustProxy {
  const text = value.trim();
  if (text === '' || text === '0' || text === 'false') return { hops: 0, proxies: [] };
  if (/^[0-9]+$/.test(text)) return { hops: Number(text), proxies: [] };
  const proxies = text.split(',').map((a) => a.trim()).filter(Boolean);
  const bad = proxies.find((a) => isIP(a) === 0);
  if (bad !== undefined) {
    throw new Error(
      `TRUST_PROXY must be a number of proxies in front (1) or their IP addresses (127.0.0.1,::1), got "${value}"` +
        (text === 'true' ? ': "true" would believe an address any client can write' : ''),
    );
  }
  return { hops: 0, proxies };
}
