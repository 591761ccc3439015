// The deal lifecycle (track I agreements and track II memoranda):
// draft -> proposed -> (countered) -> accepted -> signed -> (ratified) -> in force -> breached,
// with rejected / withdrawn / failed as ends, and memoranda adopted by a government as proposals.
// A deal in force ends when it is broken, when a party leaves it (a memorandum: it binds no one),
// or when a new deal of its type that supersedes it enters into force.
// Who may make each move is decided in moves.ts before these run: here the move takes effect.
import type { PlayerAction } from '../protocol/actions';
import type { DealType } from '../scenario/schema';
import { holds } from './conditions';
import { applyEffects } from './effects';
import { bridgedMemorandum } from './relationships';
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
    supersedes: a.supersedes ?? null,
    bridged: false,
    round: w.s.round,
  });
  ctx.count('proposals');
}

export function editDraft(w: Work, ctx: SeatContext, a: Act<'editDraft'>): void {
  const deal = w.s.deals[a.deal];
  const terms = inIssueOrder(dealType(w, deal.dealType), a.terms);
  putDeal(w, { ...deal, parties: inRoleOrder(w, a.parties), versions: [{ version: 1, by: ctx.role, terms }], supersedes: a.supersedes ?? null });
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
  // Pulling out of what others agreed to (or leaving a memorandum in force) is a defection.
  const agreed = deal.status === 'inForce' || deal.status === 'adopted' ? deal.parties : deal.acceptedBy;
  const wronged = agreed.filter((p) => p !== ctx.role);
  if (wronged.length === 0) return;
  const type = dealType(w, deal.dealType);
  const leaving = deal.status === 'inForce' || deal.status === 'adopted';
  addTimeline(w, { code: 'dealWithdrawn', params: { deal: deal.id, dealType: deal.dealType, role: ctx.role, parties: wronged, left: leaving } }, deal.parties);
  applyEffects(w, type.onWithdraw, { actor: ctx.role, parties: deal.parties });
  loseTrust(w, wronged, ctx.role, w.scenario.trust.withdrawLoss);
}

/** The wronged roles trust the defector this much less. */
function loseTrust(w: Work, wronged: readonly string[], defector: string, loss: number): void {
  if (loss === 0) return;
  const trust = { ...w.s.trust };
  const { min } = w.scenario.trust;
  for (const p of wronged) if (trust[p]) trust[p] = put(trust[p], defector, Math.max(min, trust[p][defector] - loss));
  w.s.trust = trust;
}

function enterIntoForce(w: Work, deal: Deal, completedBy: string): void {
  const type = dealType(w, deal.dealType);
  const ctx = { actor: completedBy, parties: deal.parties };
  const terms = currentTerms(deal);
  putDeal(w, { ...deal, status: 'inForce' });
  addTimeline(w, { code: 'dealInForce', params: { deal: deal.id, dealType: deal.dealType, parties: deal.parties, terms } }, deal.parties);
  const old = deal.supersedes ? w.s.deals[deal.supersedes] : undefined;
  if (old) {
    putDeal(w, { ...old, status: 'superseded' });
    addTimeline(w, { code: 'dealSuperseded', params: { deal: old.id, dealType: old.dealType, parties: old.parties, by: deal.id } }, [...new Set([...old.parties, ...deal.parties])]);
  }
  // Checked before the deal's own effects change the state it reads.
  const hostile = type.hostileCost && holds(type.hostileCost.when, w.scenario, w.s, ctx);
  applyEffects(w, type.onForce, ctx);
  for (const issue of type.issues) {
    const option = issue.options.find((o) => o.id === terms[issue.id]);
    if (option && option.onForce.length > 0) applyEffects(w, option.onForce, ctx);
  }
  if (hostile) applyEffects(w, type.hostileCost!.effects, ctx);
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
  const role = w.ix.roles.get(ctx.role)!;
  ctx.count('signatures');
  // An agreement carried by a track II relationship is ratified even where domestic politics balk.
  if (!deal.bridged && role.ratifyWhen && !holds(role.ratifyWhen, w.scenario, w.s, { self: role.id, actor: role.id, parties: deal.parties })) {
    putDeal(w, { ...deal, status: 'failed' });
    addTimeline(w, { code: 'ratificationFails', params: { deal: deal.id, dealType: deal.dealType, role: role.id, parties: deal.parties.filter((p) => p !== role.id) } }, deal.parties);
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
  addTimeline(w, { code: 'dealBroken', params: { deal: deal.id, dealType: deal.dealType, role: ctx.role, parties: deal.parties.filter((p) => p !== ctx.role) } }, deal.parties);
  applyEffects(w, type.onBreach, { actor: ctx.role, parties: deal.parties });
  loseTrust(w, deal.parties.filter((p) => p !== ctx.role), ctx.role, w.scenario.trust.breachLoss);
  ctx.count('actions');
}

export function adoptMemorandum(w: Work, ctx: SeatContext, a: Act<'adoptMemorandum'>): void {
  const memo = w.s.deals[a.deal];
  const role = w.ix.roles.get(ctx.role)!;
  const memoType = dealType(w, memo.dealType);
  const type = dealType(w, memoType.adoptAs!);
  // The memorandum's issues are a subset of the agreement's (the scenario check makes sure of it):
  // the adopting government fills in the others.
  const terms = inIssueOrder(type, { ...a.terms, ...currentTerms(memo) });
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
    supersedes: a.supersedes ?? null,
    bridged: bridgedMemorandum(w.scenario, w.s, memo),
    round: w.s.round,
  };
  putDeal(w, { ...memo, status: 'adopted' });
  putDeal(w, proposal);
  const adopted = { deal: proposal.id, memorandum: memo.id, memorandumType: memo.dealType, dealType: type.id, role: role.id, terms };
  addTimeline(
    w,
    { code: 'memorandumAdopted', params: proposal.bridged ? { ...adopted, bridgedBy: memo.parties } : adopted },
    [...new Set([...memo.parties, ...parties])],
  );
  ctx.count('proposals');
}
