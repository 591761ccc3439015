// Class formats: the validator's checks (at file:line:column), the formats a scenario without
// the block gets, and the game `applyClassFormat` makes (rounds, minutes, events, conditions).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGame } from '@shared/engine';
import { formatProblem, loadScenario, Scenario, type ScenarioEvent } from '@shared/scenario';
import { applyClassFormat, classPlan, classPlans } from '@shared/scenario/classFormat';
import { crossCheck } from '@shared/scenario/crossref';
import { facilitator, shipped, Table } from '../engine/helpers';

const base = fs.readFileSync(new URL('./fixtures/base.yaml', import.meta.url), 'utf8');
const SHIPPED = ['handshake-in-orbit', 'freedom-to-iss', 'sanctions-and-the-station', 'wolf-amendment-and-mars', 'war-and-the-seat-swap'];

/** The base scenario with `from` (once in it) replaced by `to`, loaded. */
function load(edits: [from: string, to: string][]) {
  let text = base;
  for (const [from, to] of edits) {
    expect(text.split(from), `"${from}" should occur once in the base scenario`).toHaveLength(2);
    text = text.replace(from, to);
  }
  return loadScenario(text, 'formats.yaml');
}

function scenarioOf(edits: [from: string, to: string][]): Scenario {
  const result = load(edits);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

/** Four rounds of one 10-minute phase "talks", labelled, with `formats` appended at the end. */
function fourRounds(formats = '', events = ''): [string, string][] {
  return [
    ['  count: 2\n', '  count: 4\n  labels: ["1969", "1970", "1971", "1972"]\n'],
    ['deck: { phase: talks }\n', `${events}deck: { phase: talks }\n${formats}`],
  ];
}

const FORMATS = `classFormats:
  - id: class
    label: 90-minute class
    readingMinutes: 10
    phaseMinutes: { talks: 14 }
    debriefMinutes: 24
    totalMinutes: 90
  - id: short
    label: Short game
    rounds: [1, 3, 4]
    readingMinutes: 8
    phaseMinutes: { talks: 12 }
    debriefMinutes: 16
    totalMinutes: 60
`;

describe('the validator', () => {
  const problems = (formats: string) => {
    const result = load(fourRounds(formats));
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('accepts formats whose minutes add up', () => {
    expect(problems(FORMATS)).toEqual([]);
  });

  it('says how a format that does not add up is counted, at its totalMinutes', () => {
    const text = fourRounds(FORMATS).reduce((t, [from, to]) => t.replace(from, to), base);
    const line = text.split('\n').indexOf('    totalMinutes: 90') + 1;
    expect(problems(FORMATS.replace('debriefMinutes: 24', 'debriefMinutes: 25'))).toEqual([
      `formats.yaml:${line}:19: class format "class" adds up to 91 minutes, not 90: reading 10 + play 56 (4 rounds of 14) + debrief 25 (classFormats[0].totalMinutes)`,
    ]);
  });

  it('points at an unknown phase, a round after the last and rounds out of order', () => {
    const bad = FORMATS.replace('{ talks: 14 }', '{ talk: 14 }').replace('[1, 3, 4]', '[1, 5, 3, 3]');
    expect(problems(bad)).toEqual([
      'formats.yaml:135:21: unknown phase "talk" (known phases: talks) (classFormats[0].phaseMinutes.talk)',
      'formats.yaml:140:17: round 5 is after the last round (rounds.count is 4) (classFormats[1].rounds[1])',
      'formats.yaml:140:20: round 3 comes after round 5: list the rounds played once each, in order (classFormats[1].rounds[2])',
      'formats.yaml:140:23: round 3 comes after round 3: list the rounds played once each, in order (classFormats[1].rounds[3])',
    ]);
  });

  it('refuses two formats with one id, and a format with no rounds', () => {
    expect(problems(FORMATS.replace('id: short', 'id: class'))).toEqual([expect.stringMatching(/duplicate class format id "class" \(classFormats\[1\]\.id\)/)]);
    expect(problems(FORMATS.replace('[1, 3, 4]', '[]'))).toEqual([expect.stringMatching(/classFormats\[1\]\.rounds/)]);
  });
});

describe('a scenario without classFormats', () => {
  it('offers a 90-minute class with about 55 minutes of play, and a 3-round short game when it has more rounds', () => {
    const plans = classPlans(scenarioOf(fourRounds()));
    expect(plans).toEqual([
      { id: 'class', label: '90-minute class', rounds: 4, roundLabels: ['1969', '1970', '1971', '1972'], roundMinutes: 14, readingMinutes: 10, playMinutes: 56, debriefMinutes: 24, totalMinutes: 90 },
      { id: 'short', label: 'Short game (3 rounds)', rounds: 3, roundLabels: ['1969', '1970', '1971'], roundMinutes: 14, readingMinutes: 10, playMinutes: 42, debriefMinutes: 15, totalMinutes: 67 },
    ]);
  });

  it('has no short game when it has three rounds or fewer', () => {
    expect(classPlans(scenarioOf([])).map((p) => [p.id, p.playMinutes, p.debriefMinutes])).toEqual([['class', 55, 25]]);
  });
});

describe('applyClassFormat', () => {
  const events = `  - id: late-summit
    title: Late summit
    text: In round 2, which the short game skips.
    at: { round: 2, phase: talks }
    effects: []
  - id: finale
    title: Finale
    text: In the last round.
    at: { round: 4, phase: talks }
    effects: []
  - id: round-two-card
    title: Round two card
    text: Only in round 2.
    deck: 1
    rounds: { from: 2, to: 2 }
    effects: []
  - id: later-card
    title: Later card
    text: From round 2 on.
    deck: 1
    rounds: { from: 2 }
    effects: []
  - id: late-news
    title: Late news
    text: From round 3, up to round 2 of the short game.
    when: { all: [{ round: { atLeast: 3 } }, { round: { atMost: 2 } }] }
    effects: []
`;
  const scenario = scenarioOf(fourRounds(FORMATS, events));
  const short = applyClassFormat(scenario, 'short');
  const event = (id: string): ScenarioEvent => short.events.find((e) => e.id === id)!;

  it('plays the chosen rounds, renumbered, with their labels and the format minutes', () => {
    expect(short.rounds.count).toBe(3);
    expect(short.rounds.labels).toEqual(['1969', '1971', '1972']);
    expect(short.rounds.phases.map((p) => p.minutes)).toEqual([12]);
    expect(short.durationMinutes).toBe(60);
    expect(classPlan(short)).toMatchObject({ id: 'short', rounds: 3, readingMinutes: 8, playMinutes: 36, debriefMinutes: 16, totalMinutes: 60 });
  });

  it('moves an event of a skipped round to the next round played, and renumbers the others', () => {
    expect(event('summit').at).toEqual({ round: 2, phase: 'talks' }); // round 2 of 4 -> next played is 3 -> new round 2
    expect(event('late-summit').at).toEqual({ round: 2, phase: 'talks' });
    expect(event('finale').at).toEqual({ round: 3, phase: 'talks' });
  });

  it('keeps the played rounds of a window; a card whose window holds none is never drawn', () => {
    expect(event('later-card').rounds).toEqual({ from: 2, to: 3 });
    expect(event('round-two-card')).toEqual({ id: 'round-two-card', title: 'Round two card', text: 'Only in round 2.', effects: [] });
  });

  it('keeps the meaning of round conditions', () => {
    expect(event('late-news').when).toEqual({ all: [{ round: { atLeast: 2 } }, { round: { atMost: 1 } }] });
  });

  it('drops a scheduled event after the last round played', () => {
    const firstTwo = scenarioOf(fourRounds(FORMATS.replace('[1, 3, 4]', '[1, 2]').replace('debriefMinutes: 16', 'debriefMinutes: 28'), events));
    const applied = applyClassFormat(firstTwo, 'short');
    expect(applied.events.find((e) => e.id === 'finale')).toEqual({ id: 'finale', title: 'Finale', text: 'In the last round.', effects: [] });
  });

  it('makes a scenario that validates, offers only its format and stays the same when applied again', () => {
    for (const id of ['class', 'short']) {
      const applied = applyClassFormat(scenario, id);
      expect(Scenario.parse(applied)).toEqual(applied);
      expect(crossCheck(applied)).toEqual([]);
      expect(applied.classFormats?.map((f) => f.id)).toEqual([id]);
      expect(applyClassFormat(applied, id)).toEqual(applied);
    }
  });

  it('does not change the scenario it is given', () => {
    const before = structuredClone(scenario);
    applyClassFormat(scenario, 'short');
    expect(scenario).toEqual(before);
  });

  it('refuses a format the scenario does not have', () => {
    expect(() => applyClassFormat(scenario, 'marathon')).toThrow('scenario "base" has no class format "marathon"');
  });

  it('is played by the engine: the game ends after the third round, with the format minutes on the clock', () => {
    const table = new Table(short).start();
    expect(table.state.clock.deadline! - table.state.clock.phaseStartedAt!).toBe(12 * 60_000);
    for (let round = 1; round <= 3; round++) {
      expect(table.state.round).toBe(round);
      table.do(facilitator, { type: 'advancePhase', round, phase: 0 });
    }
    expect(table.state.status).toBe('ended');
    expect(table.state.firedEvents).toEqual(expect.arrayContaining(['summit', 'late-summit', 'finale']));
    expect(createGame(short, { seed: 1 }).round).toBe(0);
  });
});

describe('the shipped scenarios', () => {
  it.each(SHIPPED)('%s: a 90-minute class (reading, about 55 minutes of play, debrief) first, and a 3-round short game', (name) => {
    const scenario = shipped(name);
    const [full, short] = classPlans(scenario);
    expect(full).toMatchObject({ id: 'class', totalMinutes: 90, readingMinutes: 10, rounds: scenario.rounds.count });
    expect(full.playMinutes).toBeGreaterThanOrEqual(54);
    expect(full.playMinutes).toBeLessThanOrEqual(56);
    expect(full.debriefMinutes).toBeGreaterThanOrEqual(24);
    expect(short).toMatchObject({ id: 'short', rounds: 3 });
    for (const plan of [full, short]) {
      const applied = applyClassFormat(scenario, plan.id);
      expect(crossCheck(applied)).toEqual([]);
      expect(applied.rounds.count).toBe(plan.rounds);
      expect(applied.rounds.labels).toEqual(plan.roundLabels);
    }
  });
});
