// The deal lifecycle (track I agreements and track II memoranda):
// draft -> proposed -> (countered) -> accepted -> signed -> (ratified) -> in force -> breached,
// with rejected / withdrawn / failed as ends, and memoranda adopted by a government as proposals.
import type { PlayerAction } from '../protocol/actions';
import type { DealStatusName, DealType, PhaseAllow, SeatPower } from '../scenario/schema';
import { holds } from './conditions';
import { applyEffects } from './effects';
import { roleName, type ScenarioIndex } from './scenarioIndex';
import type { Deal } from './types';
import { addTimeline, put, reject, type Work } from './work';

type Act<T extends PlayerAction['type']> = Extract<PlayerAction, { type: T }>;

/** What the acting seat is and may do; checks shared by every move. */
export interface SeatContext {
  role: string;
  seat: string;
  requireAllow(allow: PhaseAllow, what: string): void;
  requirePower(power: SeatPower, verb: string): void;
  count(counter: 'proposals' | 'responses' | 'signatures' | 'actions'): void;
}

function dealType(w: Work, id: string): DealType {
  const type = w.ix.dealTypes.get(id);
  if (!type) reject('unknown-deal-type', `There is no agreement type "${id}" in this scenario.`);
  return type;
}

function getDeal(w: Work, id: string, role: string): Deal {
  const deal = w.s.deals[id];
  // A draft of another team does not exist as far as this role knows.
  if (!deal || (deal.status === 'draft' && deal.author !== role)) reject('unknown-deal', `There is no deal ${id}.`);
  return deal;
}

const dealLabel = (w: Work, deal: Deal): string => w.ix.dealTypes.get(deal.dealType)?.label ?? deal.dealType;
const names = (ix: ScenarioIndex, roles: string[]): string => roles.map((r) => roleName(ix, r)).join(', ');

/** Memoranda move in the phases that allow `memorandum`; agreements in the named phase. */
function requireDealPhase(w: Work, ctx: SeatContext, deal: { track: 1 | 2 }, allow: PhaseAllow, what: string): void {
  ctx.requireAllow(deal.track === 2 ? 'memorandum' : allow, what);
}

function requireParty(w: Work, deal: Deal, role: string): void {
  if (!deal.parties.includes(role))
    reject('not-a-party', `${roleName(w.ix, role)} is not a party to ${dealLabel(w, deal)} (${deal.id}).`);
}

function requireStatus(w: Work, deal: Deal, statuses: DealStatusName[], doing: string): void {
  if (!statuses.includes(deal.status)) reject('wrong-status', `You cannot ${doing} ${deal.id}: it is ${describeStatus(deal.status)}.`);
}

function describeStatus(status: DealStatusName): string {
  const words: Record<DealStatusName, string> = {
    draft: 'still a draft',
    proposed: 'proposed and awaiting answers',
    accepted: 'accepted and awaiting signatures',
    signed: 'signed and awaiting ratification',
    inForce: 'in force',
    rejected: 'rejected',
    withdrawn: 'withdrawn',
    failed: 'failed (not ratified)',
    breached: 'breached',
    adopted: 'adopted by a government',
  };
  return words[status];
}

function checkParties(w: Work, type: DealType, parties: string[], author: string): string[] {
  const { ix } = w;
  for (const p of parties) if (!ix.roles.has(p)) reject('unknown-role', `There is no delegation "${p}".`);
  const unique = [...new Set(parties)];
  if (unique.length !== parties.length) reject('bad-parties', 'A delegation is listed twice among the parties.');
  if (!unique.includes(author)) reject('bad-parties', `${roleName(ix, author)} must be one of the parties.`);
  const { min, max, roles, kinds } = type.parties;
  if (unique.length < min || unique.length > max)
    reject('bad-parties', `${type.label} needs ${min === max ? min : `${min} to ${max}`} parties, not ${unique.length}.`);
  if (roles || kinds)
    for (const p of unique) {
      const allowed = (roles?.includes(p) ?? false) || (kinds?.includes(ix.roles.get(p)!.kind) ?? false);
      if (!allowed) reject('bad-parties', `${roleName(ix, p)} cannot be a party to ${type.label}.`);
    }
  // Keep the scenario's role order: the same deal always looks the same.
  return ix.roleIds.filter((id) => unique.includes(id));
}

/** One option per issue, nothing else; returned in the type's issue order. */
function checkTerms(type: DealType, terms: Record<string, string>): Record<string, string> {
  if (typeof terms !== 'object' || terms === null) reject('bad-terms', 'The terms are missing.');
  const clean: Record<string, string> = {};
  for (const issue of type.issues) {
    const option = terms[issue.id];
    if (option === undefined) reject('bad-terms', `Pick an option for "${issue.label}".`);
    if (!issue.options.some((o) => o.id === option)) reject('bad-terms', `"${option}" is not an option for "${issue.label}".`);
    clean[issue.id] = option;
  }
  for (const key of Object.keys(terms))
    if (!type.issues.some((i) => i.id === key)) reject('bad-terms', `${type.label} has no issue "${key}".`);
  return clean;
}

/** An active constraint may ban deals between two roles. */
function checkBans(w: Work, type: DealType, parties: string[]): void {
  for (const id of w.s.activeConstraints) {
    const c = w.ix.constraints.get(id)!;
    for (const ban of c.bansDeals) {
      const [a, b] = ban.between;
      if (parties.includes(a) && parties.includes(b) && (!ban.dealTypes || ban.dealTypes.includes(type.id)))
        reject('banned-by-constraint', `${c.label}: no ${type.label} between ${roleName(w.ix, a)} and ${roleName(w.ix, b)}.`);
    }
  }
}

function requireAvailable(w: Work, type: DealType): void {
  if (type.locked && !w.s.unlockedDealTypes.includes(type.id))
    reject('deal-type-locked', `${type.label} is not open for negotiation yet.`);
}

function putDeal(w: Work, deal: Deal, status?: DealStatusName): void {
  w.s.deals = put(w.s.deals, deal.id, deal);
  if (status) w.events.push({ type: 'deal', deal: deal.id, status });
}

const currentTerms = (deal: Deal) => deal.versions[deal.versions.length - 1].terms;

function newDealId(w: Work): string {
  const id = `d${w.s.nextDealNumber}`;
  w.s.nextDealNumber += 1;
  return id;
}

export function draftDeal(w: Work, ctx: SeatContext, a: Act<'draftDeal'>): void {
  const type = dealType(w, a.dealType);
  if (!w.ix.phases[w.s.phaseIndex].allows.includes('draft')) requireDealPhase(w, ctx, type, 'draft', 'Drafts');
  requireAvailable(w, type);
  const parties = checkParties(w, type, a.parties, ctx.role);
  const terms = checkTerms(type, a.terms);
  const deal: Deal = {
    id: newDealId(w),
    dealType: type.id,
    track: type.track,
    author: ctx.role,
    parties,
    status: 'draft',
    versions: [{ version: 1, by: ctx.role, terms }],
    acceptedBy: [],
    signedBy: [],
    ratifiedBy: [],
    breachedBy: null,
    adoptedFrom: null,
    round: w.s.round,
  };
  putDeal(w, deal, 'draft');
  ctx.count('proposals');
}

export function editDraft(w: Work, ctx: SeatContext, a: Act<'editDraft'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  requireStatus(w, deal, ['draft'], 'edit');
  const type = dealType(w, deal.dealType);
  if (!w.ix.phases[w.s.phaseIndex].allows.includes('draft')) requireDealPhase(w, ctx, type, 'draft', 'Drafts');
  const parties = checkParties(w, type, a.parties, ctx.role);
  const terms = checkTerms(type, a.terms);
  putDeal(w, { ...deal, parties, versions: [{ version: 1, by: ctx.role, terms }] });
}

export function proposeDeal(w: Work, ctx: SeatContext, a: Act<'proposeDeal'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  requireStatus(w, deal, ['draft'], 'propose');
  const type = dealType(w, deal.dealType);
  requireDealPhase(w, ctx, deal, 'propose', 'Proposals');
  ctx.requirePower('propose', 'propose');
  requireAvailable(w, type);
  checkBans(w, type, deal.parties);
  // Proposing is agreeing to one's own terms.
  putDeal(w, { ...deal, status: 'proposed', acceptedBy: [ctx.role], round: w.s.round }, 'proposed');
  ctx.count('proposals');
}

export function counterDeal(w: Work, ctx: SeatContext, a: Act<'counterDeal'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  requireParty(w, deal, ctx.role);
  requireStatus(w, deal, ['proposed'], 'counter');
  const type = dealType(w, deal.dealType);
  requireDealPhase(w, ctx, deal, 'propose', 'Counter-proposals');
  ctx.requirePower('propose', 'counter a proposal');
  checkBans(w, type, deal.parties);
  const terms = checkTerms(type, a.terms);
  const before = currentTerms(deal);
  if (type.issues.every((i) => before[i.id] === terms[i.id])) reject('bad-terms', 'A counter-proposal must change at least one term.');
  const version = { version: deal.versions.length + 1, by: ctx.role, terms };
  putDeal(w, { ...deal, versions: [...deal.versions, version], acceptedBy: [ctx.role] }, 'proposed');
  ctx.count('proposals');
}

export function acceptDeal(w: Work, ctx: SeatContext, a: Act<'acceptDeal'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  requireParty(w, deal, ctx.role);
  requireStatus(w, deal, ['proposed'], 'accept');
  requireDealPhase(w, ctx, deal, 'respond', 'Answers to proposals');
  ctx.requirePower('propose', 'accept a proposal');
  if (deal.acceptedBy.includes(ctx.role)) reject('already-done', `${roleName(w.ix, ctx.role)} has already accepted ${deal.id}.`);
  checkBans(w, dealType(w, deal.dealType), deal.parties);
  const acceptedBy = [...deal.acceptedBy, ctx.role];
  const all = deal.parties.every((p) => acceptedBy.includes(p));
  putDeal(w, { ...deal, acceptedBy, status: all ? 'accepted' : 'proposed' }, all ? 'accepted' : undefined);
  ctx.count('responses');
}

export function rejectDeal(w: Work, ctx: SeatContext, a: Act<'rejectDeal'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  requireParty(w, deal, ctx.role);
  if (deal.author === ctx.role) reject('wrong-status', `You wrote ${deal.id}: withdraw it instead of rejecting it.`);
  requireStatus(w, deal, ['proposed', 'accepted'], 'reject');
  requireDealPhase(w, ctx, deal, 'respond', 'Answers to proposals');
  ctx.requirePower('propose', 'reject a proposal');
  putDeal(w, { ...deal, status: 'rejected' }, 'rejected');
  ctx.count('responses');
}

export function withdrawDeal(w: Work, ctx: SeatContext, a: Act<'withdrawDeal'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  if (deal.author !== ctx.role) reject('not-a-party', `Only its author, ${roleName(w.ix, deal.author)}, can withdraw ${deal.id}.`);
  requireStatus(w, deal, ['draft', 'proposed', 'accepted', 'signed'], 'withdraw');
  if (deal.status === 'draft') {
    // A discarded draft was never seen by anyone else: it simply goes.
    if (!w.ix.phases[w.s.phaseIndex].allows.includes('draft')) requireDealPhase(w, ctx, deal, 'respond', 'Withdrawals');
    const deals = { ...w.s.deals };
    delete deals[deal.id];
    w.s.deals = deals;
    w.events.push({ type: 'deal', deal: deal.id, status: 'withdrawn' });
    return;
  }
  requireDealPhase(w, ctx, deal, 'respond', 'Withdrawals');
  ctx.requirePower('propose', 'withdraw a proposal');
  putDeal(w, { ...deal, status: 'withdrawn' }, 'withdrawn');
  ctx.count('responses');
}

function enterIntoForce(w: Work, deal: Deal, completedBy: string): void {
  const type = dealType(w, deal.dealType);
  putDeal(w, { ...deal, status: 'inForce' }, 'inForce');
  addTimeline(
    w,
    'deal',
    `${type.track === 2 ? 'Memorandum signed' : 'In force'}: ${type.label}`,
    `Between ${names(w.ix, deal.parties)}. ${describeTerms(type, currentTerms(deal))}`,
    deal.parties,
  );
  applyEffects(w, type.onForce, { actor: completedBy, parties: deal.parties });
}

export function describeTerms(type: DealType, terms: Record<string, string>): string {
  return type.issues.map((i) => `${i.label}: ${i.options.find((o) => o.id === terms[i.id])?.label ?? terms[i.id]}.`).join(' ');
}

const governments = (w: Work, deal: Deal): string[] => deal.parties.filter((p) => w.ix.roles.get(p)?.kind === 'government');

export function signDeal(w: Work, ctx: SeatContext, a: Act<'signDeal'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  requireParty(w, deal, ctx.role);
  requireStatus(w, deal, ['accepted'], 'sign');
  const type = dealType(w, deal.dealType);
  requireDealPhase(w, ctx, deal, 'sign', 'Signatures');
  ctx.requirePower('sign', 'sign');
  if (deal.signedBy.includes(ctx.role)) reject('already-done', `${roleName(w.ix, ctx.role)} has already signed ${deal.id}.`);
  checkBans(w, type, deal.parties);
  const signed = { ...deal, signedBy: [...deal.signedBy, ctx.role] };
  ctx.count('signatures');
  if (!deal.parties.every((p) => signed.signedBy.includes(p))) {
    putDeal(w, signed);
    return;
  }
  if (type.track === 1 && type.ratification && governments(w, deal).length > 0) {
    putDeal(w, { ...signed, status: 'signed' }, 'signed');
    return;
  }
  enterIntoForce(w, signed, ctx.role);
}

export function ratifyDeal(w: Work, ctx: SeatContext, a: Act<'ratifyDeal'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  requireParty(w, deal, ctx.role);
  requireStatus(w, deal, ['signed'], 'ratify');
  const type = dealType(w, deal.dealType);
  const role = w.ix.roles.get(ctx.role)!;
  if (role.kind !== 'government') reject('wrong-status', `Only governments ratify; ${role.name} has signed and is done.`);
  requireDealPhase(w, ctx, deal, 'ratify', 'Ratifications');
  ctx.requirePower('ratify', 'ratify');
  if (deal.ratifiedBy.includes(ctx.role)) reject('already-done', `${role.name} has already ratified ${deal.id}.`);
  checkBans(w, type, deal.parties);
  ctx.count('signatures');
  if (role.ratifyWhen && !holds(role.ratifyWhen, w.scenario, w.s, { self: role.id, actor: role.id, parties: deal.parties })) {
    putDeal(w, { ...deal, status: 'failed' }, 'failed');
    addTimeline(w, 'deal', `Ratification fails: ${type.label}`, `${role.name} could not ratify the agreement with ${names(w.ix, deal.parties.filter((p) => p !== role.id))}.`, deal.parties);
    return;
  }
  const ratified = { ...deal, ratifiedBy: [...deal.ratifiedBy, ctx.role] };
  if (governments(w, deal).every((g) => ratified.ratifiedBy.includes(g))) enterIntoForce(w, ratified, ctx.role);
  else putDeal(w, ratified);
}

export function breachDeal(w: Work, ctx: SeatContext, a: Act<'breachDeal'>): void {
  const deal = getDeal(w, a.deal, ctx.role);
  requireParty(w, deal, ctx.role);
  requireStatus(w, deal, ['inForce'], 'break');
  const type = dealType(w, deal.dealType);
  ctx.requireAllow('breach', 'Breaches of deals');
  ctx.requirePower('act', 'break a deal');
  putDeal(w, { ...deal, status: 'breached', breachedBy: ctx.role }, 'breached');
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
  const memo = getDeal(w, a.deal, ctx.role);
  const role = w.ix.roles.get(ctx.role)!;
  const memoType = dealType(w, memo.dealType);
  if (memo.track !== 2 || !memoType.adoptAs) reject('wrong-status', `${memoType.label} is not a memorandum a government can adopt.`);
  if (role.kind !== 'government') reject('not-a-party', 'Only a government can adopt a memorandum.');
  requireStatus(w, memo, ['inForce'], 'adopt');
  if (!memo.parties.some((p) => w.ix.roles.get(p)?.nation === role.nation))
    reject('not-a-party', `${role.name} can only adopt a memorandum signed by someone from ${role.nation}.`);
  ctx.requireAllow('propose', 'Adoptions of memoranda');
  ctx.requirePower('propose', 'adopt a memorandum');
  const type = dealType(w, memoType.adoptAs);
  requireAvailable(w, type);
  const parties = checkParties(w, type, a.parties, ctx.role);
  const terms = checkTerms(type, currentTerms(memo));
  checkBans(w, type, parties);
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
  putDeal(w, { ...memo, status: 'adopted' }, 'adopted');
  putDeal(w, proposal, 'proposed');
  addTimeline(w, 'deal', `${role.name} adopts the ${memoType.label}`, `It becomes a proposal for the ${type.label}. ${describeTerms(type, terms)}`, [...new Set([...memo.parties, ...parties])]);
  ctx.count('proposals');
}
