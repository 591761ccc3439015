// The scenarios a server offers: every valid YAML file of the scenario directory, loaded at
// start. A file with problems is skipped with a warning naming file:line:column.
import fs from 'node:fs';
import path from 'node:path';
import { loadScenario } from '../shared/scenario/load';
import type { Scenario } from '../shared/scenario/schema';

/** The shipped scenario offered first (demo session, default listing order). */
export const FIRST_SCENARIO = 'handshake-in-orbit';

export class ScenarioCatalog {
  private readonly byId = new Map<string, Scenario>();

  constructor(scenarios: Scenario[]) {
    const ordered = [...scenarios].sort((a, b) => Number(b.id === FIRST_SCENARIO) - Number(a.id === FIRST_SCENARIO) || a.id.localeCompare(b.id));
    for (const s of ordered) this.byId.set(s.id, s);
  }

  get(id: string): Scenario | undefined {
    return this.byId.get(id);
  }

  list(): Scenario[] {
    return [...this.byId.values()];
  }
}

export function loadCatalog(dir: string, warn: (message: string) => void = console.warn): ScenarioCatalog {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    const result = loadScenario(fs.readFileSync(full, 'utf8'), full);
    if (result.ok) {
      if (scenarios.some((s) => s.id === result.scenario.id)) warn(`${full}: scenario id "${result.scenario.id}" is used twice; skipped`);
      else scenarios.push(result.scenario);
    } else {
      for (const p of result.problems) warn(`${p.file}:${p.line}:${p.column} ${p.path ? p.path + ': ' : ''}${p.message}`);
      warn(`${full}: skipped (invalid scenario)`);
    }
  }
  return new ScenarioCatalog(scenarios);
}
