// Scenario files on disk: read them and run the pure loader. Used by the CLI, the server and tests.
import fs from 'node:fs';
import path from 'node:path';
import { loadScenario } from '@shared/scenario/load';
import type { LoadResult } from '@shared/scenario/load';
import type { Problem } from '@shared/scenario/problems';
import type { Scenario } from '@shared/scenario/schema';

export interface ScenarioFile {
  file: string;
  scenario: Scenario;
}

/**
 * Loads one scenario file; a file that cannot be read is a problem of that file (line 0). A
 * scenario whose id is not its file's name gets a warning: instructors look for it by name.
 */
export function loadScenarioFile(file: string): LoadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file, line: 0, column: 0, path: '', message: `cannot read the file: ${readError(error)}` }], warnings: [] };
  }
  const result = loadScenario(text, file);
  const name = path.basename(file).replace(/\.ya?ml$/, '');
  if (result.ok && result.scenario.id !== name) {
    result.warnings.push({
      file,
      ...result.locate(['id']),
      path: 'id',
      warning: true,
      message: `the scenario id "${result.scenario.id}" is not the file's name: name the file ${result.scenario.id}.yaml, or the id "${name}"`,
    });
  }
  return result;
}

/** The scenario files of a directory (`*.yaml`, `*.yml`), in name order. */
export function scenarioFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Loads scenario files that are offered together (a server's directory, the files given to
 * `validate`). A scenario id must be unique among them: a file whose id an earlier file already
 * uses fails with that error, at its id.
 */
export function loadScenarioFiles(files: readonly string[]): { file: string; result: LoadResult }[] {
  const firstWithId = new Map<string, string>();
  return files.map((file) => {
    const result = loadScenarioFile(file);
    if (!result.ok) return { file, result };
    const { id } = result.scenario;
    const first = firstWithId.get(id);
    if (first === undefined) {
      firstWithId.set(id, file);
      return { file, result };
    }
    const problem: Problem = { file, ...result.locate(['id']), path: 'id', message: `scenario id "${id}" is already used by ${first}: two scenarios cannot have the same id` };
    return { file, result: { ok: false, problems: [problem], warnings: result.warnings } };
  });
}

/**
 * Loads every scenario file of a directory. Files with problems are left out and their problems
 * returned (a file whose scenario id another file already uses among them); warnings beside them.
 */
export function loadScenarioDir(dir: string): { scenarios: ScenarioFile[]; problems: Problem[]; warnings: Problem[] } {
  const scenarios: ScenarioFile[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const { file, result } of loadScenarioFiles(scenarioFilesIn(dir))) {
    warnings.push(...result.warnings);
    if (result.ok) scenarios.push({ file, scenario: result.scenario });
    else problems.push(...result.problems);
  }
  return { scenarios, problems, warnings };
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
