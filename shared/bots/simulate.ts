// The balance simulator: many all-bot games played headless through the engine, exactly as live
// games are (applyAction only, no side doors), and what they say about the scenario. A phase
// ends when every bot has said it is ready, or else by a system `deadlineReached` tick on a
// synthetic clock once a full turn of the bots does nothing. Pure and deterministic for a seed.
import { applyAction, createGame, errorSummary, score, viewFor } from '../engine';
import { nextRandom, seedRng, type RngState } from '../engine/rng';
import type { Actor, GameState, RoleScore } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { decideBotActions, type Personality } from './decide';

export interface SimulationOptions {
  games: number;
  seed: number;
  /** Every bot's temperament, or 'mixed' (default): drawn per role and game. */
  personality?: Personality | 'mixed';
  /** Called after each game (for a progress display). */
  onGame?: (done: number, total: number) => void;
}

/**
 * The scenario with track II switched off, for the simulator's ablation: no memorandum types,
 * no track II networks, and no relationships built by track II contact. Everything else (roles,
 * point tables, events, track I) is unchanged, so the same seeds play comparable games.
 */
export function withoutTrackTwo(scenario: Scenario): Scenario {
  return {
    ...scenario,
    dealTypes: scenario.dealTypes.filter((d) => d.track !== 2),
    channels: { ...scenario.channels, networks: scenario.channels.networks.filter((n) => n.track !== 2) },
    trackTwo: { ...scenario.trackTwo, enabled: false },
  };
}

/** What track II changes, per role and for track I agreements: the same games played with
 *  the scenario as written and with `withoutTrackTwo`. */
export interface TrackTwoEffect {
  scenario: string;
  games: number;
  seed: number;
  /** Mean total score with and without track II; `trackOneChange`: the change in points from
   *  track I agreements alone (what track II does for formal agreements). */
  roles: { role: string; name: string; with: number; without: number; change: number; trackOneChange: number }[];
  /** Mean over roles of the absolute change in mean score. */
  meanAbsoluteChange: number;
  /** Mean over roles of the absolute change in points from track I agreements. */
  meanAbsoluteTrackOneChange: number;
  /** Mean track I agreements that entered into force per game. */
  trackOneAgreements: { with: number; without: number };
}

export function trackTwoEffect(scenario: Scenario, options: SimulationOptions): TrackTwoEffect {
  const total = options.games * 2;
  const on = simulate(scenario, { ...options, onGame: (done) => options.onGame?.(done, total) });
  const off = simulate(withoutTrackTwo(scenario), { ...options, onGame: (done) => options.onGame?.(options.games + done, total) });
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const roles = on.roles.map((role, i) => {
    const without = off.roles[i].score.mean;
    const trackOneChange = r2(role.trackOnePoints - off.roles[i].trackOnePoints);
    return { role: role.role, name: role.name, with: role.score.mean, without, change: r2(role.score.mean - without), trackOneChange };
  });
  const trackOne = (r: SimulationReport) =>
    r2(r.dealTypes.filter((d) => scenario.dealTypes.find((t) => t.id === d.dealType)?.track === 1).reduce((sum, d) => sum + d.perGame, 0));
  return {
    scenario: scenario.id,
    games: options.games,
    seed: options.seed,
    roles,
    meanAbsoluteChange: r2(roles.reduce((sum, r) => sum + Math.abs(r.change), 0) / Math.max(1, roles.length)),
    meanAbsoluteTrackOneChange: r2(roles.reduce((sum, r) => sum + Math.abs(r.trackOneChange), 0) / Math.max(1, roles.length)),
    trackOneAgreements: { with: trackOne(on), without: trackOne(off) },
  };
}

/** A bot asked this many times in one phase without the phase ending has surely nothing left. */
const MAX_TURNS_PER_PHASE = 30;

export interface Stat {
  mean: number;
  min: number;
  max: number;
}

export interface SimulationReport {
  scenario: string;
  title: string;
  games: number;
  seed: number;
  personality: Personality | 'mixed';
  roles: {
    role: string;
    name: string;
    score: Stat;
    /** Share of games with no deal in force worth less to it than its walk-away. */
    metWalkAway: number;
    /** Share of games with at least one deal in force of a type it has a point table for. */
    gotDeal: number;
    /** Share of games in which it had the lowest score (ties count for everyone tied). */
    lowest: number;
    objectives: { id: string; description: string; met: number }[];
    /** Mean points from track I deal types' point tables (a deal in force, else the walk-away). */
    trackOnePoints: number;
  }[];
  dealTypes: {
    dealType: string;
    label: string;
    /** Share of games where at least one deal of this type entered into force. */
    enteredIntoForce: number;
    /** Mean number per game that entered into force. */
    perGame: number;
    /** Mean number per game that failed ratification. */
    failedRatification: number;
    /** Mean number per game that a party broke. */
    breached: number;
  }[];
  sharedObjectives: { id: string; description: string; met: number }[];
  events: { event: string; title: string; fired: number }[];
  /** Share of games where at least one deal of any type entered into force. */
  agreements: number;
  collapses: number;
  length: { actions: Stat; rounds: Stat; messages: Stat };
  botActions: { submitted: number; rejected: number; rejectedShare: number; byCode: Record<string, number> };
  warnings: string[];
}

interface Seat {
  role: string;
  seat: string;
  personality: Personality;
  rng: RngState;
}

export interface GameResult {
  state: GameState;
  scores: RoleScore[];
  submitted: number;
  rejected: Record<string, number>;
  /** Every constraint active at some point of the game (the final state keeps only the last
   *  ones): the balance report reads from it whether track I froze. */
  constraintsSeen: string[];
}

/** One game of a series: its engine seed and each role's bot temperament. */
export interface PlannedGame {
  seed: number;
  personalities: Personality[];
}

/** The games `simulate` and the balance report play for a seed: drawn in advance from one PRNG,
 *  so a series can be played in steps and the same seed plays the same games in every command. */
export function planGames(scenario: Scenario, { games, seed, personality = 'mixed' }: Pick<SimulationOptions, 'games' | 'seed' | 'personality'>): PlannedGame[] {
  if (!Number.isInteger(games) || games < 1) throw new Error('simulate: the number of games must be a whole number of at least 1');
  if (!Number.isInteger(seed)) throw new Error('simulate: the seed must be a whole number');
  let rng = seedRng(seed);
  const draw = (): number => {
    const [r, next] = nextRandom(rng);
    rng = next;
    return r;
  };
  const plan: PlannedGame[] = [];
  for (let g = 0; g < games; g++) {
    const gameSeed = Math.floor(draw() * 2 ** 31);
    const personalities = scenario.roles.map((): Personality => (personality === 'mixed' ? (draw() < 0.5 ? 'cooperative' : 'hard-nosed') : personality));
    plan.push({ seed: gameSeed, personalities });
  }
  return plan;
}

/** One all-bot game: a bot in each role's first seat (the head of delegation), or with
 *  `everySeat`, in every seat (as when a whole class is absent: powers are then spread out). */
export function playBotGame(scenario: Scenario, seed: number, personalities: Personality[], { everySeat = false } = {}): GameResult {
  const seats: Seat[] = scenario.roles.flatMap((role, i) =>
    (everySeat ? role.seats : role.seats.slice(0, 1)).map((seat, j) => ({
      role: role.id,
      seat: seat.id,
      personality: personalities[i],
      rng: seedRng((seed ^ Math.imul(i + 1, 0x9e3779b9) ^ Math.imul(j, 0x85ebca6b)) | 0),
    })),
  );
  let state = createGame(scenario, {
    seed,
    roster: { seats: seats.map((s) => ({ role: s.role, seat: s.seat, occupant: { kind: 'bot', personality: s.personality } })) },
  });
  let now = 0;
  const seen = new Set(state.activeConstraints);
  const apply = (action: Parameters<typeof applyAction>[1], actor: Actor) => {
    const before = state.activeConstraints;
    const result = applyAction(state, action, actor, now, scenario);
    if (result.ok) state = result.state;
    // The engine keeps the same list while nothing changes, so this costs one comparison.
    if (state.activeConstraints !== before) for (const id of state.activeConstraints) seen.add(id);
    return result;
  };
  const started = apply({ type: 'startGame' }, { kind: 'facilitator' });
  if (!started.ok) throw new Error(`simulate: the game did not start: ${errorSummary(started.error)}`);

  let submitted = 0;
  const rejected: Record<string, number> = {};
  while (state.status === 'running') {
    const phase = `${state.round}/${state.phaseIndex}`;
    const samePhase = () => state.status === 'running' && `${state.round}/${state.phaseIndex}` === phase;
    for (let turn = 0; turn < MAX_TURNS_PER_PHASE && samePhase(); turn++) {
      let acted = false;
      for (const seat of seats) {
        if (!samePhase()) break;
        const view = viewFor(state, scenario, { kind: 'seat', role: seat.role, seat: seat.seat });
        const decision = decideBotActions(view, scenario, { personality: seat.personality, rngState: seat.rng });
        seat.rng = decision.rngState;
        for (const action of decision.actions) {
          if (!samePhase()) break;
          now += 1000;
          submitted++;
          const result = apply(action, { kind: 'seat', role: seat.role, seat: seat.seat });
          if (!result.ok) rejected[result.error.code] = (rejected[result.error.code] ?? 0) + 1;
          if (action.type !== 'ready') acted = true;
        }
      }
      if (!acted) break;
    }
    if (samePhase()) {
      now = Math.max(now, state.clock.deadline ?? now);
      const tick = apply({ type: 'deadlineReached', round: state.round, phase: state.phaseIndex }, { kind: 'system' });
      if (!tick.ok) throw new Error(`simulate: the deadline tick was refused: ${errorSummary(tick.error)}`);
    }
  }
  return { state, scores: score(state, scenario), submitted, rejected, constraintsSeen: [...seen] };
}

function stat(values: number[]): Stat {
  if (values.length === 0) return { mean: 0, min: 0, max: 0 };
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    mean: round2(values.reduce((s, x) => s + x, 0) / values.length),
    min: round2(Math.min(...values)),
    max: round2(Math.max(...values)),
  };
}

const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 1000);
const ENTERED = new Set(['inForce', 'breached', 'adopted']);

/** Plays `games` all-bot games and reports per role, deal type, event and game. */
export function simulate(scenario: Scenario, options: SimulationOptions): SimulationReport {
  const mode = options.personality ?? 'mixed';
  const plan = planGames(scenario, options);
  const results = plan.map((game, g) => {
    const result = playBotGame(scenario, game.seed, game.personalities);
    options.onGame?.(g + 1, plan.length);
    return result;
  });
  return report(scenario, options, mode, results);
}

function report(scenario: Scenario, options: SimulationOptions, mode: Personality | 'mixed', results: GameResult[]): SimulationReport {
  const n = results.length;
  const count = (test: (r: GameResult) => boolean) => results.filter(test).length;
  const trackOne = new Set(scenario.dealTypes.filter((d) => d.track === 1).map((d) => d.id));

  const roles = scenario.roles.map((role, i) => {
    const scores = results.map((r) => r.scores[i]);
    const lowest = count((r) => r.scores[i].total === Math.min(...r.scores.map((s) => s.total)));
    const metWalkAway = count((r) =>
      r.scores[i].deals.every((d) => d.points >= (role.pointTables[d.dealType]?.walkAway ?? -Infinity)),
    );
    return {
      role: role.id,
      name: role.name,
      score: stat(scores.map((s) => s.total)),
      metWalkAway: share(metWalkAway, n),
      gotDeal: share(count((r) => r.scores[i].deals.some((d) => !d.walkAway)), n),
      lowest: share(lowest, n),
      objectives: role.objectives.map((o, j) => ({
        id: o.id,
        description: o.description,
        met: share(count((r) => r.scores[i].objectives[j].met), n),
      })),
      trackOnePoints: stat(scores.map((s) => s.deals.filter((d) => trackOne.has(d.dealType)).reduce((sum, d) => sum + d.points, 0))).mean,
    };
  });

  const dealsOf = (r: GameResult, type: string) => Object.values(r.state.deals).filter((d) => d.dealType === type);
  const dealTypes = scenario.dealTypes.map((type) => ({
    dealType: type.id,
    label: type.label,
    enteredIntoForce: share(count((r) => dealsOf(r, type.id).some((d) => ENTERED.has(d.status))), n),
    perGame: stat(results.map((r) => dealsOf(r, type.id).filter((d) => ENTERED.has(d.status)).length)).mean,
    failedRatification: stat(results.map((r) => dealsOf(r, type.id).filter((d) => d.status === 'failed').length)).mean,
    breached: stat(results.map((r) => dealsOf(r, type.id).filter((d) => d.status === 'breached').length)).mean,
  }));

  const sharedObjectives = scenario.scoring.sharedObjectives.map((o, j) => ({
    id: o.id,
    description: o.description,
    met: share(count((r) => r.scores[0]?.shared[j]?.met ?? false), n),
  }));
  const events = scenario.events.map((e) => ({
    event: e.id,
    title: e.title,
    fired: share(count((r) => r.state.firedEvents.includes(e.id)), n),
  }));

  const submitted = results.reduce((s, r) => s + r.submitted, 0);
  const byCode: Record<string, number> = {};
  for (const r of results) for (const [code, k] of Object.entries(r.rejected)) byCode[code] = (byCode[code] ?? 0) + k;
  const rejected = Object.values(byCode).reduce((s, k) => s + k, 0);

  const base = {
    scenario: scenario.id,
    title: scenario.title,
    games: n,
    seed: options.seed,
    personality: mode,
    roles,
    dealTypes,
    sharedObjectives,
    events,
    agreements: share(count((r) => Object.values(r.state.deals).some((d) => ENTERED.has(d.status))), n),
    collapses: count((r) => r.state.outcome?.reason === 'collapse'),
    length: {
      actions: stat(results.map((r) => r.state.seq)),
      rounds: stat(results.map((r) => r.state.round)),
      messages: stat(results.map((r) => Object.values(r.state.messages).reduce((s, m) => s + m.length, 0))),
    },
    botActions: { submitted, rejected, rejectedShare: share(rejected, submitted), byCode },
  };
  return { ...base, warnings: balanceWarnings(base) };
}

/** Plain-words warnings about an unbalanced scenario, from the simulated games. */
function balanceWarnings(r: Omit<SimulationReport, 'warnings'>): string[] {
  const warnings: string[] = [];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  for (const role of r.roles) {
    const others = r.roles.filter((o) => o !== role);
    const othersMean = Math.round((others.reduce((s, o) => s + o.score.mean, 0) / Math.max(1, others.length)) * 100) / 100;
    const means = `(mean ${role.score.mean} against ${othersMean} for the others)`;
    if (r.games > 1 && role.lowest === 1) warnings.push(`${role.name} has the lowest score in every game ${means}: it always loses.`);
    else if (role.lowest >= 0.8) warnings.push(`${role.name} has the lowest score in ${pct(role.lowest)} of games ${means}.`);
    for (const o of role.objectives) {
      if (o.met === 0) warnings.push(`${role.name}'s objective "${o.description}" was never met.`);
      else if (o.met === 1 && r.games > 1) warnings.push(`${role.name}'s objective "${o.description}" was met in every game: it does not tell players apart.`);
    }
  }
  for (const d of r.dealTypes) {
    if (d.enteredIntoForce === 0) warnings.push(`No ${d.label} ever entered into force.`);
    if (d.failedRatification > 0.5) warnings.push(`${d.label} fails ratification in many games (${d.failedRatification} per game).`);
  }
  if (r.agreements === 0) warnings.push('No agreement of any kind entered into force in any game.');
  for (const o of r.sharedObjectives) if (o.met === 0) warnings.push(`The shared objective "${o.description}" was never met.`);
  if (r.collapses > 0) {
    const s = r.collapses / r.games;
    if (s >= 0.25) warnings.push(`The commons collapsed in ${pct(s)} of games: the scenario may be too harsh.`);
  }
  for (const e of r.events) {
    if (e.fired === 0) warnings.push(`The event "${e.title}" never fired.`);
  }
  if (r.botActions.rejectedShare > 0.05) {
    warnings.push(`The engine refused ${pct(r.botActions.rejectedShare)} of the bots' moves: bots misread something in this scenario.`);
  }
  return warnings;
}
