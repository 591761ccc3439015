// What a seat may do now, decided in one place. Every player move is checked here by predicates
// over a `Situation`: one seat's position in the game, which the engine builds from its full state
// and a browser or a bot from the seat's own view. The engine refuses exactly what `checkMove`
// refuses; `availableMoves` lists, from a view, the moves the seat may make now and why the others
// are refused, with the engine's own error codes and their details (ids and numbers, never words).
//
// Checks run in one order everywhere: first whether the move makes sense for the seat at all (its
// deal, the deal's stage, its delegation's kind), then whether it may be made now (the game
// running, the phase, the seat's powers, constraints, limits, costs), and last the move's own
// content (parties, terms, members, tone).
import type { PlayerAction } from '../protocol/actions';
import type { Condition, DealBan, PhaseAllow, RoleKind, Scenario, SeatPower } from '../scenario/schema';
import { channelTrack, closingConstraint, type ChannelRules } from './channels';
import { holds, isInForce } from './conditions';
import { bridges, relationshipOf } from './relationships';
import { indexScenario, seatKey } from './scenarioIndex';
import type { Channel, Deal, ErrorCode, ErrorParams, GameState } from './types';
import type { GameView, PublicScenario } from './view';

// --- The rules a check reads ----------------------------------------------------------------------

/** The public rules of a scenario: the full scenario has them too, so the engine passes it. */
export type Rules = Pick<PublicScenario, 'roles' | 'dealTypes' | 'actions' | 'statements' | 'channels' | 'rounds' | 'resources' | 'trackTwo'>;
type RoleRules = Rules['roles'][number];
type DealTypeRules = Rules['dealTypes'][number];
type ActionRules = Rules['actions'][number];

/** Lookup tables over the public rules, built once per scenario object. */
interface Rulebook {
  rules: Rules;
  roleIds: string[];
  roles: Map<string, RoleRules>;
  dealTypes: Map<string, DealTypeRules>;
  actions: Map<string, ActionRules>;
  tones: Set<string>;
  /** Per deal type: the roles that may be parties to it, in scenario order. */
  eligible: Map<string, string[]>;
  /** Seat powers by `${role}/${seat}`. */
  powers: Map<string, readonly string[]>;
  /** Per kind of move, the ids of the phases that allow it. */
  allowedIn: Map<string, string[]>;
}

const rulebooks = new WeakMap<Rules, Rulebook>();

function rulebookOf(rules: Rules): Rulebook {
  let book = rulebooks.get(rules);
  if (book) return book;
  const powers = new Map<string, readonly string[]>();
  for (const role of rules.roles) for (const seat of role.seats) powers.set(seatKey(role.id, seat.id), seat.powers);
  book = {
    rules,
    roleIds: rules.roles.map((r) => r.id),
    roles: new Map(rules.roles.map((r) => [r.id, r])),
    dealTypes: new Map(rules.dealTypes.map((d) => [d.id, d])),
    actions: new Map(rules.actions.map((a) => [a.id, a])),
    tones: new Set(rules.statements.map((s) => s.id)),
    eligible: new Map(rules.dealTypes.map((d) => [d.id, rules.roles.filter((r) => listed(r, d.parties)).map((r) => r.id)])),
    powers,
    allowedIn: new Map(),
  };
  rulebooks.set(rules, book);
  return book;
}

/** Who a deal type's parties or an action's takers may be: the roles listed or the roles of the
 *  kinds listed (either list matches); anyone when neither list is given. */
export function listed(role: { id: string; kind: RoleKind }, list: { roles?: readonly string[]; kinds?: readonly string[] }): boolean {
  if (!list.roles && !list.kinds) return true;
  return (list.roles?.includes(role.id) ?? false) || (list.kinds?.includes(role.kind) ?? false);
}

/** Whether a phase allows a step of a deal: memoranda (track II) move in phases that allow
 *  `memorandum`, agreements in phases that allow the step itself; a phase that allows `draft`
 *  lets any seat draft either kind. */
export function dealStepAllowed(allows: readonly string[], track: 1 | 2, step: PhaseAllow): boolean {
  if (step === 'draft' && allows.includes('draft')) return true;
  return allows.includes(track === 2 ? 'memorandum' : step);
}

/** An active constraint as the move rules read it (a ConstraintView has these fields too). */
export interface ActiveConstraint extends ChannelRules {
  bansDeals: DealBan[];
}

/** Whether a ban forbids a deal with these parties: `bilateral`, one whose parties are exactly the
 *  two roles; `together`, any with both of them among its parties. (Its deal types aside.) */
export function banForbids(ban: DealBan, parties: readonly string[]): boolean {
  const [a, b] = 'bilateral' in ban ? ban.bilateral : ban.together;
  return parties.includes(a) && parties.includes(b) && (!('bilateral' in ban) || parties.length === 2);
}

/** Whether two of these roles form one of the pairs (kept apart by a closed channel). */
export function keptApart(pairs: readonly (readonly [string, string])[], roles: readonly string[]): boolean {
  return pairs.some(([a, b]) => roles.includes(a) && roles.includes(b));
}

/** The first active constraint that bans a deal of this type between two of these parties. */
function banOf(constraints: readonly ActiveConstraint[], dealType: string, parties: readonly string[]): { constraint: string; ban: DealBan } | null {
  for (const c of constraints)
    for (const ban of c.bansDeals) if ((!ban.dealTypes || ban.dealTypes.includes(dealType)) && banForbids(ban, parties)) return { constraint: c.id, ban };
  return null;
}

// --- One seat's situation -------------------------------------------------------------------------

/** What the checks read about one seat's position in the game. */
export interface Situation {
  book: Rulebook;
  status: GameState['status'];
  phaseIndex: number;
  role: string;
  seat: string;
  occupied: boolean;
  unlockedDealTypes: readonly string[];
  constraints: readonly ActiveConstraint[];
  /** Uses of limited actions by the seat's role. */
  actionUses: Readonly<Record<string, number>>;
  /** The seat's role's resources. */
  resources: Readonly<Record<string, number>>;
  /** A deal as the role knows it: undefined when there is none, or it is another team's draft. */
  deal(id: string): Deal | undefined;
  channel(id: string): Channel | undefined;
  /** Whether the unilateral action's scenario condition (`requires`) holds for the role now. */
  requirementMet(action: string): boolean;
  /** The deals of a type in force (in force or adopted; public), oldest first. */
  inForce(dealType: string): readonly Deal[];
  /** Rounds of track II contact between two roles, as far as the seat knows (its own pairs, and
   *  the signatories of memoranda it can see). */
  relationship(a: string, b: string): number;
}

/** The deals in force per type, cached per deals record (a state replaces it when a deal changes). */
const inForceCache = new WeakMap<Readonly<Record<string, Deal>> | readonly Deal[], Map<string, Deal[]>>();

function inForceByType(deals: Readonly<Record<string, Deal>> | readonly Deal[]): Map<string, Deal[]> {
  let byType = inForceCache.get(deals);
  if (byType) return byType;
  byType = new Map();
  for (const deal of Array.isArray(deals) ? (deals as readonly Deal[]) : Object.values(deals)) {
    if (!isInForce(deal)) continue;
    const list = byType.get(deal.dealType);
    if (list) list.push(deal);
    else byType.set(deal.dealType, [deal]);
  }
  inForceCache.set(deals, byType);
  return byType;
}
const NO_DEALS: readonly Deal[] = [];

/** Does a unilateral action's `requires` hold for a role? The condition may read secrets, so a
 *  view carries only the outcome (`me.unmetRequirements`). */
export function requirementMet(scenario: Scenario, state: GameState, role: string, requires: Condition | undefined): boolean {
  return !requires || holds(requires, scenario, state, { self: role, actor: role });
}

const constraintLists = new WeakMap<Scenario, WeakMap<string[], ActiveConstraint[]>>();

/** The active constraints' rules; cached per list (a state replaces the list when it changes). */
export function activeConstraints(scenario: Scenario, state: GameState): ActiveConstraint[] {
  let byList = constraintLists.get(scenario);
  if (!byList) constraintLists.set(scenario, (byList = new WeakMap()));
  let list = byList.get(state.activeConstraints);
  if (!list) {
    const ix = indexScenario(scenario);
    list = state.activeConstraints.map((id) => ix.constraints.get(id)!);
    byList.set(state.activeConstraints, list);
  }
  return list;
}

/** A seat's situation from the engine's full state (the seat must exist). A class, not a literal
 *  with closures: the reducer builds one for every player action, chat included. */
class GameSituation implements Situation {
  readonly book: Rulebook;
  readonly status: GameState['status'];
  readonly phaseIndex: number;
  readonly occupied: boolean;
  readonly unlockedDealTypes: readonly string[];
  readonly actionUses: Readonly<Record<string, number>>;
  readonly resources: Readonly<Record<string, number>>;

  constructor(
    private readonly state: GameState,
    private readonly scenario: Scenario,
    readonly role: string,
    readonly seat: string,
  ) {
    this.book = rulebookOf(scenario);
    this.status = state.status;
    this.phaseIndex = state.phaseIndex;
    this.occupied = state.seats[seatKey(role, seat)]?.occupant != null;
    this.unlockedDealTypes = state.unlockedDealTypes;
    this.actionUses = state.actionUses[role] ?? {};
    this.resources = state.resources[role] ?? {};
  }

  get constraints(): readonly ActiveConstraint[] {
    return activeConstraints(this.scenario, this.state);
  }

  deal(id: string): Deal | undefined {
    const deal = Object.hasOwn(this.state.deals, id) ? this.state.deals[id] : undefined;
    // Another team's draft does not exist as far as this role knows.
    return deal && (deal.status !== 'draft' || deal.author === this.role) ? deal : undefined;
  }

  channel(id: string): Channel | undefined {
    return Object.hasOwn(this.state.channels, id) ? this.state.channels[id] : undefined;
  }

  requirementMet(action: string): boolean {
    return requirementMet(this.scenario, this.state, this.role, indexScenario(this.scenario).actions.get(action)?.requires);
  }

  inForce(dealType: string): readonly Deal[] {
    return inForceByType(this.state.deals).get(dealType) ?? NO_DEALS;
  }

  relationship(a: string, b: string): number {
    return relationshipOf(this.state.relationships ?? {}, a, b);
  }
}

export function situationInGame(state: GameState, scenario: Scenario, role: string, seat: string): Situation {
  return new GameSituation(state, scenario, role, seat);
}

/** A seat's situation from its own view; null for a spectator or the facilitator. */
function situationInView(view: GameView, rules: Rules): Situation | null {
  const me = view.me;
  if (view.viewer.kind !== 'seat' || !me) return null;
  const role = me.role.id;
  const deals = new Map(view.deals.map((d) => [d.id, d]));
  const channels = new Map(view.channels.map((c) => [c.id, c]));
  return {
    book: rulebookOf(rules),
    status: view.status,
    phaseIndex: view.phaseIndex,
    role,
    seat: me.seat,
    occupied: view.seats.some((s) => s.role === role && s.seat === me.seat && s.occupant !== null),
    unlockedDealTypes: view.unlockedDealTypes,
    constraints: view.constraints,
    actionUses: view.actionUses[role] ?? {},
    resources: view.resources[role] ?? {},
    deal: (id) => deals.get(id),
    channel: (id) => channels.get(id),
    requirementMet: (action) => !me.unmetRequirements.includes(action),
    inForce: (dealType) => inForceByType(view.deals).get(dealType) ?? NO_DEALS,
    relationship: (a, b) => relationshipOf(view.relationships, a, b),
  };
}

// --- Checks ---------------------------------------------------------------------------------------

/** A refused move: the engine's error code, and its details (`ErrorParams`) gathered only when
 *  someone reads them (a screen does; a bot going through its moves does not). */
export class Refused {
  readonly available = false;
  constructor(
    readonly reason: ErrorCode,
    private readonly details?: () => ErrorParams,
  ) {}

  get params(): ErrorParams | undefined {
    return this.details?.();
  }
}
type Check = Refused | null;

const refuse = (code: ErrorCode, details?: () => ErrorParams): Refused => new Refused(code, details);
const allows = (sit: Situation): readonly string[] => sit.book.rules.rounds.phases[sit.phaseIndex]?.allows ?? [];

/** The game runs and someone sits in the seat. Talk goes on while the clock is paused; moves wait. */
function seatCheck(sit: Situation, whilePaused = false): Check {
  if (!sit.occupied) return refuse('not-your-seat', () => ({ reason: 'empty' }));
  if (sit.status === 'lobby') return refuse('not-running', () => ({ status: 'lobby' }));
  if (sit.status === 'ended') return refuse('game-over');
  if (sit.status === 'paused' && !whilePaused) return refuse('not-running', () => ({ status: 'paused' }));
  return null;
}

/** The kinds of move a phase allows or not (`move` in a wrong-phase refusal). */
type PhaseMove = 'propose' | 'draft' | 'counter' | 'respond' | 'withdraw' | 'sign' | 'ratify' | 'breach' | 'adopt' | 'chat' | 'group' | 'statement' | 'unilateral';

/** "Drafts are not allowed in the Briefing phase (only in: Track II talks, Track I talks)": the
 *  move, the phase and the phases that allow it. Those are fixed by the scenario: listed once per
 *  rulebook and kind of move. */
function phaseCheck(sit: Situation, move: PhaseMove, key: string, allowed: (allows: readonly string[]) => boolean): Check {
  if (allowed(allows(sit))) return null;
  const phases = sit.book.rules.rounds.phases;
  let when = sit.book.allowedIn.get(key);
  if (when === undefined) {
    when = phases.filter((p) => allowed(p.allows)).map((p) => p.id);
    sit.book.allowedIn.set(key, when);
  }
  const only = when;
  return refuse('wrong-phase', () => ({ move, phase: phases[sit.phaseIndex].id, phases: only, allowedCount: only.length }));
}

const allowCheck = (sit: Situation, allow: PhaseAllow, move: PhaseMove): Check => phaseCheck(sit, move, allow, (a) => a.includes(allow));
const dealPhaseCheck = (sit: Situation, track: 1 | 2, step: PhaseAllow, move: PhaseMove): Check =>
  phaseCheck(sit, move, `${step}/${track}`, (a) => dealStepAllowed(a, track, step));

/** What a seat without the power tried (`verb` in a no-power refusal). */
type PowerVerb = 'propose' | 'counter' | 'accept' | 'reject' | 'leave' | 'withdraw' | 'sign' | 'ratify' | 'breach' | 'adopt' | 'speak' | 'act';

function powerCheck(sit: Situation, power: SeatPower, verb: PowerVerb): Check {
  if (sit.book.powers.get(seatKey(sit.role, sit.seat))?.includes(power)) return null;
  const role = sit.book.roles.get(sit.role)!;
  return refuse('no-power', () => {
    const seats = role.seats.filter((seat) => seat.powers.includes(power)).map((seat) => seat.id);
    return { verb, role: role.id, seats, seatCount: seats.length };
  });
}

function kindCheck(sit: Situation, type: DealTypeRules): Check {
  if (sit.book.eligible.get(type.id)!.includes(sit.role)) return null;
  return refuse('not-your-kind', () => ({ reason: 'deal', role: sit.role, dealType: type.id }));
}

function lockCheck(sit: Situation, type: DealTypeRules): Check {
  if (!type.locked || sit.unlockedDealTypes.includes(type.id)) return null;
  return refuse('deal-type-locked', () => ({ dealType: type.id }));
}

function banCheck(sit: Situation, type: DealTypeRules, parties: readonly string[]): Check {
  const found = banOf(sit.constraints, type.id, parties);
  if (!found) return null;
  const { constraint, ban } = found;
  const [a, b] = 'bilateral' in ban ? ban.bilateral : ban.together;
  return refuse('banned-by-constraint', () => ({ constraint, dealType: type.id, ban: 'bilateral' in ban ? 'bilateral' : 'together', role: a, other: b }));
}

function partyCheck(sit: Situation, deal: Deal): Check {
  if (deal.parties.includes(sit.role)) return null;
  return refuse('not-a-party', () => ({ reason: 'party', role: sit.role, dealType: deal.dealType, deal: deal.id }));
}

/** What the seat tried on a deal at the wrong stage (`doing` in a wrong-status refusal). */
type DealVerb = 'edit' | 'propose' | 'counter' | 'accept' | 'reject' | 'withdraw' | 'sign' | 'ratify' | 'break' | 'adopt';

function statusCheck(deal: Deal, statuses: readonly Deal['status'][], doing: DealVerb): Check {
  if (statuses.includes(deal.status)) return null;
  return refuse('wrong-status', () => ({ reason: 'status', doing, deal: deal.id, status: deal.status }));
}

function doneCheck(sit: Situation, deal: Deal, by: readonly string[], done: 'accepted' | 'signed' | 'ratified'): Check {
  return by.includes(sit.role) ? refuse('already-done', () => ({ reason: done, role: sit.role, deal: deal.id })) : null;
}

const typeOf = (sit: Situation, deal: Deal): DealTypeRules => sit.book.dealTypes.get(deal.dealType)!;

/** One deal per type: no party may already have a deal of the type in force, except the one the
 *  new deal supersedes. */
function inForceCheck(sit: Situation, type: DealTypeRules, parties: readonly string[], supersedes: string | null): Check {
  for (const old of sit.inForce(type.id)) {
    if (old.id === supersedes) continue;
    const party = parties.find((p) => old.parties.includes(p));
    if (party)
      return refuse('deal-type-in-force', () => ({ role: party, dealType: type.id, deal: old.id }));
  }
  return null;
}

/** A deal may supersede one deal of its type in force, and then keeps every party of it. */
function supersedesCheck(sit: Situation, type: DealTypeRules, parties: readonly string[], supersedes: string | null | undefined): Check {
  if (supersedes === undefined || supersedes === null) return null;
  const old = sit.inForce(type.id).find((d) => d.id === supersedes);
  if (!old) return refuse('wrong-status', () => ({ reason: 'notInForce', deal: supersedes, dealType: type.id }));
  const missing = old.parties.find((p) => !parties.includes(p));
  return missing ? refuse('bad-parties', () => ({ reason: 'keepParties', deal: old.id, role: missing })) : null;
}

/** Bans and the one-deal-per-type rule for a deal going ahead; a deal carried by a track II
 *  relationship (`bridged`) is not stopped by bans. */
function goAheadCheck(sit: Situation, deal: Deal): Check {
  const type = typeOf(sit, deal);
  return (deal.bridged ? null : banCheck(sit, type, deal.parties)) ?? inForceCheck(sit, type, deal.parties, deal.supersedes);
}

/** Whether a draft of this type could be proposed now (its parties' bans aside). */
function proposeTypeCheck(sit: Situation, type: DealTypeRules): Check {
  return (
    kindCheck(sit, type) ??
    seatCheck(sit) ??
    dealPhaseCheck(sit, type.track, 'propose', 'propose') ??
    powerCheck(sit, 'propose', 'propose') ??
    lockCheck(sit, type)
  );
}

function draftTypeCheck(sit: Situation, type: DealTypeRules): Check {
  return kindCheck(sit, type) ?? seatCheck(sit) ?? dealPhaseCheck(sit, type.track, 'draft', 'draft') ?? lockCheck(sit, type);
}

type DealMoveType = 'editDraft' | 'proposeDeal' | 'counterDeal' | 'acceptDeal' | 'rejectDeal' | 'withdrawDeal' | 'signDeal' | 'ratifyDeal' | 'breachDeal' | 'adoptMemorandum';

/** The moves on one deal, before their content (parties, terms) is looked at. */
const DEAL_CHECKS: Record<DealMoveType, (sit: Situation, deal: Deal) => Check> = {
  editDraft: (sit, deal) => statusCheck(deal, ['draft'], 'edit') ?? seatCheck(sit) ?? dealPhaseCheck(sit, deal.track, 'draft', 'draft'),
  proposeDeal: (sit, deal) => statusCheck(deal, ['draft'], 'propose') ?? proposeTypeCheck(sit, typeOf(sit, deal)) ?? goAheadCheck(sit, deal),
  counterDeal: (sit, deal) =>
    partyCheck(sit, deal) ??
    statusCheck(deal, ['proposed'], 'counter') ??
    seatCheck(sit) ??
    dealPhaseCheck(sit, deal.track, 'propose', 'counter') ??
    powerCheck(sit, 'propose', 'counter') ??
    (deal.bridged ? null : banCheck(sit, typeOf(sit, deal), deal.parties)),
  acceptDeal: (sit, deal) =>
    partyCheck(sit, deal) ??
    statusCheck(deal, ['proposed'], 'accept') ??
    doneCheck(sit, deal, deal.acceptedBy, 'accepted') ??
    seatCheck(sit) ??
    dealPhaseCheck(sit, deal.track, 'respond', 'respond') ??
    powerCheck(sit, 'propose', 'accept') ??
    goAheadCheck(sit, deal),
  rejectDeal: (sit, deal) =>
    partyCheck(sit, deal) ??
    (deal.author === sit.role ? refuse('wrong-status', () => ({ reason: 'ownDeal', deal: deal.id })) : null) ??
    statusCheck(deal, ['proposed', 'accepted'], 'reject') ??
    seatCheck(sit) ??
    dealPhaseCheck(sit, deal.track, 'respond', 'respond') ??
    powerCheck(sit, 'propose', 'reject'),
  withdrawDeal: (sit, deal) =>
    deal.track === 2 && deal.status === 'inForce'
      ? // A memorandum binds no one: any signatory may leave it (with consequences, deals.ts).
        partyCheck(sit, deal) ?? seatCheck(sit) ?? dealPhaseCheck(sit, 2, 'respond', 'withdraw') ?? powerCheck(sit, 'sign', 'leave')
      : (deal.author === sit.role ? null : refuse('not-a-party', () => ({ reason: 'author', author: deal.author, deal: deal.id }))) ??
    statusCheck(deal, ['draft', 'proposed', 'accepted', 'signed'], 'withdraw') ??
    seatCheck(sit) ??
    (deal.status === 'draft'
      ? // A draft was never seen by anyone else: any seat may discard it while drafting or answering.
        phaseCheck(sit, 'withdraw', `discard/${deal.track}`, (a) => dealStepAllowed(a, deal.track, 'draft') || dealStepAllowed(a, deal.track, 'respond'))
      : dealPhaseCheck(sit, deal.track, 'respond', 'withdraw') ?? powerCheck(sit, 'propose', 'withdraw')),
  signDeal: (sit, deal) =>
    partyCheck(sit, deal) ??
    statusCheck(deal, ['accepted'], 'sign') ??
    doneCheck(sit, deal, deal.signedBy, 'signed') ??
    seatCheck(sit) ??
    dealPhaseCheck(sit, deal.track, 'sign', 'sign') ??
    powerCheck(sit, 'sign', 'sign') ??
    goAheadCheck(sit, deal),
  ratifyDeal: (sit, deal) =>
    partyCheck(sit, deal) ??
    statusCheck(deal, ['signed'], 'ratify') ??
    (sit.book.roles.get(sit.role)!.kind === 'government' ? null : refuse('wrong-status', () => ({ reason: 'notGovernment', role: sit.role }))) ??
    doneCheck(sit, deal, deal.ratifiedBy, 'ratified') ??
    seatCheck(sit) ??
    dealPhaseCheck(sit, deal.track, 'ratify', 'ratify') ??
    powerCheck(sit, 'ratify', 'ratify') ??
    goAheadCheck(sit, deal),
  breachDeal: (sit, deal) =>
    partyCheck(sit, deal) ??
    statusCheck(deal, ['inForce'], 'break') ??
    (deal.track === 2 ? refuse('wrong-status', () => ({ reason: 'memorandumBinds', deal: deal.id })) : null) ??
    seatCheck(sit) ??
    allowCheck(sit, 'breach', 'breach') ??
    powerCheck(sit, 'act', 'breach'),
  adoptMemorandum: (sit, memo) => {
    const memoType = typeOf(sit, memo);
    const role = sit.book.roles.get(sit.role)!;
    if (memo.track !== 2 || !memoType.adoptAs) return refuse('wrong-status', () => ({ reason: 'notAdoptable', dealType: memoType.id }));
    if (role.kind !== 'government') return refuse('not-a-party', () => ({ reason: 'government' }));
    const target = sit.book.dealTypes.get(memoType.adoptAs)!;
    return (
      statusCheck(memo, ['inForce'], 'adopt') ??
      (memo.parties.some((p) => sit.book.roles.get(p)?.nations.some((nation) => role.nations.includes(nation)))
        ? null
        : refuse('not-a-party', () => ({ reason: 'nation', role: role.id, nations: role.nations }))) ??
      kindCheck(sit, target) ??
      seatCheck(sit) ??
      allowCheck(sit, 'propose', 'adopt') ??
      powerCheck(sit, 'propose', 'adopt') ??
      lockCheck(sit, target)
    );
  },
};

/** A channel, or a group about to be opened (no channel yet), closed by a constraint in force. */
function closedCheck(sit: Situation, channel: Pick<Channel, 'id' | 'kind' | 'members' | 'track'>): Check {
  const constraint = closingConstraint(channel, sit.constraints);
  if (!constraint) return null;
  return refuse('channel-closed', (): ErrorParams => (channel.id ? { reason: 'channel', channel: channel.id, constraint: constraint.id } : { reason: 'group', constraint: constraint.id }));
}

function chatCheck(sit: Situation, id: string): Check {
  const channel = sit.channel(id);
  if (!channel) return refuse('unknown-channel', () => ({ channel: id }));
  if (!channel.members.includes(sit.role)) return refuse('not-a-member', () => ({ role: sit.role, channel: id }));
  return seatCheck(sit, true) ?? allowCheck(sit, 'chat', 'chat') ?? closedCheck(sit, channel);
}

function groupCheck(sit: Situation): Check {
  if (!sit.book.rules.channels.groups.allowed) return refuse('groups-disabled');
  return seatCheck(sit) ?? allowCheck(sit, 'chat', 'group');
}

function statementCheck(sit: Situation): Check {
  return seatCheck(sit) ?? allowCheck(sit, 'statement', 'statement') ?? powerCheck(sit, 'speak', 'speak');
}

function actionCheck(sit: Situation, def: ActionRules): Check {
  const role = sit.book.roles.get(sit.role)!;
  if (!listed(role, def)) return refuse('not-your-kind', () => ({ reason: 'action', role: role.id, action: def.id }));
  const used = sit.actionUses[def.id] ?? 0;
  return (
    seatCheck(sit) ??
    allowCheck(sit, 'unilateral', 'unilateral') ??
    powerCheck(sit, 'act', 'act') ??
    (def.maxUses !== undefined && used >= def.maxUses ? refuse('max-uses', () => ({ action: def.id, used })) : null) ??
    (sit.requirementMet(def.id) ? null : refuse('action-unavailable', () => ({ action: def.id }))) ??
    costCheck(sit, def)
  );
}

function costCheck(sit: Situation, def: ActionRules): Check {
  for (const [resource, amount] of Object.entries(def.cost)) {
    const has = sit.resources[resource] ?? 0;
    if (has < amount) return refuse('insufficient-resources', () => ({ action: def.id, amount, resource, role: sit.role, has }));
  }
  return null;
}

// --- Content: parties, terms, members -------------------------------------------------------------

function partiesCheck(sit: Situation, type: DealTypeRules, parties: readonly string[]): Check {
  for (const p of parties) if (!sit.book.roles.has(p)) return refuse('unknown-role', () => ({ role: String(p) }));
  const unique = new Set(parties);
  if (unique.size !== parties.length) return refuse('bad-parties', () => ({ reason: 'twice' }));
  if (!unique.has(sit.role)) return refuse('bad-parties', () => ({ reason: 'self', role: sit.role }));
  const { min, max } = type.parties;
  if (unique.size < min || unique.size > max) return refuse('bad-parties', () => ({ reason: 'count', dealType: type.id, min, max, count: unique.size }));
  const eligible = sit.book.eligible.get(type.id)!;
  for (const p of unique) if (!eligible.includes(p)) return refuse('bad-parties', () => ({ reason: 'ineligible', role: p, dealType: type.id }));
  return null;
}

/** One option per issue, nothing else. */
function termsCheck(type: DealTypeRules, terms: Record<string, string>): Check {
  if (typeof terms !== 'object' || terms === null) return refuse('bad-terms', () => ({ reason: 'missing' }));
  for (const issue of type.issues) {
    const option = Object.hasOwn(terms, issue.id) ? terms[issue.id] : undefined;
    if (option === undefined) return refuse('bad-terms', () => ({ reason: 'pick', dealType: type.id, issue: issue.id }));
    if (!issue.options.some((o) => o.id === option)) return refuse('bad-terms', () => ({ reason: 'option', dealType: type.id, issue: issue.id, option: String(option) }));
  }
  for (const key of Object.keys(terms)) if (!type.issues.some((i) => i.id === key)) return refuse('bad-terms', () => ({ reason: 'issue', dealType: type.id, issue: key }));
  return null;
}

/** An adoption keeps the memorandum's terms and fills in the agreement's other issues. */
function adoptTermsCheck(memoType: DealTypeRules, target: DealTypeRules, memo: Deal, terms: Record<string, string>): Check {
  if (typeof terms !== 'object' || terms === null) return refuse('bad-terms', () => ({ reason: 'missing' }));
  const settled = Object.keys(terms).find((k) => memoType.issues.some((i) => i.id === k));
  if (settled) return refuse('bad-terms', () => ({ reason: 'settled', dealType: memoType.id, issue: settled }));
  return termsCheck(target, { ...terms, ...memo.versions[memo.versions.length - 1].terms });
}

function counterTermsCheck(type: DealTypeRules, deal: Deal, terms: Record<string, string>): Check {
  const before = deal.versions[deal.versions.length - 1].terms;
  return termsCheck(type, terms) ?? (type.issues.every((i) => before[i.id] === terms[i.id]) ? refuse('bad-terms', () => ({ reason: 'unchanged' })) : null);
}

/** Members of a new group: the opener's role and the ones it invites, in scenario order. */
export function groupMembers(roleIds: readonly string[], opener: string, invited: readonly string[]): string[] {
  return roleIds.filter((id) => id === opener || invited.includes(id));
}

function membersCheck(sit: Situation, invited: readonly string[]): Check {
  for (const m of invited) if (!sit.book.roles.has(m)) return refuse('unknown-role', () => ({ role: String(m) }));
  if (!invited.some((m) => m !== sit.role)) return refuse('bad-parties', () => ({ reason: 'invite' }));
  const members = groupMembers(sit.book.roleIds, sit.role, invited);
  const { maxMembers } = sit.book.rules.channels.groups;
  if (members.length > maxMembers) return refuse('bad-parties', () => ({ reason: 'groupSize', max: maxMembers }));
  return closedCheck(sit, { id: '', kind: 'group', members, track: channelTrack(sit.book.roles, members) });
}

/**
 * Whether the seat may make this move now: null, or why not. The engine applies a player's move
 * only when this returns null, so it is the whole of the rules on who may do what.
 */
export function checkMove(sit: Situation, action: PlayerAction): Refused | null {
  const { book } = sit;
  switch (action.type) {
    case 'chat':
      return chatCheck(sit, action.channel);
    case 'openGroup':
      return groupCheck(sit) ?? membersCheck(sit, action.members);
    case 'draftDeal': {
      const type = book.dealTypes.get(action.dealType);
      if (!type) return refuse('unknown-deal-type', () => ({ dealType: String(action.dealType) }));
      return (
        draftTypeCheck(sit, type) ??
        partiesCheck(sit, type, action.parties) ??
        termsCheck(type, action.terms) ??
        supersedesCheck(sit, type, action.parties, action.supersedes)
      );
    }
    case 'publicStatement':
      return statementCheck(sit) ?? (book.tones.has(action.tone) ? null : refuse('unknown-tone', () => ({ tone: String(action.tone) })));
    case 'unilateralAction': {
      const def = book.actions.get(action.action);
      if (!def) return refuse('unknown-action', () => ({ action: String(action.action) }));
      return actionCheck(sit, def);
    }
    case 'ready':
      return seatCheck(sit);
  }
  const deal = sit.deal(action.deal);
  if (!deal) return refuse('unknown-deal', () => ({ deal: String(action.deal) }));
  const refusal = DEAL_CHECKS[action.type](sit, deal);
  if (refusal) return refusal;
  switch (action.type) {
    case 'editDraft':
      return (
        partiesCheck(sit, typeOf(sit, deal), action.parties) ??
        termsCheck(typeOf(sit, deal), action.terms) ??
        supersedesCheck(sit, typeOf(sit, deal), action.parties, action.supersedes)
      );
    case 'counterDeal':
      return counterTermsCheck(typeOf(sit, deal), deal, action.terms);
    case 'adoptMemorandum': {
      const target = book.dealTypes.get(typeOf(sit, deal).adoptAs!)!;
      const supersedes = action.supersedes ?? null;
      return (
        partiesCheck(sit, target, action.parties) ??
        adoptTermsCheck(typeOf(sit, deal), target, deal, action.terms ?? {}) ??
        supersedesCheck(sit, target, action.parties, supersedes) ??
        // A memorandum carried by its signatories' relationship goes through bans (a freeze).
        (bridges(book.rules.trackTwo, deal.parties, (a, b) => sit.relationship(a, b)) ? null : banCheck(sit, target, action.parties)) ??
        inForceCheck(sit, target, action.parties, supersedes)
      );
    }
    default:
      return null;
  }
}

// --- What a seat may do now -----------------------------------------------------------------------

/** One move: available now, or refused with the engine's code and details. */
export type Move = { available: true } | Refused;

interface DealTypeMoves {
  /** Start a draft of this type. */
  draftDeal: Move;
  /** Propose a draft of this type (bans between its parties aside). */
  propose: Move;
  /** The roles that may be parties, the seat's own role among them; how many a deal takes. */
  parties: string[];
  min: number;
  max: number;
  /** The active constraints' bans on deals of this type (see banForbids). */
  bans: DealBan[];
  /** The deals of this type in force. One deal per type: none of their parties may enter
   *  another, except one that `supersedes` the deal and keeps all its parties. */
  inForce: { deal: string; parties: string[] }[];
}

export type DealMoves = Record<DealMoveType, Move>;

export interface AvailableMoves {
  ready: Move;
  /** Per channel the seat can see: may it post there now? */
  chat: Record<string, Move>;
  /** Open a coalition group, */
  openGroup: Move;
  /** ... with whom: at most maxMembers in all, and no two of a pair a constraint keeps apart. */
  group: { invite: string[]; maxMembers: number; apart: [string, string][] };
  /** Per deal type of the scenario. A draft's terms pick one option per issue. */
  dealTypes: Record<string, DealTypeMoves>;
  /** Per deal the seat can see. A counter-proposal changes at least one term; an adoption's
   *  parties follow `dealTypes[adoptAs]`. */
  deals: Record<string, DealMoves>;
  /** A statement in any of the scenario's tones. */
  publicStatement: Move;
  /** Per unilateral action of the scenario. */
  unilateralAction: Record<string, Move>;
}

const AVAILABLE: Move = { available: true };
const moveOf = (check: Check): Move => check ?? AVAILABLE;

/** Refusals that mean the move makes no sense for the seat (not its deal, not at that stage,
 *  already done, not for its kind, the game over), rather than "not now" or "not this seat". */
const BESIDE_THE_POINT = new Set<ErrorCode>([
  'unknown-deal',
  'unknown-deal-type',
  'unknown-channel',
  'unknown-action',
  'not-a-party',
  'not-a-member',
  'wrong-status',
  'already-done',
  'not-your-kind',
  'groups-disabled',
  'game-over',
]);

/** Whether a move concerns the seat: available, or refused only for now or for lack of a power
 *  (the phase, a pause, a constraint, a limit, a cost), so a screen shows it with the reason. */
export function concerns(move: Move): boolean {
  return move.available || !BESIDE_THE_POINT.has(move.reason);
}

/** Every move of the seat in a situation, over the deals and channels it can see. */
function movesIn(sit: Situation, deals: Iterable<Deal>, channels: Iterable<Channel>): AvailableMoves {
  const { book } = sit;
  const chat: Record<string, Move> = {};
  for (const channel of channels) chat[channel.id] = moveOf(chatCheck(sit, channel.id));

  const apart: [string, string][] = [];
  for (const c of sit.constraints) for (const t of c.closesChannels) if ('between' in t) apart.push(t.between);

  const dealTypes: Record<string, DealTypeMoves> = {};
  for (const type of book.rules.dealTypes) {
    const bans: DealBan[] = [];
    for (const c of sit.constraints) for (const ban of c.bansDeals) if (!ban.dealTypes || ban.dealTypes.includes(type.id)) bans.push(ban);
    dealTypes[type.id] = {
      draftDeal: moveOf(draftTypeCheck(sit, type)),
      propose: moveOf(proposeTypeCheck(sit, type)),
      parties: book.eligible.get(type.id)!,
      min: type.parties.min,
      max: type.parties.max,
      bans,
      inForce: sit.inForce(type.id).map((d) => ({ deal: d.id, parties: d.parties })),
    };
  }

  const dealMoves: Record<string, DealMoves> = {};
  for (const deal of deals) {
    const moves = {} as DealMoves;
    for (const type of Object.keys(DEAL_CHECKS) as DealMoveType[]) moves[type] = moveOf(DEAL_CHECKS[type](sit, deal));
    dealMoves[deal.id] = moves;
  }

  const unilateralAction: Record<string, Move> = {};
  for (const def of book.rules.actions) unilateralAction[def.id] = moveOf(actionCheck(sit, def));

  return {
    ready: moveOf(seatCheck(sit)),
    chat,
    openGroup: moveOf(groupCheck(sit)),
    group: { invite: book.roleIds.filter((id) => id !== sit.role), maxMembers: book.rules.channels.groups.maxMembers, apart },
    dealTypes,
    deals: dealMoves,
    publicStatement: moveOf(statementCheck(sit)),
    unilateralAction,
  };
}

/**
 * What the viewer's seat may do now, from its own view and the public scenario (the full one
 * works too): the same answer the engine gives, so a screen or a bot offers exactly the moves the
 * engine accepts. Null for a spectator or the facilitator.
 */
export function availableMoves(view: GameView, scenario: Rules): AvailableMoves | null {
  const sit = situationInView(view, scenario);
  return sit && movesIn(sit, view.deals, view.channels);
}
