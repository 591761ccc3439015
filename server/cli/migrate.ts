// `spacebridge migrate FILE...`: rewrites each older (v1) scenario file in place in the current
// format, changing only what the format changed (comments and layout stay). A file already in the
// current format is left untouched; a file that is not a valid scenario gets the validator's
// problems and is not written. Exit 0 when every file is current or migrated, 1 otherwise.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadScenario } from '@shared/scenario/load';
import { migrateText } from '@shared/scenario/migrate';
import { formatProblem, pathToString } from '@shared/scenario/problems';
import { SCHEMA_VERSION } from '@shared/scenario/schema';
import { UsageError } from './usageError';

export function run(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) throw new UsageError('give the scenario files to migrate');
  let failed = 0;
  for (const file of positionals) if (!migrateFile(file)) failed++;
  return failed === 0 ? 0 : 1;
}

/** Migrates one file; whether it is now valid and current. */
function migrateFile(file: string): boolean {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    console.log(`${file}: cannot read the file: ${(error as Error).message}`);
    return false;
  }
  // The loader runs the file as migrated: it must be a valid scenario before the file is replaced.
  const result = loadScenario(source, file);
  if (!result.ok) {
    for (const problem of result.problems) console.log(formatProblem(problem));
    console.log(`${file}: not migrated: fix these problems first (the file is unchanged)`);
    return false;
  }
  const { text, migration } = migrateText(source);
  if (!migration.migrated) {
    console.log(`${file}: already schemaVersion ${SCHEMA_VERSION}; unchanged`);
    return true;
  }
  fs.writeFileSync(file, text);
  // The migration changes no line breaks, so places in the old text are places in the new one.
  for (const { path, message } of migration.warnings) {
    console.log(formatProblem({ file, ...result.locate(path), path: pathToString(path), message, warning: true }));
  }
  console.log(`${file}: migrated from schemaVersion ${migration.from} to ${SCHEMA_VERSION}`);
  return true;
}
