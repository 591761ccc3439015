// The condition evaluator: scenario conditions are data (all/any/not over comparisons), read here
// against a game state. Never code, never eval.
import type { Condition, Scenario } from '../scenario/schema';
import { indexScenario } from './scenarioIndex';
import type { Deal, GameState } from './types';

/** Who the placeholders in a condition or effect stand for. */
export interface RoleContext {
  self?: string;
  actor?: string;
  parties?: string[];
}

/** Expands a role reference; an unresolvable placeholder gives no roles. */
export function resolveRoles(ref: string, scenario: Scenario, ctx: RoleContext): string[] {
  switch (ref) {
    case '@all':
      return indexScenario(scenario).roleIds;
    case '@self':
      return ctx.self ? [ctx.self] : [];
    case '@actor':
      return ctx.actor ? [ctx.actor] : [];
    case '@parties':
      return ctx.parties ?? [];
    default:
      return [ref];
  }
}

function within(value: number, c: { atLeast?: number; atMost?: number }): boolean {
  return (c.atLeast === undefined || value >= c.atLeast) && (c.atMost === undefined || value <= c.atMost);
}

/** An adopted memorandum still stands: it counts as in force. */
export function isInForce(deal: Deal): boolean {
  return deal.status === 'inForce' || deal.status === 'adopted';
}

function dealMatches(deal: Deal, c: Extract<Condition, { deal: string }>, parties: string[] | null): boolean {
  if (deal.dealType !== c.deal) return false;
  const status = c.status ?? 'inForce';
  if (status === 'inForce' ? !isInForce(deal) : deal.status !== status) return false;
  if (parties && !parties.every((p) => deal.parties.includes(p))) return false;
  if (c.terms) {
    const terms = deal.versions[deal.versions.length - 1].terms;
    for (const issue in c.terms) if (terms[issue] !== c.terms[issue]) return false;
  }
  return true;
}

/** Whether `condition` holds in `state`. A comparison over several roles (`@all`) must hold for each;
 *  one over no role (an unresolved `@actor`) does not hold. */
export function holds(condition: Condition, scenario: Scenario, state: GameState, ctx: RoleContext = {}): boolean {
  const c = condition as Record<string, unknown>;
  if ('all' in c) return (condition as { all: Condition[] }).all.every((x) => holds(x, scenario, state, ctx));
  if ('any' in c) return (condition as { any: Condition[] }).any.some((x) => holds(x, scenario, state, ctx));
  if ('not' in c) return !holds((condition as { not: Condition }).not, scenario, state, ctx);
  if ('track' in c) {
    const t = condition as Extract<Condition, { track: string }>;
    return within(state.tracks[t.track] ?? 0, t);
  }
  if ('trust' in c) {
    const t = condition as Extract<Condition, { trust: unknown }>;
    const from = resolveRoles(t.trust.from, scenario, ctx);
    const to = resolveRoles(t.trust.to, scenario, ctx);
    let compared = false;
    for (const f of from)
      for (const x of to) {
        if (f === x) continue;
        compared = true;
        if (!within(state.trust[f]?.[x] ?? 0, t)) return false;
      }
    return compared;
  }
  if ('resource' in c) {
    const r = condition as Extract<Condition, { resource: string }>;
    const roles = resolveRoles(r.role, scenario, ctx);
    return roles.length > 0 && roles.every((role) => within(state.resources[role]?.[r.resource] ?? 0, r));
  }
  if ('round' in c) return within(state.round, (condition as Extract<Condition, { round: unknown }>).round);
  if ('deal' in c) {
    const d = condition as Extract<Condition, { deal: string }>;
    let parties: string[] | null = null;
    if (d.parties) {
      parties = d.parties.flatMap((p) => resolveRoles(p, scenario, ctx));
      if (parties.length === 0) return false;
    }
    let count = 0;
    for (const id in state.deals) if (dealMatches(state.deals[id], d, parties)) count++;
    return d.count ? within(count, d.count) : count >= 1;
  }
  if ('event' in c) return state.firedEvents.includes((condition as { event: string }).event);
  if ('constraint' in c) return state.activeConstraints.includes((condition as { constraint: string }).constraint);
  return false;
}
