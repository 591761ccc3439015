// What one viewer may see of a game. `viewFor` builds it from the full state; everything a client
// receives goes through here, so a secret that is not copied into a view cannot leak. Secrets of
// other roles are ABSENT from a view (no key at all), never blanked.
import { classPlans, type ClassPlan } from '../scenario/classFormat';
import type { DealBan, Role, Scenario } from '../scenario/schema';
import { closedBy, type ChannelRules } from './channels';
import { holds } from './conditions';
import { activeConstraints, listed, requirementMet } from './moves';
import { indexScenario, seatKey, type ScenarioIndex } from './scenarioIndex';
import { relationshipKey } from './relationships';
import { evaluateProposal, score, scoreRole } from './score';
import type {
  Channel,
  Clock,
  Deal,
  GameState,
  Message,
  Participation,
  ProposalValue,
  RoleScore,
  TimelineEntry,
  Viewer,
  Whisper,
} from './types';

/** A seat as everyone sees it: who sits there (a student's display name, or a bot label). */
export interface SeatView {
  role: string;
  seat: string;
  title: string;
  powers: string[];
  /** Who sits there: a student's name, or a bot (`name` is "Bot": show it with the seat's title,
   *  "Bot · Ambassador"). */
  occupant: { kind: 'human'; name: string } | { kind: 'bot'; name: string } | null;
  ready: boolean;
}

/** Public facts about a delegation. */
export interface RolePublic {
  id: string;
  name: string;
  kind: Role['kind'];
  /** The countries it speaks for: one, or several for a transnational community. */
  nations: string[];
  publicBrief: string;
}

/** An active constraint as shown to players (label and why). */
export interface ConstraintView {
  id: string;
  label: string;
  description: string;
  source?: string;
  /** Deals it forbids (public rules, so players and bots do not draft what would be refused). */
  bansDeals: DealBan[];
  /** Channels it closes (public rules: which groups can be opened follows from them). */
  closesChannels: ChannelRules['closesChannels'];
}

export interface ChannelView extends Channel {
  open: boolean;
  /** The label of the constraint that closes it, when closed. */
  closedBy: string | null;
  /** Oldest first. Absent for channels the viewer may list but not read (facilitator, private). */
  messages?: Message[];
  /** The facilitator only: messages sent here per sender role. Counts, never content, so the
   *  who-talks-to-whom graph works live even where private channels are not readable. */
  messagesBy?: Record<string, number>;
}

/** An event the facilitator may still inject (it has not fired). */
export interface InjectableEvent {
  id: string;
  title: string;
  /** A card still in the random deck (else a scheduled or conditional event not yet fired). */
  inDeck: boolean;
}

/** A delegation's secrets, for the facilitator's per-delegation view (objectives and whether
 *  they are met are in the facilitator's scores). */
export interface DelegationSecrets {
  id: string;
  confidentialBrief: string;
  pointTables: Role['pointTables'];
}

/** After `revealAll` or the end of the game: every role's secrets and every score. */
export interface Debrief {
  roles: {
    id: string;
    confidentialBrief: string;
    objectives: { id: string; description: string; points: number; met: boolean }[];
    pointTables: Role['pointTables'];
  }[];
  scores: RoleScore[];
}

export interface GameView {
  viewer: Viewer;
  scenarioId: string;
  /** Accepted actions so far: a client holding seq N is up to date with the server at N. */
  seq: number;
  status: GameState['status'];
  round: number;
  roundLabel: string | null;
  phaseIndex: number;
  phase: { id: string; label: string; description: string | null; minutes: number; allows: string[] } | null;
  clock: Clock;
  outcome: GameState['outcome'];
  tracks: Record<string, number>;
  /** Resources of every role (public). */
  resources: Record<string, Record<string, number>>;
  constraints: ConstraintView[];
  unlockedDealTypes: string[];
  roles: RolePublic[];
  seats: SeatView[];
  /** trust[from][to]: rows and columns involving the viewer's role (everything for the facilitator). */
  trust: Record<string, Record<string, number>>;
  channels: ChannelView[];
  /** Deals the viewer may see: in force for everyone; a party's deals once proposed; its own drafts. */
  deals: Deal[];
  timeline: ViewTimelineEntry[];
  /** Debrief charts: tracks per round for all; trust filtered like `trust`. */
  history: GameState['history'];
  /** Uses of limited unilateral actions by the viewer's role (everything for the facilitator). */
  actionUses: Record<string, Record<string, number>>;
  revealed: boolean;
  /** Track II relationships (rounds of contact, `relationshipKey` pairs) the viewer knows: its
   *  own, and those of the signatories of memoranda it can see (everything for the facilitator). */
  relationships: Record<string, number>;

  /** A seat only: its own role, confidential brief, objectives and point tables included. */
  me?: {
    role: Role;
    seat: string;
    /** What each visible deal (of a type it has a table for) is worth to the viewer's role. */
    dealValues: Record<string, ProposalValue>;
    score: RoleScore;
    whispers: Whisper[];
    /** The role's unilateral actions whose scenario condition (`requires`) does not hold now. The
     *  condition may read what the role cannot see; whether it holds is the role's to know. */
    unmetRequirements: string[];
    /** Deal types whose `hostileCost` would be charged if one entered into force now. */
    hostile: string[];
  };
  /** The facilitator only. */
  facilitator?: {
    scores: RoleScore[];
    whispers: Whisper[];
    participation: Record<string, Participation>;
    /** Ids of events fired so far. */
    firedEvents: string[];
    /** Events not fired yet, in scenario order: what the inject panel offers. */
    injectable: InjectableEvent[];
    /** Every delegation's confidential brief and point tables (walk-aways), before any reveal. */
    delegations: DelegationSecrets[];
  };
  /** Everyone, after revealAll or the end of the game. */
  debrief?: Debrief;
  /** In a language the scenario is not (wholly) translated into: keys of the texts of this view
   *  left in the source language that are not in the public scenario's `untranslated`
   *  (shared/scenario/translations.ts; the viewer's confidential brief, say). */
  untranslated?: string[];
}

/** A timeline entry as a viewer reads it: marked when a scenario text in it (an event's) has no
 *  translation into the viewer's language. */
export type ViewTimelineEntry = TimelineEntry & { untranslated?: true };

/** The part of a scenario any client may hold: no confidential briefs, objectives, point tables,
 *  ratification thresholds or unfired events. Sent once when a client joins. */
export interface PublicScenario {
  id: string;
  title: string;
  summary: string;
  era: string;
  durationMinutes: number;
  learningObjectives: string[];
  sources: Scenario['sources'];
  discussionPrompts: string[];
  tracks: Scenario['tracks'];
  resources: Scenario['resources'];
  trust: { min: number; max: number };
  roles: (RolePublic & { seats: Role['seats'] })[];
  channels: Omit<Scenario['channels'], 'networks'> & { networks: Scenario['channels']['networks'] };
  constraints: ConstraintView[];
  /** Deal types without their effects (an option's `onForce` stays: it is part of the terms). */
  dealTypes: Omit<Scenario['dealTypes'][number], 'onForce' | 'eachRound' | 'onBreach' | 'onWithdraw' | 'hostileCost'>[];
  trackTwo: Scenario['trackTwo'];
  statements: Omit<Scenario['statements'][number], 'effects'>[];
  actions: Omit<Scenario['actions'][number], 'requires' | 'effects'>[];
  rounds: Scenario['rounds'];
  /** The class formats' minutes; in a session's scenario, only the format it plays. Optional: the
   *  bots read a full scenario as its public one. */
  classPlans?: ClassPlan[];
  /** Asked in another language than the scenario's own: that language, the scenario's own
   *  (`sourceLanguage`), and the keys of the texts left in it (shared/scenario/translations.ts). */
  language?: string;
  sourceLanguage?: string;
  untranslated?: string[];
}

// ---------------------------------------------------------------------------------------------
// Building views

const PUBLIC_DEAL_STATUSES = new Set<Deal['status']>(['inForce', 'adopted', 'breached', 'superseded']);

function occupantView(state: GameState, key: string): SeatView['occupant'] {
  const occupant = state.seats[key].occupant;
  if (!occupant) return null;
  if (occupant.kind === 'human') return { kind: 'human', name: occupant.name };
  return { kind: 'bot', name: 'Bot' };
}

/** Trust rows and columns involving `role`. */
function trustOf(trust: GameState['trust'], role: string): GameState['trust'] {
  const out: GameState['trust'] = { [role]: trust[role] };
  for (const from in trust) if (from !== role) out[from] = { [role]: trust[from][role] };
  return out;
}

/** What a deal's terms are worth to a role: by its own table, or (a memorandum) by the table of
 *  the agreement it can be adopted as. */
function dealValue(scenario: Scenario, ix: ScenarioIndex, role: Role, deal: Deal): ProposalValue | null {
  const terms = deal.versions[deal.versions.length - 1].terms;
  const direct = evaluateProposal(scenario, role.id, deal.dealType, terms);
  if (direct) return direct;
  const adoptAs = ix.dealTypes.get(deal.dealType)?.adoptAs;
  return adoptAs ? evaluateProposal(scenario, role.id, adoptAs, terms) : null;
}

const NO_MESSAGES: Message[] = [];
const countCache = new WeakMap<Message[], Record<string, number>>();

/** Messages per sender role; cached per message list (a list is replaced, never changed, when a
 *  message is added), so an unchanged channel keeps the same object from view to view. */
function messagesBy(messages: Message[]): Record<string, number> {
  let counts = countCache.get(messages);
  if (counts) return counts;
  counts = {};
  for (const m of messages) if (m.role !== null) counts[m.role] = (counts[m.role] ?? 0) + 1;
  countCache.set(messages, counts);
  return counts;
}

const injectableCache = new WeakMap<string[], { deck: string[]; events: InjectableEvent[] }>();

function injectableEvents(scenario: Scenario, state: GameState): InjectableEvent[] {
  const cached = injectableCache.get(state.firedEvents);
  if (cached && cached.deck === state.deck) return cached.events;
  const events = scenario.events
    .filter((e) => !state.firedEvents.includes(e.id))
    .map((e) => ({ id: e.id, title: e.title, inDeck: state.deck.includes(e.id) }));
  injectableCache.set(state.firedEvents, { deck: state.deck, events });
  return events;
}

const delegationCache = new WeakMap<Scenario, DelegationSecrets[]>();

function delegationSecrets(scenario: Scenario): DelegationSecrets[] {
  let delegations = delegationCache.get(scenario);
  if (!delegations) {
    delegations = scenario.roles.map((r) => ({ id: r.id, confidentialBrief: r.confidentialBrief, pointTables: r.pointTables }));
    delegationCache.set(scenario, delegations);
  }
  return delegations;
}

function debriefOf(state: GameState, scenario: Scenario, scores: RoleScore[]): Debrief {
  return {
    roles: scenario.roles.map((role, i) => ({
      id: role.id,
      confidentialBrief: role.confidentialBrief,
      objectives: scores[i].objectives,
      pointTables: role.pointTables,
    })),
    scores,
  };
}

/** The view of the game one viewer may receive. Pure; shares unchanged arrays with the state. */
export function viewFor(state: GameState, scenario: Scenario, viewer: Viewer): GameView {
  const ix = indexScenario(scenario);
  const isFacilitator = viewer.kind === 'facilitator';
  const myRole = viewer.kind === 'seat' ? ix.roles.get(viewer.role) : undefined;
  if (viewer.kind === 'seat' && (!myRole || !ix.seats.has(seatKey(viewer.role, viewer.seat))))
    throw new Error(`viewFor: no seat ${viewer.role}/${viewer.seat} in ${scenario.id}`);
  const revealed = state.revealed;
  const readsPrivate = isFacilitator && (scenario.channels.facilitatorReadsPrivate || revealed || state.status === 'ended');

  const constraints = activeConstraints(scenario, state);
  const channels: ChannelView[] = [];
  for (const id in state.channels) {
    const channel = state.channels[id];
    const member = myRole !== undefined && channel.members.includes(myRole.id);
    if (!(isFacilitator || member || channel.kind === 'public')) continue;
    const reason = closedBy(channel, constraints);
    const view: ChannelView = { id: channel.id, kind: channel.kind, members: channel.members, track: channel.track, open: reason === null, closedBy: reason };
    if (channel.label !== undefined) view.label = channel.label;
    if (member || channel.kind === 'public' || readsPrivate) view.messages = state.messages[id] ?? [];
    if (isFacilitator) view.messagesBy = messagesBy(state.messages[id] ?? NO_MESSAGES);
    channels.push(view);
  }

  const deals: Deal[] = [];
  for (const id in state.deals) {
    const deal = state.deals[id];
    const visible =
      isFacilitator ||
      PUBLIC_DEAL_STATUSES.has(deal.status) ||
      (myRole !== undefined &&
        (deal.status === 'draft' ? deal.author === myRole.id : deal.parties.includes(myRole.id)));
    if (visible) deals.push(deal);
  }

  const trust = isFacilitator || revealed ? state.trust : myRole ? trustOf(state.trust, myRole.id) : {};
  const history =
    isFacilitator || revealed
      ? state.history
      : state.history.map((h) => ({ round: h.round, tracks: h.tracks, trust: myRole ? trustOf(h.trust, myRole.id) : {} }));

  const phase = state.status === 'lobby' ? null : ix.phases[state.phaseIndex];
  const view: GameView = {
    viewer,
    scenarioId: state.scenarioId,
    seq: state.seq,
    status: state.status,
    round: state.round,
    roundLabel: scenario.rounds.labels?.[state.round - 1] ?? null,
    phaseIndex: state.phaseIndex,
    phase: phase
      ? { id: phase.id, label: phase.label, description: phase.description ?? null, minutes: phase.minutes, allows: phase.allows }
      : null,
    clock: state.clock,
    outcome: state.outcome,
    tracks: state.tracks,
    resources: state.resources,
    constraints: state.activeConstraints.map((id) => constraintView(ix.constraints.get(id)!)),
    unlockedDealTypes: state.unlockedDealTypes,
    roles: scenario.roles.map(rolePublic),
    seats: Object.keys(state.seats).map((key) => {
      const seat = state.seats[key];
      const def = ix.seats.get(key)!;
      return { role: seat.role, seat: seat.seat, title: def.title, powers: def.powers, occupant: occupantView(state, key), ready: seat.ready };
    }),
    trust,
    channels,
    deals,
    timeline: state.timeline,
    history,
    actionUses: isFacilitator ? state.actionUses : myRole ? { [myRole.id]: state.actionUses[myRole.id] } : {},
    revealed,
    relationships: isFacilitator || revealed ? (state.relationships ?? {}) : myRole ? relationshipsKnown(state, myRole.id, deals) : {},
  };

  if (myRole && viewer.kind === 'seat') {
    const dealValues: Record<string, ProposalValue> = {};
    for (const deal of deals) {
      const value = dealValue(scenario, ix, myRole, deal);
      if (value) dealValues[deal.id] = value;
    }
    view.me = {
      role: myRole,
      seat: viewer.seat,
      dealValues,
      score: scoreRole(state, scenario, myRole),
      whispers: state.whispers.filter((w) => w.role === myRole.id),
      unmetRequirements: scenario.actions
        .filter((a) => listed(myRole, a) && !requirementMet(scenario, state, myRole.id, a.requires))
        .map((a) => a.id),
      hostile: scenario.dealTypes
        .filter((d) => d.hostileCost && holds(d.hostileCost.when, scenario, state, { self: myRole.id, actor: myRole.id, parties: [myRole.id] }))
        .map((d) => d.id),
    };
  }
  const scores = isFacilitator || revealed ? score(state, scenario) : null;
  if (isFacilitator)
    view.facilitator = {
      scores: scores!,
      whispers: state.whispers,
      participation: state.participation,
      firedEvents: state.firedEvents,
      injectable: injectableEvents(scenario, state),
      delegations: delegationSecrets(scenario),
    };
  if (revealed) view.debrief = debriefOf(state, scenario, scores!);
  return view;
}

/** The relationships a role knows of: its own, and its visible memoranda's signatories'. */
function relationshipsKnown(state: GameState, role: string, deals: readonly Deal[]): Record<string, number> {
  const all = state.relationships ?? {};
  const known: Record<string, number> = {};
  for (const key in all) if (key.split(':').includes(role)) known[key] = all[key];
  for (const deal of deals)
    if (deal.track === 2)
      for (const a of deal.parties)
        for (const b of deal.parties) {
          const key = relationshipKey(a, b);
          if (a < b && key in all) known[key] = all[key];
        }
  return known;
}

function rolePublic(role: Role): RolePublic {
  return { id: role.id, name: role.name, kind: role.kind, nations: role.nations, publicBrief: role.publicBrief };
}

function constraintView(c: Scenario['constraints'][number]): ConstraintView {
  const view: ConstraintView = { id: c.id, label: c.label, description: c.description, bansDeals: c.bansDeals, closesChannels: c.closesChannels };
  return c.source === undefined ? view : { ...view, source: c.source };
}

const publicCache = new WeakMap<Scenario, PublicScenario>();

/** The scenario without anything secret (see PublicScenario). Cached per scenario object. */
export function publicScenario(scenario: Scenario): PublicScenario {
  let pub = publicCache.get(scenario);
  if (pub) return pub;
  pub = {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    era: scenario.era,
    durationMinutes: scenario.durationMinutes,
    learningObjectives: scenario.learningObjectives,
    sources: scenario.sources,
    discussionPrompts: scenario.discussionPrompts,
    tracks: scenario.tracks,
    resources: scenario.resources,
    trust: { min: scenario.trust.min, max: scenario.trust.max },
    roles: scenario.roles.map((r) => ({ ...rolePublic(r), seats: r.seats })),
    channels: scenario.channels,
    constraints: scenario.constraints.map(constraintView),
    dealTypes: scenario.dealTypes.map(({ onForce: _f, eachRound: _e, onBreach: _b, onWithdraw: _w, hostileCost: _h, ...type }) => type),
    trackTwo: scenario.trackTwo,
    statements: scenario.statements.map((t) => ({ id: t.id, label: t.label, tone: t.tone })),
    actions: scenario.actions.map(({ requires: _r, effects: _e, ...action }) => action),
    rounds: scenario.rounds,
    classPlans: classPlans(scenario),
  };
  publicCache.set(scenario, pub);
  return pub;
}
