// What the HTTP API and the session rooms of one server process share.
import type { Clock } from './clock';
import type { ServerConfig } from './config';
import type { FailureCounters, FailureLimiter } from './rateLimit';
import type { ScenarioCatalog } from './scenarios';
import type { Leases } from './lease';
import type { GameSession } from './session';
import type { Store } from './store/store';

export interface Services {
  config: ServerConfig;
  /** The time on actions, phase deadlines and bot turns (a hand-turned clock in tests). */
  clock: Clock;
  store: Store;
  catalog: ScenarioCatalog;
  /** Sessions hosted by this process, by id (each has a room with roomId = session id). */
  sessions: Map<string, GameSession>;
  /** Failed join-code and key attempts per IP. */
  /** Where failure budgets are counted (Redis in a cluster): http.ts and the studio make theirs here. */
  failureCounters: FailureCounters;
  joinFailures: FailureLimiter;
  /** One room per session across the processes (server/lease.ts). */
  leases: Leases;
}

/** Failed join attempts allowed per IP per window, before every attempt is refused. */
export const JOIN_FAILURES = { max: 10, windowMs: 5 * 60_000 } as const;
