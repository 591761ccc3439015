// `spacebridge instructor add "Name" | list | revoke <id or name> | rotate <id or name>`: the keys
// instructors use for the Scenario Studio and its library (docs/operations.md, "Instructor keys").
// Works on the server's store (DATABASE_URL, else DATA_DIR or --data-dir), also while the server
// runs: a key added or revoked counts from the next request.
import { parseArgs } from 'node:util';
import { configFromEnv } from '../config';
import { Instructors, type InstructorRecord } from '../instructors';
import { openStore } from '../store/openStore';
import { UsageError } from './usageError';

const SUBCOMMANDS = 'add "Name" | list | revoke <id or name> | rotate <id or name>';

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
  const [sub, ...rest] = positionals;
  if (sub === undefined) throw new UsageError(`say what to do: instructor ${SUBCOMMANDS}`);
  const config = configFromEnv();
  const dataDir = values['data-dir'] ?? config.dataDir;
  const store = await openStore({ dataDir, databaseUrl: config.databaseUrl });
  try {
    const instructors = new Instructors(store.db);
    const now = Date.now();
    switch (sub) {
      case 'add': {
        const name = rest.join(' ');
        if (name.trim() === '') throw new UsageError('add needs the instructor\'s name: instructor add "Ada Lovelace"');
        const { instructor, key } = await instructors.add(name, now);
        console.log(`Instructor ${instructor.name} (id ${instructor.id}) added. Their key, shown only this once:\n\n  ${key}\n`);
        console.log('Give it to them privately: the studio (/studio) asks for it. The server keeps only its hash.');
        return 0;
      }
      case 'list': {
        const all = await instructors.list();
        if (all.length === 0) console.log(`No instructors yet (data: ${dataDir}). Add one with: npx spacebridge instructor add "Name"`);
        for (const i of all) console.log(describe(i));
        return 0;
      }
      case 'revoke':
      case 'rotate': {
        const instructor = await chosen(instructors, rest.join(' '), sub);
        if (instructor === null) return 1;
        if (sub === 'revoke') {
          const done = await instructors.revoke(instructor.id, now);
          console.log(done ? `The key of ${instructor.name} (${instructor.id}) is revoked: it stops working at once. Their library stays.` : `${instructor.name} (${instructor.id}) was already revoked.`);
          return 0;
        }
        const key = await instructors.rotate(instructor.id);
        console.log(`A new key for ${instructor.name} (${instructor.id}), shown only this once (the old one stops working):\n\n  ${key}\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown subcommand "${sub}": instructor ${SUBCOMMANDS}`);
    }
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

async function chosen(instructors: Instructors, idOrName: string, sub: string): Promise<InstructorRecord | null> {
  if (idOrName.trim() === '') throw new UsageError(`${sub} needs the instructor's id (see: instructor list) or name`);
  const found = await instructors.find(idOrName);
  if (found === null) {
    console.error(`No instructor "${idOrName}". See: npx spacebridge instructor list`);
    return null;
  }
  if ('ambiguous' in found) {
    console.error(`Several instructors are named "${idOrName}": use the id.\n${found.ambiguous.map(describe).join('\n')}`);
    return null;
  }
  return found;
}

function describe(i: InstructorRecord): string {
  const since = new Date(i.createdAt).toISOString().slice(0, 10);
  return `${i.id}  ${i.name}  (added ${since}${i.revokedAt === null ? '' : `, revoked ${new Date(i.revokedAt).toISOString().slice(0, 10)}`})`;
}
