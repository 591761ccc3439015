// The scenario format: one zod schema that is the source of the TypeScript types, the runtime
// validation and the exported JSON Schema. Scenarios are data written by hand in YAML: every
// condition and effect below is declarative, nothing here is ever run as code.
import { z } from 'zod';

/** The current format. A file of an older version is migrated (shared/scenario/migrate.ts). */
export const SCHEMA_VERSION = 2;

/** Ids are short, lowercase, kebab-case: they appear in YAML, URLs and logs. */
export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,47}$/, 'an id: lowercase letters, digits and dashes, starting with a letter');

const Text = z.string().min(1, 'a non-empty text');
const Points = z.number().int('a whole number of points');

/**
 * A role reference. A role id, or a placeholder resolved where it is used:
 * `@self` (in objectives: the role being scored), `@actor` (the role taking the action),
 * `@parties` (every party of the deal the effect belongs to), `@all` (every role).
 */
const RoleRef = z.string().regex(/^(@self|@actor|@parties|@all|[a-z][a-z0-9-]{0,47})$/, 'a role id or one of @self, @actor, @parties, @all');

const ROLE_KINDS = ['government', 'agency', 'science', 'industry', 'press'] as const;
export const RoleKind = z.enum(ROLE_KINDS);

/** What a seat may do for its delegation. Chat, drafting and ready are open to every seat. */
const SEAT_POWERS = ['propose', 'sign', 'ratify', 'act', 'speak'] as const;
export const SeatPower = z.enum(SEAT_POWERS);

/** What a phase may allow. `ready` (and the facilitator) is always allowed. */
const PHASE_ALLOWS = ['chat', 'draft', 'propose', 'respond', 'sign', 'ratify', 'memorandum', 'breach', 'statement', 'unilateral'] as const;
export const PhaseAllow = z.enum(PHASE_ALLOWS);

const DEAL_STATUSES = ['draft', 'proposed', 'accepted', 'signed', 'inForce', 'rejected', 'withdrawn', 'failed', 'breached', 'adopted', 'superseded'] as const;
const DealStatus = z.enum(DEAL_STATUSES);

// ---------------------------------------------------------------------------------------------
// Conditions: a tree of all/any/not over comparisons on the game state.

/** A comparison: at least one bound. */
const Bounds = {
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
};

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { track: string; atLeast?: number; atMost?: number }
  | { trust: { from: string; to: string }; atLeast?: number; atMost?: number }
  | { resource: string; role: string; atLeast?: number; atMost?: number }
  | { round: { atLeast?: number; atMost?: number } }
  | { deal: string; status?: z.infer<typeof DealStatus>; parties?: string[]; terms?: Record<string, string>; count?: { atLeast?: number; atMost?: number } }
  | { event: string }
  | { constraint: string };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ track: Id, ...Bounds }),
    z.strictObject({ trust: z.strictObject({ from: RoleRef, to: RoleRef }), ...Bounds }),
    z.strictObject({ resource: Id, role: RoleRef, ...Bounds }),
    z.strictObject({ round: z.strictObject(Bounds) }),
    z.strictObject({
      deal: Id,
      status: DealStatus.optional(),
      parties: z.array(RoleRef).optional(),
      terms: z.record(Id, Id).optional(),
      count: z.strictObject(Bounds).optional(),
    }),
    z.strictObject({ event: Id }),
    z.strictObject({ constraint: Id }),
  ]),
);

// ---------------------------------------------------------------------------------------------
// Effects: what events, deals, actions and statements change.

export const Effect = z.discriminatedUnion('effect', [
  z.strictObject({ effect: z.literal('track'), track: Id, add: z.number().optional(), set: z.number().optional() }),
  z.strictObject({
    effect: z.literal('trust'),
    from: RoleRef,
    to: RoleRef,
    add: z.number(),
    mutual: z.boolean().default(true).describe('also change trust in the other direction'),
  }),
  z.strictObject({ effect: z.literal('resource'), role: RoleRef, resource: Id, add: z.number() }),
  z.strictObject({ effect: z.literal('constraint'), constraint: Id, active: z.boolean() }),
  z.strictObject({ effect: z.literal('unlockDealType'), dealType: Id }),
  z.strictObject({ effect: z.literal('news'), headline: Text, text: z.string().optional() }),
]);
export type Effect = z.infer<typeof Effect>;

const Effects = z.array(Effect).default([]);

// ---------------------------------------------------------------------------------------------
// Meta

const Source = z.strictObject({
  citation: Text.describe('the work cited'),
  section: z.string().optional().describe('where in it, e.g. "§3 Public and track II diplomacy"'),
});

// ---------------------------------------------------------------------------------------------
// Tracks, resources, trust

const Threshold = z.strictObject({
  at: z.number(),
  label: Text,
  description: z.string().optional(),
});

const Track = z.strictObject({
  id: Id,
  label: Text,
  description: z.string().optional(),
  min: z.number().default(0),
  max: z.number().default(10),
  start: z.number(),
  thresholds: z.array(Threshold).default([]),
});

const ResourceDef = z.strictObject({
  id: Id,
  label: Text,
  description: z.string().optional(),
  min: z.number().default(0),
  max: z.number().default(100),
});

const TrustPair = z.strictObject({
  between: z.tuple([Id, Id]).optional().describe('both directions'),
  from: Id.optional(),
  to: Id.optional(),
  value: z.number(),
});

const Trust = z.strictObject({
  min: z.number().default(0),
  max: z.number().default(100),
  default: z.number().default(50),
  initial: z.array(TrustPair).default([]),
  breachLoss: z.number().min(0).default(20).describe('trust every other party loses in a role that breaks a deal in force'),
  withdrawLoss: z
    .number()
    .min(0)
    .default(5)
    .describe('trust lost in a role that withdraws a proposal others had accepted, or leaves a memorandum in force'),
});

// ---------------------------------------------------------------------------------------------
// Roles

const Seat = z.strictObject({
  id: Id,
  title: Text,
  powers: z.array(SeatPower).default([]),
});

const Objective = z.strictObject({
  id: Id,
  description: Text,
  points: Points,
  when: Condition,
});

/** A role's secret valuation of one deal type: points per option of each issue, and its walk-away. */
const PointTable = z.strictObject({
  walkAway: Points.describe('points the role can get without this deal (its BATNA)'),
  issues: z.record(Id, z.record(Id, Points)),
});

/** The kinds of line a bot says (shared/bots/lines.ts): in chat, and the text of its public
 *  statements per tone (conciliatory, neutral, hostile); and the placeholders a line may use. */
export const LINE_KINDS = [
  'propose', 'counter', 'accept', 'reject', 'sign', 'ratify', 'waitRatify', 'adopt', 'breach', 'trackTwo', 'tension',
  'conciliatory', 'neutral', 'hostile',
] as const;
export const LINE_PLACEHOLDERS = ['deal', 'keyIssue', 'keyOption', 'giveIssue', 'giveOption', 'partner', 'network'] as const;
const Phrase = Text.max(300).refine(
  (text) => [...text.matchAll(/\{(\w*)\}/g)].every((m) => (LINE_PLACEHOLDERS as readonly string[]).includes(m[1])),
  `a chat line; placeholders are {${LINE_PLACEHOLDERS.join('}, {')}}`,
);
const Phrases = z
  .partialRecord(z.enum(LINE_KINDS), z.array(Phrase).min(1))
  .describe("the role's own chat lines for its bots, per kind of line; kinds left out use the engine's plain lines");

const Role = z.strictObject({
  id: Id,
  name: Text,
  kind: RoleKind,
  nations: z.array(Text).min(1).describe('the countries it speaks for: one for a government, several for a transnational community'),
  publicBrief: Text,
  confidentialBrief: Text,
  seats: z.array(Seat).min(1),
  resources: z.record(Id, z.number()).default({}),
  ratifyWhen: Condition.optional().describe('for governments: when ratification succeeds (domestic support)'),
  objectives: z.array(Objective).default([]),
  pointTables: z.record(Id, PointTable).default({}),
  phrases: Phrases.optional(),
});

// ---------------------------------------------------------------------------------------------
// Channels and constraints

const Network = z.strictObject({
  id: Id,
  label: Text,
  description: z.string().optional(),
  members: z.array(Id).min(2),
  track: z.union([z.literal(1), z.literal(2)]).default(2),
});

const Channels = z.strictObject({
  public: z.boolean().default(true),
  team: z.boolean().default(true).describe('each delegation has a private team channel'),
  bilateral: z.boolean().default(true).describe('every pair of roles has a bilateral channel'),
  groups: z
    .strictObject({ allowed: z.boolean().default(true), maxMembers: z.number().int().min(3).default(6) })
    .default({ allowed: true, maxMembers: 6 }),
  networks: z.array(Network).default([]),
  facilitatorReadsPrivate: z.boolean().default(false).describe('whether the facilitator reads private channels live'),
});

/** What a constraint closes or bans: one channel id (public, a network), or everything between two roles. */
const Target = z.union([
  z.strictObject({ channel: Id }),
  z.strictObject({ between: z.tuple([Id, Id]) }),
]);

/** A ban on deals: `bilateral` bans a deal whose parties are exactly these two (the Wolf
 *  Amendment), `together` any deal with both of them in it, whoever else signs. */
export const DealBan = z.union([
  z.strictObject({
    bilateral: z.tuple([Id, Id]).describe('no deal whose parties are exactly these two'),
    dealTypes: z.array(Id).optional().describe('only deals of these types (default: every type)'),
  }),
  z.strictObject({
    together: z.tuple([Id, Id]).describe('no deal with both of these among its parties'),
    dealTypes: z.array(Id).optional().describe('only deals of these types (default: every type)'),
  }),
]);
export type DealBan = z.infer<typeof DealBan>;

const Constraint = z.strictObject({
  id: Id,
  label: Text,
  description: Text,
  source: z.string().optional(),
  active: z.boolean().default(false).describe('active from the start'),
  activeWhen: Condition.optional().describe('also active whenever this holds (e.g. a track level)'),
  closesChannels: z.array(Target).default([]),
  bansDeals: z.array(DealBan).default([]),
});

// ---------------------------------------------------------------------------------------------
// Deals

const DealOption = z.strictObject({
  id: Id,
  label: Text,
  description: z.string().optional(),
  onForce: z.array(Effect).default([]).describe("applied with the deal type's onForce when a deal with this option enters into force"),
});
const DealIssue = z.strictObject({
  id: Id,
  label: Text,
  description: z.string().optional(),
  options: z.array(DealOption).min(2),
});

const DealType = z.strictObject({
  id: Id,
  label: Text,
  description: Text,
  track: z.union([z.literal(1), z.literal(2)]).describe('1: a binding agreement; 2: a non-binding track II memorandum'),
  locked: z.boolean().default(false).describe('only available once an effect unlocks it'),
  parties: z.strictObject({
    min: z.number().int().min(2).default(2),
    max: z.number().int().min(2).default(2),
    roles: z.array(Id).optional(),
    kinds: z.array(RoleKind).optional(),
  }),
  issues: z.array(DealIssue).min(1),
  ratification: z.boolean().default(false).describe('government parties must ratify before entry into force'),
  adoptAs: Id.optional().describe('track II only: the track I deal type a government may adopt it as'),
  onForce: Effects,
  eachRound: Effects.describe('applied at the end of every round while in force'),
  onBreach: Effects,
  onWithdraw: Effects.describe('applied when a proposal others accepted is withdrawn, or a party leaves a memorandum in force'),
  hostileCost: z
    .strictObject({ when: Condition, effects: z.array(Effect).min(1) })
    .optional()
    .describe('applied on entry into force when `when` holds (a memorandum signed while track I is hostile)'),
});

// ---------------------------------------------------------------------------------------------
// Moves: statements and unilateral actions

/** What a statement or a unilateral action says to the other side, as bots read it (never from
 *  its label): `conciliatory` reaches out, `hostile` plays to the home audience at the others'
 *  expense, `neutral` is neither. */
const STANCES = ['conciliatory', 'neutral', 'hostile'] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

const StatementTone = z.strictObject({
  id: Id,
  label: Text,
  tone: Stance.default('neutral').describe('how the statement reads to the other side: conciliatory, neutral or hostile'),
  effects: Effects,
});

const UnilateralAction = z.strictObject({
  id: Id,
  label: Text,
  description: Text,
  roles: z.array(Id).optional(),
  kinds: z.array(RoleKind).optional(),
  maxUses: z.number().int().min(1).optional().describe('per game'),
  requires: Condition.optional(),
  stance: Stance.default('neutral').describe('how the action reads to the other side: conciliatory (a gesture), neutral or hostile'),
  cost: z.record(Id, z.number()).default({}).describe('resources the actor spends'),
  effects: Effects,
});

// ---------------------------------------------------------------------------------------------
// Rounds and phases

const Phase = z.strictObject({
  id: Id,
  label: Text,
  description: z.string().optional(),
  minutes: z.number().positive(),
  allows: z.array(PhaseAllow).default([]),
});

/** A world effect applied at the end of every round (while `when` holds): a track that drifts. */
const RoundEffect = z.strictObject({
  when: Condition.optional().describe('only at the end of a round where this holds'),
  effects: z.array(Effect).min(1),
});

const Rounds = z.strictObject({
  count: z.number().int().min(1),
  labels: z.array(Text).optional().describe('one per round, e.g. the years it covers'),
  phases: z.array(Phase).min(1),
  eachRound: z.array(RoundEffect).default([]).describe('world effects at the end of every round, after those of deals in force'),
});

/** One way to run the scenario in class (shared/scenario/classFormat.ts turns it into the game
 *  played): the rounds played, each phase's minutes, and the reading and debrief around play. */
const ClassFormat = z.strictObject({
  id: Id,
  label: Text.describe('what the facilitator picks, e.g. "90-minute class"'),
  rounds: z
    .array(z.number().int().min(1))
    .min(1)
    .optional()
    .describe('the rounds played, in order, by their number (default: every round), e.g. [1, 2, 3] or [1, 3, 4]'),
  phaseMinutes: z
    .record(Id, z.number().positive())
    .default({})
    .describe("minutes of each phase in every round played; a phase left out keeps its rounds.phases minutes"),
  readingMinutes: z.number().min(0).describe('reading the briefs before the first round'),
  debriefMinutes: z.number().min(0).describe('the debrief after the last round'),
  totalMinutes: z.number().positive().describe('the whole class: reading + play (every phase of every round played) + debrief'),
});

// ---------------------------------------------------------------------------------------------
// Events

const At = z.strictObject({ round: z.number().int().min(1), phase: Id });

/** Rounds an event belongs to, both ends included: a card outside them is never drawn, a
 *  conditional event never fires. */
const RoundWindow = z.strictObject({
  from: z.number().int().min(1).optional(),
  to: z.number().int().min(1).optional(),
});

const Event = z.strictObject({
  id: Id,
  title: Text,
  text: Text,
  source: z.string().optional(),
  at: At.optional().describe('scheduled: fires at the start of this phase'),
  when: Condition.optional().describe('conditional: fires once, the first time this holds; on a deck card: the card may only be drawn while this holds'),
  deck: z.number().positive().optional().describe('in the random deck, with this weight'),
  rounds: RoundWindow.optional().describe('only drawn (a deck card) or fired (a conditional event) within these rounds'),
  effects: Effects,
});

/** Track II as a mechanism: sustained contact between communities builds relationships. */
const TrackTwo = z.strictObject({
  enabled: z.boolean().default(true).describe('false switches relationships off (the simulator does, to measure track II)'),
  trustPerRound: z.number().min(0).default(5).describe('trust each way added at the end of every round of track II contact'),
  bridge: z
    .number()
    .int()
    .min(1)
    .default(2)
    .describe('rounds of contact from which the signatories of a memorandum carry its adoption through bans and failed ratifications'),
});
const TRACK_TWO_DEFAULTS = { enabled: true, trustPerRound: 5, bridge: 2 };

const Deck = z.strictObject({
  drawsPerRound: z.number().int().min(0).default(1),
  phase: Id.describe('the phase at whose start cards are drawn'),
});

// ---------------------------------------------------------------------------------------------
// Scoring

const Scoring = z.strictObject({
  resources: z
    .array(z.strictObject({ resource: Id, pointsPer: z.number(), roles: z.array(Id).optional() }))
    .default([]),
  keptDealBonus: Points.default(0).describe('points per in-force deal a role is party to at the end'),
  breachPenalty: Points.default(0).describe('points lost per deal a role breached'),
  sharedObjectives: z.array(Objective).default([]),
  collapse: z
    .strictObject({
      when: Condition,
      title: Text,
      text: Text,
      points: Points.describe('added to every role when the commons collapses (negative)'),
    })
    .optional(),
});

// ---------------------------------------------------------------------------------------------
// Translations (shared/scenario/translations.ts): texts by key, e.g. `roles.nasa.publicBrief`

/** The languages a scenario may be written and translated in: the languages the client offers. */
export const SCENARIO_LANGUAGES = ['en', 'ru', 'zh'] as const;
export const ScenarioLanguage = z.enum(SCENARIO_LANGUAGES);
export type ScenarioLanguage = z.infer<typeof ScenarioLanguage>;

/** One language's texts by key; an empty (or null) text is not translated yet. */
export const TranslatedTexts = z.record(z.string(), z.string().nullable());
export type TranslatedTexts = z.infer<typeof TranslatedTexts>;

/** A translation in its own file beside the scenario: `<id>.<language>.yaml`. */
export const TranslationFile = z.strictObject({
  translationOf: Id.describe('the id of the scenario translated'),
  language: ScenarioLanguage,
  texts: TranslatedTexts,
});

// ---------------------------------------------------------------------------------------------
// The scenario

export const Scenario = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: Id,
  title: Text,
  summary: Text,
  era: Text,
  players: z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) }),
  durationMinutes: z.number().positive(),
  learningObjectives: z.array(Text).min(1),
  sources: z.array(Source).min(1),
  discussionPrompts: z.array(Text).default([]),

  tracks: z.array(Track).default([]),
  resources: z.array(ResourceDef).default([]),
  trust: Trust.default({ min: 0, max: 100, default: 50, initial: [], breachLoss: 20, withdrawLoss: 5 }),
  trackTwo: TrackTwo.default(TRACK_TWO_DEFAULTS).describe('how track II contact builds relationships (defaults suit most scenarios)'),
  roles: z.array(Role).min(2),
  channels: Channels.default({
    public: true,
    team: true,
    bilateral: true,
    groups: { allowed: true, maxMembers: 6 },
    networks: [],
    facilitatorReadsPrivate: false,
  }),
  constraints: z.array(Constraint).default([]),
  dealTypes: z.array(DealType).default([]),
  statements: z.array(StatementTone).default([]),
  actions: z.array(UnilateralAction).default([]),
  rounds: Rounds,
  classFormats: z
    .array(ClassFormat)
    .min(1)
    .optional()
    .describe('ways to run it in class, the first offered by default; without it, a 90-minute class and a 3-round short game derived from the phases (docs/scenario-authoring.md)'),
  events: z.array(Event).default([]),
  deck: Deck.optional(),
  scoring: Scoring.default({ resources: [], keptDealBonus: 0, breachPenalty: 0, sharedObjectives: [] }),

  sourceLanguage: ScenarioLanguage.default('en').describe('the language the scenario is written in'),
  translations: z
    .partialRecord(ScenarioLanguage, TranslatedTexts)
    .optional()
    .describe('translations of the player-facing texts, per language, by key (e.g. roles.nasa.publicBrief); also in sibling files <id>.<language>.yaml'),
});

/** A validated scenario, with every default filled in. */
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written in YAML (defaults may be missing). */
export type ScenarioInput = z.input<typeof Scenario>;
export type Role = Scenario['roles'][number];
export type Seat = Role['seats'][number];
export type DealType = Scenario['dealTypes'][number];
export type DealIssue = DealType['issues'][number];
export type Track = Scenario['tracks'][number];
export type ScenarioEvent = Scenario['events'][number];
export type Phase = Scenario['rounds']['phases'][number];
export type ClassFormat = NonNullable<Scenario['classFormats']>[number];
export type UnilateralAction = Scenario['actions'][number];
export type ConstraintDef = Scenario['constraints'][number];
export type RoundEffect = Scenario['rounds']['eachRound'][number];
export type Objective = Role['objectives'][number];
export type Network = Scenario['channels']['networks'][number];
export type RoleKind = z.infer<typeof RoleKind>;
export type SeatPower = z.infer<typeof SeatPower>;
export type PhaseAllow = z.infer<typeof PhaseAllow>;
export type DealStatusName = z.infer<typeof DealStatus>;
