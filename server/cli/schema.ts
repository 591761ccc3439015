// `spacebridge schema`: the scenario JSON Schema on stdout. `npm run schema` writes it to
// SCHEMA_FILE, the copy committed beside the shipped scenarios that their first line names.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scenarioJsonSchema } from '@shared/scenario/jsonSchema';
import { PROJECT_ROOT } from '../config';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'scenarios', 'spacebridge.schema.json');

/** The text of the schema file: what `schema` prints and SCHEMA_FILE holds. */
export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export function run(args: string[]): number {
  parseArgs({ args, options: {} });
  process.stdout.write(schemaText());
  return 0;
}
