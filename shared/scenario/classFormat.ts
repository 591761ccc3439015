// Class formats: how a scenario fits a class period. A format names the rounds played, each
// phase's minutes, and the reading and debrief minutes around play. `applyClassFormat` turns a
// scenario and a format into the scenario the engine plays (rules in docs/scenario-authoring.md,
// "Class formats"). Pure: no I/O.
import type { Finding, PathKey } from './problems';
import type { ClassFormat, Condition, Scenario, ScenarioEvent } from './schema';

/** The class a scenario without `classFormats` is planned for: reading, about 55 minutes of play, debrief. */
const CLASS_MINUTES = 90;
const READING_MINUTES = 10;
const PLAY_MINUTES = 55;
/** The short game a scenario without `classFormats` offers: its first rounds, a shorter debrief. */
const SHORT_ROUNDS = 3;
const SHORT_DEBRIEF_MINUTES = 15;

/** A format's minutes, added up: what the console and the projector show. */
export interface ClassPlan {
  id: string;
  label: string;
  /** How many rounds are played, and their labels (or numbers) in the scenario as written. */
  rounds: number;
  roundLabels: string[];
  /** One round's play: the phases' minutes. */
  roundMinutes: number;
  readingMinutes: number;
  playMinutes: number;
  debriefMinutes: number;
  totalMinutes: number;
}

/** Sums here are of halves and quarters of minutes; this absorbs float noise, nothing an author writes. */
const EPSILON = 1e-6;

/**
 * The scenario's class formats: its own, or when it has none, two derived from its phases: a
 * "90-minute class" (every round, the phases scaled to about 55 minutes of play in half minutes,
 * 10 minutes of reading, the rest debrief) and, with more than three rounds, a "Short game"
 * (its first three rounds at the same pace, 10 minutes of reading, 15 of debrief).
 */
export function classFormatsOf(scenario: Scenario): ClassFormat[] {
  if (scenario.classFormats) return scenario.classFormats;
  const { count, phases } = scenario.rounds;
  const written = count * sum(phases.map((p) => p.minutes));
  const phaseMinutes = Object.fromEntries(phases.map((p) => [p.id, Math.max(0.5, Math.round((p.minutes * PLAY_MINUTES) / written * 2) / 2)]));
  const roundMinutes = sum(Object.values(phaseMinutes));
  const classPlay = count * roundMinutes;
  const formats: ClassFormat[] = [
    {
      id: 'class',
      label: `${CLASS_MINUTES}-minute class`,
      phaseMinutes,
      readingMinutes: READING_MINUTES,
      debriefMinutes: Math.max(0, CLASS_MINUTES - READING_MINUTES - classPlay),
      totalMinutes: Math.max(CLASS_MINUTES, READING_MINUTES + classPlay),
    },
  ];
  if (count > SHORT_ROUNDS) {
    formats.push({
      id: 'short',
      label: `Short game (${SHORT_ROUNDS} rounds)`,
      rounds: Array.from({ length: SHORT_ROUNDS }, (_, i) => i + 1),
      phaseMinutes,
      readingMinutes: READING_MINUTES,
      debriefMinutes: SHORT_DEBRIEF_MINUTES,
      totalMinutes: READING_MINUTES + SHORT_ROUNDS * roundMinutes + SHORT_DEBRIEF_MINUTES,
    });
  }
  return formats;
}

/** The format offered first (the default when a session names none). */
export function defaultClassFormat(scenario: Scenario): ClassFormat {
  return classFormatsOf(scenario)[0];
}

export function findClassFormat(scenario: Scenario, id: string): ClassFormat | undefined {
  return classFormatsOf(scenario).find((f) => f.id === id);
}

/** The minutes of every format of the scenario, in its order. */
export function classPlans(scenario: Scenario): ClassPlan[] {
  return classFormatsOf(scenario).map((format) => planOf(scenario, format));
}

/** The plan of the scenario's default format: for a scenario made by `applyClassFormat`, the one applied. */
export function classPlan(scenario: Scenario): ClassPlan {
  return planOf(scenario, defaultClassFormat(scenario));
}

function planOf(scenario: Scenario, format: ClassFormat): ClassPlan {
  const played = roundsPlayed(scenario, format);
  const roundMinutes = sum(scenario.rounds.phases.map((p) => format.phaseMinutes[p.id] ?? p.minutes));
  return {
    id: format.id,
    label: format.label,
    rounds: played.length,
    roundLabels: played.map((r) => scenario.rounds.labels?.[r - 1] ?? String(r)),
    roundMinutes,
    readingMinutes: format.readingMinutes,
    playMinutes: played.length * roundMinutes,
    debriefMinutes: format.debriefMinutes,
    totalMinutes: format.totalMinutes,
  };
}

function roundsPlayed(scenario: Scenario, format: ClassFormat): number[] {
  return format.rounds ?? Array.from({ length: scenario.rounds.count }, (_, i) => i + 1);
}

/**
 * The scenario as the engine plays it in this format. Rounds are renumbered 1..n in the order
 * played (their labels follow them); each phase takes the format's minutes. Round numbers
 * elsewhere follow the renumbering:
 * - a round condition keeps its meaning: `atLeast: 3` holds from the first played round that
 *   was round 3 or later (never, if none is), `atMost: 2` up to the last played round that
 *   was round 2 or earlier (never, if none is);
 * - an event scheduled in a skipped round fires at the same phase of the next round played (the
 *   history it tells still happened in between); after the last round played it never fires;
 * - a round window keeps the played rounds inside it; a card or event whose window holds no
 *   played round is never drawn or fired.
 * An event that never fires stays in the scenario (conditions may name it). The result offers
 * only this format, over all its rounds, so applying it again changes nothing.
 */
export function applyClassFormat(scenario: Scenario, formatId: string): Scenario {
  const format = findClassFormat(scenario, formatId);
  if (!format) throw new Error(`scenario "${scenario.id}" has no class format "${formatId}"`);
  const played = roundsPlayed(scenario, format);
  /** The new number of the first played round at or after `round` (n + 1: none). */
  const fromRound = (round: number) => {
    const i = played.findIndex((r) => r >= round);
    return i === -1 ? played.length + 1 : i + 1;
  };
  /** The new number of the last played round at or before `round` (0: none). */
  const toRound = (round: number) => played.filter((r) => r <= round).length;
  const remapped = remapRoundConditions(scenario, fromRound, toRound);
  const { labels } = scenario.rounds;
  const { rounds: _all, ...asPlayed } = format;
  return {
    ...remapped,
    durationMinutes: format.totalMinutes,
    rounds: {
      ...remapped.rounds,
      count: played.length,
      ...(labels ? { labels: played.map((r) => labels[r - 1]) } : {}),
      phases: remapped.rounds.phases.map((p) => ({ ...p, minutes: format.phaseMinutes[p.id] ?? p.minutes })),
    },
    events: remapped.events.map((event) => remapEvent(event, fromRound, toRound, played.length)),
    classFormats: [asPlayed],
  };
}

function remapEvent(event: ScenarioEvent, fromRound: (r: number) => number, toRound: (r: number) => number, count: number): ScenarioEvent {
  const { at, rounds: window, ...rest } = event;
  if (at) {
    const round = fromRound(at.round);
    return round > count ? rest : { ...rest, at: { ...at, round } };
  }
  if (!window) return event;
  const from = fromRound(window.from ?? 1);
  const to = window.to === undefined ? count : toRound(window.to);
  if (from > to) {
    const { deck: _deck, when: _when, ...never } = rest;
    return never;
  }
  return { ...rest, rounds: { from, to } };
}

/**
 * Renumbers every round condition (`{ round: { atLeast, atMost } }`) inside plain scenario data.
 * Conditions sit in a dozen places (objectives, ratifyWhen, requires, events, constraints,
 * scoring...); this shape is the round condition's alone (an event's `at.round` is a number).
 */
function remapRoundConditions<T>(value: T, fromRound: (r: number) => number, toRound: (r: number) => number): T {
  if (Array.isArray(value)) return value.map((v) => remapRoundConditions(v, fromRound, toRound)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0][0] === 'round' && typeof entries[0][1] === 'object') {
    const bounds = (value as unknown as Extract<Condition, { round: unknown }>).round;
    const round = {
      ...(bounds.atLeast !== undefined ? { atLeast: fromRound(bounds.atLeast) } : {}),
      ...(bounds.atMost !== undefined ? { atMost: toRound(bounds.atMost) } : {}),
    };
    return { round } as T;
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, remapRoundConditions(v, fromRound, toRound)])) as T;
}

/** The validator's checks of `classFormats`: known rounds and phases, and minutes that add up. */
export function classFormatFindings(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  const formats = scenario.classFormats ?? [];
  const { count, phases } = scenario.rounds;
  const phaseIds = phases.map((p) => p.id);
  const seen = new Set<string>();
  formats.forEach((format, i) => {
    const at: PathKey[] = ['classFormats', i];
    if (seen.has(format.id)) findings.push({ path: [...at, 'id'], message: `duplicate class format id "${format.id}"` });
    seen.add(format.id);
    let roundsOk = true;
    format.rounds?.forEach((round, j) => {
      if (round > count) {
        findings.push({ path: [...at, 'rounds', j], message: `round ${round} is after the last round (rounds.count is ${count})` });
        roundsOk = false;
      } else if (j > 0 && round <= format.rounds![j - 1]) {
        findings.push({ path: [...at, 'rounds', j], message: `round ${round} comes after round ${format.rounds![j - 1]}: list the rounds played once each, in order` });
        roundsOk = false;
      }
    });
    let phasesOk = true;
    for (const phase of Object.keys(format.phaseMinutes)) {
      if (!phaseIds.includes(phase)) {
        findings.push({ path: [...at, 'phaseMinutes', phase], atKey: true, message: `unknown phase "${phase}" (known phases: ${phaseIds.join(', ')})` });
        phasesOk = false;
      }
    }
    if (!roundsOk || !phasesOk) return;
    const plan = planOf(scenario, format);
    const added = plan.readingMinutes + plan.playMinutes + plan.debriefMinutes;
    if (Math.abs(added - format.totalMinutes) > EPSILON) {
      findings.push({
        path: [...at, 'totalMinutes'],
        message:
          `class format "${format.id}" adds up to ${minutes(added)} minutes, not ${minutes(format.totalMinutes)}: ` +
          `reading ${minutes(plan.readingMinutes)} + play ${minutes(plan.playMinutes)} (${plan.rounds} ${plan.rounds === 1 ? 'round' : 'rounds'} of ${minutes(plan.roundMinutes)}) + debrief ${minutes(plan.debriefMinutes)}`,
      });
    }
  });
  return findings;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** 12.5, not 12.500000001. */
function minutes(value: number): string {
  return String(Math.round(value * 100) / 100);
}
