// The balance report's definitions (shared/bots/balance.ts), checked on small series of games
// against the games themselves.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '@server/scenarioFiles';
import { BALANCE_BANDS, balanceFromGames, balanceReport, createBalanceRun, playBalanceGames, type BalanceReport } from '@shared/bots';
import { planGames, playBotGame, simulate, withoutTrackTwo } from '@shared/bots/simulate';
import type { Scenario } from '@shared/scenario/schema';

function handshake(): Scenario {
  const result = loadScenarioFile('scenarios/handshake-in-orbit.yaml');
  if (!result.ok) throw new Error('handshake-in-orbit.yaml does not load');
  return result.scenario;
}

const GAMES = 20;
const scenario = handshake();
const report = balanceReport(scenario, { games: GAMES, seed: 3 });

describe('the balance report', () => {
  it('has exactly the documented keys', () => {
    expect(Object.keys(report).sort()).toEqual(['dealTypes', 'games', 'objectives', 'roles', 'scenario', 'seed', 'trackTwo', 'warnings']);
    for (const role of report.roles) expect(Object.keys(role).sort()).toEqual(['lowestRate', 'meanScore', 'role', 'surplusRate']);
    for (const d of report.dealTypes) expect(Object.keys(d).sort()).toEqual(['consensusCount', 'id', 'inForceRate']);
    for (const o of report.objectives) expect(Object.keys(o).sort()).toEqual(['id', 'met', 'role']);
    expect(Object.keys(report.trackTwo!).sort()).toEqual(['ci95', 'effect', 'frozenCi95', 'frozenEffect', 'frozenGames', 'withRate', 'withoutRate']);
    expect(report).toMatchObject({ scenario: 'handshake-in-orbit', games: GAMES, seed: 3 });
    expect(report.roles.map((r) => r.role)).toEqual(scenario.roles.map((r) => r.id));
    expect(report.dealTypes.map((d) => d.id)).toEqual(scenario.dealTypes.map((d) => d.id));
    expect(report.objectives).toHaveLength(scenario.roles.reduce((n, r) => n + r.objectives.length, 0));
  });

  it('is deterministic: the same seed gives the same report, another seed other games', () => {
    expect(balanceReport(scenario, { games: GAMES, seed: 3 })).toEqual(report);
    expect(balanceReport(scenario, { games: GAMES, seed: 4 })).not.toEqual(report);
  });

  it('reads its figures from the games as defined', () => {
    const games = planGames(scenario, { games: GAMES, seed: 3 }).map((g) => playBotGame(scenario, g.seed, g.personalities));
    const share = (test: (g: (typeof games)[number]) => boolean) => Math.round((games.filter(test).length / GAMES) * 1000) / 1000;
    scenario.roles.forEach((role, i) => {
      const surplus = share((g) =>
        Object.values(g.state.deals).some(
          (d) =>
            (d.status === 'inForce' || d.status === 'adopted') &&
            d.parties.includes(role.id) &&
            role.pointTables[d.dealType] !== undefined &&
            g.scores[i].deals.find((s) => s.deal === d.id)!.points > role.pointTables[d.dealType].walkAway,
        ),
      );
      const lowest = share((g) => g.scores[i].total === Math.min(...g.scores.map((s) => s.total)));
      expect(report.roles[i]).toEqual({
        role: role.id,
        surplusRate: surplus,
        meanScore: Math.round((games.reduce((sum, g) => sum + g.scores[i].total, 0) / GAMES) * 100) / 100,
        lowestRate: lowest,
      });
    });
    scenario.dealTypes.forEach((type, j) => {
      const inForce = share((g) => Object.values(g.state.deals).some((d) => d.dealType === type.id && (d.status === 'inForce' || d.status === 'adopted')));
      expect(report.dealTypes[j].inForceRate).toBe(inForce);
    });
  });

  it('counts a game without a deal as no surplus, where "walk-away met" counts it as met', () => {
    // Every deal type is between one of these pairs: banned from the start, no deal is possible.
    const deadlocked: Scenario = {
      ...scenario,
      constraints: [
        ...scenario.constraints,
        {
          id: 'no-deals',
          label: 'No deals',
          description: 'Nobody may sign anything.',
          active: true,
          closesChannels: [],
          bansDeals: [{ together: ['us-gov', 'soviet-gov'] }, { together: ['nasa', 'soviet-academy'] }],
        },
      ],
    };
    const blocked = balanceReport(deadlocked, { games: 5, seed: 1 });
    expect(blocked.dealTypes.every((d) => d.inForceRate === 0)).toBe(true);
    expect(blocked.roles.map((r) => r.surplusRate)).toEqual([0, 0, 0, 0]);
    expect(simulate(deadlocked, { games: 5, seed: 1 }).roles.map((r) => r.metWalkAway)).toEqual([1, 1, 1, 1]);
    expect(blocked.warnings.filter((w) => w.includes('better than its walk-away in only 0%'))).toHaveLength(4);
  });

  it('says so when a role has no point table at all', () => {
    const tableless: Scenario = { ...scenario, roles: scenario.roles.map((r) => (r.id === 'soviet-academy' ? { ...r, pointTables: {} } : r)) };
    const r = balanceReport(tableless, { games: 3, seed: 1 });
    expect(r.roles.find((x) => x.role === 'soviet-academy')!.surplusRate).toBe(0);
    expect(r.warnings).toContain(
      'Soviet Academy of Sciences has no point table, so it never ends with a deal better than its walk-away (target 30%–80% of games): give it a stake in a deal type.',
    );
  });

  it('gives the consensus count of the agreement space', () => {
    // analyze's "81 possible agreements, N with consensus" for the joint flight (one party set).
    const astp = report.dealTypes.find((d) => d.id === 'astp-agreement')!;
    expect(astp.consensusCount).toBeGreaterThan(0);
    expect(astp.consensusCount).toBeLessThan(81);
  });

  it('warns once for every figure outside its band, and for nothing else', () => {
    const { surplusRate } = BALANCE_BANDS;
    const t = report.trackTwo!;
    const expected =
      report.roles.filter((r) => r.surplusRate < surplusRate.min || r.surplusRate > surplusRate.max).length +
      report.objectives.filter((o) => o.met === 0 || o.met === 1).length +
      Number(t.effect < BALANCE_BANDS.trackTwoEffect.min) +
      Number(t.ci95[0] <= 0);
    expect(report.warnings).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
  });
});

describe('track II in the balance report', () => {
  const t = report.trackTwo!;

  it('compares the same games with and without track II', () => {
    expect(t.effect).toBeCloseTo(t.withRate - t.withoutRate, 2);
    expect(t.ci95[0]).toBeLessThanOrEqual(t.effect);
    expect(t.ci95[1]).toBeGreaterThanOrEqual(t.effect);
    // withoutRate is what the ablated report measures on the same games: the share of track I
    // deal types reached (entered into force at some point).
    const ablatedGames = planGames(scenario, { games: GAMES, seed: 3 }).map((g) => playBotGame(withoutTrackTwo(scenario), g.seed, g.personalities));
    const trackOne = scenario.dealTypes.filter((d) => d.track === 1);
    const reach = ablatedGames.map(
      (g) => trackOne.filter((type) => Object.values(g.state.deals).some((d) => d.dealType === type.id && ['inForce', 'breached', 'superseded'].includes(d.status))).length / trackOne.length,
    );
    expect(t.withoutRate).toBeCloseTo(reach.reduce((s, x) => s + x, 0) / GAMES, 3);
  });

  it('switches memoranda off with ablate: track2', () => {
    expect(report.dealTypes.find((d) => d.id === 'docking-memorandum')!.inForceRate).toBeGreaterThan(0);
    const ablated = balanceReport(scenario, { games: 5, seed: 3, ablate: 'track2' });
    expect(ablated.trackTwo).toBeNull();
    expect(ablated.dealTypes.map((d) => d.id)).toEqual(scenario.dealTypes.filter((d) => d.track === 1).map((d) => d.id));
    for (const g of planGames(scenario, { games: 5, seed: 3 })) {
      const game = playBotGame(withoutTrackTwo(scenario), g.seed, g.personalities);
      expect(Object.values(game.state.deals).filter((d) => d.track === 2)).toEqual([]);
      expect(Object.values(game.state.relationships).every((n) => n === 0)).toBe(true);
    }
  });

  it('counts the games where track I froze', () => {
    expect(t.frozenGames).toBeGreaterThanOrEqual(0);
    expect(t.frozenGames).toBeLessThanOrEqual(GAMES);
    // A freeze between the two governments from the start: every game froze.
    const frozen: Scenario = {
      ...scenario,
      constraints: scenario.constraints.map((c) => (c.id === 'cold-war-freeze' ? { ...c, active: true } : c)),
    };
    const r = balanceReport(frozen, { games: 4, seed: 1 });
    expect(r.trackTwo!.frozenGames).toBe(4);
    expect(r.trackTwo!.frozenEffect).toBe(r.trackTwo!.effect);
    // Secrecy between the Soviet government and NASA is not a freeze between governments.
    const secrecyOnly: Scenario = { ...scenario, constraints: scenario.constraints.filter((c) => c.id === 'rocket-secrecy') };
    const open = balanceReport(secrecyOnly, { games: 4, seed: 1 }).trackTwo!;
    expect(open.frozenGames).toBe(0);
    expect(open.frozenEffect).toBeNull();
    expect(open.frozenCi95).toBeNull();
  });
});

describe('a balance run in steps (for the Studio\'s worker)', () => {
  it('reports its progress and gives the same report as in one call', () => {
    const run = createBalanceRun(scenario, { games: GAMES, seed: 3 });
    expect(() => run.result()).toThrow('no game played yet');
    expect(run.progress()).toEqual({ done: 0, total: GAMES });
    expect(run.step(7)).toEqual({ done: 7, total: GAMES });
    const partial: BalanceReport = run.result();
    expect(partial.games).toBe(7);
    // The first games of a longer series are the games of a shorter one.
    expect(partial).toEqual(balanceReport(scenario, { games: 7, seed: 3 }));
    expect(run.step(100)).toEqual({ done: GAMES, total: GAMES });
    expect(run.step()).toEqual({ done: GAMES, total: GAMES });
    expect(run.result()).toEqual(report);
  });

  it('gives the same report when the games are played in ranges and joined (the CLI\'s threads)', () => {
    const options = { games: GAMES, seed: 3 };
    const games = [
      ...playBalanceGames(scenario, options, 0, 6),
      ...playBalanceGames(scenario, options, 6, 13),
      ...playBalanceGames(scenario, options, 13, GAMES),
    ];
    expect(JSON.parse(JSON.stringify(games))).toEqual(games);
    expect(balanceFromGames(scenario, options, games)).toEqual(report);
    expect(() => balanceFromGames(scenario, options, [])).toThrow('no game played yet');
  });

  it('calls onProgress after each game', () => {
    const calls: [number, number][] = [];
    balanceReport(scenario, { games: 3, seed: 1 }, (done, total) => calls.push([done, total]));
    expect(calls).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('refuses a number of games or a seed that is not a whole number', () => {
    expect(() => createBalanceRun(scenario, { games: 0, seed: 1 })).toThrow('number of games');
    expect(() => createBalanceRun(scenario, { games: 2.5, seed: 1 })).toThrow('number of games');
    expect(() => createBalanceRun(scenario, { games: 2, seed: 0.5 })).toThrow('seed');
  });
});
