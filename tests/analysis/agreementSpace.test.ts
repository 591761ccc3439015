import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '@shared/scenario/schema';

type PointTables = Record<string, { walkAway: number; issues: Record<string, Record<string, number>> }>;
import { analyzeAgreementSpace, formatAgreementSpace, placeDeal } from '@shared/analysis';

// A tiny scenario whose agreement space is computed by hand in the comments below.
function fixture(): Scenario {
  const seat = [{ id: 'head', title: 'Head', powers: ['propose', 'sign'] as const }];
  const role = (id: string, kind: 'agency' | 'science' | 'press', pointTables: PointTables) => ({
    id,
    name: id.toUpperCase(),
    kind,
    nations: ['Nowhere'],
    publicBrief: 'public',
    confidentialBrief: 'secret',
    seats: seat.map((s) => ({ ...s, powers: [...s.powers] })),
    pointTables,
  });
  const input: ScenarioInput = {
    schemaVersion: 2,
    id: 'tiny',
    title: 'Tiny',
    summary: 'A hand-checked fixture',
    era: 'now',
    players: { min: 1, max: 3 },
    durationMinutes: 10,
    learningObjectives: ['count'],
    sources: [{ citation: 'hand computation' }],
    roles: [
      // pact: a values x1 4, x2 0, y1 1, y2 1 (walk-away 3); b values x1 0, x2 3, y1 2, y2 0 (walk-away 2).
      // gift: g2 = (2, 1) is best for both. hopeless: c can never reach 100.
      // trio: a gets 5 whatever happens while b and c trade t1 = (1, 2) against t2 = (2, 1).
      role('a', 'agency', {
        pact: { walkAway: 3, issues: { x: { x1: 4, x2: 0 }, y: { y1: 1, y2: 1 } } },
        gift: { walkAway: 0, issues: { g: { g1: 1, g2: 2 } } },
        trio: { walkAway: 0, issues: { t: { t1: 5, t2: 5 } } },
      }),
      role('b', 'science', {
        pact: { walkAway: 2, issues: { x: { x1: 0, x2: 3 }, y: { y1: 2, y2: 0 } } },
        gift: { walkAway: 0, issues: { g: { g1: 0, g2: 1 } } },
        trio: { walkAway: 0, issues: { t: { t1: 1, t2: 2 } } },
        hopeless: { walkAway: 5, issues: { h: { h1: 1, h2: 2 } } },
      }),
      role('c', 'press', {
        hopeless: { walkAway: 100, issues: { h: { h1: 3, h2: 1 } } },
        trio: { walkAway: 0, issues: { t: { t1: 2, t2: 1 } } },
      }),
    ],
    dealTypes: [
      {
        id: 'pact',
        label: 'Pact',
        description: 'two issues',
        track: 1,
        parties: { kinds: ['agency', 'science'] },
        issues: [
          { id: 'x', label: 'X', options: [{ id: 'x1', label: 'X one' }, { id: 'x2', label: 'X two' }] },
          { id: 'y', label: 'Y', options: [{ id: 'y1', label: 'Y one' }, { id: 'y2', label: 'Y two' }] },
        ],
      },
      {
        id: 'gift',
        label: 'Gift',
        description: 'nothing to negotiate',
        track: 1,
        parties: { roles: ['a', 'b'] },
        issues: [{ id: 'g', label: 'G', options: [{ id: 'g1', label: 'G one' }, { id: 'g2', label: 'G two' }] }],
      },
      {
        id: 'hopeless',
        label: 'Hopeless',
        description: 'c never gets enough',
        track: 1,
        parties: { roles: ['b', 'c'] },
        issues: [{ id: 'h', label: 'H', options: [{ id: 'h1', label: 'H one' }, { id: 'h2', label: 'H two' }] }],
      },
      {
        id: 'trio',
        label: 'Trio',
        description: 'a three-party deal where a is dominant',
        track: 1,
        parties: { min: 2, max: 3 },
        issues: [{ id: 't', label: 'T', options: [{ id: 't1', label: 'T one' }, { id: 't2', label: 'T two' }] }],
      },
    ],
    rounds: { count: 1, phases: [{ id: 'talk', label: 'Talk', minutes: 5, allows: ['propose'] }] },
  };
  return Scenario.parse(input);
}

describe('agreement space', () => {
  const scenario = fixture();
  const report = analyzeAgreementSpace(scenario);
  const pact = report.dealTypes.find((d) => d.dealType === 'pact')!;

  it('counts combinations, consensus and Pareto-efficient agreements as computed by hand', () => {
    // x1y1 = (5, 2) both accept; x1y2 = (5, 0); x2y1 = (1, 5); x2y2 = (1, 3).
    // x1y1 dominates x1y2 and x2y1 dominates x2y2: two efficient, one of them with consensus.
    expect(pact.combinations).toBe(4);
    expect(pact.eligible).toEqual(['a', 'b']);
    expect(pact.partySets).toHaveLength(1);
    const set = pact.partySets[0];
    expect(set.parties).toEqual(['a', 'b']);
    expect(set.acceptableToAll).toBe(1);
    expect(set.paretoEfficient).toBe(2);
    expect(set.paretoEfficientAcceptable).toBe(1);
    expect(set.roles).toEqual([
      { role: 'a', walkAway: 3, best: 5, worst: 1, acceptable: 2 },
      { role: 'b', walkAway: 2, best: 5, worst: 0, acceptable: 3 },
    ]);
    expect(set.frontier).toEqual([
      { terms: { x: 'x1', y: 'y1' }, values: { a: 5, b: 2 }, acceptableToAll: true },
      { terms: { x: 'x2', y: 'y1' }, values: { a: 1, b: 5 }, acceptableToAll: false },
    ]);
    expect(set.warnings).toEqual([]);
  });

  it('warns in plain words about nothing to negotiate, dominant and hopeless roles', () => {
    const gift = report.dealTypes.find((d) => d.dealType === 'gift')!;
    expect(gift.warnings).toEqual([
      'Gift (A + B): all 2 combinations beat every walk-away, so there is nothing to negotiate.',
      'Gift (A + B): one combination is the best for every party, so there is no trade-off to negotiate.',
    ]);
    const trio = report.dealTypes.find((d) => d.dealType === 'trio')!;
    // Party sets: the three pairs, then the trio.
    expect(trio.partySets.map((p) => p.parties)).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c']]);
    expect(trio.partySets[3].paretoEfficient).toBe(2);
    expect(trio.partySets[3].warnings).toContain(
      'Trio (A + B + C): A is dominant: it gets its best (5 points) on every Pareto-efficient agreement, so it never needs to concede.',
    );
    const hopeless = report.dealTypes.find((d) => d.dealType === 'hopeless')!;
    expect(hopeless.warnings).toContain(
      'Hopeless (B + C): no combination beats every walk-away, so delegations that follow their points never agree.',
    );
    expect(hopeless.warnings).toContain('Hopeless (B + C): C is hopeless: its best is 3 points, below its walk-away of 100.');
    expect(report.warnings).toEqual(report.dealTypes.flatMap((d) => d.warnings));
  });

  it('places an actual deal: consensus, efficiency and the combinations better for every party', () => {
    const good = placeDeal(scenario, 'pact', ['a', 'b'], { y: 'y1', x: 'x1' });
    expect(good).toMatchObject({ values: { a: 5, b: 2 }, consensus: 1, acceptableToAll: true, paretoEfficient: true, paretoBetter: [] });
    expect(Object.keys(good.terms)).toEqual(['x', 'y']);

    const poor = placeDeal(scenario, 'pact', ['a', 'b'], { x: 'x1', y: 'y2' });
    expect(poor.acceptableToAll).toBe(false);
    expect(poor.paretoEfficient).toBe(false);
    expect(poor.paretoBetter).toEqual([
      { terms: { x: 'x1', y: 'y1' }, values: { a: 5, b: 2 }, acceptableToAll: true, betterForAll: false },
    ]);
    // (1, 3) is dominated only by (1, 5); (5, 2) is worse for b.
    expect(placeDeal(scenario, 'pact', ['a', 'b'], { x: 'x2', y: 'y2' }).paretoBetter.map((p) => p.terms)).toEqual([{ x: 'x2', y: 'y1' }]);
  });

  it('rejects a deal the scenario does not have, with a clear error', () => {
    expect(() => placeDeal(scenario, 'nope', ['a', 'b'], {})).toThrow('unknown deal type "nope"');
    expect(() => placeDeal(scenario, 'pact', ['a', 'zz'], { x: 'x1', y: 'y1' })).toThrow('unknown role "zz"');
    expect(() => placeDeal(scenario, 'pact', ['a', 'b'], { x: 'x1' })).toThrow('issue "y"');
  });

  it('prints the report readably', () => {
    const text = formatAgreementSpace(report, scenario);
    expect(text).toContain('Pact [pact, track I]: 4 possible agreements');
    expect(text).toContain('4 possible agreements, 1 with consensus');
    expect(text).toContain('* X: X one; Y: Y one  -> A 5, B 2');
    expect(text).toContain('C is hopeless');
  });
});
