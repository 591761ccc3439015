// `npx spacebridge <command>`: a small dispatcher over one module per command. A command module
// exports `run(args): exit code`; it is imported only when used, so `validate` never loads the server.
import { UsageError } from './usageError';

export type Run = (args: string[]) => number | Promise<number>;

interface CommandEntry {
  usage: string;
  summary: string;
  load: () => Promise<{ run: Run }>;
}

const COMMANDS: Record<string, CommandEntry> = {
  validate: {
    usage: 'validate [files or directories...]',
    summary: 'check scenario files and print every problem as file:line:column (default: scenarios/)',
    load: () => import('./validate'),
  },
  migrate: {
    usage: 'migrate <files...>',
    summary: 'rewrite older (schemaVersion 1) scenario files in place in the current format, keeping their comments',
    load: () => import('./migrate'),
  },
  'translation-template': {
    usage: 'translation-template <scenario> <language> [--stdout]',
    summary: 'write (or bring up to date) <scenario>.<language>.yaml: every text to translate, the source text beside it',
    load: () => import('./translationTemplate'),
  },
  schema: {
    usage: 'schema',
    summary: 'print the scenario JSON Schema (for editor autocomplete)',
    load: () => import('./schema'),
  },
  new: {
    usage: 'new <id> [--out dir]',
    summary: 'write a commented starter scenario to scenarios/<id>.yaml (or dir/<id>.yaml)',
    load: () => import('./new'),
  },
  serve: {
    usage: 'serve',
    summary: 'run the game server: web client, HTTP API and WebSockets on one port (PORT, DATA_DIR)',
    load: () => import('./serve'),
  },
  analyze: { usage: 'analyze <scenario.yaml> [--json]', summary: 'the agreement space of each deal type: consensus, Pareto frontier, balance warnings', load: () => import('./analyze') },
  simulate: { usage: 'simulate <scenario.yaml> [--games N] [--seed S] [--bots mixed|cooperative|hard-nosed] [--json] [--ablate track2 | --track-two-effect]', summary: 'play N all-bot games and report score distributions and balance warnings', load: () => import('./simulate') },
  balance: {
    usage: 'balance <scenario.yaml> [--games N] [--seed S] [--json] [--ablate track2] [--jobs J]',
    summary: 'the balance report: surplus per role, objectives, track II effect, each against its target band (default 500 games)',
    load: () => import('./balance'),
  },
  instructor: {
    usage: 'instructor add "Name" | list | revoke <id or name> | rotate <id or name> [--data-dir dir]',
    summary: 'the keys instructors use for the Scenario Studio and its library (a key is printed once; DATA_DIR)',
    load: () => import('./instructor'),
  },
  // Later commands (serve, simulate, analyze) go here, each in its own file.
};

export function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length), 'help'.length);
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return ['Usage: npx spacebridge <command> [options]', '', 'Commands:', ...lines, `  ${'help'.padEnd(width)}  show this help`, ''].join('\n');
}

export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`spacebridge: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest);
  } catch (error) {
    // parseArgs reports unknown options and missing values with a TypeError carrying a code.
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`spacebridge ${name}: ${(error as Error).message}\nUsage: npx spacebridge ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
