// What a deal is worth to the bot's own role, from its own secrets only (the `me` part of its
// view): its point table for the type, or, for types it has no table for (a track II memorandum),
// preferences implied by its objectives ("the agreement in force uses the androgynous system").
import type { Condition, DealType, Role } from '../scenario/schema';

export type Terms = Record<string, string>;

export interface Valuation {
  /** Points per option of each issue. */
  issues: Record<string, Record<string, number>>;
  /** Points the role gets from any deal of the type, whatever the terms (objectives on it). */
  bonus: number;
  walkAway: number;
  /** Whether the role has a point table for the type (else only objectives say anything). */
  fromTable: boolean;
}

export function value(valuation: Valuation, terms: Terms): number {
  let points = valuation.bonus;
  for (const [issue, option] of Object.entries(terms)) points += valuation.issues[issue]?.[option] ?? 0;
  return points;
}

/** Best and worst possible points: the best option of every issue, and the worst. */
export function range(valuation: Valuation, dealType: Pick<DealType, 'issues'>): { best: number; worst: number } {
  let best = valuation.bonus;
  let worst = valuation.bonus;
  for (const issue of dealType.issues) {
    const points = issue.options.map((o) => valuation.issues[issue.id]?.[o.id] ?? 0);
    best += Math.max(...points);
    worst += Math.min(...points);
  }
  return { best, worst };
}

/**
 * The role's valuation of a deal type: its point table (if any) plus what its objectives say about
 * deals of that type, or null when it has no reason to care. `adoptAs` is the track I type a
 * memorandum may become: objectives about that type count for the memorandum too, since its
 * terms carry over on adoption. An objective under a `not` counts against the terms it names.
 */
export function valuationFor(role: Role, dealType: Pick<DealType, 'id' | 'issues' | 'adoptAs'>): Valuation | null {
  const table = role.pointTables[dealType.id];
  const issues: Record<string, Record<string, number>> = {};
  for (const [issue, options] of Object.entries(table?.issues ?? {})) issues[issue] = { ...options };
  const types = [dealType.id, ...(dealType.adoptAs ? [dealType.adoptAs] : [])];
  let bonus = 0;
  let mentioned = false;
  for (const objective of role.objectives) {
    for (const { condition, sign } of dealConditions(objective.when, 1)) {
      if (!types.includes(condition.deal)) continue;
      mentioned = true;
      const points = sign * objective.points;
      const terms = Object.entries(condition.terms ?? {});
      if (terms.length === 0) bonus += points;
      for (const [issue, option] of terms) {
        issues[issue] = { ...issues[issue], [option]: (issues[issue]?.[option] ?? 0) + points };
      }
    }
  }
  if (!table && !mentioned) return null;
  return { issues, bonus, walkAway: table?.walkAway ?? 0, fromTable: table !== undefined };
}

type DealCondition = Extract<Condition, { deal: string }>;

/** Every deal condition of a condition tree, negative under a `not`. */
function dealConditions(condition: Condition, sign: number): { condition: DealCondition; sign: number }[] {
  if ('all' in condition) return condition.all.flatMap((c) => dealConditions(c, sign));
  if ('any' in condition) return condition.any.flatMap((c) => dealConditions(c, sign));
  if ('not' in condition) return dealConditions(condition.not, -sign);
  if ('deal' in condition) return [{ condition, sign }];
  return [];
}
