// A scenario condition as one seat can judge it from its own view: the engine's `holds` reads the
// full state, a bot reads only what its seat sees. What the view shows (tracks, resources, active
// constraints, the round, deals in force, the seat's own deals and its own trust) is judged as the
// engine would; what it cannot show (trust between two other roles, another team's open deals)
// and events (left to the facilitator, see below) are unknown, and an unknown part makes the whole
// condition unknown unless the rest already decides it (three-valued logic).
import type { Condition } from '../scenario/schema';
import { isInForce } from '../engine/conditions';
import type { Deal } from '../engine/types';
import type { GameView } from '../engine/view';

/** true or false as the engine would find it, or null when the view cannot tell. */
export type Judgement = boolean | null;

/** Who the placeholders stand for: the seat's own role, and the parties of the deal in question. */
export interface ViewContext {
  self: string;
  parties?: readonly string[];
}

const within = (value: number, c: { atLeast?: number; atMost?: number }) =>
  (c.atLeast === undefined || value >= c.atLeast) && (c.atMost === undefined || value <= c.atMost);

const PUBLIC_STATUSES = new Set<Deal['status']>(['inForce', 'adopted', 'breached', 'superseded']);

function rolesOf(ref: string, view: GameView, ctx: ViewContext): string[] {
  if (ref === '@all') return view.roles.map((r) => r.id);
  if (ref === '@self' || ref === '@actor') return [ctx.self];
  if (ref === '@parties') return [...(ctx.parties ?? [])];
  return [ref];
}

export function judge(condition: Condition, view: GameView, ctx: ViewContext): Judgement {
  if ('all' in condition) {
    let unknown = false;
    for (const c of condition.all) {
      const j = judge(c, view, ctx);
      if (j === false) return false;
      if (j === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if ('any' in condition) {
    let unknown = false;
    for (const c of condition.any) {
      const j = judge(c, view, ctx);
      if (j === true) return true;
      if (j === null) unknown = true;
    }
    return unknown ? null : false;
  }
  if ('not' in condition) {
    const j = judge(condition.not, view, ctx);
    return j === null ? null : !j;
  }
  if ('track' in condition) return within(view.tracks[condition.track] ?? 0, condition);
  if ('resource' in condition) {
    const roles = rolesOf(condition.role, view, ctx);
    return roles.length > 0 && roles.every((role) => within(view.resources[role]?.[condition.resource] ?? 0, condition));
  }
  if ('round' in condition) return within(view.round, condition.round);
  if ('constraint' in condition) return view.constraints.some((c) => c.id === condition.constraint);
  if ('trust' in condition) {
    let compared = false;
    let unknown = false;
    for (const from of rolesOf(condition.trust.from, view, ctx))
      for (const to of rolesOf(condition.trust.to, view, ctx)) {
        if (from === to) continue;
        compared = true;
        const value = view.trust[from]?.[to];
        if (value === undefined) unknown = true;
        else if (!within(value, condition)) return false;
      }
    return unknown ? null : compared;
  }
  if ('deal' in condition) {
    const status = condition.status ?? 'inForce';
    let parties: string[] | null = null;
    if (condition.parties) {
      parties = condition.parties.flatMap((p) => rolesOf(p, view, ctx));
      if (parties.length === 0) return false;
    }
    // Deals in force (and ended ones) are public; other stages only to their parties.
    const visible = status === 'inForce' || PUBLIC_STATUSES.has(status) || (parties?.includes(ctx.self) ?? false);
    if (!visible) return null;
    let count = 0;
    for (const deal of view.deals) {
      if (deal.dealType !== condition.deal) continue;
      if (status === 'inForce' ? !isInForce(deal) : deal.status !== status) continue;
      if (parties && !parties.every((p) => deal.parties.includes(p))) continue;
      const terms = deal.versions[deal.versions.length - 1].terms;
      if (condition.terms && Object.entries(condition.terms).some(([issue, option]) => terms[issue] !== option)) continue;
      count++;
    }
    return condition.count ? within(count, condition.count) : count >= 1;
  }
  // An event: unknown. The timeline names the events that fired (`eventFired`), but a bot's
  // conditions do not read it: one not fired yet may still come, and that is the facilitator's.
  return null;
}
