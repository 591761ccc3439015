// The space of possible agreements of each deal type, Harborco style: every combination of
// options, what it is worth to each possible party against its walk-away, which combinations
// everyone can accept and which are Pareto-efficient. Needs only the scenario (the point tables),
// so authors can check their numbers before anyone plays, and the debrief can place a real deal.
import type { DealType, Role, Scenario } from '../scenario/schema';
import { banForbids } from '../engine/moves';

/** More combinations than this per deal type are not enumerated (the report says so). */
export const MAX_COMBINATIONS = 100_000;
/** At most this many party sets per deal type (smallest sets first, in scenario role order). */
const MAX_PARTY_SETS = 12;
/** A share of combinations with consensus from which a deal type is barely a negotiation. */
const NEARLY_ALL = 0.9;
/** At most this many Pareto-efficient agreements are listed per party set (all are counted). */
const MAX_LISTED = 10;

export type Terms = Record<string, string>;

export interface Agreement {
  terms: Terms;
  /** Points for each valued party. */
  values: Record<string, number>;
  acceptableToAll: boolean;
}

export interface RoleRange {
  role: string;
  walkAway: number;
  best: number;
  worst: number;
  /** Combinations that beat (>=) this role's walk-away. */
  acceptable: number;
}

export interface PartySetSpace {
  parties: string[];
  /** Parties with no point table for this type: the numbers below ignore them. */
  unvalued: string[];
  /** The label of a constraint active at the start that bans this set of parties, if any. */
  bannedAtStart: string | null;
  acceptableToAll: number;
  paretoEfficient: number;
  /** Pareto-efficient combinations that also beat every walk-away: the ones worth reaching. */
  paretoEfficientAcceptable: number;
  roles: RoleRange[];
  /** Up to MAX_LISTED Pareto-efficient agreements, acceptable ones first, best joint value first. */
  frontier: Agreement[];
  warnings: string[];
}

export interface DealTypeSpace {
  dealType: string;
  label: string;
  track: 1 | 2;
  combinations: number;
  /** Roles allowed to be parties (by the type's roles/kinds). */
  eligible: string[];
  partySets: PartySetSpace[];
  /** Party sets not analysed because of MAX_PARTY_SETS. */
  partySetsOmitted: number;
  /** Why the type was not analysed (too many combinations, nobody values it), if so. */
  note: string | null;
  warnings: string[];
}

export interface AgreementSpaceReport {
  scenario: string;
  title: string;
  dealTypes: DealTypeSpace[];
  /** Every warning, each starting with the deal type's label. */
  warnings: string[];
}

export interface DealPlacement {
  dealType: string;
  parties: string[];
  terms: Terms;
  values: Record<string, number>;
  /** Parties with no point table for this type (not counted). */
  unvalued: string[];
  combinations: number;
  /** How many combinations beat every valued party's walk-away. */
  consensus: number;
  acceptableToAll: boolean;
  paretoEfficient: boolean;
  /** Combinations that Pareto-dominate the deal: at least as good for every party and better for
   *  one; `betterForAll` marks those strictly better for every party. */
  paretoBetter: (Agreement & { betterForAll: boolean })[];
}

// ---------------------------------------------------------------------------------------------

/** Roles the type allows as parties: listed by id or by kind (as the engine checks them). */
function eligibleParties(scenario: Scenario, dealType: DealType): Role[] {
  const { roles, kinds } = dealType.parties;
  if (!roles && !kinds) return scenario.roles;
  return scenario.roles.filter((r) => (roles?.includes(r.id) ?? false) || (kinds?.includes(r.kind) ?? false));
}

export function combinationCount(dealType: Pick<DealType, 'issues'>): number {
  return dealType.issues.reduce((n, issue) => n * issue.options.length, 1);
}

/** Every combination of one option per issue, in a fixed order (first issue varies slowest). */
function* combinations(dealType: Pick<DealType, 'issues'>): Generator<Terms> {
  const total = combinationCount(dealType);
  for (let index = 0; index < total; index++) {
    const terms: Terms = {};
    let rest = index;
    for (let i = dealType.issues.length - 1; i >= 0; i--) {
      const options = dealType.issues[i].options;
      terms[dealType.issues[i].id] = options[rest % options.length].id;
      rest = Math.floor(rest / options.length);
    }
    yield orderTerms(dealType, terms);
  }
}

function orderTerms(dealType: Pick<DealType, 'issues'>, terms: Terms): Terms {
  const ordered: Terms = {};
  for (const issue of dealType.issues) ordered[issue.id] = terms[issue.id];
  return ordered;
}

/** What placing a deal needs: the deal types' issues and the roles' point tables. A scenario
 *  has them; so has a client's public scenario plus the point tables revealed in the debrief. */
export interface PlacementData {
  dealTypes: readonly Pick<DealType, 'id' | 'issues'>[];
  roles: readonly Pick<Role, 'id' | 'pointTables'>[];
}

/** Points of a combination for a role, or null when the role has no table for the type. */
function valueFor(role: Pick<Role, 'pointTables'>, dealType: string, terms: Terms): number | null {
  const table = role.pointTables[dealType];
  if (!table) return null;
  let points = 0;
  for (const [issue, option] of Object.entries(terms)) points += table.issues[issue]?.[option] ?? 0;
  return points;
}

/** Does `a` Pareto-dominate `b` (at least as good everywhere, better somewhere)? */
function dominates(a: number[], b: number[]): boolean {
  let better = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return false;
    if (a[i] > b[i]) better = true;
  }
  return better;
}

/** Indexes of the Pareto-efficient vectors. Sorted by total value (descending), a vector can only
 *  be dominated by one before it, and if it is dominated, it is dominated by an efficient one. */
function paretoFront(vectors: number[][]): Set<number> {
  const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
  const order = vectors.map((_, i) => i).sort((i, j) => sum(vectors[j]) - sum(vectors[i]) || i - j);
  const front: number[] = [];
  for (const i of order) {
    if (!front.some((f) => dominates(vectors[f], vectors[i]))) front.push(i);
  }
  return new Set(front);
}

function subsets<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of subsets(items.slice(i + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

function banAtStart(scenario: Scenario, dealType: string, parties: string[]): string | null {
  for (const c of scenario.constraints) {
    if (!c.active) continue;
    const ban = c.bansDeals.find((b) => (!b.dealTypes || b.dealTypes.includes(dealType)) && banForbids(b, parties));
    if (ban) return c.label;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** The agreement space of every deal type of a scenario. Pure and deterministic. */
export function analyzeAgreementSpace(scenario: Scenario): AgreementSpaceReport {
  const dealTypes = scenario.dealTypes.map((dt) => analyzeDealType(scenario, dt));
  return {
    scenario: scenario.id,
    title: scenario.title,
    dealTypes,
    warnings: dealTypes.flatMap((d) => d.warnings),
  };
}

function analyzeDealType(scenario: Scenario, dealType: DealType): DealTypeSpace {
  const eligible = eligibleParties(scenario, dealType);
  const total = combinationCount(dealType);
  const space: DealTypeSpace = {
    dealType: dealType.id,
    label: dealType.label,
    track: dealType.track,
    combinations: total,
    eligible: eligible.map((r) => r.id),
    partySets: [],
    partySetsOmitted: 0,
    note: null,
    warnings: [],
  };
  const valued = eligible.filter((r) => r.pointTables[dealType.id]);
  if (eligible.length < dealType.parties.min) {
    space.note = `only ${eligible.length} role(s) may be parties, fewer than the ${dealType.parties.min} it needs`;
    space.warnings.push(`${dealType.label}: no deal is possible, ${space.note}.`);
    return space;
  }
  if (valued.length === 0) {
    space.note =
      dealType.track === 2
        ? 'no party has a point table for it: a memorandum is valued through objectives, trust and the deal it may be adopted as'
        : 'no party has a point table for it';
    if (dealType.track === 1) space.warnings.push(`${dealType.label}: ${space.note}, so it scores nothing.`);
    return space;
  }
  if (total > MAX_COMBINATIONS) {
    space.note = `${total} combinations, more than the ${MAX_COMBINATIONS} analysed`;
    return space;
  }

  const all = [...combinations(dealType)];
  // Points of every combination for every valued role, computed once and shared by party sets.
  const points = new Map(valued.map((r) => [r.id, all.map((terms) => valueFor(r, dealType.id, terms) as number)]));

  // Party sets, smallest first. Parties without a table change no number, so only the smallest
  // set with the same valued parties is kept; where some set has two valued parties, sets with
  // only one say nothing about agreement and are left out.
  let sets: Role[][] = [];
  for (let size = dealType.parties.min; size <= Math.min(dealType.parties.max, eligible.length); size++) {
    sets.push(...subsets(eligible, size));
  }
  const valuedIn = (set: Role[]) => set.filter((r) => points.has(r.id)).map((r) => r.id);
  const seen = new Set<string>();
  sets = sets.filter((set) => {
    const key = valuedIn(set).join(' ');
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (sets.some((set) => valuedIn(set).length >= 2)) sets = sets.filter((set) => valuedIn(set).length >= 2);
  space.partySetsOmitted = Math.max(0, sets.length - MAX_PARTY_SETS);
  for (const set of sets.slice(0, MAX_PARTY_SETS)) {
    space.partySets.push(analyzePartySet(scenario, dealType, set, all, points));
  }
  space.warnings = space.partySets.flatMap((p) => p.warnings);
  return space;
}

function analyzePartySet(
  scenario: Scenario,
  dealType: DealType,
  set: Role[],
  all: Terms[],
  points: Map<string, number[]>,
): PartySetSpace {
  const valued = set.filter((r) => points.has(r.id));
  const walkAways = valued.map((r) => r.pointTables[dealType.id].walkAway);
  const vectors = all.map((_, c) => valued.map((r) => points.get(r.id)![c]));
  const acceptable = vectors.map((v) => v.every((x, i) => x >= walkAways[i]));
  const front = paretoFront(vectors);
  const acceptableCount = acceptable.filter(Boolean).length;

  const roles: RoleRange[] = valued.map((r, i) => {
    const column = vectors.map((v) => v[i]);
    return {
      role: r.id,
      walkAway: walkAways[i],
      best: Math.max(...column),
      worst: Math.min(...column),
      acceptable: column.filter((x) => x >= walkAways[i]).length,
    };
  });

  const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
  const frontier = [...front]
    .sort((a, b) => Number(acceptable[b]) - Number(acceptable[a]) || sum(vectors[b]) - sum(vectors[a]) || a - b)
    .slice(0, MAX_LISTED)
    .map((c) => agreement(valued, all[c], vectors[c], acceptable[c]));

  const names = set.map((r) => r.name).join(' + ');
  const where = `${dealType.label} (${names})`;
  const warnings: string[] = [];
  const n = all.length;
  if (acceptableCount === 0) {
    warnings.push(`${where}: no combination beats every walk-away, so delegations that follow their points never agree.`);
  } else if (acceptableCount === n) {
    warnings.push(`${where}: all ${n} combinations beat every walk-away, so there is nothing to negotiate.`);
  } else if (acceptableCount >= NEARLY_ALL * n) {
    warnings.push(`${where}: ${acceptableCount} of ${n} combinations beat every walk-away, so almost any deal will do.`);
  }
  for (const r of roles) {
    if (r.acceptable === 0) {
      const name = set.find((s) => s.id === r.role)!.name;
      warnings.push(`${where}: ${name} is hopeless: its best is ${r.best} points, below its walk-away of ${r.walkAway}.`);
    }
  }
  const distinctBest = new Set([...front].map((c) => vectors[c].join(','))).size;
  if (distinctBest === 1 && valued.length > 1) {
    warnings.push(`${where}: one combination is the best for every party, so there is no trade-off to negotiate.`);
  } else if (valued.length > 1) {
    valued.forEach((r, i) => {
      if ([...front].every((c) => vectors[c][i] === roles[i].best)) {
        warnings.push(`${where}: ${r.name} is dominant: it gets its best (${roles[i].best} points) on every Pareto-efficient agreement, so it never needs to concede.`);
      }
    });
  }

  return {
    parties: set.map((r) => r.id),
    unvalued: set.filter((r) => !points.has(r.id)).map((r) => r.id),
    bannedAtStart: banAtStart(scenario, dealType.id, set.map((r) => r.id)),
    acceptableToAll: acceptableCount,
    paretoEfficient: front.size,
    paretoEfficientAcceptable: [...front].filter((c) => acceptable[c]).length,
    roles,
    frontier,
    warnings,
  };
}

function agreement(valued: Pick<Role, 'id'>[], terms: Terms, vector: number[], acceptableToAll: boolean): Agreement {
  return { terms, values: Object.fromEntries(valued.map((r, i) => [r.id, vector[i]])), acceptableToAll };
}

// ---------------------------------------------------------------------------------------------

/**
 * Place an actual deal in its agreement space (for the debrief): does it beat every walk-away,
 * is it Pareto-efficient, and which combinations would have been better. Throws on a deal type,
 * party or term the scenario does not have.
 */
export function placeDeal(scenario: PlacementData, dealTypeId: string, parties: string[], terms: Terms): DealPlacement {
  const dealType = scenario.dealTypes.find((d) => d.id === dealTypeId);
  if (!dealType) throw new Error(`unknown deal type "${dealTypeId}"`);
  const roles = parties.map((id) => {
    const role = scenario.roles.find((r) => r.id === id);
    if (!role) throw new Error(`unknown role "${id}"`);
    return role;
  });
  for (const issue of dealType.issues) {
    if (!issue.options.some((o) => o.id === terms[issue.id])) {
      throw new Error(`terms must pick one option of issue "${issue.id}" of ${dealTypeId}`);
    }
  }
  const chosen = orderTerms(dealType, terms);
  const valued = roles.filter((r) => r.pointTables[dealTypeId]);
  const walkAways = valued.map((r) => r.pointTables[dealTypeId].walkAway);
  const vectorOf = (t: Terms) => valued.map((r) => valueFor(r, dealTypeId, t) as number);
  const beats = (v: number[]) => v.every((x, i) => x >= walkAways[i]);
  const mine = vectorOf(chosen);

  let consensus = 0;
  const paretoBetter: DealPlacement['paretoBetter'] = [];
  const total = combinationCount(dealType);
  if (total <= MAX_COMBINATIONS && valued.length > 0) {
    for (const t of combinations(dealType)) {
      const v = vectorOf(t);
      if (beats(v)) consensus++;
      if (dominates(v, mine)) {
        paretoBetter.push({ ...agreement(valued, t, v, beats(v)), betterForAll: v.every((x, i) => x > mine[i]) });
      }
    }
  }
  const sum = (v: Record<string, number>) => Object.values(v).reduce((s, x) => s + x, 0);
  paretoBetter.sort((a, b) => sum(b.values) - sum(a.values));
  return {
    dealType: dealTypeId,
    parties: [...parties],
    terms: chosen,
    values: Object.fromEntries(valued.map((r, i) => [r.id, mine[i]])),
    unvalued: roles.filter((r) => !r.pointTables[dealTypeId]).map((r) => r.id),
    combinations: total,
    consensus,
    acceptableToAll: beats(mine),
    paretoEfficient: valued.length > 0 && total <= MAX_COMBINATIONS && paretoBetter.length === 0,
    paretoBetter,
  };
}
