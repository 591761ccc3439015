// `spacebridge schema`: the scenario JSON Schema on stdout, e.g. `npx spacebridge schema > scenario.schema.json`.
import { parseArgs } from 'node:util';
import { scenarioJsonSchema } from '../../shared/scenario/jsonSchema';

export function run(args: string[]): number {
  parseArgs({ args, options: {} });
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
