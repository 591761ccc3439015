// Test helpers: load shipped scenarios, drive a game with short calls, and deep-freeze states.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { applyAction, createGame, errorSummary, type Action, type Actor, type ErrorParams, type GameState, type Roster } from '@shared/engine';
import { loadScenario, type Scenario } from '@shared/scenario';

const cache = new Map<string, Scenario>();

export function shipped(name: string): Scenario {
  let scenario = cache.get(name);
  if (scenario) return scenario;
  const file = fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url));
  const result = loadScenario(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`);
  scenario = result.scenario;
  cache.set(name, scenario);
  return scenario;
}

export const facilitator: Actor = { kind: 'facilitator' };
export const system: Actor = { kind: 'system' };
export const seat = (role: string, seatId = 'head'): Actor => ({ kind: 'seat', role, seat: seatId });

/** Every seat of every role occupied by a named student. */
export function fullRoster(scenario: Scenario): Roster {
  return {
    seats: scenario.roles.flatMap((r) => r.seats.map((s) => ({ role: r.id, seat: s.id, occupant: { kind: 'human' as const, name: `${r.id} ${s.id}` } }))),
  };
}

/** The heads of delegation seated, everyone else empty. */
export function headsRoster(scenario: Scenario): Roster {
  return { seats: scenario.roles.map((r) => ({ role: r.id, seat: r.seats[0].id, occupant: { kind: 'human' as const, name: `${r.name} head` } })) };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A game driven in a test: `do` must succeed, `fails` must be rejected with a code. */
export class Table {
  state: GameState;
  now = 1_000_000;
  log: { action: Action; actor: Actor; now: number }[] = [];

  constructor(
    readonly scenario: Scenario,
    options: { seed?: number; roster?: Roster } = {},
  ) {
    this.state = createGame(scenario, { seed: options.seed ?? 1, roster: options.roster ?? headsRoster(scenario) });
  }

  do(actor: Actor, action: Action): GameState {
    // Every state a story builds is frozen: a reducer that wrote into its input would throw.
    const result = applyAction(deepFreeze(this.state), action, actor, this.now, this.scenario);
    if (!result.ok) throw new Error(`${action.type} rejected: ${errorSummary(result.error)}`);
    this.log.push({ action, actor, now: this.now });
    this.state = result.state;
    this.now += 1000;
    return this.state;
  }

  /** Expects the action refused with `code`, changing nothing; returns the refusal's details. */
  fails(actor: Actor, action: Action, code: string): ErrorParams {
    const before = deepFreeze(this.state);
    const result = applyAction(before, action, actor, this.now, this.scenario);
    expect(result.ok, `${action.type} should be rejected`).toBe(false);
    if (result.ok) return {};
    expect(result.error.code).toBe(code);
    expect(this.state).toBe(before);
    return result.error.params ?? {};
  }

  start(): this {
    this.do(facilitator, { type: 'startGame' });
    return this;
  }

  /** Skips phases until the named phase of the given round is current. */
  goTo(round: number, phaseId: string): this {
    const phases = this.scenario.rounds.phases;
    for (let guard = 0; guard < 200; guard++) {
      if (this.state.status === 'ended') throw new Error('the game ended before reaching the phase');
      if (this.state.round === round && phases[this.state.phaseIndex].id === phaseId) return this;
      this.do(facilitator, { type: 'advancePhase', round: this.state.round, phase: this.state.phaseIndex });
    }
    throw new Error(`never reached round ${round} ${phaseId}`);
  }

  get phase(): string {
    return this.scenario.rounds.phases[this.state.phaseIndex].id;
  }

  /** The id of the most recently created deal. */
  get lastDeal(): string {
    return `d${this.state.nextDealNumber - 1}`;
  }
}

/** The docking memorandum's terms most tests use. */
export const memoTerms = { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' };

/** NASA and the Academy sign the docking memorandum in this round's track II (raising the
 *  Academy's trust in NASA, which its caution about a binding accord waits for). */
export function signDockingMemorandum(t: Table, terms: Record<string, string> = memoTerms, supersedes?: string): string {
  t.goTo(t.state.round, 'track-ii');
  t.do(seat('nasa'), { type: 'draftDeal', dealType: 'docking-memorandum', parties: ['nasa', 'soviet-academy'], terms, ...(supersedes ? { supersedes } : {}) });
  const memo = t.lastDeal;
  t.do(seat('nasa'), { type: 'proposeDeal', deal: memo });
  t.do(seat('soviet-academy'), { type: 'acceptDeal', deal: memo });
  t.do(seat('nasa'), { type: 'signDeal', deal: memo });
  t.do(seat('soviet-academy'), { type: 'signDeal', deal: memo });
  return memo;
}
