// The phase clock: a timer for the current phase's deadline, which submits `deadlineReached` when
// it is due. Deadlines are absolute times in the game state, so they survive a restart; one that
// passed while the server was down pauses the game instead (`pauseForRecovery`), for the
// facilitator to resume, rather than resolving a phase behind everyone's back.
import { errorSummary, type Action, type GameState } from '@shared/engine';
import type { ActionResult } from '@shared/protocol/serverMessages';
import type { Clock, Timer } from '../clock';
import { sessionLog } from '../log';
import type { GameSession } from '../session';

/** A timer cannot wait longer than this (setTimeout's limit); a later deadline is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class PhaseClock {
  private timer: Timer | null = null;
  /** The deadline the timer is set for (round, phase and time), to leave it alone when that holds. */
  private armedFor: string | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly session: GameSession,
    private readonly clock: Clock,
    /** Submits a system action (and tells everyone once it is on disk). */
    private readonly submit: (action: Action) => ActionResult,
  ) {}

  /** At the room's start: pauses a game whose deadline passed while the server was down, or arms
   *  the timer; then follows every change of the state. */
  start(): void {
    const state = this.session.state;
    if (state.status === 'running' && state.clock.deadline !== null && state.clock.deadline < this.clock.now()) {
      this.submitSystem({ type: 'pauseForRecovery' });
    }
    this.unsubscribe = this.session.subscribe((next) => this.arm(next));
    this.arm(this.session.state);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.timer?.clear();
    this.timer = null;
  }

  /** Sets the timer for `state`'s deadline, if the game is running and it is not set already. */
  private arm(state: GameState): void {
    const deadline = state.clock.deadline;
    const running = state.status === 'running' && deadline !== null;
    const key = running ? `${state.round}/${state.phaseIndex}@${deadline}` : null;
    if (this.timer && key === this.armedFor) return;
    this.timer?.clear();
    this.timer = null;
    this.armedFor = key;
    if (!running) return;
    const wait = Math.max(0, Math.min(deadline - this.clock.now(), MAX_TIMER_MS));
    this.timer = this.clock.setTimeout(() => this.onDeadline(state.round, state.phaseIndex, deadline), wait);
  }

  private onDeadline(round: number, phase: number, deadline: number): void {
    this.timer = null;
    if (this.clock.now() < deadline) return this.arm(this.session.state);
    // A stale tick (the phase already moved on) is rejected by the engine; it is not re-armed
    // until the state changes, so a rejected or quarantined tick can never spin.
    this.submitSystem({ type: 'deadlineReached', round, phase });
  }

  private submitSystem(action: Action): void {
    const result = this.submit(action);
    if (!result.ok) sessionLog(this.session.id).warn({ action: action.type, code: result.error.code }, `system action not applied: ${errorSummary(result.error)}`);
  }
}
