// The deal lifecycle (track I agreements and track II memoranda):
// draft -> proposed -> (countered) -> accepted -> signed -> (ratified) -> in force -> breached,
// with rejected / withdrawn / failed as ends, and memoranda adopted by a government as proposals.
// Who may make each move is decided in moves.ts before these run: here the move takes effect.
import type { PlayerAction } from '../protocol/actions';
import type { DealType } from '../scenario/schema';
import { holds } from './conditions';
import { applyEffects } from './effects';
import { roleName, type ScenarioIndex } from './scenarioIndex';
import type { Deal } from './types';
import { addTimeline, put, type Work } from './work';

type Act<T extends PlayerAction['type']> = Extract<PlayerAction, { type: T }>;

/** The acting seat, and its participation counters. */
export interface SeatContext {
  role: string;
  seat: string;
  count(counter: 'proposals' | 'responses' | 'signatures' | 'actions'): void;
}

const dealType = (w: Work, id: string): DealType => w.ix.dealTypes.get(id)!;
const names = (ix: ScenarioIndex, roles: string[]): string => roles.map((r) => roleName(ix, r)).join(', ');

/** The scenario's role order: the same deal always looks the same. */
const inRoleOrder = (w: Work, parties: readonly string[]): string[] => w.ix.roleIds.filter((id) => parties.includes(id));

/** The type's issue order. */
const inIssueOrder = (type: DealType, terms: Record<string, string>): Record<string, string> =>
  Object.fromEntries(type.issues.map((i) => [i.id, terms[i.id]]));

const putDeal = (w: Work, deal: Deal): void => {
  w.s.deals = put(w.s.deals, deal.id, deal);
};

const currentTerms = (deal: Deal) => deal.versions[deal.versions.length - 1].terms;

function newDealId(w: Work): string {
  const id = `d${w.s.nextDealNumber}`;
  w.s.nextDealNumber += 1;
  return id;
}

export function draftDeal(w: Work, ctx: SeatContext, a: Act<'draftDeal'>): void {
  const type = dealType(w, a.dealType);
  putDeal(w, {
    id: newDealId(w),
    dealType: type.id,
    track: type.track,
    author: ctx.role,
    parties: inRoleOrder(w, a.parties),
    status: 'draft',
    versions: [{ version: 1, by: ctx.role, terms: inIssueOrder(type, a.terms) }],
    acceptedBy: [],
    signedBy: [],
    ratifiedBy: [],
    breachedBy: null,
    adoptedFrom: null,
    round: w.s.round,
  });
  ctx.count('proposals');
}

export function editDraft(w: Work, ctx: SeatContext, a: Act<'editDraft'>): void {
  const deal = w.s.deals[a.deal];
  const terms = inIssueOrder(dealType(w, deal.dealType), a.terms);
  putDeal(w, { ...deal, parties: inRoleOrder(w, a.parties), versions: [{ version: 1, by: ctx.role, terms }] });
}

export function proposeDeal(w: Work, ctx: SeatContext, a: Act<'proposeDeal'>): void {
  // Proposing is agreeing to one's own terms.
  putDeal(w, { ...w.s.deals[a.deal], status: 'proposed', acceptedBy: [ctx.role], round: w.s.round });
  ctx.count('proposals');
}

export function counterDeal(w: Work, ctx: SeatContext, a: Act<'counterDeal'>): void {
  const deal = w.s.deals[a.deal];
  const version = { version: deal.versions.length + 1, by: ctx.role, terms: inIssueOrder(dealType(w, deal.dealType), a.terms) };
  putDeal(w, { ...deal, versions: [...deal.versions, version], acceptedBy: [ctx.role] });
  ctx.count('proposals');
}

export function acceptDeal(w: Work, ctx: SeatContext, a: Act<'acceptDeal'>): void {
  const deal = w.s.deals[a.deal];
  const acceptedBy = [...deal.acceptedBy, ctx.role];
  const all = deal.parties.every((p) => acceptedBy.includes(p));
  putDeal(w, { ...deal, acceptedBy, status: all ? 'accepted' : 'proposed' });
  ctx.count('responses');
}

export function rejectDeal(w: Work, ctx: SeatContext, a: Act<'rejectDeal'>): void {
  putDeal(w, { ...w.s.deals[a.deal], status: 'rejected' });
  ctx.count('responses');
}

export function withdrawDeal(w: Work, ctx: SeatContext, a: Act<'withdrawDeal'>): void {
  const deal = w.s.deals[a.deal];
  if (deal.status === 'draft') {
    // A discarded draft was never seen by anyone else: it simply goes.
    const deals = { ...w.s.deals };
    delete deals[deal.id];
    w.s.deals = deals;
    return;
  }
  putDeal(w, { ...deal, status: 'withdrawn' });
  ctx.count('responses');
}

function enterIntoForce(w: Work, deal: Deal, completedBy: string): void {
  const type = dealType(w, deal.dealType);
  putDeal(w, { ...deal, status: 'inForce' });
  addTimeline(
    w,
    'deal',
    `${type.track === 2 ? 'Memorandum signed' : 'In force'}: ${type.label}`,
    `Between ${names(w.ix, deal.parties)}. ${describeTerms(type, currentTerms(deal))}`,
    deal.parties,
  );
  applyEffects(w, type.onForce, { actor: completedBy, parties: deal.parties });
}

function describeTerms(type: DealType, terms: Record<string, string>): string {
  return type.issues.map((i) => `${i.label}: ${i.options.find((o) => o.id === terms[i.id])?.label ?? terms[i.id]}.`).join(' ');
}

const governments = (w: Work, deal: Deal): string[] => deal.parties.filter((p) => w.ix.roles.get(p)?.kind === 'government');

export function signDeal(w: Work, ctx: SeatContext, a: Act<'signDeal'>): void {
  const deal = w.s.deals[a.deal];
  const type = dealType(w, deal.dealType);
  const signed = { ...deal, signedBy: [...deal.signedBy, ctx.role] };
  ctx.count('signatures');
  if (!deal.parties.every((p) => signed.signedBy.includes(p))) {
    putDeal(w, signed);
    return;
  }
  if (type.track === 1 && type.ratification && governments(w, deal).length > 0) {
    putDeal(w, { ...signed, status: 'signed' });
    return;
  }
  enterIntoForce(w, signed, ctx.role);
}

export function ratifyDeal(w: Work, ctx: SeatContext, a: Act<'ratifyDeal'>): void {
  const deal = w.s.deals[a.deal];
  const type = dealType(w, deal.dealType);
  const role = w.ix.roles.get(ctx.role)!;
  ctx.count('signatures');
  if (role.ratifyWhen && !holds(role.ratifyWhen, w.scenario, w.s, { self: role.id, actor: role.id, parties: deal.parties })) {
    putDeal(w, { ...deal, status: 'failed' });
    addTimeline(w, 'deal', `Ratification fails: ${type.label}`, `${role.name} could not ratify the agreement with ${names(w.ix, deal.parties.filter((p) => p !== role.id))}.`, deal.parties);
    return;
  }
  const ratified = { ...deal, ratifiedBy: [...deal.ratifiedBy, ctx.role] };
  if (governments(w, deal).every((g) => ratified.ratifiedBy.includes(g))) enterIntoForce(w, ratified, ctx.role);
  else putDeal(w, ratified);
}

export function breachDeal(w: Work, ctx: SeatContext, a: Act<'breachDeal'>): void {
  const deal = w.s.deals[a.deal];
  const type = dealType(w, deal.dealType);
  putDeal(w, { ...deal, status: 'breached', breachedBy: ctx.role });
  addTimeline(w, 'deal', `Broken: ${type.label}`, `${roleName(w.ix, ctx.role)} has broken its agreement with ${names(w.ix, deal.parties.filter((p) => p !== ctx.role))}.`, deal.parties);
  applyEffects(w, type.onBreach, { actor: ctx.role, parties: deal.parties });
  // Every other party trusts the breaker 20 points less.
  const trust = { ...w.s.trust };
  const { min } = w.scenario.trust;
  for (const p of deal.parties)
    if (p !== ctx.role && trust[p]) trust[p] = put(trust[p], ctx.role, Math.max(min, trust[p][ctx.role] - BREACH_TRUST_LOSS));
  w.s.trust = trust;
  ctx.count('actions');
}

export const BREACH_TRUST_LOSS = 20;

export function adoptMemorandum(w: Work, ctx: SeatContext, a: Act<'adoptMemorandum'>): void {
  const memo = w.s.deals[a.deal];
  const role = w.ix.roles.get(ctx.role)!;
  const memoType = dealType(w, memo.dealType);
  const type = dealType(w, memoType.adoptAs!);
  // The scenario check makes sure both types have the same issues and options.
  const terms = inIssueOrder(type, currentTerms(memo));
  const parties = inRoleOrder(w, a.parties);
  const proposal: Deal = {
    id: newDealId(w),
    dealType: type.id,
    track: type.track,
    author: ctx.role,
    parties,
    status: 'proposed',
    versions: [{ version: 1, by: ctx.role, terms }],
    acceptedBy: [ctx.role],
    signedBy: [],
    ratifiedBy: [],
    breachedBy: null,
    adoptedFrom: memo.id,
    round: w.s.round,
  };
  putDeal(w, { ...memo, status: 'adopted' });
  putDeal(w, proposal);
  addTimeline(w, 'deal', `${role.name} adopts the ${memoType.label}`, `It becomes a proposal for the ${type.label}. ${describeTerms(type, terms)}`, [...new Set([...memo.parties, ...parties])]);
  ctx.count('proposals');
}
