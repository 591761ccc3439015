// The scenarios a server offers: every valid YAML file of the scenario directory, loaded at
// start. A file with problems (a scenario id another file has) is skipped with an error naming
// file:line:column; warnings (an older file migrated in memory) are logged the same way.
import fs from 'node:fs';
import { formatProblem } from '@shared/scenario/problems';
import type { Scenario } from '@shared/scenario/schema';
import { log } from './log';
import { loadScenarioDir } from './scenarioFiles';

/** The shipped scenario offered first (demo session, default listing order). */
export const FIRST_SCENARIO = 'handshake-in-orbit';

export class ScenarioCatalog {
  private readonly byId = new Map<string, Scenario>();

  /** `sources`: each scenario's file text by id, for instructors who copy one into the studio. */
  constructor(
    scenarios: Scenario[],
    private readonly sources: ReadonlyMap<string, string> = new Map(),
  ) {
    const ordered = [...scenarios].sort((a, b) => Number(b.id === FIRST_SCENARIO) - Number(a.id === FIRST_SCENARIO) || a.id.localeCompare(b.id));
    for (const s of ordered) this.byId.set(s.id, s);
  }

  get(id: string): Scenario | undefined {
    return this.byId.get(id);
  }

  list(): Scenario[] {
    return [...this.byId.values()];
  }

  /** The YAML text a scenario was loaded from (its confidential parts included). */
  source(id: string): string | undefined {
    return this.sources.get(id);
  }
}

export function loadCatalog(dir: string): ScenarioCatalog {
  if (!fs.existsSync(dir)) {
    log.warn(`${dir}: no such scenario directory`);
    return new ScenarioCatalog([]);
  }
  const { scenarios, problems, warnings } = loadScenarioDir(dir);
  for (const p of problems) log.error(`${formatProblem(p)} (file skipped)`);
  for (const w of warnings) log.warn(formatProblem(w));
  return new ScenarioCatalog(
    scenarios.map((s) => s.scenario),
    new Map(scenarios.map((s) => [s.scenario.id, fs.readFileSync(s.file, 'utf8')])),
  );
}
