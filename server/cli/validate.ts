// `spacebridge validate [files or directories...]`: every problem and warning as
// `file:line:column: message (path)`, then one summary line per file. The files are checked
// together (two with one scenario id is an error). Exit 0 when every file is valid, 1 otherwise.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem } from '@shared/scenario/problems';
import { loadScenarioFiles, scenarioFilesIn } from '../scenarioFiles';
import { UsageError } from './usageError';

export function run(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const targets = positionals.length > 0 ? positionals : ['scenarios'];
  const files = targets.flatMap((target) => (isDirectory(target) ? scenarioFilesIn(target) : [target]));
  if (files.length === 0) throw new UsageError(`no scenario files (*.yaml) in ${targets.join(', ')}`);

  let invalid = 0;
  for (const { file, result } of loadScenarioFiles(files)) {
    const problems = result.ok ? [] : result.problems;
    const all = [...problems, ...result.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const problem of all) console.log(formatProblem(problem));
    const warned = result.warnings.length > 0 ? `${plural(result.warnings.length, 'warning')}` : '';
    if (problems.length === 0) {
      console.log(`${file}: ok${warned ? ` (${warned})` : ''}`);
      continue;
    }
    invalid++;
    console.log(`${file}: ${plural(problems.length, 'problem')}${warned ? `, ${warned}` : ''}`);
  }
  return invalid === 0 ? 0 : 1;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isDirectory(target: string): boolean {
  return fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
