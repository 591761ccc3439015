// A clock the test turns by hand (the server's `Clock`): time stands still until `advance` or
// `fireNext`, and timers fire then, in order, synchronously. A test that lets time pass says by
// how much; one that checks nothing happened advances past the moment it would have.
import type { Clock, Timer } from '@server/clock';

interface Pending {
  at: number;
  order: number;
  handler: () => void;
  active: boolean;
}

export class ManualClock implements Clock {
  private current: number;
  private timers: Pending[] = [];
  private created = 0;

  /** Starts at `start` (now by default: stamps near real time, for the parts that read Date.now). */
  constructor(start = Date.now()) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(handler: () => void, ms: number): Timer {
    const timer: Pending = { at: this.current + Math.max(0, ms), order: this.created++, handler, active: true };
    this.timers.push(timer);
    return { clear: () => void (timer.active = false) };
  }

  /** Timers set and not yet fired or cleared. */
  get pending(): number {
    return this.timers.filter((t) => t.active).length;
  }

  /** Moves to the earliest pending timer and fires it; false when none is left. */
  fireNext(): boolean {
    this.timers = this.timers.filter((t) => t.active);
    const next = this.timers.reduce<Pending | null>((a, t) => (!a || t.at < a.at || (t.at === a.at && t.order < a.order) ? t : a), null);
    if (!next) return false;
    next.active = false;
    this.current = Math.max(this.current, next.at);
    next.handler();
    return true;
  }

  /** Lets `ms` pass: every timer due by then fires in order (including timers set meanwhile). */
  advance(ms: number): void {
    const until = this.current + ms;
    while (this.timers.some((t) => t.active && t.at <= until)) this.fireNext();
    this.current = until;
  }

  /** Fires timers one by one until `done()` holds; fails if it does not within `maxMs` of clock time. */
  runUntil(done: () => boolean, maxMs: number): void {
    const until = this.current + maxMs;
    while (!done()) {
      const next = this.timers.filter((t) => t.active).reduce((a, t) => Math.min(a, t.at), Infinity);
      if (next > until) throw new Error(`not done after ${maxMs} ms of clock time (${this.pending} timers pending)`);
      this.fireNext();
    }
  }
}
