// `spacebridge balance <scenario.yaml> [--games N] [--seed S] [--json] [--ablate track2]`: the
// balance report (shared/bots/balance.ts, where each figure is defined) as a table with its
// warnings, or with --json exactly one JSON object on stdout. A progress bar on stderr only when
// stderr is a terminal. Exit code 0 even with warnings (it is a report, not a check); 1 for an
// invalid scenario file, 2 for a bad command line.
import { parseArgs } from 'node:util';
import { balanceReport } from '@shared/bots/balance';
import { formatBalance } from '@shared/bots/format';
import { scenarioFromArgs } from './scenarioArg';
import { ablation, progressLine, wholeNumber } from './simulate';

export function run(args: string[]): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      games: { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      ablate: { type: 'string' },
    },
  });
  const games = wholeNumber('games', values.games, 1);
  const seed = wholeNumber('seed', values.seed, -Infinity);
  const ablate = ablation(values.ablate);
  const scenario = scenarioFromArgs(positionals);
  if (!scenario) return 1;

  const report = balanceReport(scenario, { games, seed, ablate }, progressLine(process.stderr, { offTerminal: false }));
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatBalance(report, scenario)}\n`);
  return 0;
}
