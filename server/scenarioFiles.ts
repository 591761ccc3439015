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

/** Loads one scenario file; a file that cannot be read is a problem of that file (line 0). */
export function loadScenarioFile(file: string): LoadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file, line: 0, column: 0, path: '', message: `cannot read the file: ${readError(error)}` }] };
  }
  return loadScenario(text, file);
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
 * Loads every scenario file of a directory. Files with problems are left out and their problems
 * returned; so is a file whose scenario id another file already uses.
 */
export function loadScenarioDir(dir: string): { scenarios: ScenarioFile[]; problems: Problem[] } {
  const scenarios: ScenarioFile[] = [];
  const problems: Problem[] = [];
  for (const file of scenarioFilesIn(dir)) {
    const result = loadScenarioFile(file);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const other = scenarios.find((s) => s.scenario.id === result.scenario.id);
    if (other) {
      problems.push({ file, line: 0, column: 0, path: 'id', message: `scenario id "${result.scenario.id}" is already used by ${other.file}` });
    } else {
      scenarios.push({ file, scenario: result.scenario });
    }
  }
  return { scenarios, problems };
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
