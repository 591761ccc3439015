// The game state and what the engine returns. Plain JSON data (no classes, no Maps), so a state
// can be stored, compared field for field, and sent over the wire after `viewFor` filters it.
import type { Action, Actor, Advice, Occupant, Viewer } from '../protocol/actions';
import type { DealStatusName, Scenario } from '../scenario/schema';

export type { Action, Actor, Viewer, Occupant };

/** `${role}/${seat}` */
export type SeatKey = string;

export interface SeatState {
  role: string;
  seat: string;
  occupant: Occupant | null;
  ready: boolean;
}

export interface DealVersion {
  version: number;
  /** The role that wrote this version. */
  by: string;
  terms: Record<string, string>;
}

export interface Deal {
  id: string;
  dealType: string;
  /** 1: a binding agreement; 2: a track II memorandum. */
  track: 1 | 2;
  author: string;
  parties: string[];
  status: DealStatusName;
  /** Every version, oldest first; the last one is current. */
  versions: DealVersion[];
  acceptedBy: string[];
  signedBy: string[];
  ratifiedBy: string[];
  /** The role that broke it, once breached. */
  breachedBy: string | null;
  /** For an adopted memorandum's proposal: the memorandum it came from. */
  adoptedFrom: string | null;
  /** The deal in force of the same type this one replaces when it enters into force. */
  supersedes: string | null;
  /** Adopted from a memorandum whose signatories have a track II relationship of at least
   *  `trackTwo.bridge`: bans do not stop it and its ratification cannot fail. */
  bridged: boolean;
  round: number;
}

export type ChannelKind = 'public' | 'team' | 'bilateral' | 'network' | 'group';

export interface Channel {
  id: string;
  kind: ChannelKind;
  /** A group's name, as its opener typed it. Other channels have none in the state: each reader
   *  names them in its own language from their kind and members (shared/engine/wording.ts). */
  label?: string;
  /** Member roles (every role for public). */
  members: string[];
  /** 1: track I (official), 2: track II (informal). */
  track: 1 | 2;
}

export interface Message {
  seq: number;
  channel: string;
  /** The sender's role, or null for the facilitator. */
  role: string | null;
  seat: string | null;
  name: string;
  /** Written by a bot in the seat (from the seat's occupant, not the name a student typed). */
  bot: boolean;
  text: string;
  /** A bot adviser's line as codes, which each reader's client words (then `text` is its English). */
  advice?: Advice[];
  at: number;
  round: number;
}

export interface Whisper {
  seq: number;
  role: string;
  text: string;
  at: number;
}

export type TimelineKind =
  | 'phase'
  | 'event'
  | 'news'
  | 'statement'
  | 'deal'
  | 'action'
  | 'constraint'
  | 'collapse'
  | 'game';

/**
 * What a timeline entry says, as a code and its params: never a sentence, so each reader words it
 * in its own language (client/src/i18n `timeline`, server/i18n for the exports) with the scenario's
 * labels in that language (shared/engine/wording.ts). Params are ids of scenario things (role, deal
 * type, constraint, phase, event, tone, action, issue and option in `terms`), deal ids, numbers, and
 * texts that are not glue: a player's words (`statementMade`), a facilitator's news, or a scenario
 * text the game copied (an event's title and text, a news effect's, the collapse's), which a view
 * in another language carries translated (shared/engine/viewLanguage.ts). docs/protocol.md lists them.
 */
export type TimelineMessage =
  | { code: 'gameBegins'; params: Record<string, never> }
  | { code: 'phaseBegins'; params: { round: number; phase: string } }
  | { code: 'constraintInForce'; params: { constraint: string } }
  | { code: 'constraintLifted'; params: { constraint: string } }
  | { code: 'eventFired'; params: { event: string; title: string; text: string } }
  | { code: 'newsPublished'; params: { headline: string; text: string } }
  | { code: 'statementMade'; params: { role: string; tone: string; text: string } }
  | { code: 'actionTaken'; params: { role: string; action: string } }
  | { code: 'dealTypeOpened'; params: { dealType: string } }
  /** An agreement (track I) or a memorandum (track II, by its deal type) enters into force. */
  | { code: 'dealInForce'; params: { deal: string; dealType: string; parties: string[]; terms: Record<string, string> } }
  | { code: 'dealSuperseded'; params: { deal: string; dealType: string; parties: string[]; by: string } }
  | { code: 'ratificationFails'; params: { deal: string; dealType: string; role: string; parties: string[] } }
  | { code: 'dealBroken'; params: { deal: string; dealType: string; role: string; parties: string[] } }
  /** `parties`: the roles wronged (who had agreed); the memorandum was in force (`left`) or the
   *  proposal only accepted. */
  | { code: 'dealWithdrawn'; params: { deal: string; dealType: string; role: string; parties: string[]; left: boolean } }
  /** `bridgedBy`: the memorandum's signatories when their track II relationship carries the proposal. */
  | {
      code: 'memorandumAdopted';
      params: { deal: string; memorandum: string; memorandumType: string; dealType: string; role: string; terms: Record<string, string>; bridgedBy?: string[] };
    }
  | { code: 'commonsCollapsed'; params: { title: string; text: string } }
  | { code: 'gameOver'; params: { reason: 'completed' | 'ended-by-facilitator' | 'collapse' } }
  | { code: 'secretsRevealed'; params: Record<string, never> };

export type TimelineCode = TimelineMessage['code'];

export type TimelineEntry = {
  seq: number;
  at: number;
  round: number;
  kind: TimelineKind;
  /** Roles concerned (for filtering and the debrief), empty for everyone. */
  roles: string[];
} & TimelineMessage;

export interface Clock {
  /** When the current phase started (server ms), null before the start. */
  phaseStartedAt: number | null;
  /** When the current phase ends (server ms); null while paused or not running. */
  deadline: number | null;
  /** Time left when paused. */
  remainingMs: number | null;
}

export interface Participation {
  messages: number;
  proposals: number;
  responses: number;
  signatures: number;
  statements: number;
  actions: number;
  lastActiveSeq: number;
}

export interface GameState {
  scenarioId: string;
  seed: number;
  /** PRNG state: lives in the game state so replay reproduces every draw. */
  rng: number[];
  /** Number of accepted actions so far. */
  seq: number;
  status: 'lobby' | 'running' | 'paused' | 'ended';
  /** 1-based; 0 in the lobby. */
  round: number;
  phaseIndex: number;
  clock: Clock;
  seats: Record<SeatKey, SeatState>;
  tracks: Record<string, number>;
  resources: Record<string, Record<string, number>>;
  /** trust[from][to] */
  trust: Record<string, Record<string, number>>;
  /** Track II relationships: rounds of contact per pair of roles (`relationshipKey`). */
  relationships: Record<string, number>;
  /** Constraint flags set by effects (a constraint may also be active by its condition). */
  constraintFlags: Record<string, boolean>;
  /** Constraints active now (by flag or by condition), in scenario order; recomputed after every change. */
  activeConstraints: string[];
  unlockedDealTypes: string[];
  deals: Record<string, Deal>;
  nextDealNumber: number;
  /** Channels that exist now (scenario channels + groups opened in play). */
  channels: Record<string, Channel>;
  nextGroupNumber: number;
  /** Messages per channel id, oldest first (one array per channel keeps appends cheap). */
  messages: Record<string, Message[]>;
  whispers: Whisper[];
  timeline: TimelineEntry[];
  firedEvents: string[];
  /** Deck events not yet drawn or injected. */
  deck: string[];
  actionUses: Record<string, Record<string, number>>;
  participation: Record<SeatKey, Participation>;
  /** Track and trust values at the end of each round, for the debrief charts. */
  history: { round: number; tracks: Record<string, number>; trust: Record<string, Record<string, number>> }[];
  revealed: boolean;
  outcome: null | { reason: 'completed' | 'ended-by-facilitator' | 'collapse'; at: number };
}

export type ErrorCode =
  | 'invalid-action'
  | 'not-running'
  | 'game-over'
  | 'wrong-phase'
  | 'not-your-seat'
  | 'no-power'
  | 'facilitator-only'
  | 'system-only'
  | 'unknown-channel'
  | 'channel-closed'
  | 'not-a-member'
  | 'unknown-deal'
  | 'unknown-deal-type'
  | 'deal-type-locked'
  | 'deal-type-in-force'
  | 'not-a-party'
  | 'bad-parties'
  | 'bad-terms'
  | 'banned-by-constraint'
  | 'wrong-status'
  | 'already-done'
  | 'unknown-action'
  | 'action-unavailable'
  | 'max-uses'
  | 'not-your-kind'
  | 'insufficient-resources'
  | 'unknown-role'
  | 'unknown-seat'
  | 'unknown-event'
  | 'unknown-tone'
  | 'stale-deadline'
  | 'stale-phase'
  | 'groups-disabled'
  | 'reserved-name';

/** The details of a refusal, for a reader's text (docs/protocol.md, "Errors"): numbers, enum
 *  words, and ids of the scenario's things (a role, a deal type, a phase...), never labels or
 *  sentences, so each client words it in its reader's language with the scenario's own labels. */
export type ErrorParams = Readonly<Record<string, string | number | string[]>>;

export interface EngineError {
  code: ErrorCode;
  params?: ErrorParams;
}

export type ApplyResult =
  | { ok: true; state: GameState }
  | { ok: false; error: EngineError };

export interface Roster {
  /** Seats occupied at creation (others start empty). */
  seats?: { role: string; seat: string; occupant: Occupant }[];
}

export interface RoleScore {
  role: string;
  total: number;
  deals: { deal: string | null; dealType: string; points: number; walkAway: boolean }[];
  objectives: { id: string; description: string; points: number; met: boolean }[];
  resources: { resource: string; points: number }[];
  shared: { id: string; description: string; points: number; met: boolean }[];
  /** Points from keptDealBonus (keptDealCount deals in force). */
  keptDeals: number;
  keptDealCount: number;
  /** Points lost to breachPenalty (zero or negative; breachCount deals broken). */
  breaches: number;
  breachCount: number;
  /** The collapse points (negative) when the commons collapsed, else 0. */
  collapse: number;
}

export interface ProposalValue {
  role: string;
  dealType: string;
  points: number;
  walkAway: number;
  beatsWalkAway: boolean;
  /** Points per issue for the chosen option. */
  perIssue: Record<string, number>;
}

export type { Scenario };
