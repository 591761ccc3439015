// Lookup tables over a validated scenario, built once per scenario object and cached, so the
// reducer never scans the scenario's arrays on the hot path (chat).
import type {
  ConstraintDef,
  DealType,
  Phase,
  Role,
  Scenario,
  ScenarioEvent,
  UnilateralAction,
} from '../scenario/schema';

export interface ScenarioIndex {
  roleIds: string[];
  roles: Map<string, Role>;
  dealTypes: Map<string, DealType>;
  events: Map<string, ScenarioEvent>;
  conditionalEvents: ScenarioEvent[];
  constraints: Map<string, ConstraintDef>;
  actions: Map<string, UnilateralAction>;
  tones: Map<string, Scenario['statements'][number]>;
  tracks: Map<string, Scenario['tracks'][number]>;
  resources: Map<string, Scenario['resources'][number]>;
  phases: Phase[];
  /** Seat titles and powers by `${role}/${seat}`. */
  seats: Map<string, Role['seats'][number]>;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function indexScenario(scenario: Scenario): ScenarioIndex {
  let ix = cache.get(scenario);
  if (ix) return ix;
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const seats = new Map<string, Role['seats'][number]>();
  for (const role of scenario.roles) for (const seat of role.seats) seats.set(`${role.id}/${seat.id}`, seat);
  ix = {
    roleIds: scenario.roles.map((r) => r.id),
    roles: byId(scenario.roles),
    dealTypes: byId(scenario.dealTypes),
    events: byId(scenario.events),
    // A deck card's `when` only makes it eligible to be drawn: it never fires by itself.
    conditionalEvents: scenario.events.filter((e) => e.when !== undefined && e.deck === undefined),
    constraints: byId(scenario.constraints),
    actions: byId(scenario.actions),
    tones: byId(scenario.statements),
    tracks: byId(scenario.tracks),
    resources: byId(scenario.resources),
    phases: scenario.rounds.phases,
    seats,
  };
  cache.set(scenario, ix);
  return ix;
}

export const seatKey = (role: string, seat: string): string => `${role}/${seat}`;
