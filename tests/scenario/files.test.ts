// The scenario files on disk: every shipped scenario loads, and a directory's problems are all reported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, starterScenario } from '@shared/scenario';
import { loadScenarioDir, loadScenarioFile, loadWithTranslations, scenarioFilesIn } from '@server/scenarioFiles';

const scenariosDir = path.resolve(import.meta.dirname, '../../scenarios');

describe('the shipped scenarios', () => {
  const shipped = scenarioFilesIn(scenariosDir).map((file) => path.basename(file));

  it.each(shipped)('%s loads without problems', (name) => {
    const result = loadScenarioFile(path.join(scenariosDir, name));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it.each(shipped)('%s: its translation files load without problems', (name) => {
    const { translations } = loadWithTranslations(path.join(scenariosDir, name));
    expect(translations.flatMap((t) => (t.result.ok ? [] : t.result.problems.map(formatProblem)))).toEqual([]);
  });

  it('load together through loadScenarioDir, with distinct ids', () => {
    const { scenarios, problems } = loadScenarioDir(scenariosDir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(scenarios.map((s) => path.basename(s.file)).sort()).toEqual([...shipped].sort());
  });
});

describe('loadScenarioDir', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the valid files and reports the others, including a reused scenario id', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spacebridge-scenarios-'));
    fs.writeFileSync(path.join(dir, 'alpha.yaml'), starterScenario('alpha'));
    fs.writeFileSync(path.join(dir, 'b.yml'), starterScenario('alpha'));
    fs.writeFileSync(path.join(dir, 'c.yaml'), starterScenario('gamma').replace('era: 1970s', 'era: 1970s\nsumary: Extra.'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a scenario');

    const { scenarios, problems, warnings } = loadScenarioDir(dir);
    expect(scenarios.map((s) => s.scenario.id)).toEqual(['alpha']);
    expect(problems.map(formatProblem)).toEqual([
      `${dir}/b.yml:7:5: scenario id "alpha" is already used by ${dir}/alpha.yaml: two scenarios cannot have the same id (id)`,
      `${dir}/c.yaml:11:1: unknown key "sumary"; did you mean "summary"? (sumary)`,
    ]);
    // b.yml is not named after its id either: said once, as a warning.
    expect(warnings.map(formatProblem)).toEqual([
      `${dir}/b.yml:7:5: warning: the scenario id "alpha" is not the file's name: name the file alpha.yaml, or the id "b" (id)`,
    ]);
  });

  it('reports a file that cannot be read', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spacebridge-scenarios-'));
    const missing = path.join(dir, 'missing.yaml');
    expect(loadScenarioFile(missing)).toEqual({
      ok: false,
      problems: [{ file: missing, line: 0, column: 0, path: '', message: 'cannot read the file: no such file' }],
      warnings: [],
    });
  });
});
