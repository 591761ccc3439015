// The action vocabulary: every move a client (or the server's clock) can submit, as strict zod
// schemas. The server safeParses every incoming message with `Action` before the engine sees it.
import { z } from 'zod';
import { Id } from '../scenario/schema';

import { LIMITS } from './limits';
import { cleanName, hasVisibleText } from './names';

;

const RoleId = Id;
const DealId = z.string().regex(/^d[0-9]{1,6}$/, 'a deal id such as "d3"');
const ChannelId = z
  .string()
  .max(120)
  .regex(/^(public|team:[a-z0-9-]+|bilateral:[a-z0-9-]+:[a-z0-9-]+|network:[a-z0-9-]+|group:[0-9]{1,6})$/, 'a channel id');
const Terms = z.record(Id, Id).describe('one option id per issue id');
const Text = (max: number) =>
  z.string().trim().min(1, 'cannot be empty').max(max, `at most ${max} characters`).refine(hasVisibleText, 'needs a visible character');
/** A person's name as others see it: cleaned of invisible characters and NFKC-normalised (names.ts). */
export const PersonName = z
  .string()
  .max(4 * LIMITS.nameChars)
  .transform(cleanName)
  .pipe(z.string().min(1, 'needs a visible character').max(LIMITS.nameChars, `at most ${LIMITS.nameChars} characters`));

// --- Player actions (a seat acts for its role) --------------------------------------------------

/** The delegation's points for a deal's terms and its walk-away, from its own point table. */
const AdvicePoints = z.strictObject({ value: z.number().finite(), walkAway: z.number().finite() });
/** Suggestions that name a deal on the table: what the adviser would do with it. */
export const ADVICE_DEAL_CODES = ['accept', 'reject', 'withdraw', 'propose', 'sign', 'ratify', 'breach', 'adopt'] as const;

/**
 * One suggestion of a bot adviser (shared/bots/advice.ts) in ids and numbers, never words: each
 * client words it in its reader's language with the scenario's labels as that reader sees them.
 * `counter` names the terms to change; `draft` the partners (roles other than the adviser's) and terms.
 */
export const Advice = z.discriminatedUnion('code', [
  z.strictObject({ code: z.enum(ADVICE_DEAL_CODES), deal: DealId, dealType: Id, points: AdvicePoints.optional() }),
  z.strictObject({ code: z.literal('counter'), deal: DealId, dealType: Id, terms: Terms, points: AdvicePoints.optional() }),
  z.strictObject({ code: z.literal('draft'), dealType: Id, partners: z.array(RoleId).min(1).max(12), terms: Terms, points: AdvicePoints.optional() }),
]);
export type Advice = z.infer<typeof Advice>;
export type AdviceCode = Advice['code'];
export const ADVICE_CODES: readonly AdviceCode[] = [...ADVICE_DEAL_CODES, 'counter', 'draft'];

export const PlayerAction = z.discriminatedUnion('type', [
  /** `advice`: a bot adviser's line as codes (a bot's seat only: the engine refuses it from a
   *  student); `text` is then its English wording, for exports and logs. */
  z.strictObject({ type: z.literal('chat'), channel: ChannelId, text: Text(LIMITS.chatChars), advice: z.array(Advice).min(1).max(LIMITS.adviceSuggestions).optional() }),
  z.strictObject({
    type: z.literal('openGroup'),
    label: Text(LIMITS.groupLabelChars),
    members: z.array(RoleId).min(1).max(12).describe('roles invited besides your own'),
  }),
  z.strictObject({
    type: z.literal('draftDeal'),
    dealType: Id,
    parties: z.array(RoleId).min(2).max(12),
    terms: Terms,
    supersedes: DealId.optional().describe('the deal of this type in force that it replaces on entry into force'),
  }),
  z.strictObject({ type: z.literal('editDraft'), deal: DealId, parties: z.array(RoleId).min(2).max(12), terms: Terms, supersedes: DealId.optional() }),
  z.strictObject({ type: z.literal('proposeDeal'), deal: DealId }),
  z.strictObject({ type: z.literal('counterDeal'), deal: DealId, terms: Terms }),
  z.strictObject({ type: z.literal('acceptDeal'), deal: DealId }),
  z.strictObject({ type: z.literal('rejectDeal'), deal: DealId }),
  z.strictObject({ type: z.literal('withdrawDeal'), deal: DealId }),
  z.strictObject({ type: z.literal('signDeal'), deal: DealId }),
  z.strictObject({ type: z.literal('ratifyDeal'), deal: DealId }),
  z.strictObject({ type: z.literal('breachDeal'), deal: DealId }),
  z.strictObject({
    type: z.literal('adoptMemorandum'),
    deal: DealId,
    parties: z.array(RoleId).min(2).max(12),
    terms: Terms.optional().describe("the agreement's issues the memorandum leaves open"),
    supersedes: DealId.optional(),
  }),
  z.strictObject({ type: z.literal('publicStatement'), tone: Id, text: Text(LIMITS.statementChars) }),
  z.strictObject({ type: z.literal('unilateralAction'), action: Id }),
  z.strictObject({ type: z.literal('ready'), ready: z.boolean() }),
]);
export type PlayerAction = z.infer<typeof PlayerAction>;

// --- Facilitator actions ------------------------------------------------------------------------

export const Occupant = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('human'), name: PersonName }),
  z.strictObject({ kind: z.literal('bot'), personality: z.enum(['cooperative', 'hard-nosed']).default('cooperative') }),
]);
export type Occupant = z.infer<typeof Occupant>;

export const SeatRef = z.strictObject({ role: RoleId, seat: Id });
export type SeatRef = z.infer<typeof SeatRef>;

/** The phase a clock action was clicked in (`round` from 1, `phase` the 0-based `phaseIndex`, as
 *  in the view): once the game has moved on, the action is stale and refused (`stale-phase`), so a
 *  double click on "Next phase" moves one phase, not two. */
const PhaseRef = { round: z.number().int().min(0).max(1000), phase: z.number().int().min(0).max(1000) };

export const FacilitatorAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('startGame') }),
  z.strictObject({ type: z.literal('pauseGame'), ...PhaseRef }),
  z.strictObject({ type: z.literal('resumeGame'), ...PhaseRef }),
  z.strictObject({ type: z.literal('advancePhase'), ...PhaseRef }),
  z.strictObject({ type: z.literal('extendPhase'), minutes: z.number().min(0.5).max(60), ...PhaseRef }),
  z.strictObject({ type: z.literal('injectEvent'), event: Id }),
  z.strictObject({ type: z.literal('injectNews'), headline: Text(120), text: z.string().max(LIMITS.newsChars).default('') }),
  z.strictObject({ type: z.literal('whisper'), role: RoleId, text: Text(LIMITS.chatChars) }),
  z.strictObject({ type: z.literal('assignSeat'), seat: SeatRef, occupant: Occupant.nullable() }),
  /** Every empty seat gets a bot of this temperament, in one action (one log entry); with
   *  `except`, every empty seat but that delegation's (a studio playtest keeps it for the author). */
  z.strictObject({ type: z.literal('fillSeatsWithBots'), personality: z.enum(['cooperative', 'hard-nosed']).default('cooperative'), except: RoleId.optional() }),
  z.strictObject({ type: z.literal('endGame') }),
  z.strictObject({ type: z.literal('revealAll') }),
]);
export type FacilitatorAction = z.infer<typeof FacilitatorAction>;

// --- System actions (submitted by the server itself, never accepted from a client) --------------

export const SystemAction = z.discriminatedUnion('type', [
  /** The server's clock says the current phase's deadline passed. Carries the phase it means,
   *  so a late or duplicated tick can never resolve a phase twice. */
  z.strictObject({ type: z.literal('deadlineReached'), round: z.number().int(), phase: z.number().int() }),
  /** A student joined (or rejoined under a new name) through the lobby. */
  z.strictObject({ type: z.literal('takeSeat'), seat: SeatRef, name: PersonName }),
  /** The server restarted after a deadline passed: pause rather than resolve behind everyone's back. */
  z.strictObject({ type: z.literal('pauseForRecovery') }),
]);
export type SystemAction = z.infer<typeof SystemAction>;

export const Action = z.union([PlayerAction, FacilitatorAction, SystemAction]);
export type Action = PlayerAction | FacilitatorAction | SystemAction;
export type ActionType = Action['type'];

/** Who submits an action. The server decides this from the connection, never from the message. */
export type Actor =
  | { kind: 'seat'; role: string; seat: string }
  | { kind: 'facilitator' }
  | { kind: 'system' };

/** Who looks at the game. */
export type Viewer = { kind: 'seat'; role: string; seat: string } | { kind: 'spectator' } | { kind: 'facilitator' };

export const PLAYER_ACTION_TYPES = PlayerAction.options.map((o) => o.shape.type.value);
export const FACILITATOR_ACTION_TYPES = FacilitatorAction.options.map((o) => o.shape.type.value);
export const SYSTEM_ACTION_TYPES = SystemAction.options.map((o) => o.shape.type.value);
