// The server's clock: the time it stamps on actions and the timers of the phase clock and the
// bots. Injected through Services, so tests run on a clock they turn by hand instead of sleeping.

export interface Timer {
  clear(): void;
}

export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
  /** Runs `handler` once, `ms` from now (as setTimeout); `clear()` cancels it. */
  setTimeout(handler: () => void, ms: number): Timer;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(handler, ms) {
    const timer = setTimeout(handler, ms);
    return { clear: () => clearTimeout(timer) };
  },
};
