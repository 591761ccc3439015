// `spacebridge balance <scenario.yaml> [--games N] [--seed S] [--json] [--ablate track2] [--jobs J]`:
// the balance report (shared/bots/balance.ts, where each figure is defined) as a table with its
// warnings, or with --json exactly one JSON object on stdout. A progress bar on stderr only when
// stderr is a terminal. Exit code 0 even with warnings (it is a report, not a check); 1 for an
// invalid scenario file, 2 for a bad command line.
//
// The games are shared among J worker threads (default: one per core, at most 8), each playing a
// contiguous range of the series; the report joins them in order, so it is the same whatever J.
// A worker is this very module, loaded again in the thread (see the end of the file).
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { balanceFromGames, balanceReport, playBalanceGames, type BalanceGame, type BalanceOptions, type BalanceReport } from '@shared/bots/balance';
import { formatBalance } from '@shared/bots/format';
import type { Scenario } from '@shared/scenario/schema';
import { scenarioFromArgs } from './scenarioArg';
import { ablation, progressLine, wholeNumber } from './simulate';

const MAX_JOBS = 8;

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      games: { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      ablate: { type: 'string' },
      jobs: { type: 'string' },
    },
  });
  const games = wholeNumber('games', values.games, 1);
  const seed = wholeNumber('seed', values.seed, -Infinity);
  const ablate = ablation(values.ablate);
  const jobs = values.jobs === undefined ? Math.min(os.availableParallelism(), MAX_JOBS) : wholeNumber('jobs', values.jobs, 1);
  const scenario = scenarioFromArgs(positionals);
  if (!scenario) return 1;

  const options = { games, seed, ablate };
  const progress = progressLine(process.stderr, { offTerminal: false });
  const report = jobs === 1 || games === 1 ? balanceReport(scenario, options, progress) : await inWorkers(scenario, options, Math.min(jobs, games), progress);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatBalance(report, scenario)}\n`);
  return 0;
}

interface Job {
  balanceJob: true;
  scenario: Scenario;
  options: BalanceOptions;
  from: number;
  to: number;
}

type JobMessage = { type: 'game' } | { type: 'done'; games: BalanceGame[] };

/** Plays the series in `jobs` threads, each a contiguous range of games, and joins the ranges. */
async function inWorkers(scenario: Scenario, options: BalanceOptions, jobs: number, onProgress: (done: number, total: number) => void): Promise<BalanceReport> {
  let done = 0;
  const ranges = Array.from({ length: jobs }, (_, i) => [Math.floor((i * options.games) / jobs), Math.floor(((i + 1) * options.games) / jobs)]);
  const parts = await Promise.all(
    ranges.map(
      ([from, to]) =>
        new Promise<BalanceGame[]>((resolve, reject) => {
          const job: Job = { balanceJob: true, scenario, options, from, to };
          const worker = new Worker(new URL(import.meta.url), { workerData: job });
          worker.on('message', (message: JobMessage) => {
            if (message.type === 'game') onProgress(++done, options.games);
            else resolve(message.games);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => code !== 0 && reject(new Error(`balance: a worker thread stopped with exit code ${code}`)));
        }),
    ),
  );
  return balanceFromGames(scenario, options, parts.flat());
}

// In a worker thread: play the range of games the main thread asked for, report each game, then
// send back their figures.
const job = isMainThread ? null : (workerData as Partial<Job> | null);
if (job?.balanceJob && parentPort) {
  const port = parentPort;
  const games = playBalanceGames(job.scenario!, job.options!, job.from!, job.to!, () => port.postMessage({ type: 'game' } satisfies JobMessage));
  port.postMessage({ type: 'done', games } satisfies JobMessage);
}
