// Format v2 in the engine: deck cards whose `when` only makes them eligible, round windows, the
// world's per-round drift (rounds.eachRound), and bans that are bilateral or on parties together.
import { describe, expect, test } from 'vitest';
import { banForbids, type GameState } from '@shared/engine';
import type { Scenario, ScenarioEvent } from '@shared/scenario';
import { seat, shipped, Table } from './helpers';

const handshake = shipped('handshake-in-orbit');
const cards = handshake.events.filter((e) => e.deck !== undefined);

/** Handshake in Orbit with its deck cards changed (and nothing else). */
function withCards(change: (card: ScenarioEvent) => ScenarioEvent, more: Partial<Scenario> = {}): Scenario {
  const scenario = structuredClone(handshake);
  scenario.events = scenario.events.map((e) => (e.deck === undefined ? e : change(e)));
  return { ...scenario, ...more };
}

/** The deck cards drawn in each round of a game played to its end with no moves. */
function drawsByRound(scenario: Scenario, seed = 1): string[][] {
  const t = new Table(scenario, { seed }).start();
  const rounds = scenario.rounds.count;
  t.goTo(rounds, scenario.rounds.phases[scenario.rounds.phases.length - 1].id);
  const deck = new Set(scenario.events.filter((e) => e.deck !== undefined).map((e) => e.id));
  return Array.from({ length: rounds }, (_, i) =>
    t.state.timeline.flatMap((e) => (e.code === 'eventFired' && e.round === i + 1 && deck.has(e.params.event) ? [e.params.event] : [])),
  );
}

describe('round windows', () => {
  test('the December 1972 bombing is only ever drawn in round 3 (1972)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const draws = drawsByRound(handshake, seed);
      draws.forEach((ids, i) => {
        if (i !== 2) expect(ids, `seed ${seed}, round ${i + 1}`).not.toContain('christmas-bombing');
      });
    }
  });

  test('a round with no card in its window draws nothing', () => {
    const onlyRound3 = withCards((card) => ({ ...card, rounds: { from: 3, to: 3 } }));
    const draws = drawsByRound(onlyRound3);
    expect(draws.map((ids) => ids.length)).toEqual([0, 0, 1, 0]);
  });

  test('a conditional event fires only within its window, even if its condition held before', () => {
    const always = { round: { atLeast: 1 } };
    const scenario = structuredClone(handshake);
    scenario.events.push({ id: 'late-news', title: 'Late news', text: 'Only from round 2.', when: always, rounds: { from: 2 }, effects: [] });
    const t = new Table(scenario).start();
    expect(t.state.firedEvents).not.toContain('late-news');
    t.goTo(2, 'news');
    expect(t.state.firedEvents).toContain('late-news');
  });
});

describe("a deck card's when", () => {
  test('only makes it eligible: it is never drawn while the condition does not hold', () => {
    // Every card needs round 3 or later: rounds 1 and 2 draw nothing, whatever the seed.
    const late = withCards((card) => ({ ...card, when: { round: { atLeast: 3 } } }));
    for (let seed = 1; seed <= 10; seed++) expect(drawsByRound(late, seed).map((ids) => ids.length)).toEqual([0, 0, 1, 1]);
  });

  test('never fires it by itself when the condition holds (v1 did)', () => {
    const always = withCards((card) => ({ ...card, when: { round: { atLeast: 1 } } }), { deck: { ...handshake.deck!, drawsPerRound: 0 } });
    const t = new Table(always).start();
    t.goTo(4, 'resolution');
    expect(cards.filter((card) => t.state.firedEvents.includes(card.id))).toEqual([]);
  });
});

describe('rounds.eachRound: the world drifts at the end of every round', () => {
  const readinessAfterRounds = (scenario: Scenario): number[] => {
    const t = new Table(scenario).start();
    const seen: number[] = [];
    for (let round = 2; round <= 4; round++) {
      t.goTo(round, 'news');
      seen.push((t.state.history.find((h) => h.round === round - 1) as GameState['history'][number]).tracks['docking-readiness']);
    }
    return seen;
  };
  const noDeck = { deck: { ...handshake.deck!, drawsPerRound: 0 } };
  const base = { ...structuredClone(handshake), ...noDeck };

  test('an unconditional drift applies once per round, on top of everything else', () => {
    const drifting = { ...base, rounds: { ...base.rounds, eachRound: [{ effects: [{ effect: 'track' as const, track: 'docking-readiness', add: 1 }] }] } };
    const without = readinessAfterRounds(base);
    expect(readinessAfterRounds(drifting)).toEqual(without.map((value, i) => value + i + 1));
  });

  test('a drift with a condition applies only at the end of the rounds where it holds', () => {
    const fromRound2 = {
      ...base,
      rounds: { ...base.rounds, eachRound: [{ when: { round: { atLeast: 2 } }, effects: [{ effect: 'track' as const, track: 'docking-readiness', add: 1 }] }] },
    };
    const without = readinessAfterRounds(base);
    expect(readinessAfterRounds(fromRound2)).toEqual([without[0], without[1] + 1, without[2] + 2]);
  });
});

describe('bans: bilateral or together', () => {
  test('bilateral bans a deal of exactly the two; together any deal with both in it', () => {
    const bilateral = { bilateral: ['nasa', 'cnsa'] as [string, string] };
    const together = { together: ['nasa', 'cnsa'] as [string, string] };
    expect(banForbids(bilateral, ['nasa', 'cnsa'])).toBe(true);
    expect(banForbids(bilateral, ['cnsa', 'nasa'])).toBe(true);
    expect(banForbids(bilateral, ['nasa', 'cnsa', 'roscosmos'])).toBe(false);
    expect(banForbids(together, ['nasa', 'cnsa', 'roscosmos'])).toBe(true);
    expect(banForbids(together, ['nasa', 'roscosmos'])).toBe(false);
    expect(banForbids(bilateral, ['nasa', 'roscosmos'])).toBe(false);
  });

  describe('the Wolf Amendment: a Mars mission with both nations is banned in any shape, the scientists\' memorandum is not', () => {
    const wolf = shipped('wolf-amendment-and-mars');
    const termsOf = (id: string) => Object.fromEntries(wolf.dealTypes.find((d) => d.id === id)!.issues.map((i) => [i.id, i.options[0].id]));
    const t = new Table(wolf).start();

    test('American and Chinese scientists with Roscosmos: the memorandum may be proposed', () => {
      t.goTo(1, 'track-ii');
      t.do(seat('us-scientists'), { type: 'draftDeal', dealType: 'mars-science-memo', parties: ['us-scientists', 'cn-scientists', 'roscosmos'], terms: termsOf('mars-science-memo') });
      t.do(seat('us-scientists'), { type: 'proposeDeal', deal: t.lastDeal });
      expect(t.state.deals[t.lastDeal].status).toBe('proposed');
    });

    test('the Mars mission with all five partners: refused, and the refusal says "with both"', () => {
      t.goTo(1, 'track-i');
      const parties = ['us-gov', 'china', 'nasa', 'cnsa', 'roscosmos'];
      t.do(seat('us-gov'), { type: 'draftDeal', dealType: 'mars-mission', parties, terms: termsOf('mars-mission') });
      const msg = t.fails(seat('us-gov'), { type: 'proposeDeal', deal: t.lastDeal }, 'banned-by-constraint');
      expect(msg).toEqual({ constraint: 'wolf-amendment', dealType: 'mars-mission', ban: 'together', role: 'us-gov', other: 'china' });
    });
  });
});
