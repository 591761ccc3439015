// `spacebridge simulate <scenario.yaml> --games N --seed S [--bots mixed|cooperative|hard-nosed] [--json]`:
// plays N all-bot games through the engine and reports score distributions per role, how often
// each deal type entered into force, events, collapses, and warnings about an unbalanced scenario.
import { parseArgs } from 'node:util';
import { formatSimulation } from '@shared/bots/format';
import { simulate } from '@shared/bots/simulate';
import { scenarioFromArgs } from './scenarioArg';
import { UsageError } from './usageError';

const PERSONALITIES = ['mixed', 'cooperative', 'hard-nosed'] as const;
type Mode = (typeof PERSONALITIES)[number];

function wholeNumber(name: string, text: string, min: number): number {
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
    },
  });
  const games = wholeNumber('games', values.games, 1);
  const seed = wholeNumber('seed', values.seed, -Infinity);
  if (!PERSONALITIES.includes(values.bots as Mode)) throw new UsageError(`--bots must be one of ${PERSONALITIES.join(', ')}`);
  const scenario = scenarioFromArgs(positionals);
  if (!scenario) return 1;

  const progress = progressLine(process.stderr);
  const report = simulate(scenario, { games, seed, personality: values.bots as Mode, onGame: progress });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatSimulation(report)}\n`);
  return 0;
}

/** A progress bar redrawn in place on a terminal; elsewhere (a log file, CI) a few plain lines. */
function progressLine(out: NodeJS.WriteStream): (done: number, total: number) => void {
  let lastShown = -1;
  return (done, total) => {
    const percent = Math.floor((done / total) * 100);
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} games`);
      if (done === total) out.write('\n');
    } else if (percent >= lastShown + 25 || done === total) {
      lastShown = percent;
      out.write(`simulated ${done}/${total} games\n`);
    }
  };
}
