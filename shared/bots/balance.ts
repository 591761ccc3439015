// The balance report (`npx spacebridge balance`, the Scenario Studio): what an author needs to know
// about a scenario's balance, from all-bot games, with a band for each figure and plain-words
// warnings for the figures outside it. Pure and deterministic: the same scenario, games and seed
// give the same report, byte for byte, in the CLI and in a browser.
//
// The API:
//
//   createBalanceRun(scenario, { games, seed, personality?, ablate? }) -> BalanceRun
//     run.step(n = 1) -> { done, total }   plays up to n more games (each a pair: the scenario as
//                                           written and the same game without track II), returns
//                                           the progress; does nothing once done === total
//     run.progress() -> { done, total }
//     run.result() -> BalanceReport         the report over the games played so far (all of them
//                                           once done === total); throws before the first game
//   balanceReport(scenario, options, onProgress?) -> BalanceReport
//                                           the whole run in one call; onProgress(done, total)
//                                           after each game
//   BALANCE_BANDS                           the bands the warnings check
//   playBalanceGames(scenario, options, from, to, onGame?) -> BalanceGame[]
//   balanceFromGames(scenario, options, games) -> BalanceReport
//                                           a series split between workers: each plays a range
//                                           of its games, the figures (plain data) are joined in
//                                           order; the report is the same as in one piece
//
// The games of a series are drawn in advance from the seed (`planGames`, as `simulate` does): the
// first n games are the same whatever `games` says, so a run stopped early reports on a prefix.
// `warnings` holds one plain-words sentence per figure outside its band (BALANCE_BANDS).
// Invalid options (games not a whole number >= 1, seed not a whole number) throw an Error. In a
// Web Worker: create the run, call step(5) or so per message turn, post progress, stop stepping
// to cancel (a run holds a few numbers per game, never a game state). One game pair takes about
// 10–40 ms depending on the scenario.
//
// The figures (every share is over the games played, rounded to 3 decimals):
// - roles[].surplusRate: share of games in which the role ends with a deal in force worth
//   strictly more than its walk-away for that deal type. "In force" as the rules score it: an
//   agreement in force, or a memorandum in force or adopted, to which the role is a party; a deal
//   of a type the role has no point table for does not count. A game without such a deal is not
//   a surplus, whatever else the role scored.
// - roles[].meanScore: the mean of the role's total score (rounded to 2 decimals).
// - roles[].lowestRate: share of games in which the role's total is the lowest of all roles;
//   ties count for every role tied at the bottom (a game where everyone scores the same counts
//   for everyone).
// - dealTypes[].inForceRate: share of games that end with a deal of that type in force (a
//   memorandum adopted counts, as it keeps scoring).
// - dealTypes[].consensusCount: from the agreement space (`analyzeAgreementSpace`), the number
//   of combinations of terms that give every party at least its walk-away (the analysis'
//   "with consensus"), for the widest party set analysed (the most parties with a point table
//   for it; the first in the analysis' order on a tie); null when the analysis does not cover
//   the type (no party values it, too many combinations). It does not depend on the games.
// - objectives[].met: share of games in which that role's objective holds at the end (role
//   objectives; shared objectives are not listed).
// - trackTwo: every game is played twice with the same engine seed and the same bots: with the
//   scenario as written and with `withoutTrackTwo` (no memoranda, no track II networks, no
//   relationships). A track I deal type is *reached* in a game when a deal of that type entered
//   into force at some point (it may since have been broken or superseded). For one game, its
//   reach is the share of the scenario's track I deal types reached.
//   withRate / withoutRate: the mean reach with and without track II; effect = withRate −
//   withoutRate. ci95: a 95% paired bootstrap interval of the effect: 1,000 resamples of the
//   games with replacement (each game keeps its pair), drawn from the game's PRNG (sfc32) seeded
//   from the report's seed; the 2.5th and 97.5th percentiles of the resampled effects.
//   frozenGames: games in which track I froze in either version of the game: at some point a
//   constraint was active that closed the official channel between two governments or banned
//   every deal between two governments. frozenEffect / frozenCi95: the same effect and interval
//   over those games only (null when there are none).
//   With `ablate: 'track2'` only the games without track II are played, the other figures
//   describe those games, and trackTwo is null.
import { analyzeAgreementSpace } from '../analysis/agreementSpace';
import { nextRandom, seedRng } from '../engine/rng';
import { bilateralId, closedBy } from '../engine/channels';
import { banForbids } from '../engine/moves';
import type { Scenario } from '../scenario/schema';
import type { Personality } from './decide';
import { planGames, playBotGame, withoutTrackTwo, type GameResult, type PlannedGame } from './simulate';

export interface BalanceOptions {
  games: number;
  seed: number;
  /** Every bot's temperament, or 'mixed' (default): drawn per role and game, as in `simulate`. */
  personality?: Personality | 'mixed';
  /** 'track2': report on the scenario with track II switched off alone (no comparison). */
  ablate?: 'track2' | null;
}

export interface BalanceReport {
  scenario: string;
  games: number;
  seed: number;
  roles: { role: string; surplusRate: number; meanScore: number; lowestRate: number }[];
  dealTypes: { id: string; inForceRate: number; consensusCount: number | null }[];
  objectives: { role: string; id: string; met: number }[];
  trackTwo: TrackTwoFigures | null;
  /** One plain-words sentence per figure outside its band. */
  warnings: string[];
}

export interface TrackTwoFigures {
  effect: number;
  ci95: [number, number];
  withRate: number;
  withoutRate: number;
  frozenGames: number;
  frozenEffect: number | null;
  frozenCi95: [number, number] | null;
}

export interface BalanceProgress {
  done: number;
  total: number;
}

export interface BalanceRun {
  step(n?: number): BalanceProgress;
  progress(): BalanceProgress;
  result(): BalanceReport;
}

/** The targets of issue 11: a figure outside its band gets a warning. */
export const BALANCE_BANDS = {
  /** Each role ends better off than its walk-away in some games, but not in nearly all. */
  surplusRate: { min: 0.3, max: 0.8 },
  /** An objective met in no game or in every game does not tell players apart. */
  objectiveMet: { min: 0, max: 1 },
  /** Track II must matter to track I, and surely so. */
  trackTwoEffect: { min: 0.15 },
} as const;

const BOOTSTRAP_RESAMPLES = 1000;

/** What one game pair leaves for the report: a few numbers, never a game state. Plain data, so
 *  games played in parallel (the CLI's worker threads) can be sent back and joined. */
export interface BalanceGame {
  /** Per role (scenario order): total score, surplus, each objective met. */
  totals: number[];
  surplus: boolean[];
  objectives: boolean[][];
  /** Per deal type (scenario order): in force at the end. */
  inForce: boolean[];
  /** Share of track I deal types reached, with track II (null when ablated) and without. */
  reachWith: number | null;
  reachWithout: number | null;
  frozen: boolean;
}

const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 1000);
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const REACHED = new Set(['inForce', 'breached', 'superseded', 'adopted']);

export function createBalanceRun(scenario: Scenario, options: BalanceOptions): BalanceRun {
  const { plan, played, playOne } = balancePlayer(scenario, options);
  const games: BalanceGame[] = [];
  let consensus: Map<string, number> | undefined;
  const progress = () => ({ done: games.length, total: plan.length });
  return {
    step(n = 1) {
      for (let k = 0; k < n && games.length < plan.length; k++) games.push(playOne(plan[games.length]));
      return progress();
    },
    progress,
    result() {
      if (games.length === 0) throw new Error('balance: no game played yet');
      consensus ??= consensusCounts(scenario);
      return report(played, options, games, consensus);
    },
  };
}

/** Games `from` to `to` (0-based, `to` excluded) of the series `options` describes, for a series
 *  played in parallel; `balanceFromGames` joins them. `onGame` after each game. */
export function playBalanceGames(scenario: Scenario, options: BalanceOptions, from: number, to: number, onGame?: () => void): BalanceGame[] {
  const { plan, playOne } = balancePlayer(scenario, options);
  return plan.slice(from, to).map((game) => {
    const played = playOne(game);
    onGame?.();
    return played;
  });
}

/** The report over the first games of the series (all of them, in order, from `playBalanceGames`):
 *  exactly what `balanceReport` gives for as many games. */
export function balanceFromGames(scenario: Scenario, options: BalanceOptions, games: BalanceGame[]): BalanceReport {
  if (games.length === 0) throw new Error('balance: no game played yet');
  return report(options.ablate === 'track2' ? withoutTrackTwo(scenario) : scenario, options, games, consensusCounts(scenario));
}

/** The series' games and how to play one of them (both versions) down to its figures. */
function balancePlayer(scenario: Scenario, options: BalanceOptions) {
  const ablated = options.ablate === 'track2';
  const without = withoutTrackTwo(scenario);
  const played = ablated ? without : scenario;
  const plan: PlannedGame[] = planGames(scenario, options);
  const trackOne = scenario.dealTypes.filter((d) => d.track === 1).map((d) => d.id);
  const freezes = new Set(scenario.constraints.filter((c) => freezesTrackOne(scenario, c)).map((c) => c.id));

  const reach = (r: GameResult) =>
    trackOne.length === 0 ? 0 : trackOne.filter((t) => Object.values(r.state.deals).some((d) => d.dealType === t && REACHED.has(d.status))).length / trackOne.length;
  const froze = (r: GameResult) => r.constraintsSeen.some((id) => freezes.has(id));

  const playOne = (game: PlannedGame): BalanceGame => {
    const main = playBotGame(played, game.seed, game.personalities);
    const other = ablated ? null : playBotGame(without, game.seed, game.personalities);
    return {
      totals: main.scores.map((s) => s.total),
      surplus: played.roles.map((role, i) =>
        main.scores[i].deals.some((d) => !d.walkAway && d.points > role.pointTables[d.dealType].walkAway),
      ),
      objectives: main.scores.map((s) => s.objectives.map((o) => o.met)),
      inForce: played.dealTypes.map((t) => Object.values(main.state.deals).some((d) => d.dealType === t.id && (d.status === 'inForce' || d.status === 'adopted'))),
      reachWith: ablated ? null : reach(main),
      reachWithout: other ? reach(other) : reach(main),
      frozen: froze(main) || (other !== null && froze(other)),
    };
  };
  return { plan, played, playOne };
}

/** The whole report in one call; `onProgress(done, total)` after each game. */
export function balanceReport(scenario: Scenario, options: BalanceOptions, onProgress?: (done: number, total: number) => void): BalanceReport {
  const run = createBalanceRun(scenario, options);
  for (let p = run.progress(); p.done < p.total; ) {
    p = run.step(1);
    onProgress?.(p.done, p.total);
  }
  return run.result();
}

/** A constraint that stops official talks: it closes the channel between two governments, or
 *  bans every deal between two governments. */
function freezesTrackOne(scenario: Scenario, constraint: Scenario['constraints'][number]): boolean {
  const governments = scenario.roles.filter((r) => r.kind === 'government').map((r) => r.id);
  for (let i = 0; i < governments.length; i++)
    for (let j = i + 1; j < governments.length; j++) {
      const members = [governments[i], governments[j]].sort();
      const channel = { id: bilateralId(members[0], members[1]), kind: 'bilateral' as const, members, track: 1 as const };
      if (closedBy(channel, [constraint])) return true;
      if (constraint.bansDeals.some((ban) => !ban.dealTypes && banForbids(ban, members))) return true;
    }
  return false;
}

/** consensusCount per deal type: the analysis' "with consensus" of its widest party set. */
function consensusCounts(scenario: Scenario): Map<string, number> {
  const counts = new Map<string, number>();
  for (const space of analyzeAgreementSpace(scenario).dealTypes) {
    let widest: { valued: number; count: number } | null = null;
    for (const set of space.partySets) {
      const valued = set.parties.length - set.unvalued.length;
      if (!widest || valued > widest.valued) widest = { valued, count: set.acceptableToAll };
    }
    if (widest) counts.set(space.dealType, widest.count);
  }
  return counts;
}

function report(scenario: Scenario, options: BalanceOptions, figures: BalanceGame[], consensus: Map<string, number>): BalanceReport {
  const n = figures.length;
  const count = (test: (g: BalanceGame) => boolean) => figures.filter(test).length;
  const roles = scenario.roles.map((role, i) => ({
    role: role.id,
    surplusRate: share(count((g) => g.surplus[i]), n),
    meanScore: Math.round((figures.reduce((sum, g) => sum + g.totals[i], 0) / n) * 100) / 100,
    lowestRate: share(count((g) => g.totals[i] === Math.min(...g.totals)), n),
  }));
  const dealTypes = scenario.dealTypes.map((t, j) => ({
    id: t.id,
    inForceRate: share(count((g) => g.inForce[j]), n),
    consensusCount: consensus.get(t.id) ?? null,
  }));
  const objectives = scenario.roles.flatMap((role, i) =>
    role.objectives.map((o, j) => ({ role: role.id, id: o.id, met: share(count((g) => g.objectives[i][j]), n) })),
  );
  const trackTwo = options.ablate === 'track2' ? null : trackTwoFigures(figures, options.seed);
  const base = { scenario: scenario.id, games: n, seed: options.seed, roles, dealTypes, objectives, trackTwo };
  return { ...base, warnings: balanceWarnings(scenario, base) };
}

function trackTwoFigures(figures: BalanceGame[], seed: number): TrackTwoFigures {
  const diffs = figures.map((g) => g.reachWith! - g.reachWithout!);
  const frozen = figures.map((g, i) => (g.frozen ? diffs[i] : null)).filter((d): d is number => d !== null);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    effect: round3(mean(diffs)),
    ci95: bootstrap(diffs, seed),
    withRate: round3(mean(figures.map((g) => g.reachWith!))),
    withoutRate: round3(mean(figures.map((g) => g.reachWithout!))),
    frozenGames: frozen.length,
    frozenEffect: frozen.length ? round3(mean(frozen)) : null,
    frozenCi95: frozen.length ? bootstrap(frozen, seed) : null,
  };
}

/** The 95% percentile interval of the mean of paired differences, by resampling games. */
function bootstrap(diffs: number[], seed: number): [number, number] {
  // A seed of its own, so the interval does not replay the draws that chose the games.
  let rng = seedRng((seed ^ 0x2545f491) | 0);
  const means: number[] = [];
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    let sum = 0;
    for (let k = 0; k < diffs.length; k++) {
      const [r, next] = nextRandom(rng);
      rng = next;
      sum += diffs[Math.floor(r * diffs.length)];
    }
    means.push(sum / diffs.length);
  }
  means.sort((a, b) => a - b);
  return [round3(means[Math.floor(0.025 * BOOTSTRAP_RESAMPLES)]), round3(means[Math.ceil(0.975 * BOOTSTRAP_RESAMPLES) - 1])];
}

function balanceWarnings(scenario: Scenario, r: Omit<BalanceReport, 'warnings'>): string[] {
  const warnings: string[] = [];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const name = (id: string) => scenario.roles.find((role) => role.id === id)?.name ?? id;
  const { surplusRate, trackTwoEffect } = BALANCE_BANDS;
  for (const role of r.roles) {
    const tables = Object.keys(scenario.roles.find((x) => x.id === role.role)?.pointTables ?? {}).length;
    if (role.surplusRate < surplusRate.min && tables === 0)
      warnings.push(`${name(role.role)} has no point table, so it never ends with a deal better than its walk-away (target ${pct(surplusRate.min)}–${pct(surplusRate.max)} of games): give it a stake in a deal type.`);
    else if (role.surplusRate < surplusRate.min)
      warnings.push(`${name(role.role)} ends with a deal better than its walk-away in only ${pct(role.surplusRate)} of games (target ${pct(surplusRate.min)}–${pct(surplusRate.max)}): it has too little to gain.`);
    else if (role.surplusRate > surplusRate.max)
      warnings.push(`${name(role.role)} ends with a deal better than its walk-away in ${pct(role.surplusRate)} of games (target ${pct(surplusRate.min)}–${pct(surplusRate.max)}): its deals come too easily.`);
  }
  for (const o of r.objectives) {
    const description = scenario.roles.find((role) => role.id === o.role)?.objectives.find((x) => x.id === o.id)?.description ?? o.id;
    if (o.met === 0) warnings.push(`${name(o.role)}'s objective "${description}" (${o.id}) was never met.`);
    else if (o.met === 1) warnings.push(`${name(o.role)}'s objective "${description}" (${o.id}) was met in every game: it does not tell players apart.`);
  }
  const t = r.trackTwo;
  if (t) {
    // The effect is a difference of shares: said in percentage points.
    const points = (x: number) => `${x > 0 ? '+' : ''}${Math.round(x * 100)}`;
    if (t.effect < trackTwoEffect.min)
      warnings.push(
        `Track II changes the share of track I agreements reached by ${points(t.effect)} percentage points (${pct(t.withoutRate)} without it, ${pct(t.withRate)} with it; target at least +${Math.round(trackTwoEffect.min * 100)}): the scenario does not show what track II is for.`,
      );
    if (t.ci95[0] <= 0)
      warnings.push(`The track II effect is not surely positive: its 95% interval runs from ${points(t.ci95[0])} to ${points(t.ci95[1])} percentage points.`);
  }
  return warnings;
}
