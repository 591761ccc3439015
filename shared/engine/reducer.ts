// applyAction: the one entry point that changes a game. Checks who acts and whether the move is
// legal now, then applies it to a copy-on-write working state. A rejection is a value and changes
// nothing; the input state is never mutated.
import {
  FACILITATOR_ACTION_TYPES,
  PLAYER_ACTION_TYPES,
  SYSTEM_ACTION_TYPES,
  type FacilitatorAction,
  type PlayerAction,
  type SystemAction,
} from '../protocol/actions';
import { isReservedName } from '../protocol/names';
import type { Scenario } from '../scenario/schema';
import { groupTrack } from './channels';
import * as deals from './deals';
import { applyEffects } from './effects';
import { endPhase, enterPhase, finishGame, fireEvent, settle } from './flow';
import { checkMove, groupMembers, situationInGame, type Refused } from './moves';
import { awaitingReady } from './ready';
import { indexScenario, seatKey } from './scenarioIndex';
import type { Action, Actor, ApplyResult, Channel, GameState, Message, Occupant, Participation, SeatState } from './types';
import { addTimeline, errorOf, put, reject, Rejection, type Work } from './work';

const PLAYER = new Set<string>(PLAYER_ACTION_TYPES);
const FACILITATOR = new Set<string>(FACILITATOR_ACTION_TYPES);
const SYSTEM = new Set<string>(SYSTEM_ACTION_TYPES);

/** A deadline tick this early (server timer jitter) still counts as the deadline. */
export const DEADLINE_TOLERANCE_MS = 250;

export function applyAction(state: GameState, action: Action, actor: Actor, now: number, scenario: Scenario): ApplyResult {
  const w: Work = { scenario, ix: indexScenario(scenario), s: { ...state }, now };
  try {
    if (typeof now !== 'number' || !Number.isFinite(now)) reject('invalid-action', { reason: 'clock' });
    if (scenario.id !== state.scenarioId) reject('invalid-action', { reason: 'scenario', scenario: scenario.id, game: state.scenarioId });
    const type = (action as { type?: unknown })?.type;
    w.s.seq = state.seq + 1;
    if (typeof type === 'string' && PLAYER.has(type)) {
      if (actor.kind !== 'seat') reject('not-your-seat', { reason: 'notSeated' });
      const refusal = refusalOf(w, action as PlayerAction, actor);
      if (refusal) return { ok: false, error: errorOf(refusal.reason, refusal.params) };
      playerAction(w, action as PlayerAction, actor);
    } else if (typeof type === 'string' && FACILITATOR.has(type)) {
      if (actor.kind !== 'facilitator') reject('facilitator-only');
      facilitatorAction(w, action as FacilitatorAction);
    } else if (typeof type === 'string' && SYSTEM.has(type)) {
      if (actor.kind !== 'system') reject('system-only');
      systemAction(w, action as SystemAction);
    } else {
      reject('invalid-action', { reason: 'type', type: String(type).slice(0, 40) });
    }
    if (changedRules(state, w.s)) settle(w);
    return { ok: true, state: w.s };
  } catch (e) {
    if (e instanceof Rejection) return { ok: false, error: errorOf(e.code, e.params) };
    throw e;
  }
}

/** Whether anything a condition can read changed (chat and seating change none of it). */
function changedRules(before: GameState, after: GameState): boolean {
  return (
    before.tracks !== after.tracks ||
    before.trust !== after.trust ||
    before.resources !== after.resources ||
    before.deals !== after.deals ||
    before.firedEvents !== after.firedEvents ||
    before.constraintFlags !== after.constraintFlags ||
    before.round !== after.round ||
    before.status !== after.status
  );
}

function requireRunning(w: Work, allowPaused = false): void {
  const { status } = w.s;
  if (status === 'lobby') reject('not-running', { status });
  if (status === 'ended') reject('game-over');
  if (status === 'paused' && !allowPaused) reject('not-running', { status });
}

// --- Players --------------------------------------------------------------------------------------

/** Who may do what is decided in moves.ts, by the rules a client or a bot reads to offer moves. */
function refusalOf(w: Work, action: PlayerAction, actor: Extract<Actor, { kind: 'seat' }>): Refused | null {
  if (!Object.hasOwn(w.s.seats, seatKey(actor.role, actor.seat)))
    reject('unknown-seat', { role: actor.role, seat: actor.seat });
  return checkMove(situationInGame(w.s, w.scenario, actor.role, actor.seat), action);
}

function playerAction(w: Work, action: PlayerAction, actor: Extract<Actor, { kind: 'seat' }>): void {
  const key = seatKey(actor.role, actor.seat);
  const ctx: deals.SeatContext = {
    role: actor.role,
    seat: actor.seat,
    count(counter) {
      bump(w, key, counter);
    },
  };

  switch (action.type) {
    case 'chat':
      return chat(w, ctx, action);
    case 'openGroup':
      return openGroup(w, ctx, action);
    case 'draftDeal':
      return deals.draftDeal(w, ctx, action);
    case 'editDraft':
      return deals.editDraft(w, ctx, action);
    case 'proposeDeal':
      return deals.proposeDeal(w, ctx, action);
    case 'counterDeal':
      return deals.counterDeal(w, ctx, action);
    case 'acceptDeal':
      return deals.acceptDeal(w, ctx, action);
    case 'rejectDeal':
      return deals.rejectDeal(w, ctx, action);
    case 'withdrawDeal':
      return deals.withdrawDeal(w, ctx, action);
    case 'signDeal':
      return deals.signDeal(w, ctx, action);
    case 'ratifyDeal':
      return deals.ratifyDeal(w, ctx, action);
    case 'breachDeal':
      return deals.breachDeal(w, ctx, action);
    case 'adoptMemorandum':
      return deals.adoptMemorandum(w, ctx, action);
    case 'publicStatement':
      return publicStatement(w, ctx, action);
    case 'unilateralAction':
      return unilateralAction(w, ctx, action);
    case 'ready':
      return ready(w, key, action.ready);
  }
}

/** Participation counters per seat, for grading. */
function bump(w: Work, key: string, counter: keyof Omit<Participation, 'lastActiveSeq'> | null): void {
  const p = w.s.participation[key];
  const next: Participation = {
    messages: p.messages,
    proposals: p.proposals,
    responses: p.responses,
    signatures: p.signatures,
    statements: p.statements,
    actions: p.actions,
    lastActiveSeq: w.s.seq,
  };
  if (counter) next[counter] = p[counter] + 1;
  w.s.participation = put(w.s.participation, key, next);
}

/** A student's name may not pose as a bot ("Bot (Head of delegation)" is how bots are shown). A
 *  name is refused when its first word reads "bot", look-alike letters included, so "Botond" can
 *  still play. */
function requireHumanName(occupant: Occupant | null): void {
  if (occupant?.kind === 'human' && isReservedName(occupant.name))
    reject('reserved-name', { name: occupant.name });
}

function seatWith(seat: SeatState, occupant: Occupant | null, ready: boolean): SeatState {
  return { role: seat.role, seat: seat.seat, occupant, ready };
}

function occupantName(w: Work, key: string): string {
  const occupant = w.s.seats[key].occupant;
  if (!occupant) return '';
  return occupant.kind === 'human' ? occupant.name : `Bot (${w.ix.seats.get(key)!.title})`;
}

function chat(w: Work, ctx: deals.SeatContext, a: Extract<PlayerAction, { type: 'chat' }>): void {
  const key = seatKey(ctx.role, ctx.seat);
  const bot = w.s.seats[key].occupant?.kind === 'bot';
  // Advice is worded by each reader's client as a bot's: a student cannot pass a line off as one.
  if (a.advice && !bot) reject('invalid-action', { reason: 'advice' });
  const message: Message = {
    seq: w.s.seq,
    channel: a.channel,
    role: ctx.role,
    seat: ctx.seat,
    name: occupantName(w, key),
    bot,
    text: a.text,
    ...(a.advice ? { advice: a.advice } : {}),
    at: w.now,
    round: w.s.round,
  };
  w.s.messages = put(w.s.messages, a.channel, (w.s.messages[a.channel] ?? []).concat([message]));
  bump(w, key, 'messages');
}

function openGroup(w: Work, ctx: deals.SeatContext, a: Extract<PlayerAction, { type: 'openGroup' }>): void {
  const members = groupMembers(w.ix.roleIds, ctx.role, a.members);
  const id = `group:${w.s.nextGroupNumber}`;
  const channel: Channel = { id, kind: 'group', label: a.label, members, track: groupTrack(w.ix, members) };
  w.s.nextGroupNumber += 1;
  w.s.channels = put(w.s.channels, id, channel);
  bump(w, seatKey(ctx.role, ctx.seat), null);
}

function publicStatement(w: Work, ctx: deals.SeatContext, a: Extract<PlayerAction, { type: 'publicStatement' }>): void {
  const tone = w.ix.tones.get(a.tone)!;
  addTimeline(w, { code: 'statementMade', params: { role: ctx.role, tone: tone.id, text: a.text } }, [ctx.role]);
  applyEffects(w, tone.effects, { actor: ctx.role });
  bump(w, seatKey(ctx.role, ctx.seat), 'statements');
}

function unilateralAction(w: Work, ctx: deals.SeatContext, a: Extract<PlayerAction, { type: 'unilateralAction' }>): void {
  const { ix, s } = w;
  const def = ix.actions.get(a.action)!;
  const role = ix.roles.get(ctx.role)!;
  const used = s.actionUses[role.id]?.[def.id] ?? 0;
  const paid = { ...s.resources[role.id] };
  for (const [resource, amount] of Object.entries(def.cost)) {
    const bounds = ix.resources.get(resource);
    paid[resource] = Math.max(bounds?.min ?? 0, paid[resource] - amount);
  }
  s.resources = put(s.resources, role.id, paid);
  s.actionUses = put(s.actionUses, role.id, put(s.actionUses[role.id] ?? {}, def.id, used + 1));
  addTimeline(w, { code: 'actionTaken', params: { role: role.id, action: def.id } }, [role.id]);
  applyEffects(w, def.effects, { actor: role.id });
  bump(w, seatKey(ctx.role, ctx.seat), 'actions');
}

function ready(w: Work, key: string, isReady: boolean): void {
  const { s } = w;
  if (s.seats[key].ready !== isReady) s.seats = put(s.seats, key, seatWith(s.seats[key], s.seats[key].occupant, isReady));
  bump(w, key, null);
  if (isReady && awaitingReady(Object.values(s.seats)).length === 0) endPhase(w);
}

// --- Facilitator ----------------------------------------------------------------------------------

function facilitatorAction(w: Work, action: FacilitatorAction): void {
  const { s, ix } = w;
  switch (action.type) {
    case 'startGame':
      if (s.status !== 'lobby') reject('already-done', { reason: 'started' });
      s.status = 'running';
      s.round = 1;
      s.phaseIndex = 0;
      addTimeline(w, { code: 'gameBegins', params: {} });
      for (const constraint of s.activeConstraints) addTimeline(w, { code: 'constraintInForce', params: { constraint } });
      enterPhase(w);
      return;
    case 'pauseGame':
      requireRunning(w);
      requirePhase(w, action);
      pause(w);
      return;
    case 'resumeGame': {
      if (s.status !== 'paused') reject(s.status === 'ended' ? 'game-over' : 'not-running', { status: s.status });
      requirePhase(w, action);
      s.status = 'running';
      s.clock = { ...s.clock, deadline: w.now + (s.clock.remainingMs ?? 0), remainingMs: null };
      return;
    }
    case 'advancePhase':
      requireRunning(w, true);
      requirePhase(w, action);
      endPhase(w);
      return;
    case 'extendPhase': {
      requireRunning(w, true);
      requirePhase(w, action);
      const ms = action.minutes * 60_000;
      s.clock =
        s.status === 'paused'
          ? { ...s.clock, remainingMs: (s.clock.remainingMs ?? 0) + ms }
          : { ...s.clock, deadline: Math.max(s.clock.deadline ?? w.now, w.now) + ms };
      return;
    }
    case 'injectEvent': {
      requireRunning(w, true);
      const event = ix.events.get(action.event);
      if (!event) reject('unknown-event', { event: action.event });
      if (s.firedEvents.includes(event.id)) reject('already-done', { reason: 'event', event: event.id });
      fireEvent(w, event);
      return;
    }
    case 'injectNews':
      requireRunning(w, true);
      addTimeline(w, { code: 'newsPublished', params: { headline: action.headline, text: action.text ?? '' } });
      return;
    case 'whisper': {
      if (!ix.roles.has(action.role)) reject('unknown-role', { role: action.role });
      if (s.status === 'ended') reject('game-over');
      s.whispers = [...s.whispers, { seq: s.seq, role: action.role, text: action.text, at: w.now }];
      return;
    }
    case 'assignSeat': {
      const key = seatKey(action.seat.role, action.seat.seat);
      if (!s.seats[key]) reject('unknown-seat', { role: action.seat.role, seat: action.seat.seat });
      requireHumanName(action.occupant);
      s.seats = put(s.seats, key, seatWith(s.seats[key], action.occupant, false));
      return;
    }
    case 'fillSeatsWithBots': {
      if (s.status === 'ended') reject('game-over');
      if (action.except !== undefined && !ix.roles.has(action.except)) reject('unknown-role', { role: action.except });
      const empty = Object.keys(s.seats).filter((key) => !s.seats[key].occupant && s.seats[key].role !== action.except);
      if (empty.length === 0) reject('already-done', { reason: 'seatsTaken' });
      const bot: Occupant = { kind: 'bot', personality: action.personality };
      for (const key of empty) s.seats = put(s.seats, key, seatWith(s.seats[key], bot, false));
      return;
    }
    case 'endGame':
      if (s.status === 'lobby') reject('not-running', { status: s.status });
      if (s.status === 'ended') reject('game-over');
      finishGame(w, 'ended-by-facilitator');
      return;
    case 'revealAll':
      if (s.revealed) reject('already-done', { reason: 'revealed' });
      s.revealed = true;
      addTimeline(w, { code: 'secretsRevealed', params: {} });
      return;
  }
}

/** A clock action names the phase it was clicked in: once that phase is over (a double click,
 *  a second console), the action is stale and changes nothing, as a late deadline tick does. */
function requirePhase(w: Work, action: { round: number; phase: number }): void {
  const { s } = w;
  if (action.round !== s.round || action.phase !== s.phaseIndex)
    reject('stale-phase', { round: action.round, phase: action.phase + 1, nowRound: s.round, nowPhase: s.phaseIndex + 1 });
}

function pause(w: Work): void {
  const { s } = w;
  s.status = 'paused';
  s.clock = { ...s.clock, deadline: null, remainingMs: Math.max(0, (s.clock.deadline ?? w.now) - w.now) };
}

// --- System ---------------------------------------------------------------------------------------

function systemAction(w: Work, action: SystemAction): void {
  const { s } = w;
  switch (action.type) {
    case 'deadlineReached': {
      if (s.status === 'lobby' || s.status === 'ended' || s.status === 'paused')
        reject('stale-deadline', { reason: 'stopped', status: s.status });
      if (action.round !== s.round || action.phase !== s.phaseIndex)
        reject('stale-deadline', { reason: 'over', round: action.round, phase: action.phase + 1 });
      if (s.clock.deadline === null || w.now < s.clock.deadline - DEADLINE_TOLERANCE_MS)
        reject('stale-deadline', { reason: 'extended' });
      endPhase(w);
      return;
    }
    case 'takeSeat': {
      const key = seatKey(action.seat.role, action.seat.seat);
      if (!s.seats[key]) reject('unknown-seat', { role: action.seat.role, seat: action.seat.seat });
      const occupant: Occupant = { kind: 'human', name: action.name };
      requireHumanName(occupant);
      s.seats = put(s.seats, key, seatWith(s.seats[key], occupant, false));
      return;
    }
    case 'pauseForRecovery':
      requireRunning(w);
      pause(w);
      return;
  }
}
