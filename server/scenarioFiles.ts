// Scenario files on disk: read them and run the pure loader. Used by the CLI, the server and tests.
import fs from 'node:fs';
import path from 'node:path';
import { loadScenario, loadTranslation } from '@shared/scenario/load';
import type { LoadResult, TranslationLoadResult } from '@shared/scenario/load';
import type { Problem } from '@shared/scenario/problems';
import { SCENARIO_LANGUAGES, type Scenario } from '@shared/scenario/schema';
import { withTranslation } from '@shared/scenario/translations';

export interface ScenarioFile {
  file: string;
  scenario: Scenario;
}

/**
 * Loads one scenario file; a file that cannot be read is a problem of that file (line 0). A
 * scenario whose id is not its file's name gets a warning: instructors look for it by name.
 */
export function loadScenarioFile(file: string): LoadResult {
  return loadWithTranslations(file).result;
}

/** A scenario file's result, and those of its translation files (their valid texts are in the scenario). */
export interface ScenarioFileResult {
  file: string;
  result: LoadResult;
  translations: { file: string; result: TranslationLoadResult }[];
}

/**
 * Loads a scenario file and its translation files (`<name>.<language>.yaml` beside it). A
 * translation file with problems is left out (its language falls back to the source language);
 * the scenario still loads.
 */
export function loadWithTranslations(file: string): ScenarioFileResult {
  const result = loadScenarioAlone(file);
  if (!result.ok) return { file, result, translations: [] };
  const translations = translationFilesOf(file).map((translationFile) => {
    const text = readText(translationFile);
    const loaded: TranslationLoadResult =
      typeof text === 'string' ? loadTranslation(text, translationFile, result.scenario) : { ok: false, problems: [text], warnings: [] };
    if (loaded.ok) result.scenario = withTranslation(result.scenario, loaded.language, loaded.texts);
    return { file: translationFile, result: loaded };
  });
  return { file, result, translations };
}

/** The translation files beside a scenario file, in language order. */
export function translationFilesOf(file: string): string[] {
  const base = file.replace(/\.ya?ml$/, '');
  return SCENARIO_LANGUAGES.flatMap((language) => ['yaml', 'yml'].map((ext) => `${base}.${language}.${ext}`)).filter((f) => fs.existsSync(f));
}

/** The scenario file a translation file belongs to (`x.ru.yaml` -> `x.yaml`), or null for another file. */
export function scenarioFileOf(translationFile: string): string | null {
  const match = TRANSLATION_FILE.exec(path.basename(translationFile));
  if (!match) return null;
  const base = path.join(path.dirname(translationFile), match[1]);
  return [`${base}.yaml`, `${base}.yml`].find((f) => fs.existsSync(f)) ?? `${base}.yaml`;
}

const TRANSLATION_FILE = new RegExp(`^([^.]+)\\.(${SCENARIO_LANGUAGES.join('|')})\\.ya?ml$`);

function readText(file: string): string | Problem {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { file, line: 0, column: 0, path: '', message: `cannot read the file: ${readError(error)}` };
  }
}

function loadScenarioAlone(file: string): LoadResult {
  const text = readText(file);
  if (typeof text !== 'string') return { ok: false, problems: [text], warnings: [] };
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

/** The scenario files of a directory (`*.yaml`, `*.yml`, not translation files), in name order. */
export function scenarioFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !TRANSLATION_FILE.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Loads scenario files that are offered together (a server's directory, the files given to
 * `validate`). A scenario id must be unique among them: a file whose id an earlier file already
 * uses fails with that error, at its id.
 */
export function loadScenarioFiles(files: readonly string[]): ScenarioFileResult[] {
  const firstWithId = new Map<string, string>();
  return files.map((file) => {
    const loaded = loadWithTranslations(file);
    const { result } = loaded;
    if (!result.ok) return loaded;
    const { id } = result.scenario;
    const first = firstWithId.get(id);
    if (first === undefined) {
      firstWithId.set(id, file);
      return loaded;
    }
    const problem: Problem = { file, ...result.locate(['id']), path: 'id', message: `scenario id "${id}" is already used by ${first}: two scenarios cannot have the same id` };
    return { file, result: { ok: false, problems: [problem], warnings: result.warnings }, translations: [] };
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
  for (const { file, result, translations } of loadScenarioFiles(scenarioFilesIn(dir))) {
    for (const loaded of [result, ...translations.map((t) => t.result)]) {
      warnings.push(...loaded.warnings);
      if (!loaded.ok) problems.push(...loaded.problems);
    }
    if (result.ok) scenarios.push({ file, scenario: result.scenario });
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
