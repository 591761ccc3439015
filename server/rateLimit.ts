// Throttles: a token bucket per client connection, failure counters per IP (wrong join codes and
// keys, sessions opened) or per instructor, shared by a cluster's processes through Redis, and the
// chat flood rule (bursts and near-duplicate texts). Each answers "may this go through?" so the
// caller replies with an error instead of dropping the connection.
import { distance } from 'fastest-levenshtein';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { connectRedis } from './redis';

/** Per connection: a burst of 20 messages, then 5 per second. */
export const CONNECTION_BUCKET = { capacity: 20, perSecond: 5 } as const;

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Where failure counts live: this process's memory, or with REDIS_URL the cluster's Redis, so
 * all processes count one budget per key (a guesser gains nothing from being spread over the
 * processes behind nginx; docs/scaling.md). While Redis cannot be reached, each process counts in
 * its own memory (rate-limiter-flexible's insurance limiter) rather than refusing everyone.
 */
export class FailureCounters {
  private readonly redis: Redis | undefined;

  constructor(redisUrl: string | undefined) {
    // No offline queue: while Redis is down a count fails at once (and goes to memory) instead of
    // holding the request until Redis is back.
    if (redisUrl !== undefined) this.redis = connectRedis(redisUrl, 'limits', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  }

  /** A budget of `max` failures per key in each `windowMs`, named so processes share it. */
  limiter(name: string, max: number, windowMs: number): FailureLimiter {
    // A key lives through its window (whole seconds: the stores count in seconds).
    const options = { keyPrefix: `spacebridge:failures:${name}`, points: max, duration: Math.ceil(windowMs / 1000) };
    const memory = new RateLimiterMemory(options);
    const counts = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
    return new FailureLimiter(counts, max, windowMs);
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

/**
 * Counts failed attempts per key (an IP, an instructor) and blocks the key once `max` fall in one
 * window. Windows are fixed spans of `windowMs` on the server's clock (the injected one: tests
 * move it), the same spans on every process.
 */
export class FailureLimiter {
  constructor(
    private readonly counts: RateLimiterAbstract,
    readonly max: number,
    private readonly windowMs: number,
  ) {}

  async blocked(key: string, now: number): Promise<boolean> {
    const counted = await this.counts.get(this.windowKey(key, now));
    return (counted?.consumedPoints ?? 0) >= this.max;
  }

  /** Counts one failure; answers how many the key has in this window, this one included. */
  async fail(key: string, now: number): Promise<number> {
    const counted = await this.counts.penalty(this.windowKey(key, now));
    return counted.consumedPoints;
  }

  private windowKey(key: string, now: number): string {
    return `${key}:${Math.floor(now / this.windowMs)}`;
  }
}

export const CHAT_FLOOD = {
  /** At most this many chat messages… */
  burst: 6,
  /** …in this window. */
  windowMs: 10_000,
  /** A text this close to one of the sender's recent texts is a duplicate. */
  duplicateWindowMs: 30_000,
  duplicateSimilarity: 0.85,
} as const;

export type FloodVerdict = { ok: true } | { ok: false; code: 'chat-flood' | 'duplicate-message' };

/** The chat flood rule for one sender (a player, whatever connection they use). */
class ChatFloodGuard {
  private recent: { at: number; text: string }[] = [];

  check(text: string, now: number): FloodVerdict {
    this.recent = this.recent.filter((m) => now - m.at < CHAT_FLOOD.duplicateWindowMs);
    const inBurst = this.recent.filter((m) => now - m.at < CHAT_FLOOD.windowMs).length;
    if (inBurst >= CHAT_FLOOD.burst) {
      return { ok: false, code: 'chat-flood' };
    }
    const normalised = normalise(text);
    if (this.recent.some((m) => similarity(m.text, normalised) >= CHAT_FLOOD.duplicateSimilarity)) {
      return { ok: false, code: 'duplicate-message' };
    }
    this.recent.push({ at: now, text: normalised });
    return { ok: true };
  }
}

/** The chat flood rule for every sender of one session, by principal (so a second tab or a
 *  reconnect does not start a fresh allowance). */
export class ChatFloodGuards {
  private guards = new Map<string, ChatFloodGuard>();

  check(principal: string, text: string, now: number): FloodVerdict {
    let guard = this.guards.get(principal);
    if (!guard) this.guards.set(principal, (guard = new ChatFloodGuard()));
    return guard.check(text, now);
  }
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}
