// `spacebridge simulate <scenario.yaml> --games N --seed S [--bots mixed|cooperative|hard-nosed] [--json]
//  [--ablate track2 | --track-two-effect]`:
// plays N all-bot games through the engine and reports score distributions per role, how often
// each deal type entered into force, events, collapses, and warnings about an unbalanced scenario.
// `--ablate track2` plays the scenario with track II switched off (no memoranda, no track II
// networks, no relationships), as `balance --ablate track2` does; `--without-track-two` is its
// older name, still accepted. `--track-two-effect` plays the same games both ways and reports the
// difference per role.
import { parseArgs } from 'node:util';
import { formatSimulation, formatTrackTwoEffect } from '@shared/bots/format';
import { simulate, trackTwoEffect, withoutTrackTwo } from '@shared/bots/simulate';
import { scenarioFromArgs } from './scenarioArg';
import { UsageError } from './usageError';

const PERSONALITIES = ['mixed', 'cooperative', 'hard-nosed'] as const;
type Mode = (typeof PERSONALITIES)[number];

export function wholeNumber(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${text}"`);
  }
  return n;
}

export function run(args: string[]): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      games: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      bots: { type: 'string', default: 'mixed' },
      json: { type: 'boolean', default: false },
      ablate: { type: 'string' },
      'without-track-two': { type: 'boolean', default: false },
      'track-two-effect': { type: 'boolean', default: false },
    },
  });
  const games = wholeNumber('games', values.games, 1);
  const seed = wholeNumber('seed', values.seed, -Infinity);
  if (!PERSONALITIES.includes(values.bots as Mode)) throw new UsageError(`--bots must be one of ${PERSONALITIES.join(', ')}`);
  const scenario = scenarioFromArgs(positionals);
  if (!scenario) return 1;

  const ablate = values['without-track-two'] || ablation(values.ablate) === 'track2';
  if (ablate && values['track-two-effect']) throw new UsageError('give --ablate track2 or --track-two-effect, not both');

  const progress = progressLine(process.stderr, { offTerminal: true });
  const options = { games, seed, personality: values.bots as Mode, onGame: progress };
  if (values['track-two-effect']) {
    const effect = trackTwoEffect(scenario, options);
    process.stdout.write(values.json ? `${JSON.stringify(effect, null, 2)}\n` : `${formatTrackTwoEffect(effect)}\n`);
    return 0;
  }
  const report = simulate(ablate ? withoutTrackTwo(scenario) : scenario, options);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatSimulation(report)}\n`);
  return 0;
}

/** `--ablate`'s value: what to switch off. Only track II can be, for now. */
export function ablation(value: string | undefined): 'track2' | null {
  if (value === undefined) return null;
  if (value !== 'track2') throw new UsageError(`--ablate must be track2 (track II switched off), not "${value}"`);
  return value;
}

/** A progress bar redrawn in place on a terminal; elsewhere (a log file, CI) a few plain lines
 *  with `offTerminal`, else nothing. */
export function progressLine(out: NodeJS.WriteStream, { offTerminal }: { offTerminal: boolean }): (done: number, total: number) => void {
  let lastShown = -1;
  return (done, total) => {
    const percent = Math.floor((done / total) * 100);
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} games`);
      if (done === total) out.write('\n');
    } else if (offTerminal && (percent >= lastShown + 25 || done === total)) {
      lastShown = percent;
      out.write(`simulated ${done}/${total} games\n`);
    }
  };
}
