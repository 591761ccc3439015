// The JSON Schema committed for editors (scenarios/spacebridge.schema.json): the same as the zod
// schema generates, and named on the first line of every shipped scenario.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '@server/cli/schema';
import { scenarioFilesIn } from '@server/scenarioFiles';

const scenariosDir = path.resolve(import.meta.dirname, '../../scenarios');
const MODELINE = /^# yaml-language-server: \$schema=(\S+)\n/;

describe('scenarios/spacebridge.schema.json', () => {
  it('is what the scenario schema generates now (else run `npm run schema`)', () => {
    expect(SCHEMA_FILE).toBe(path.join(scenariosDir, 'spacebridge.schema.json'));
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed, 'scenarios/spacebridge.schema.json is stale: run `npm run schema` and commit it').toBe(schemaText());
  });

  // Translation files (<id>.<language>.yaml) are not scenarios: the schema does not describe them.
  it.each(scenarioFilesIn(scenariosDir).map((file) => path.basename(file)))('is named on the first line of %s', (name) => {
    const schemaPath = MODELINE.exec(fs.readFileSync(path.join(scenariosDir, name), 'utf8'))?.[1];
    expect(schemaPath).toBeDefined();
    expect(path.resolve(scenariosDir, schemaPath!)).toBe(SCHEMA_FILE);
  });
});
