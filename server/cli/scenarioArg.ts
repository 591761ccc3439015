// The one scenario file a command works on: loaded and validated, or its problems printed.
import { formatProblem } from '@shared/scenario/problems';
import type { Scenario } from '@shared/scenario/schema';
import { loadScenarioFile } from '../scenarioFiles';
import { UsageError } from './usageError';

/** Loads the scenario named on the command line; null (problems already on stderr) if invalid. */
export function scenarioFromArgs(positionals: string[]): Scenario | null {
  if (positionals.length !== 1) throw new UsageError('give exactly one scenario file');
  const result = loadScenarioFile(positionals[0]);
  for (const warning of result.warnings) process.stderr.write(`${formatProblem(warning)}\n`);
  if (result.ok) return result.scenario;
  for (const problem of result.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  process.stderr.write(`${positionals[0]}: not a valid scenario; fix it first (npx spacebridge validate ${positionals[0]})\n`);
  return null;
}
