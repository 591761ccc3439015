// Throttles: a token bucket per client connection, a failure counter per IP for join attempts,
// and the chat flood rule (bursts and near-duplicate texts). Each answers "may this go through?"
// so the caller replies with an error instead of dropping the connection.
import { distance } from 'fastest-levenshtein';

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

/** Counts failed attempts per key (an IP) in a sliding window; blocks the key past `max`. */
export class FailureLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  blocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.max;
  }

  fail(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
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
