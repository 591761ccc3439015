// The debrief's "deals against the space of possible agreements": every deal the class concluded
// (or nearly did) placed among all the combinations its type allows, with labels, for the server's
// report and the client's debrief alike. A memorandum nobody has a point table for is valued as
// the agreement it may be adopted as (same issues and options), as players saw it while drafting.
import type { Deal } from '../engine/types';
import type { DealStatusName, DealType, Role } from '../scenario/schema';
import { MAX_COMBINATIONS, placeDeal, type Terms } from './agreementSpace';

/** Deals placed: those that were agreed, even if they later failed ratification or were broken. */
const PLACED_STATUSES: readonly DealStatusName[] = ['inForce', 'signed', 'failed', 'breached'];
/** At most this many Pareto-better alternatives are listed per deal (all are counted). */
const MAX_BETTER_LISTED = 5;

/** Deal types with their labels and the roles' point tables: a scenario, or a public scenario
 *  plus the point tables revealed in the debrief. */
export interface LabelledPlacementData {
  dealTypes: readonly Pick<DealType, 'id' | 'label' | 'issues' | 'adoptAs'>[];
  roles: readonly Pick<Role, 'id' | 'pointTables'>[];
}

export interface LabelledTerm {
  issue: string;
  issueLabel: string;
  option: string;
  optionLabel: string;
}

export interface PlacedAlternative {
  terms: LabelledTerm[];
  values: Record<string, number>;
  acceptableToAll: boolean;
  /** Strictly better for every valued party (not only as good for all and better for one). */
  betterForAll: boolean;
}

export interface DealInSpace {
  deal: string;
  status: DealStatusName;
  dealType: string;
  dealTypeLabel: string;
  /** The type whose point tables value the deal: its own, or for a memorandum the agreement it
   *  may be adopted as. */
  valuedAs: string;
  valuedAsLabel: string;
  parties: string[];
  terms: LabelledTerm[];
  /** Points for each party with a point table for `valuedAs`. */
  values: Record<string, number>;
  walkAways: Record<string, number>;
  /** Parties without a point table (not counted). */
  unvalued: string[];
  /** Every combination of options the type allows (the deal is one of them). */
  combinations: number;
  /** Combinations that meet every valued party's walk-away. */
  consensus: number;
  acceptableToAll: boolean;
  paretoEfficient: boolean;
  /** Combinations at least as good for every party and better for one. */
  paretoBetterCount: number;
  /** Up to MAX_BETTER_LISTED of them: those everyone could accept first, best joint value first. */
  paretoBetter: PlacedAlternative[];
  /** Why the deal could not be placed, else null. */
  note: null | 'no-point-tables' | 'too-many-combinations';
}

/** Every placed deal (see PLACED_STATUSES) in deal order. Pure. */
export function placeDeals(data: LabelledPlacementData, deals: readonly Deal[]): DealInSpace[] {
  return deals.filter((d) => PLACED_STATUSES.includes(d.status)).map((d) => placeOne(data, d));
}

function placeOne(data: LabelledPlacementData, deal: Deal): DealInSpace {
  const own = data.dealTypes.find((d) => d.id === deal.dealType);
  if (!own) throw new Error(`deal ${deal.id}: unknown deal type "${deal.dealType}"`);
  const hasTables = (typeId: string) => deal.parties.some((p) => data.roles.find((r) => r.id === p)?.pointTables[typeId]);
  const adoptAs = own.adoptAs ? data.dealTypes.find((d) => d.id === own.adoptAs) : undefined;
  const type = !hasTables(own.id) && adoptAs && hasTables(adoptAs.id) ? adoptAs : own;
  const terms = deal.versions[deal.versions.length - 1].terms;
  const placement = placeDeal(data, type.id, deal.parties, terms);
  const label = (t: Terms) => labelTerms(type, t);
  const walkAways: Record<string, number> = {};
  for (const role of Object.keys(placement.values)) walkAways[role] = data.roles.find((r) => r.id === role)!.pointTables[type.id].walkAway;
  const better = [...placement.paretoBetter].sort((a, b) => Number(b.acceptableToAll) - Number(a.acceptableToAll));
  const valued = Object.keys(placement.values).length > 0;
  return {
    deal: deal.id,
    status: deal.status,
    dealType: own.id,
    dealTypeLabel: own.label,
    valuedAs: type.id,
    valuedAsLabel: type.label,
    parties: deal.parties,
    terms: label(placement.terms),
    values: placement.values,
    walkAways,
    unvalued: placement.unvalued,
    combinations: placement.combinations,
    consensus: placement.consensus,
    acceptableToAll: valued && placement.acceptableToAll,
    paretoEfficient: placement.paretoEfficient,
    paretoBetterCount: placement.paretoBetter.length,
    paretoBetter: better.slice(0, MAX_BETTER_LISTED).map((a) => ({
      terms: label(a.terms),
      values: a.values,
      acceptableToAll: a.acceptableToAll,
      betterForAll: a.betterForAll,
    })),
    note: !valued ? 'no-point-tables' : placement.combinations > MAX_COMBINATIONS ? 'too-many-combinations' : null,
  };
}

function labelTerms(type: Pick<DealType, 'issues'>, terms: Terms): LabelledTerm[] {
  return type.issues.map((issue) => ({
    issue: issue.id,
    issueLabel: issue.label,
    option: terms[issue.id],
    optionLabel: issue.options.find((o) => o.id === terms[issue.id])?.label ?? terms[issue.id],
  }));
}
