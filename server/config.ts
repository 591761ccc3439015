// Server settings, read from the environment once. Documented in docs/operations.md.
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  scenarioDir: string;
  clientDir: string;
  /** Extra browser origins allowed to open WebSockets (same-origin and localhost always are). */
  allowedOrigins: string[];
  /** Seconds a dropped client keeps its connection slot before it must rejoin by seat token. */
  reconnectSeconds: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for rate limits). */
  trustProxy: boolean;
  /** Milliseconds a bot takes over a turn (give or take a quarter), so it plays at human pace. */
  botPaceMs: number;
}

const ROOT = path.resolve(import.meta.dirname, '..');

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 2567 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const reconnectSeconds = env.RECONNECT_SECONDS ? Number(env.RECONNECT_SECONDS) : 120;
  if (!(reconnectSeconds > 0)) throw new Error(`RECONNECT_SECONDS must be a positive number, got "${env.RECONNECT_SECONDS}"`);
  const botPaceMs = env.BOT_PACE_MS ? Number(env.BOT_PACE_MS) : 4000;
  if (!(botPaceMs >= 0) || !Number.isFinite(botPaceMs)) throw new Error(`BOT_PACE_MS must be a number of milliseconds, got "${env.BOT_PACE_MS}"`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    scenarioDir: path.resolve(env.SCENARIO_DIR || path.join(ROOT, 'scenarios')),
    clientDir: path.resolve(env.CLIENT_DIR || path.join(ROOT, 'client', 'dist')),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    reconnectSeconds,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    botPaceMs,
  };
}

export const PROJECT_ROOT = ROOT;
