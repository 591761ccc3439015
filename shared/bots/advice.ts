// Bots in a delegation with a student: advisers, never players. A bot there makes no binding move
// (no deal, no signature, no statement, no unilateral action): it works out what it would do for
// the delegation, from the delegation's own point tables, and suggests it in the team channel, in
// one short line, once a phase unless the deals on the table changed. A delegation with no student
// is played by its bots (decide.ts). Pure and deterministic, like the rest of shared/bots.
import { availableMoves } from '../engine/moves';
import { seedRng } from '../engine/rng';
import type { Deal, SeatState } from '../engine/types';
import type { GameView, PublicScenario } from '../engine/view';
import { LIMITS } from '../protocol/limits';
import type { Advice, AdviceCode, PlayerAction } from '../protocol/actions';
import { decideBotActions, type Personality } from './decide';
import { value, valuationFor } from './valuation';

/** A bot plays its delegation when no student sits in it, else it advises. */
export type BotMode = 'play' | 'advise';

export function botMode(seats: readonly Pick<SeatState, 'role' | 'occupant'>[], role: string): BotMode {
  return seats.some((seat) => seat.role === role && seat.occupant?.kind === 'human') ? 'advise' : 'play';
}

/** What an adviser may submit: a line in its own delegation's team channel, nothing binding. */
export function adviserMay(action: PlayerAction, role: string): boolean {
  return action.type === 'chat' && action.channel === `team:${role}`;
}

/** Advice lines per adviser and phase at most, however often the deals change. */
export const MAX_ADVICE_PER_PHASE = 4;

/**
 * The adviser's move now: one chat line in its team channel, or none. `view` is the adviser's own
 * seat view. What it suggests is what the bot would do if it played the delegation, decided as
 * from the delegation's seat with the most powers (the one a student would act from) with a PRNG
 * seeded by the deals on the table, so the same table gives the same advice. It speaks when it has
 * something to suggest that it has not said yet in this phase: a new line needs a change on the table.
 * The line carries its suggestions as codes (`advice`), which each student's client words in the
 * student's language; its `text` is the English wording, for exports and logs.
 */
export function adviseDelegation(view: GameView, scenario: PublicScenario, personality: Personality): PlayerAction[] {
  const me = view.me;
  if (view.status !== 'running' || !me) return [];
  const role = me.role.id;
  const channel = `team:${role}`;
  if (!availableMoves(view, scenario)?.chat[channel]?.available) return [];

  const lead = view.seats.filter((s) => s.role === role).reduce((best, s) => (s.powers.length > best.powers.length ? s : best));
  const asDelegation: GameView = { ...view, viewer: { kind: 'seat', role, seat: lead.seat }, me: { ...me, seat: lead.seat } };
  const { actions } = decideBotActions(asDelegation, scenario, { personality, rngState: seedRng(tableHash(view)) });
  const advice = actions.flatMap((a) => suggestion(view, scenario, a) ?? []).slice(0, LIMITS.adviceSuggestions);
  if (advice.length === 0) return [];
  const text = advice.map((a) => adviceInEnglish(a, view, scenario)).join(' ').slice(0, LIMITS.chatChars);

  const phaseStart = view.timeline.findLast((e) => e.kind === 'phase')?.seq ?? 0;
  const mine = (view.channels.find((c) => c.id === channel)?.messages ?? []).filter((m) => m.seat === me.seat && m.bot && m.seq > phaseStart);
  if (mine.length >= MAX_ADVICE_PER_PHASE || mine.some((m) => m.text === text)) return [];
  return [{ type: 'chat', channel, text, advice }];
}

/** The deals on the table as the delegation sees them (a change of status or terms changes it). */
function tableHash(view: GameView): number {
  let hash = 0x811c9dc5;
  const table = view.deals.map((d) => `${d.id}:${d.status}:${d.versions.length}`).join('|');
  for (const ch of `${view.round}/${view.phaseIndex}|${table}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return hash | 0;
}

/** A binding move the bot would make, as a suggestion to the students; null for the rest. */
function suggestion(view: GameView, scenario: PublicScenario, action: PlayerAction): Advice | null {
  const dealOf = (id: string) => view.deals.find((d) => d.id === id);
  switch (action.type) {
    case 'acceptDeal':
    case 'rejectDeal':
    case 'withdrawDeal':
    case 'proposeDeal':
    case 'signDeal':
    case 'ratifyDeal':
    case 'breachDeal':
    case 'adoptMemorandum': {
      const deal = dealOf(action.deal);
      if (!deal) return null;
      const code = DEAL_MOVES[action.type];
      // Adopting a memorandum takes its terms as they stand: no figure to weigh.
      const points = code === 'adopt' ? null : pointsOf(view, scenario, deal.dealType, current(deal));
      return { code, deal: deal.id, dealType: deal.dealType, ...(points ? { points } : {}) };
    }
    case 'counterDeal': {
      const deal = dealOf(action.deal);
      if (!deal) return null;
      const now = current(deal);
      const terms = Object.fromEntries(Object.entries(action.terms).filter(([issue, option]) => now[issue] !== option));
      const points = pointsOf(view, scenario, deal.dealType, action.terms);
      return { code: 'counter', deal: deal.id, dealType: deal.dealType, terms, ...(points ? { points } : {}) };
    }
    case 'draftDeal': {
      if (!scenario.dealTypes.some((t) => t.id === action.dealType)) return null;
      const partners = action.parties.filter((p) => p !== view.me!.role.id);
      if (partners.length === 0) return null;
      const points = pointsOf(view, scenario, action.dealType, action.terms);
      return { code: 'draft', dealType: action.dealType, partners, terms: action.terms, ...(points ? { points } : {}) };
    }
    default:
      // Talk, statements, unilateral gestures and Ready are the students' own business.
      return null;
  }
}

const DEAL_MOVES = {
  acceptDeal: 'accept',
  rejectDeal: 'reject',
  withdrawDeal: 'withdraw',
  proposeDeal: 'propose',
  signDeal: 'sign',
  ratifyDeal: 'ratify',
  breachDeal: 'breach',
  adoptMemorandum: 'adopt',
} as const satisfies Partial<Record<PlayerAction['type'], AdviceCode>>;

const current = (deal: Deal) => deal.versions[deal.versions.length - 1].terms;

function pointsOf(view: GameView, scenario: PublicScenario, dealType: string, terms: Record<string, string>) {
  const type = scenario.dealTypes.find((t) => t.id === dealType);
  const val = type && valuationFor(view.me!.role, type);
  return val ? { value: value(val, terms), walkAway: val.walkAway } : null;
}

/** The line in the scenario's own words and English, as the chat's `text` (exports, logs); the
 *  clients word `advice` in their reader's language (client/src/i18n/en.ts, `advice`). */
export function adviceInEnglish(advice: Advice, view: Pick<GameView, 'roles'>, scenario: PublicScenario): string {
  const label = scenario.dealTypes.find((t) => t.id === advice.dealType)?.label ?? advice.dealType;
  const points = advice.points;
  switch (advice.code) {
    case 'counter':
      return `Counter ${advice.deal} with ${termsText(scenario, advice.dealType, advice.terms)} (${points ? `worth ${points.value} to us, walk-away ${points.walkAway}` : label}).`;
    case 'draft': {
      const partners = advice.partners.map((p) => view.roles.find((r) => r.id === p)?.name ?? p);
      return `Propose a ${label} with ${partners.join(', ')}: ${termsText(scenario, advice.dealType, advice.terms)}${points ? ` (worth ${points.value} to us, walk-away ${points.walkAway})` : ''}.`;
    }
    case 'adopt':
      return `I would adopt the memorandum ${advice.deal} as our proposal.`;
    default: {
      const worth = points ? `Our table values the ${label} ${advice.deal} at ${points.value} against a walk-away of ${points.walkAway}` : `The ${label} ${advice.deal}`;
      const move = advice.code === 'breach' ? `we could walk out of ${advice.deal}` : `I would ${advice.code} ${advice.code === 'propose' ? 'our draft ' : ''}${advice.deal}`;
      return `${worth}: ${move}.`;
    }
  }
}

/** "Crew exchange: two flights, Docking system: androgynous", in the scenario's words. */
function termsText(scenario: PublicScenario, dealType: string, terms: Record<string, string>): string {
  const type = scenario.dealTypes.find((t) => t.id === dealType);
  return Object.entries(terms)
    .map(([issueId, optionId]) => {
      const issue = type?.issues.find((i) => i.id === issueId);
      return `${issue?.label ?? issueId}: ${issue?.options.find((o) => o.id === optionId)?.label ?? optionId}`;
    })
    .join(', ');
}
