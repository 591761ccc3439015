// The game's clockwork: phases start and end, rounds turn over, events fire, the deck is drawn,
// constraints switch on and off, and the game ends (last round, facilitator, or collapse).
import type { ScenarioEvent } from '../scenario/schema';
import { holds, isInForce } from './conditions';
import { applyEffects } from './effects';
import { buildRelationships } from './relationships';
import { nextRandom } from './rng';
import type { GameState } from './types';
import { addTimeline, type Work } from './work';

const MINUTE_MS = 60_000;

export function fireEvent(w: Work, event: ScenarioEvent): void {
  const { s } = w;
  s.firedEvents = [...s.firedEvents, event.id];
  if (s.deck.includes(event.id)) s.deck = s.deck.filter((id) => id !== event.id);
  addTimeline(w, { code: 'eventFired', params: { event: event.id, title: event.title, text: event.text } });
  applyEffects(w, event.effects, {});
}

/** Whether the current round is within an event's round window (no window: every round). */
function inWindow(event: ScenarioEvent, round: number): boolean {
  return (event.rounds?.from ?? 1) <= round && round <= (event.rounds?.to ?? Infinity);
}

/** Draws `drawsPerRound` cards by weight, without replacement, with the state's PRNG, among the
 *  cards that are eligible now: within their round window, and their `when` (if any) holds. */
function drawDeck(w: Work): void {
  const { scenario, s } = w;
  const deck = scenario.deck;
  if (!deck) return;
  for (let draw = 0; draw < deck.drawsPerRound; draw++) {
    const cards = s.deck
      .map((id) => w.ix.events.get(id)!)
      .filter((e) => inWindow(e, s.round) && (!e.when || holds(e.when, scenario, s)));
    if (cards.length === 0) return;
    const total = cards.reduce((sum, e) => sum + (e.deck ?? 0), 0);
    const [r, rng] = nextRandom(w.s.rng);
    w.s.rng = rng;
    let pick = r * total;
    let card = cards[cards.length - 1];
    for (const e of cards) {
      pick -= e.deck ?? 0;
      if (pick < 0) {
        card = e;
        break;
      }
    }
    fireEvent(w, card);
  }
}

/** Starts the current phase: clock, ready flags, timeline, scheduled events, deck. */
export function enterPhase(w: Work): void {
  const { s, ix, scenario } = w;
  const phase = ix.phases[s.phaseIndex];
  const durationMs = phase.minutes * MINUTE_MS;
  s.clock =
    s.status === 'paused'
      ? { phaseStartedAt: w.now, deadline: null, remainingMs: durationMs }
      : { phaseStartedAt: w.now, deadline: w.now + durationMs, remainingMs: null };
  if (Object.values(s.seats).some((seat) => seat.ready)) {
    const seats: GameState['seats'] = {};
    for (const key in s.seats) {
      const seat = s.seats[key];
      seats[key] = seat.ready ? { role: seat.role, seat: seat.seat, occupant: seat.occupant, ready: false } : seat;
    }
    s.seats = seats;
  }
  addTimeline(w, { code: 'phaseBegins', params: { round: s.round, phase: phase.id } });
  for (const event of scenario.events)
    if (event.at && event.at.round === s.round && event.at.phase === phase.id && !s.firedEvents.includes(event.id)) fireEvent(w, event);
  if (scenario.deck?.phase === phase.id) drawDeck(w);
}

/** Ends the current phase (deadline, skip, or everyone ready) and starts the next, turning the
 *  round over after its last phase: `eachRound` effects of deals in force, then history. */
export function endPhase(w: Work): void {
  const { s, ix, scenario } = w;
  if (s.phaseIndex < ix.phases.length - 1) {
    s.phaseIndex += 1;
    enterPhase(w);
    return;
  }
  for (const deal of Object.values(s.deals)) {
    const type = ix.dealTypes.get(deal.dealType);
    if (type && isInForce(deal) && type.eachRound.length > 0) applyEffects(w, type.eachRound, { parties: deal.parties });
  }
  // The world's own drift (rounds.eachRound), each read against the state as it is by then.
  for (const drift of scenario.rounds.eachRound) if (!drift.when || holds(drift.when, scenario, s)) applyEffects(w, drift.effects, {});
  buildRelationships(w);
  settle(w);
  recordHistory(w);
  if (s.status === 'ended') return;
  if (s.round >= scenario.rounds.count) {
    finishGame(w, 'completed');
    return;
  }
  s.round += 1;
  s.phaseIndex = 0;
  enterPhase(w);
}

function recordHistory(w: Work): void {
  const { s } = w;
  const last = s.history[s.history.length - 1];
  if (last && last.round === s.round) return;
  s.history = [...s.history, { round: s.round, tracks: s.tracks, trust: s.trust }];
}

export function finishGame(w: Work, reason: 'completed' | 'ended-by-facilitator' | 'collapse'): void {
  const { s } = w;
  recordHistory(w);
  s.status = 'ended';
  s.clock = { phaseStartedAt: s.clock.phaseStartedAt, deadline: null, remainingMs: null };
  s.outcome = { reason, at: w.now };
  if (reason === 'collapse') {
    const collapse = w.scenario.scoring.collapse!;
    addTimeline(w, { code: 'commonsCollapsed', params: { title: collapse.title, text: collapse.text } });
  }
  addTimeline(w, { code: 'gameOver', params: { reason } });
}

/** Recomputes which constraints are active (flag or condition) and puts changes on the timeline. */
function refreshConstraints(w: Work): void {
  const { s, scenario } = w;
  const active: string[] = [];
  for (const c of scenario.constraints)
    if (s.constraintFlags[c.id] || (c.activeWhen && holds(c.activeWhen, scenario, s))) active.push(c.id);
  const before = s.activeConstraints;
  if (active.length === before.length && active.every((id, i) => id === before[i])) return;
  s.activeConstraints = active;
  for (const c of scenario.constraints) {
    const was = before.includes(c.id);
    const is = active.includes(c.id);
    if (was !== is) addTimeline(w, { code: is ? 'constraintInForce' : 'constraintLifted', params: { constraint: c.id } });
  }
}

/** After every change: constraints, then conditional events (each once, in scenario order, until
 *  none holds), and the commons collapse, which ends the game at once. */
export function settle(w: Work): void {
  const { s, scenario, ix } = w;
  const collapse = scenario.scoring.collapse;
  // Each pass fires one event, so this ends after at most one pass per event.
  for (;;) {
    refreshConstraints(w);
    if (s.status === 'lobby' || s.status === 'ended') return;
    if (collapse && holds(collapse.when, scenario, s)) {
      finishGame(w, 'collapse');
      return;
    }
    const next = ix.conditionalEvents.find((e) => !s.firedEvents.includes(e.id) && inWindow(e, s.round) && holds(e.when!, scenario, s));
    if (!next) return;
    fireEvent(w, next);
  }
}
