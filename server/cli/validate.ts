// `spacebridge validate [files or directories...]`: every problem as `file:line:column: message
// (path)`, then one summary line per file. Exit 0 when every file is valid, 1 otherwise.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem } from '@shared/scenario/problems';
import { loadScenarioFile, scenarioFilesIn } from '../scenarioFiles';
import { UsageError } from './usageError';

export function run(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const targets = positionals.length > 0 ? positionals : ['scenarios'];
  const files = targets.flatMap((target) => (isDirectory(target) ? scenarioFilesIn(target) : [target]));
  if (files.length === 0) throw new UsageError(`no scenario files (*.yaml) in ${targets.join(', ')}`);

  let invalid = 0;
  for (const file of files) {
    const result = loadScenarioFile(file);
    if (result.ok) {
      console.log(`${file}: ok`);
      continue;
    }
    invalid++;
    for (const problem of result.problems) console.log(formatProblem(problem));
    const n = result.problems.length;
    console.log(`${file}: ${n} problem${n === 1 ? '' : 's'}`);
  }
  return invalid === 0 ? 0 : 1;
}

function isDirectory(target: string): boolean {
  return fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
