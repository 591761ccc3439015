// What one viewer may see of a game. `viewFor` builds it from the full state; everything a client
// receives goes through here, so a secret that is not copied into a view cannot leak. Secrets of
// other roles are ABSENT from a view (no key at all), never blanked.
import type { Role, Scenario } from '../scenario/schema';
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
  occupant: { kind: 'human'; name: string } | { kind: 'bot'; label: string } | null;
  ready: boolean;
}

/** Public facts about a delegation. */
export interface RolePublic {
  id: string;
  name: string;
  kind: Role['kind'];
  nation: string;
  publicBrief: string;
}

/** An active constraint as shown to players (label and why). */
export interface ConstraintView {
  id: string;
  label: string;
  description: string;
  source?: string;
}

export interface ChannelView extends Channel {
  open: boolean;
  /** The label of the constraint that closes it, when closed. */
  closedBy: string | null;
  /** Oldest first. Absent for channels the viewer may list but not read (facilitator, private). */
  messages?: Message[];
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
  timeline: TimelineEntry[];
  /** Debrief charts: tracks per round for all; trust filtered like `trust`. */
  history: GameState['history'];
  /** Uses of limited unilateral actions by the viewer's role (everything for the facilitator). */
  actionUses: Record<string, Record<string, number>>;
  revealed: boolean;

  /** A seat only: its own role, confidential brief, objectives and point tables included. */
  me?: {
    role: Role;
    seat: string;
    /** What each visible deal (of a type it has a table for) is worth to the viewer's role. */
    dealValues: Record<string, ProposalValue>;
    score: RoleScore;
    whispers: Whisper[];
  };
  /** The facilitator only. */
  facilitator?: {
    scores: RoleScore[];
    whispers: Whisper[];
    participation: Record<string, Participation>;
    /** Ids of events fired so far and the cards still in the deck. */
    firedEvents: string[];
    deck: string[];
  };
  /** Everyone, after revealAll or the end of the game. */
  debrief?: Debrief;
}

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
  dealTypes: Omit<Scenario['dealTypes'][number], 'onForce' | 'eachRound' | 'onBreach'>[];
  statements: { id: string; label: string }[];
  actions: Omit<Scenario['actions'][number], 'requires' | 'effects'>[];
  rounds: Scenario['rounds'];
}
