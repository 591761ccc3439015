// `spacebridge new <id> [--out dir]`: writes a commented starter scenario that validates.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Id } from '@shared/scenario/schema';
import { starterScenario } from '@shared/scenario/starter';
import { SCHEMA_FILE } from './schema';
import { UsageError } from './usageError';

export function run(args: string[]): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'scenarios' } },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one scenario id');
  const id = positionals[0];
  if (!Id.safeParse(id).success) {
    throw new UsageError(`"${id}" is not a valid scenario id: use lowercase letters, digits and dashes, starting with a letter (at most 48)`);
  }

  const file = path.join(values.out, `${id}.yaml`);
  fs.mkdirSync(values.out, { recursive: true });
  try {
    // The schema path is relative to the new file, as editors resolve it.
    const schemaPath = path.relative(path.resolve(values.out), SCHEMA_FILE).split(path.sep).join('/');
    fs.writeFileSync(file, starterScenario(id, schemaPath), { flag: 'wx' }); // wx: never overwrite
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.error(`spacebridge new: ${file} already exists; not overwriting it`);
    return 1;
  }
  console.log(`wrote ${file}\nnext: edit it, then check it with  npx spacebridge validate ${file}`);
  return 0;
}
