// createGame: a new session in the lobby, everything derived from the scenario and the seed.
import type { Scenario } from '../scenario/schema';
import { initialChannels } from './channels';
import { holds } from './conditions';
import { seedRng } from './rng';
import { indexScenario, seatKey } from './scenarioIndex';
import type { GameState, Participation, Roster, SeatState } from './types';

export interface CreateOptions {
  seed: number;
  roster?: Roster;
}

function initialTrust(scenario: Scenario): GameState['trust'] {
  const { trust, roles } = scenario;
  const matrix: GameState['trust'] = {};
  for (const from of roles) {
    matrix[from.id] = {};
    for (const to of roles) if (to.id !== from.id) matrix[from.id][to.id] = trust.default;
  }
  const set = (from: string, to: string, value: number) => {
    if (matrix[from] && from !== to) matrix[from][to] = Math.min(trust.max, Math.max(trust.min, value));
  };
  for (const pair of trust.initial) {
    if (pair.between) {
      set(pair.between[0], pair.between[1], pair.value);
      set(pair.between[1], pair.between[0], pair.value);
    }
    if (pair.from && pair.to) set(pair.from, pair.to, pair.value);
  }
  return matrix;
}

export function createGame(scenario: Scenario, { seed, roster }: CreateOptions): GameState {
  const ix = indexScenario(scenario);
  if (!Number.isInteger(seed)) throw new Error(`createGame: the seed must be an integer, not ${seed}`);

  const seats: Record<string, SeatState> = {};
  const participation: Record<string, Participation> = {};
  for (const role of scenario.roles)
    for (const seat of role.seats) {
      const key = seatKey(role.id, seat.id);
      seats[key] = { role: role.id, seat: seat.id, occupant: null, ready: false };
      participation[key] = { messages: 0, proposals: 0, responses: 0, signatures: 0, statements: 0, actions: 0, lastActiveSeq: 0 };
    }
  for (const taken of roster?.seats ?? []) {
    const key = seatKey(taken.role, taken.seat);
    if (!seats[key]) throw new Error(`createGame: the roster names an unknown seat ${key}`);
    seats[key] = { ...seats[key], occupant: taken.occupant };
  }

  const resources: GameState['resources'] = {};
  for (const role of scenario.roles) {
    resources[role.id] = {};
    for (const def of scenario.resources) {
      const start = role.resources[def.id] ?? def.min;
      resources[role.id][def.id] = Math.min(def.max, Math.max(def.min, start));
    }
  }

  const constraintFlags: Record<string, boolean> = {};
  for (const c of scenario.constraints) constraintFlags[c.id] = c.active;

  const state: GameState = {
    scenarioId: scenario.id,
    seed,
    rng: seedRng(seed),
    seq: 0,
    status: 'lobby',
    round: 0,
    phaseIndex: 0,
    clock: { phaseStartedAt: null, deadline: null, remainingMs: null },
    seats,
    tracks: Object.fromEntries(scenario.tracks.map((t) => [t.id, Math.min(t.max, Math.max(t.min, t.start))])),
    resources,
    trust: initialTrust(scenario),
    relationships: {},
    constraintFlags,
    activeConstraints: [],
    unlockedDealTypes: [],
    deals: {},
    nextDealNumber: 1,
    channels: initialChannels(scenario, ix),
    nextGroupNumber: 1,
    messages: {},
    whispers: [],
    timeline: [],
    firedEvents: [],
    deck: scenario.events.filter((e) => e.deck !== undefined).map((e) => e.id),
    actionUses: Object.fromEntries(scenario.roles.map((r) => [r.id, {}])),
    participation,
    history: [],
    revealed: false,
    outcome: null,
  };
  state.activeConstraints = scenario.constraints
    .filter((c) => c.active || (c.activeWhen && holds(c.activeWhen, scenario, state)))
    .map((c) => c.id);
  return state;
}
