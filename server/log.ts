// The server's log (pino): one line per event, with the request id (HTTP) or the session id
// (rooms, sessions) it belongs to. Readable in a terminal, JSON lines for a log collector:
//   LOG_FORMAT  pretty | json   (default: pretty when stdout is a terminal, json otherwise)
//   LOG_LEVEL   fatal | error | warn | info | debug | trace | silent
//               (default: info; error under a test runner, NODE_ENV=test, so test output stays readable)
// Documented in docs/operations.md ("Logs").
import { format } from 'node:util';
import pino, { type Logger } from 'pino';

export type { Logger };

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A logger configured from `env` (read once, at start). */
async function createLogger(env: NodeJS.ProcessEnv = process.env, terminal = process.stdout.isTTY === true): Promise<Logger> {
  const level = env.LOG_LEVEL?.trim() || (env.NODE_ENV === 'test' ? 'error' : 'info');
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const style = env.LOG_FORMAT?.trim() || (terminal ? 'pretty' : 'json');
  if (style === 'json') return pino({ level, timestamp: pino.stdTimeFunctions.isoTime });
  if (style !== 'pretty') throw new Error(`LOG_FORMAT must be "pretty" or "json", got "${env.LOG_FORMAT}"`);
  // Loaded only when used: it is most of the logger's start-up time.
  const { default: pretty } = await import('pino-pretty');
  // Synchronous, so the last lines before an exit are not lost.
  return pino({ level }, pretty({ translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true, sync: true }));
}

export const log = await createLogger();

/** For what a command prints as its answer (the start-up banner): shown at `info` even when
 *  LOG_LEVEL asks only for warnings or errors; LOG_LEVEL=silent hides it too. */
export function bannerLog(): Logger {
  return log.isLevelEnabled('info') || log.level === 'silent' ? log : log.child({}, { level: 'info' });
}

/** The log of one session: every line carries its id. */
export function sessionLog(sessionId: string): Logger {
  return log.child({ sessionId });
}

/** Colyseus' own messages (console-style arguments) as lines of this log. */
export const colyseusLog = (() => {
  const child = log.child({ component: 'colyseus' });
  return {
    trace: (...args: unknown[]) => child.trace(format(...args)),
    debug: (...args: unknown[]) => child.debug(format(...args)),
    info: (...args: unknown[]) => child.info(format(...args)),
    warn: (...args: unknown[]) => child.warn(format(...args)),
    error: (...args: unknown[]) => child.error(format(...args)),
  };
})();
