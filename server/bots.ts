// The bot driver: plays every bot seat of one live session at human pace. A bot sees only its
// seat's view (what a student there would see) and acts through the room's `submitAsSeat`, the
// same pipeline as a human's action (engine -> log -> views). Bots live in the engine state
// (`assignSeat` with a bot occupant), so a restored session picks them up again. In a delegation
// with a student, its bot only advises in the team channel (shared/bots/advice.ts).
import { decideBotActions, seedBotRng, type Personality } from '@shared/bots';
import { adviseDelegation, adviserMay, botMode, type BotMode } from '@shared/bots/advice';
import { errorSummary, nextRandom, publicScenario, type Action, type GameState, type PublicScenario, type RngState } from '@shared/engine';
import type { SeatRef } from '@shared/protocol/actions';
import type { ActionResult } from '@shared/protocol/serverMessages';
import type { Scenario } from '@shared/scenario/schema';
import type { Clock, Timer } from './clock';
import { sessionLog, type Logger } from './log';
import type { GameSession } from './session';

/** A bot may take this many turns in one phase; past it, it has surely nothing useful left. */
const MAX_TURNS_PER_PHASE = 30;
/** Actions submitted from one decision at most. */
const MAX_ACTIONS_PER_TURN = 8;
/** Rejections that end a turn early, and that (summed over a phase) bench the bot for the phase. */
const MAX_REJECTIONS_PER_TURN = 2;
export const MAX_REJECTIONS_PER_PHASE = 6;
/** A turn comes after the pace, give or take this share (so bots do not move in lockstep). */
const JITTER = 0.25;

/** What the driver needs of the room: its session and the bot's way in. */
export interface BotHost {
  readonly session: GameSession;
  submitAsSeat(seat: SeatRef, action: Action, clientId?: string | null): ActionResult;
}

export interface BotSeat extends SeatRef {
  personality: Personality;
  /** It plays a delegation without students, or advises the students of its own. */
  mode: BotMode;
}

interface PhaseTally {
  phase: string;
  turns: number;
  rejected: number;
}

export class BotDriver {
  private readonly scenario: PublicScenario;
  private readonly timers = new Map<string, Timer>();
  private readonly tallies = new Map<string, PhaseTally>();
  private readonly log: Logger;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: BotHost,
    /** The server's clock (services.clock): its timers pace the turns; stop() clears them. */
    private readonly clock: Clock,
    private readonly paceMs: number,
  ) {
    this.scenario = publicScenario(host.session.scenario);
    this.log = sessionLog(host.session.id);
  }

  /** Starts listening to the session and schedules the bots already seated (e.g. after a restart). */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.host.session.subscribe(() => this.schedule());
    this.schedule();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const timer of this.timers.values()) timer.clear();
    this.timers.clear();
  }

  /**
   * After every accepted action: each acting bot without a pending turn gets one, after the pace.
   * A pending turn is not pushed back, so a busy table cannot starve a bot. Bots of seats that
   * were freed, and every bot of a game that is paused or over, lose their turn.
   */
  private schedule(): void {
    const state = this.host.session.state;
    const acting = new Map(actingBots(state, this.host.session.scenario).map((bot) => [seatId(bot), bot]));
    for (const [key, timer] of this.timers) {
      if (acting.has(key)) continue;
      timer.clear();
      this.timers.delete(key);
    }
    for (const [key, bot] of acting) {
      if (this.timers.has(key)) continue;
      this.timers.set(key, this.clock.setTimeout(() => this.safely(bot), this.delayFor(key, state)));
    }
  }

  private delayFor(key: string, state: GameState): number {
    const [r] = nextRandom(botRng(state.seed, key, state.seq));
    return Math.round(this.paceMs * (1 - JITTER + 2 * JITTER * r));
  }

  /** A failing bot must not take the room down: it sits out the phase, the humans play on. */
  private safely(bot: BotSeat): void {
    try {
      this.takeTurn(bot);
    } catch (error) {
      const key = seatId(bot);
      const state = this.host.session.state;
      this.tallies.set(key, { phase: `${state.round}/${state.phaseIndex}`, turns: MAX_TURNS_PER_PHASE, rejected: 0 });
      this.log.error({ bot: key, err: error }, 'a bot failed; it sits out this phase');
    }
  }

  private takeTurn(bot: BotSeat): void {
    const key = seatId(bot);
    this.timers.delete(key);
    const session = this.host.session;
    const state = session.state;
    // The seat may have changed hands, or the game stopped, since the turn was scheduled.
    if (!actingBots(state, session.scenario).some((b) => seatId(b) === key && b.personality === bot.personality && b.mode === bot.mode)) return;

    const phase = `${state.round}/${state.phaseIndex}`;
    let tally = this.tallies.get(key);
    if (!tally || tally.phase !== phase) this.tallies.set(key, (tally = { phase, turns: 0, rejected: 0 }));
    if (tally.turns >= MAX_TURNS_PER_PHASE || tally.rejected >= MAX_REJECTIONS_PER_PHASE) return;
    tally.turns++;

    const view = session.view({ kind: 'seat', role: bot.role, seat: bot.seat });
    const actions =
      bot.mode === 'play'
        ? decideBotActions(view, this.scenario, { personality: bot.personality, rngState: botRng(state.seed, key, view.seq) }).actions
        : adviseDelegation(view, this.scenario, bot.personality).filter((action) => adviserMay(action, bot.role));
    let rejectedThisTurn = 0;
    for (const [i, action] of actions.slice(0, MAX_ACTIONS_PER_TURN).entries()) {
      const now = session.state;
      if (now.status !== 'running' || `${now.round}/${now.phaseIndex}` !== phase) break;
      // Named by the state it was decided on: a replayed decision (after a restart) is answered
      // from the stored results, never applied twice.
      const result = this.host.submitAsSeat(bot, action, `bot-${view.seq}-${i}`);
      if (result.ok) continue;
      tally.rejected++;
      rejectedThisTurn++;
      this.log.warn({ bot: key, action: action.type, code: result.error.code }, `bot move refused: ${errorSummary(result.error)}`);
      if (rejectedThisTurn >= MAX_REJECTIONS_PER_TURN) break;
    }
  }
}

/**
 * The bots that act now: none unless the game is running; else one per role, in the role's bot
 * seat with the most powers (the first such seat on a tie), since the bot plays the whole role,
 * or, in a delegation with a student, advises it.
 */
export function actingBots(state: GameState, scenario: Scenario): BotSeat[] {
  if (state.status !== 'running') return [];
  const powersOf = new Map(scenario.roles.flatMap((r) => r.seats.map((s) => [seatId({ role: r.id, seat: s.id }), s.powers.length])));
  const best = new Map<string, { bot: BotSeat; powers: number }>();
  for (const seat of Object.values(state.seats)) {
    if (seat.occupant?.kind !== 'bot') continue;
    const powers = powersOf.get(seatId(seat)) ?? 0;
    const current = best.get(seat.role);
    if (current && current.powers >= powers) continue;
    const mode = botMode(Object.values(state.seats), seat.role);
    best.set(seat.role, { bot: { role: seat.role, seat: seat.seat, personality: seat.occupant.personality, mode }, powers });
  }
  return [...best.values()].map((b) => b.bot);
}

/** A bot's PRNG for one decision: from the session seed, its seat and the state it decides on,
 *  so a bot is deterministic for a seed and needs no memory that a restart could lose. */
function botRng(seed: number, seatKey: string, seq: number): RngState {
  let hash = 0x811c9dc5;
  for (const ch of `${seed}|${seatKey}|${seq}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return seedBotRng(hash | 0);
}

function seatId(seat: SeatRef): string {
  return `${seat.role}/${seat.seat}`;
}
