// `spacebridge validate [files or directories...]`: every problem and warning as
// `file:line:column: message (path)`, then one summary line per file, translation files
// (`<name>.<language>.yaml`) included after their scenario. The files are checked together (two
// with one scenario id is an error). Exit 0 when every file is valid, 1 otherwise.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem, type Problem } from '@shared/scenario/problems';
import { loadScenarioFiles, scenarioFileOf, scenarioFilesIn } from '../scenarioFiles';
import { UsageError } from './usageError';

export function run(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const targets = positionals.length > 0 ? positionals : ['scenarios'];
  // A translation file is checked with (and against) its scenario.
  const named = targets.flatMap((target) => (isDirectory(target) ? scenarioFilesIn(target) : [scenarioFileOf(target) ?? target]));
  const files = [...new Set(named)];
  if (files.length === 0) throw new UsageError(`no scenario files (*.yaml) in ${targets.join(', ')}`);

  let invalid = 0;
  for (const { file, result, translations } of loadScenarioFiles(files)) {
    for (const checked of [{ file, result }, ...translations]) {
      if (!report(checked.file, checked.result.ok ? [] : checked.result.problems, checked.result.warnings)) invalid++;
    }
  }
  return invalid === 0 ? 0 : 1;
}

/** Prints a file's problems and warnings in file order, then its summary line; true when valid. */
function report(file: string, problems: Problem[], warnings: Problem[]): boolean {
  const all = [...problems, ...warnings].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const problem of all) console.log(formatProblem(problem));
  const warned = warnings.length > 0 ? `${plural(warnings.length, 'warning')}` : '';
  if (problems.length === 0) {
    console.log(`${file}: ok${warned ? ` (${warned})` : ''}`);
    return true;
  }
  console.log(`${file}: ${plural(problems.length, 'problem')}${warned ? `, ${warned}` : ''}`);
  return false;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isDirectory(target: string): boolean {
  return fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
