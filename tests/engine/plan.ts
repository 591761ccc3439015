// A scripted, deterministic way to play a whole game of any scenario, for golden replays and
// benchmarks: every head of delegation talks, drafts the agreement that is best for the worst-off
// party, accepts what beats its walk-away, signs, ratifies, adopts memoranda, makes statements and
// takes actions; the server's clock ends each phase at its deadline. Rejected moves are skipped,
// so the log holds only accepted actions, exactly as a server stores it.
import { applyAction, createGame, evaluateProposal, type Action, type Actor, type GameState, type LoggedAction, type Roster } from '@shared/engine';
import type { DealType, Role, Scenario } from '@shared/scenario';

export interface PlanOptions {
  seed: number;
  roster: Roster;
  /** Chat messages per occupied seat per phase (a busy class talks a lot). */
  chatPerSeat?: number;
  startAt?: number;
}

const mayBeParty = (role: Role, type: DealType): boolean =>
  (!type.parties.roles && !type.parties.kinds) || (type.parties.roles?.includes(role.id) ?? false) || (type.parties.kinds?.includes(role.kind) ?? false);

/** Every combination of options, one per issue. */
function allTerms(type: DealType): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const issue of type.issues) combos = combos.flatMap((c) => issue.options.map((o) => ({ ...c, [issue.id]: o.id })));
  return combos;
}

/** What terms are worth to a role: by its table for the type, else (a memorandum) by its table
 *  for the agreement the memorandum may become. */
function valueFor(scenario: Scenario, role: string, type: DealType, terms: Record<string, string>) {
  return evaluateProposal(scenario, role, type.id, terms) ?? (type.adoptAs ? evaluateProposal(scenario, role, type.adoptAs, terms) : null);
}

/** The terms whose worst margin over walk-away, across parties with a table, is largest. */
function fairestTerms(scenario: Scenario, type: DealType, parties: string[]): Record<string, string> {
  let best = allTerms(type)[0];
  let bestMargin = -Infinity;
  for (const terms of allTerms(type)) {
    let margin = Infinity;
    for (const p of parties) {
      const v = valueFor(scenario, p, type, terms);
      if (v) margin = Math.min(margin, v.points - v.walkAway);
    }
    if (margin > bestMargin) {
      bestMargin = margin;
      best = terms;
    }
  }
  return best;
}

const raisesTension = (effects: Scenario['statements'][number]['effects']): boolean =>
  effects.some((e) => e.effect === 'track' && e.track === 'tension' && (e.add ?? 0) > 0);

export function playScripted(scenario: Scenario, options: PlanOptions): { log: LoggedAction[]; state: GameState } {
  let state = createGame(scenario, { seed: options.seed, roster: options.roster });
  let now = options.startAt ?? 1_700_000_000_000;
  const log: LoggedAction[] = [];
  const attempt = (actor: Actor, action: Action): boolean => {
    const result = applyAction(state, action, actor, now, scenario);
    if (!result.ok) return false;
    state = result.state;
    log.push({ action, actor, now });
    now += 250;
    return true;
  };
  const seatWith = (role: Role, power: string): Actor | null => {
    const s = role.seats.find((x) => x.powers.includes(power as never) && state.seats[`${role.id}/${x.id}`].occupant);
    return s ? { kind: 'seat', role: role.id, seat: s.id } : null;
  };
  const occupied = Object.values(state.seats).filter((s) => s.occupant);
  let turn = 0;

  attempt({ kind: 'facilitator' }, { type: 'startGame' });
  while (state.status === 'running') {
    const phase = scenario.rounds.phases[state.phaseIndex];
    const allows = new Set(phase.allows);
    turn++;

    // Talk: public, team, and every channel the seat's role belongs to, in turn.
    for (let i = 0; i < (options.chatPerSeat ?? 1); i++)
      for (const seat of occupied) {
        const mine = Object.values(state.channels).filter((c) => c.members.includes(seat.role));
        const channel = mine[(i + turn) % mine.length];
        attempt({ kind: 'seat', role: seat.role, seat: seat.seat }, { type: 'chat', channel: channel.id, text: `Round ${state.round}: ${seat.role} on ${channel.id}, point ${i}.` });
      }

    // Draft and propose the fairest deal of each open type, once per role and type.
    for (const type of scenario.dealTypes) {
      if (type.locked && !state.unlockedDealTypes.includes(type.id)) continue;
      for (const role of scenario.roles) {
        if (!mayBeParty(role, type)) continue;
        const proposer = seatWith(role, 'propose');
        if (!proposer) continue;
        const draft = Object.values(state.deals).find((d) => d.dealType === type.id && d.author === role.id && d.status === 'draft');
        if (draft) {
          attempt(proposer, { type: 'proposeDeal', deal: draft.id });
          continue;
        }
        const live = Object.values(state.deals).some((d) => d.dealType === type.id && d.parties.includes(role.id) && !['rejected', 'withdrawn', 'failed', 'breached'].includes(d.status));
        if (live) continue;
        const others = scenario.roles.filter((r) => r.id !== role.id && mayBeParty(r, type)).map((r) => r.id);
        const parties = [role.id, ...others].slice(0, type.parties.max);
        if (parties.length < type.parties.min) continue;
        if (!attempt(proposer, { type: 'draftDeal', dealType: type.id, parties, terms: fairestTerms(scenario, type, parties) })) continue;
        attempt(proposer, { type: 'proposeDeal', deal: `d${state.nextDealNumber - 1}` });
      }
    }

    // Answer, sign, ratify, adopt (twice: the last to accept can be the first to sign).
    for (const deal of [...Object.values(state.deals), ...Object.values(state.deals)]) {
      const type = scenario.dealTypes.find((d) => d.id === deal.dealType)!;
      for (const party of deal.parties) {
        const role = scenario.roles.find((r) => r.id === party)!;
        const current = state.deals[deal.id];
        if (current.status === 'proposed' && !current.acceptedBy.includes(party)) {
          const value = valueFor(scenario, party, type, current.versions.at(-1)!.terms);
          const actor = seatWith(role, 'propose');
          if (actor) attempt(actor, { type: !value || value.beatsWalkAway ? 'acceptDeal' : 'rejectDeal', deal: deal.id });
        }
        if (state.deals[deal.id].status === 'accepted') {
          const actor = seatWith(role, 'sign');
          if (actor) attempt(actor, { type: 'signDeal', deal: deal.id });
        }
        if (state.deals[deal.id].status === 'signed') {
          const actor = seatWith(role, 'ratify');
          if (actor) attempt(actor, { type: 'ratifyDeal', deal: deal.id });
        }
      }
      if (state.deals[deal.id].status === 'inForce' && type.adoptAs) {
        const target = scenario.dealTypes.find((d) => d.id === type.adoptAs)!;
        const parties = scenario.roles.filter((r) => mayBeParty(r, target)).map((r) => r.id).slice(0, target.parties.max);
        for (const role of scenario.roles.filter((r) => r.kind === 'government')) {
          const actor = seatWith(role, 'propose');
          // The issues the memorandum leaves open: the adopting government's best option.
          const open = target.issues.filter((i) => !type.issues.some((m) => m.id === i.id));
          const terms = Object.fromEntries(
            open.map((issue) => {
              const points = (o: string) => role.pointTables[target.id]?.issues[issue.id]?.[o] ?? 0;
              return [issue.id, issue.options.reduce((a, b) => (points(b.id) > points(a.id) ? b : a)).id];
            }),
          );
          if (actor && attempt(actor, { type: 'adoptMemorandum', deal: deal.id, parties, ...(open.length > 0 ? { terms } : {}) })) break;
        }
      }
    }

    // Public diplomacy and unilateral moves, one role per phase in turn.
    // A cooperative table: no move that raises tension.
    const tones = scenario.statements.filter((t) => !raisesTension(t.effects));
    const moves = scenario.actions.filter((a) => !raisesTension(a.effects));
    if (allows.has('statement') && tones.length > 0) {
      const role = scenario.roles[turn % scenario.roles.length];
      const speaker = seatWith(role, 'speak');
      const tone = tones[turn % tones.length];
      if (speaker) attempt(speaker, { type: 'publicStatement', tone: tone.id, text: `${role.name} speaks (${tone.label}).` });
    }
    if (allows.has('unilateral') && moves.length > 0)
      for (const role of scenario.roles) {
        const actor = seatWith(role, 'act');
        const move = moves[(turn + role.id.length) % moves.length];
        if (actor && attempt(actor, { type: 'unilateralAction', action: move.id })) break;
      }

    // The clock runs out.
    if (state.status !== 'running') break;
    now = Math.max(now, state.clock.deadline!);
    if (!attempt({ kind: 'system' }, { type: 'deadlineReached', round: state.round, phase: state.phaseIndex })) throw new Error('plan: the deadline tick was rejected');
  }
  return { log, state };
}
