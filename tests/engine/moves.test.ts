// availableMoves against the engine: for every seat, in reachable and random states, the engine
// accepts a move exactly when availableMoves (read from the seat's own view and the public
// scenario) offers it, and refuses it with the reason availableMoves gives. Candidate moves cover
// every player action type, with content the seat may and may not choose.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyAction,
  availableMoves,
  banForbids,
  createGame,
  errorSummary,
  keptApart,
  publicScenario,
  viewFor,
  type AvailableMoves,
  type GameState,
  type GameView,
  type Move,
} from '@shared/engine';
import { bridges, relationshipOf } from '@shared/engine/relationships';
import type { PlayerAction } from '@shared/protocol/actions';
import type { DealType, Scenario } from '@shared/scenario';
import { actionAt, arbSteps } from './arbitrary';
import { facilitator, fullRoster, headsRoster, shipped } from './helpers';
import { playScripted } from './plan';

const names = readdirSync(fileURLToPath(new URL('../../scenarios/', import.meta.url)))
  .filter((f) => /^[^.]+\.yaml$/.test(f)) // scenarios, not their translations (<id>.<language>.yaml)
  .map((f) => f.replace(/\.yaml$/, ''));

type SeatActor = { kind: 'seat'; role: string; seat: string };
const seat = (role: string, seatId = 'head'): SeatActor => ({ kind: 'seat', role, seat: seatId });
const seatsOf = (scenario: Scenario): SeatActor[] =>
  scenario.roles.flatMap((r) => r.seats.map((s) => ({ kind: 'seat' as const, role: r.id, seat: s.id })));

// --- Candidate moves ------------------------------------------------------------------------------

const firstTerms = (type: DealType) => Object.fromEntries(type.issues.map((i) => [i.id, i.options[0].id]));
const lastTerms = (type: DealType) => Object.fromEntries(type.issues.map((i) => [i.id, i.options[i.options.length - 1].id]));

/** Party lists for a type, seen from one role: fitting ones of every size, and wrong ones. */
function partyLists(scenario: Scenario, type: DealType, me: string): string[][] {
  const others = scenario.roles.map((r) => r.id).filter((id) => id !== me);
  // Roles the type lists (the test's own reading of the rule, to aim at moves that may succeed).
  const fit = scenario.roles.filter((r) => r.id !== me && ((!type.parties.roles && !type.parties.kinds) || type.parties.roles?.includes(r.id) || type.parties.kinds?.includes(r.kind))).map((r) => r.id);
  const lists: string[][] = [];
  for (let n = 1; n <= fit.length; n++) lists.push([me, ...fit.slice(0, n)]);
  for (const other of others) lists.push([me, other]);
  lists.push([me, ...others]); // too many, or someone who may not take part
  lists.push(others.slice(0, 2)); // without the author
  lists.push([me, me]); // twice
  lists.push([me, 'nobody']);
  return lists;
}

/** Every kind of player move the seat could try now, the right and the wrong. */
function candidates(scenario: Scenario, state: GameState, me: string): PlayerAction[] {
  const out: PlayerAction[] = [{ type: 'ready', ready: true }, { type: 'ready', ready: false }];
  for (const id of [...Object.keys(state.channels), 'group:99']) out.push({ type: 'chat', channel: id, text: 'Hello' });
  const others = scenario.roles.map((r) => r.id).filter((id) => id !== me);
  for (const members of [[others[0]], others.slice(0, 2), others, [me], [others[0], 'nobody'], others.slice(1)])
    out.push({ type: 'openGroup', label: 'Coalition', members });
  for (const type of scenario.dealTypes) {
    for (const parties of partyLists(scenario, type, me)) out.push({ type: 'draftDeal', dealType: type.id, parties, terms: firstTerms(type) });
    for (const old of Object.values(state.deals).filter((d) => d.dealType === type.id))
      for (const parties of [old.parties.includes(me) ? old.parties : [me, ...old.parties], partyLists(scenario, type, me)[0]])
        out.push({ type: 'draftDeal', dealType: type.id, parties, terms: lastTerms(type), supersedes: old.id });
    out.push({ type: 'draftDeal', dealType: type.id, parties: partyLists(scenario, type, me)[0], terms: { ...firstTerms(type), [type.issues[0].id]: 'bogus' } });
    out.push({ type: 'draftDeal', dealType: type.id, parties: partyLists(scenario, type, me)[0], terms: { ...firstTerms(type), extra: 'x' } });
  }
  out.push({ type: 'draftDeal', dealType: 'bogus-type', parties: [me, others[0]], terms: {} });
  for (const deal of [...Object.values(state.deals), null]) {
    const id = deal?.id ?? 'd999';
    const type = deal ? scenario.dealTypes.find((d) => d.id === deal.dealType)! : scenario.dealTypes[0];
    const current = deal ? deal.versions[deal.versions.length - 1].terms : firstTerms(type);
    for (const t of ['proposeDeal', 'acceptDeal', 'rejectDeal', 'withdrawDeal', 'signDeal', 'ratifyDeal', 'breachDeal'] as const) out.push({ type: t, deal: id });
    for (const terms of [current, firstTerms(type), lastTerms(type), { ...current, [type.issues[0].id]: 'bogus' }]) out.push({ type: 'counterDeal', deal: id, terms });
    for (const parties of partyLists(scenario, type, me).slice(0, 4)) out.push({ type: 'editDraft', deal: id, parties, terms: lastTerms(type) });
    out.push({ type: 'editDraft', deal: id, parties: [me, 'nobody'], terms: current });
    const target = scenario.dealTypes.find((d) => d.id === type.adoptAs) ?? type;
    for (const parties of partyLists(scenario, target, me)) out.push({ type: 'adoptMemorandum', deal: id, parties });
    // Superseding: each deal in force of the target type, with its parties and without them.
    for (const old of Object.values(state.deals).filter((d) => d.dealType === target.id && (d.status === 'inForce' || d.status === 'adopted')).concat(deal ? [deal] : []))
      for (const parties of [old.parties.includes(me) ? old.parties : [me, ...old.parties], partyLists(scenario, target, me)[0]]) {
        out.push({ type: 'adoptMemorandum', deal: id, parties, supersedes: old.id });
        if (deal?.status === 'draft') out.push({ type: 'editDraft', deal: id, parties, terms: current, supersedes: old.id });
      }
    out.push({ type: 'adoptMemorandum', deal: id, parties: partyLists(scenario, target, me)[0], terms: { [target.issues[0].id]: target.issues[0].options[0].id } });
  }
  for (const tone of [...scenario.statements.map((s) => s.id), 'bogus']) out.push({ type: 'publicStatement', tone, text: 'We speak.' });
  for (const action of [...scenario.actions.map((a) => a.id), 'bogus']) out.push({ type: 'unilateralAction', action });
  return out;
}

// --- What availableMoves says about one candidate ------------------------------------------------

/** The verdict availableMoves gives a move (undefined: not listed at all), and whether the move's
 *  content (parties, terms, members, tone) is among the choices it offers. */
function offered(scenario: Scenario, view: GameView, moves: AvailableMoves, action: PlayerAction): { move: Move | undefined; contentOk: boolean } {
  const me = view.me!.role.id;
  const termsOk = (typeId: string, terms: Record<string, string>) => {
    const type = scenario.dealTypes.find((d) => d.id === typeId)!;
    return Object.keys(terms).every((k) => type.issues.some((i) => i.id === k)) && type.issues.every((i) => i.options.some((o) => o.id === terms[i.id]));
  };
  const partiesOk = (typeId: string, parties: string[]) => {
    const offer = moves.dealTypes[typeId];
    const unique = new Set(parties);
    return unique.size === parties.length && unique.has(me) && parties.every((p) => offer.parties.includes(p)) && unique.size >= offer.min && unique.size <= offer.max;
  };
  /** A superseded deal must be one in force of the type, and the new deal keeps its parties. */
  const supersedesOk = (typeId: string, parties: string[], supersedes: string | undefined) => {
    if (!supersedes) return true;
    const old = moves.dealTypes[typeId].inForce.find((d) => d.deal === supersedes);
    return !!old && old.parties.every((p) => parties.includes(p));
  };
  /** One deal per type: no party is in another deal of the type in force. */
  const freeOk = (typeId: string, parties: string[], supersedes: string | undefined) =>
    moves.dealTypes[typeId].inForce.every((d) => d.deal === supersedes || !d.parties.some((p) => parties.includes(p)));
  switch (action.type) {
    case 'ready':
      return { move: moves.ready, contentOk: true };
    case 'chat':
      return { move: moves.chat[action.channel], contentOk: true };
    case 'openGroup': {
      const { invite, maxMembers, apart } = moves.group;
      const invited = new Set(action.members.filter((m) => m !== me));
      const members = [me, ...invited];
      return {
        move: moves.openGroup,
        contentOk: action.members.every((m) => m === me || invite.includes(m)) && invited.size > 0 && members.length <= maxMembers && !keptApart(apart, members),
      };
    }
    case 'draftDeal': {
      const offer = moves.dealTypes[action.dealType];
      return {
        move: offer?.draftDeal,
        contentOk: !!offer && partiesOk(action.dealType, action.parties) && termsOk(action.dealType, action.terms) && supersedesOk(action.dealType, action.parties, action.supersedes),
      };
    }
    case 'publicStatement':
      return { move: moves.publicStatement, contentOk: scenario.statements.some((s) => s.id === action.tone) };
    case 'unilateralAction':
      return { move: moves.unilateralAction[action.action], contentOk: true };
  }
  // A move on a deal: only on the deals in the seat's view.
  const deal = view.deals.find((d) => d.id === action.deal);
  if (!deal) return { move: undefined, contentOk: false };
  const move = moves.deals[deal.id][action.type];
  const type = scenario.dealTypes.find((d) => d.id === deal.dealType)!;
  switch (action.type) {
    case 'editDraft':
      return { move, contentOk: partiesOk(deal.dealType, action.parties) && termsOk(deal.dealType, action.terms) && supersedesOk(deal.dealType, action.parties, action.supersedes) };
    case 'counterDeal': {
      const current = deal.versions[deal.versions.length - 1].terms;
      return { move, contentOk: termsOk(deal.dealType, action.terms) && type.issues.some((i) => current[i.id] !== action.terms[i.id]) };
    }
    case 'adoptMemorandum': {
      if (!type.adoptAs) return { move, contentOk: false };
      const target = scenario.dealTypes.find((d) => d.id === type.adoptAs)!;
      const memoTerms = deal.versions[deal.versions.length - 1].terms;
      const added = action.terms ?? {};
      // The memorandum's signatories' relationship carries the adoption through bans.
      const carried = bridges(scenario.trackTwo, deal.parties, (a, b) => relationshipOf(view.relationships, a, b));
      return {
        move,
        contentOk:
          partiesOk(target.id, action.parties) &&
          Object.keys(added).every((k) => !(k in memoTerms)) &&
          termsOk(target.id, { ...added, ...memoTerms }) &&
          supersedesOk(target.id, action.parties, action.supersedes) &&
          (carried || !moves.dealTypes[target.id].bans.some((ban) => banForbids(ban, action.parties))) &&
          freeOk(target.id, action.parties, action.supersedes),
      };
    }
    default:
      return { move, contentOk: true };
  }
}

interface Tally {
  accepted: Record<string, number>;
  refused: Record<string, number>;
}
const newTally = (): Tally => ({ accepted: {}, refused: {} });

/** Every candidate move of one seat: the engine accepts it exactly when availableMoves offers it,
 *  and a refusal availableMoves states is the engine's own, word for word. */
function checkSeat(scenario: Scenario, state: GameState, actor: SeatActor, now: number, tally: Tally): void {
  const view = viewFor(state, scenario, actor);
  const moves = availableMoves(view, publicScenario(scenario));
  if (!moves) throw new Error(`no moves for ${actor.role}/${actor.seat}`);
  const mismatches: string[] = [];
  for (const action of candidates(scenario, state, actor.role)) {
    const { move, contentOk } = offered(scenario, view, moves, action);
    const offer = !!move?.available && contentOk;
    const result = applyAction(state, action, actor, now, scenario);
    const sameReason = result.ok || !move || move.available || (move.reason === result.error.code && JSON.stringify(move.params) === JSON.stringify(result.error.params));
    if (result.ok !== offer || !sameReason)
      mismatches.push(
        `${actor.role}/${actor.seat} ${state.status} round ${state.round} phase ${state.phaseIndex}: ${JSON.stringify(action)}\n` +
          `  offered: ${offer} ${JSON.stringify(move)}\n  engine: ${result.ok ? 'accepts' : errorSummary(result.error)}`,
      );
    const bucket = result.ok ? tally.accepted : tally.refused;
    bucket[action.type] = (bucket[action.type] ?? 0) + 1;
  }
  expect(mismatches, scenario.id).toEqual([]);
}

/** States along a scripted game: the lobby, the phases of round 1, just before the first move of
 *  each kind (where it must be on offer, even in a later round) and just after the first moves of
 *  each kind (a fresh draft, a proposal, an acceptance…), a pause, the end. */
function scriptedStates(scenario: Scenario, roster: ReturnType<typeof fullRoster>): { state: GameState; now: number }[] {
  const { log } = playScripted(scenario, { seed: 42, roster, chatPerSeat: 0 });
  const points: number[] = [];
  const seen: Record<string, number> = {};
  log.forEach((entry, i) => {
    const type = entry.action.type;
    seen[type] = (seen[type] ?? 0) + 1;
    const phaseStart = type === 'startGame' || (type === 'deadlineReached' && entry.action.round === 1);
    if (type !== 'chat' && type !== 'deadlineReached' && seen[type] === 1 && i > 0) points.push(i);
    if (phaseStart || (type !== 'chat' && type !== 'deadlineReached' && seen[type] <= 2)) points.push(i + 1);
  });
  points.push(log.length);
  const states: { state: GameState; now: number }[] = [{ state: createGame(scenario, { seed: 42, roster }), now: log[0].now }];
  let state = states[0].state;
  let applied = 0;
  for (const n of points) {
    for (; applied < n; applied++) {
      const result = applyAction(state, log[applied].action, log[applied].actor, log[applied].now, scenario);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      state = result.state;
    }
    states.push({ state, now: log[n - 1].now + 100 });
  }
  const mid = states[Math.floor(states.length / 2)];
  const paused = applyAction(mid.state, { type: 'pauseGame', round: mid.state.round, phase: mid.state.phaseIndex }, facilitator, mid.now, scenario);
  if (!paused.ok) throw new Error(JSON.stringify(paused.error));
  states.push({ state: paused.state, now: mid.now + 100 });
  return states;
}

const PLAYER_MOVES = ['ready', 'chat', 'openGroup', 'draftDeal', 'editDraft', 'proposeDeal', 'counterDeal', 'acceptDeal', 'rejectDeal', 'withdrawDeal', 'signDeal', 'ratifyDeal', 'breachDeal', 'adoptMemorandum', 'publicStatement', 'unilateralAction'];

/** Tallies of the scripted games, per scenario and roster. */
const tallies = new Map<string, Tally>();

function scriptedTally(name: string, rosterName: 'full' | 'heads'): Tally {
  const key = `${name} ${rosterName}`;
  let tally = tallies.get(key);
  if (tally) return tally;
  tally = newTally();
  const scenario = shipped(name);
  const roster = rosterName === 'full' ? fullRoster(scenario) : headsRoster(scenario);
  for (const { state, now } of scriptedStates(scenario, roster)) for (const actor of seatsOf(scenario)) checkSeat(scenario, state, actor, now, tally);
  tallies.set(key, tally);
  return tally;
}

describe.each(names)('availableMoves in a scripted game of %s', (name) => {
  test.each([
    ['every seat filled', 'full' as const],
    ['only the heads of delegation seated', 'heads' as const],
  ])('%s: the engine accepts a move exactly when it is offered', (_, roster) => {
    const tally = scriptedTally(name, roster);
    // Every kind of move was tried where it fails, and the common ones where they succeed.
    for (const kind of PLAYER_MOVES) expect(tally.refused[kind] ?? 0, `${kind} never refused`).toBeGreaterThan(0);
    for (const kind of ['ready', 'chat', 'openGroup', 'draftDeal', 'editDraft', 'proposeDeal', 'counterDeal', 'acceptDeal', 'withdrawDeal', 'signDeal'])
      expect(tally.accepted[kind] ?? 0, `${kind} never accepted`).toBeGreaterThan(0);
  });
});

describe('availableMoves across the shipped scenarios', () => {
  test('every kind of move is offered and taken in some scripted game', () => {
    const accepted: Record<string, number> = {};
    for (const name of names)
      for (const roster of ['full', 'heads'] as const)
        for (const [kind, n] of Object.entries(scriptedTally(name, roster).accepted)) accepted[kind] = (accepted[kind] ?? 0) + n;
    for (const kind of PLAYER_MOVES) expect(accepted[kind] ?? 0, `${kind} never accepted`).toBeGreaterThan(0);
  });

  test('a spectator and the facilitator have no moves', () => {
    const scenario = shipped('handshake-in-orbit');
    const state = createGame(scenario, { seed: 1, roster: headsRoster(scenario) });
    expect(availableMoves(viewFor(state, scenario, { kind: 'spectator' }), publicScenario(scenario))).toBeNull();
    expect(availableMoves(viewFor(state, scenario, { kind: 'facilitator' }), publicScenario(scenario))).toBeNull();
  });
});

// A role may take a move when it is listed by id OR by kind (docs/scenario-authoring.md). The
// shipped scenarios never list both, and never let more roles into a deal than it takes, so this
// variant does both.
describe('listed roles and kinds: either matches', () => {
  const base = shipped('handshake-in-orbit');
  const widen = (d: DealType): DealType => {
    if (d.id === 'science-accord') return { ...d, parties: { ...d.parties, roles: ['nasa'], kinds: ['science'] } };
    if (d.id === 'docking-memorandum') return { ...d, parties: { min: 2, max: 2, kinds: ['agency', 'science', 'government'] } };
    return d;
  };
  const scenario: Scenario = {
    ...base,
    actions: base.actions.map((a) => (a.id === 'missile-test' ? { ...a, roles: ['nasa'] } : a)),
    dealTypes: base.dealTypes.map(widen),
  };

  test('the engine accepts a move exactly when it is offered, through a scripted game', () => {
    const tally = newTally();
    for (const { state, now } of scriptedStates(scenario, headsRoster(scenario))) for (const actor of seatsOf(scenario)) checkSeat(scenario, state, actor, now, tally);
    expect(tally.accepted.draftDeal).toBeGreaterThan(0);
  });

  test('a government (by kind) and NASA (by id) may test a missile; the Academy may not', () => {
    const state = applyAction(createGame(scenario, { seed: 1, roster: headsRoster(scenario) }), { type: 'startGame' }, facilitator, 0, scenario);
    if (!state.ok) throw new Error(JSON.stringify(state.error));
    let s = state.state;
    while (scenario.rounds.phases[s.phaseIndex].id !== 'resolution') {
      const next = applyAction(s, { type: 'advancePhase', round: s.round, phase: s.phaseIndex }, facilitator, 0, scenario);
      if (!next.ok) throw new Error(JSON.stringify(next.error));
      s = next.state;
    }
    const offer = (role: string) => availableMoves(viewFor(s, scenario, seat(role)), publicScenario(scenario))!.unilateralAction['missile-test'];
    expect(offer('us-gov').available).toBe(true);
    expect(offer('nasa').available).toBe(true);
    expect(offer('soviet-academy')).toMatchObject({ available: false, reason: 'not-your-kind' });
  });

  test('a deal type listing NASA and the science kind takes both as parties', () => {
    const state = createGame(scenario, { seed: 1, roster: headsRoster(scenario) });
    const moves = availableMoves(viewFor(state, scenario, seat('nasa')), publicScenario(scenario))!;
    expect(moves.dealTypes['science-accord'].parties).toEqual(['nasa', 'soviet-academy']);
  });
});

describe.each(names)('availableMoves in random games of %s', (name) => {
  const scenario = shipped(name);
  const seats = seatsOf(scenario);

  test('the engine accepts a move exactly when it is offered (fast-check)', () => {
    const tally = newTally();
    fc.assert(
      fc.property(arbSteps(scenario, 100), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 99 }), (steps, seed, pick) => {
        const roster = headsRoster(scenario);
        let now = 1_700_000_000_000;
        const started = applyAction(createGame(scenario, { seed, roster }), { type: 'startGame' }, facilitator, now, scenario);
        if (!started.ok) throw new Error(JSON.stringify(started.error));
        let state = started.state;
        const checkAt = Math.floor(steps.length / 2);
        steps.forEach((step, i) => {
          now += step.dt;
          const result = applyAction(state, actionAt(step, state), step.actor, now, scenario);
          if (result.ok) state = result.state;
          // Halfway, one seat (a head, or another seat, empty in this roster) ...
          if (i === checkAt) checkSeat(scenario, state, seats[pick % seats.length], now, tally);
        });
        // ... and at the end, every head of delegation.
        for (const r of scenario.roles) checkSeat(scenario, state, seat(r.id, r.seats[0].id), now, tally);
      }),
      { seed: 20260317, numRuns: 25 },
    );
    expect(Object.values(tally.accepted).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });
});
