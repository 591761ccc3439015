// Scoring: what each role has earned (at the end; live for the facilitator and for each role's
// own preview), and what a proposal would be worth to a role against its walk-away.
import type { Role, Scenario } from '../scenario/schema';
import { holds, isInForce } from './conditions';
import type { GameState, ProposalValue, RoleScore } from './types';

/** Points are whole in tables, but resource terms multiply by fractions (0.1 per prestige). */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** What `terms` (one option per issue, possibly incomplete while drafting) are worth to a role.
 *  Needs only the role's own point tables, so a client can call it with `{ roles: [myRole] }`.
 *  Null when the role has no point table for this deal type. */
export function evaluateProposal(
  scenario: { roles: readonly Pick<Role, 'id' | 'pointTables'>[] },
  roleId: string,
  dealType: string,
  terms: Record<string, string>,
): ProposalValue | null {
  const table = scenario.roles.find((r) => r.id === roleId)?.pointTables[dealType];
  if (!table) return null;
  const perIssue: Record<string, number> = {};
  let points = 0;
  for (const [issue, options] of Object.entries(table.issues)) {
    const value = options[terms[issue]] ?? 0;
    perIssue[issue] = value;
    points += value;
  }
  return { role: roleId, dealType, points, walkAway: table.walkAway, beatsWalkAway: points >= table.walkAway, perIssue };
}

export function scoreRole(state: GameState, scenario: Scenario, role: Role): RoleScore {
  const { scoring } = scenario;
  const self = { self: role.id };
  const deals: RoleScore['deals'] = [];
  for (const [dealType, table] of Object.entries(role.pointTables)) {
    let any = false;
    for (const id in state.deals) {
      const deal = state.deals[id];
      if (deal.dealType !== dealType || !isInForce(deal) || !deal.parties.includes(role.id)) continue;
      any = true;
      const value = evaluateProposal(scenario, role.id, dealType, deal.versions[deal.versions.length - 1].terms)!;
      deals.push({ deal: deal.id, dealType, points: value.points, walkAway: false });
    }
    if (!any) deals.push({ deal: null, dealType, points: table.walkAway, walkAway: true });
  }
  const objectives = role.objectives.map((o) => ({
    id: o.id,
    description: o.description,
    points: o.points,
    met: holds(o.when, scenario, state, self),
  }));
  const resources = scoring.resources
    .filter((term) => !term.roles || term.roles.includes(role.id))
    .map((term) => ({ resource: term.resource, points: round2((state.resources[role.id]?.[term.resource] ?? 0) * term.pointsPer) }));
  const shared = scoring.sharedObjectives.map((o) => ({
    id: o.id,
    description: o.description,
    points: o.points,
    met: holds(o.when, scenario, state, self),
  }));
  let keptDealCount = 0;
  let breachCount = 0;
  for (const id in state.deals) {
    const deal = state.deals[id];
    if (isInForce(deal) && deal.parties.includes(role.id)) keptDealCount++;
    if (deal.breachedBy === role.id) breachCount++;
  }
  const keptDeals = keptDealCount * scoring.keptDealBonus;
  const breaches = -breachCount * scoring.breachPenalty;
  const collapse = state.outcome?.reason === 'collapse' ? (scoring.collapse?.points ?? 0) : 0;
  const total = round2(
    deals.reduce((sum, d) => sum + d.points, 0) +
      objectives.reduce((sum, o) => sum + (o.met ? o.points : 0), 0) +
      resources.reduce((sum, r) => sum + r.points, 0) +
      shared.reduce((sum, o) => sum + (o.met ? o.points : 0), 0) +
      keptDeals +
      breaches +
      collapse,
  );
  return { role: role.id, total, deals, objectives, resources, shared, keptDeals, keptDealCount, breaches, breachCount, collapse };
}

/** Every role's score, in scenario order. */
export function score(state: GameState, scenario: Scenario): RoleScore[] {
  return scenario.roles.map((role) => scoreRole(state, scenario, role));
}
