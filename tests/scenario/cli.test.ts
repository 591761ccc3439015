// `npx spacebridge …` as an instructor runs it: real processes, exit codes and output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/spacebridge.mjs');

function spacebridge(args: string[], cwd = root, command = bin) {
  const run = spawnSync(process.execPath, [command, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The JSON Schema file a scenario's first line names for editors, resolved from the scenario's folder. */
function schemaNamedIn(file: string): string | undefined {
  const schemaPath = /^# yaml-language-server: \$schema=(\S+)\n/.exec(fs.readFileSync(file, 'utf8'))?.[1];
  return schemaPath && path.resolve(path.dirname(file), schemaPath);
}
const schemaFile = path.join(root, 'scenarios/spacebridge.schema.json');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spacebridge-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('spacebridge', () => {
  it('prints the usage with no arguments, and for help', () => {
    for (const args of [[], ['help']]) {
      const { code, stdout } = spacebridge(args);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: npx spacebridge <command>');
      expect(stdout).toMatch(/validate \[files or directories\.\.\.\]/);
    }
  });

  it('rejects an unknown command with exit code 2', () => {
    const { code, stderr } = spacebridge(['valdiate']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "valdiate"');
  });
});

describe('spacebridge validate', () => {
  it('passes the shipped scenarios (the default directory) with exit code 0', () => {
    const { code, stdout } = spacebridge(['validate']);
    expect(code).toBe(0);
    const files = fs.readdirSync(path.join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(stdout.trim().split('\n').sort()).toEqual(files.map((f) => `scenarios/${f}: ok`).sort());
  });

  it('prints every problem as file:line:column and a summary per file, exit code 1', () => {
    const good = path.join(dir, 'base.yaml');
    const bad = path.join(dir, 'bad.yaml');
    fs.copyFileSync(path.join(root, 'tests/scenario/fixtures/base.yaml'), good);
    const text = fs.readFileSync(good, 'utf8');
    fs.writeFileSync(bad, text.replace('\nid: base\n', '\nid: bad\n').replace('durationMinutes: 30', 'durationMinutes: ten').replace('kind: agency', 'kind: goverment'));

    const { code, stdout } = spacebridge(['validate', good, bad]);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `${good}: ok`,
      `${bad}:8:18: expected a number, found "ten" (durationMinutes)`,
      `${bad}:40:11: expected one of government, agency, science, industry, press, found "goverment"; did you mean "government"? (roles[1].kind)`,
      `${bad}: 2 problems`,
      '',
    ]);
  });

  it('reports a missing file clearly, exit code 1', () => {
    const { code, stdout } = spacebridge(['validate', 'scenarios/no-such-scenario.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe('scenarios/no-such-scenario.yaml: cannot read the file: no such file\nscenarios/no-such-scenario.yaml: 1 problem\n');
  });

  it('says so when a directory holds no scenario files, exit code 2', () => {
    const { code, stderr } = spacebridge(['validate', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`no scenario files (*.yaml) in ${dir}`);
  });
});

describe('spacebridge validate: format v2 checks', () => {
  const base = () => fs.readFileSync(path.join(root, 'tests/scenario/fixtures/base.yaml'), 'utf8');

  it('accepts a v1 file with a warning at file:line, exit code 0', () => {
    const file = path.join(dir, 'base.yaml');
    fs.copyFileSync(path.join(root, 'tests/scenario/fixtures/v1/base.yaml'), file);
    const { code, stdout } = spacebridge(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${file}:2:16: warning: schemaVersion 1 is read as 2 (migrated in memory); run  npx spacebridge migrate ${file}  to update the file (schemaVersion)\n${file}: ok (1 warning)\n`,
    );
  });

  it('reports two files with one scenario id as an error, and an id that is not the file name as a warning', () => {
    const first = path.join(dir, 'base.yaml');
    const second = path.join(dir, 'copy.yaml');
    fs.writeFileSync(first, base());
    fs.writeFileSync(second, base());
    const { code, stdout } = spacebridge(['validate', first, second]);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `${first}: ok`,
      `${second}:3:5: scenario id "base" is already used by ${first}: two scenarios cannot have the same id (id)`,
      `${second}:3:5: warning: the scenario id "base" is not the file's name: name the file base.yaml, or the id "copy" (id)`,
      `${second}: 1 problem, 1 warning`,
      '',
    ]);
  });

  it('reports an unclosed quote where it opens, not past the end of the file', () => {
    const file = path.join(dir, 'quote.yaml');
    fs.writeFileSync(file, 'schemaVersion: 2\ntitle: "Handshake\nid: handshake\nera: 1970s\n');
    const { code, stdout } = spacebridge(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${file}:2:8: invalid YAML: the quoted text opened here is never closed (add the closing ")\n${file}: 1 problem\n`);
  });

  it('reports a walk-away above the best total a role can reach', () => {
    const file = path.join(dir, 'base.yaml');
    fs.writeFileSync(file, base().replace('walkAway: 3', 'walkAway: 60'));
    const { code, stdout } = spacebridge(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/base\.yaml:\d+:\d+: point table of role "\S+" for deal type "astp": the walk-away 60 is above the best total the role can reach \(\d+, its best option of every issue\), so no deal of this type is ever worth signing for it \(roles\[\d\]\.pointTables\.astp\.walkAway\)\n/);
  });
});

describe('spacebridge migrate', () => {
  const v1 = (name: string) => fs.readFileSync(path.join(root, 'tests/scenario/fixtures/v1', name), 'utf8');

  it('rewrites a v1 file in place keeping its comments, then leaves it alone', () => {
    const file = path.join(dir, 'handshake-in-orbit.yaml');
    const source = v1('handshake-in-orbit.yaml');
    fs.writeFileSync(file, source);
    const { code, stdout } = spacebridge(['migrate', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${file}: migrated from schemaVersion 1 to 2\n`);
    const text = fs.readFileSync(file, 'utf8');
    const comments = (t: string) => t.split('\n').filter((line) => line.trimStart().startsWith('#'));
    expect(comments(text)).toEqual(comments(source));
    expect(text).toMatch(/^schemaVersion: 2$/m);
    expect(text).toContain('    nations: [United States]\n');
    expect(spacebridge(['validate', file])).toMatchObject({ code: 0, stdout: `${file}: ok\n` });

    const again = spacebridge(['migrate', file]);
    expect(again).toMatchObject({ code: 0, stdout: `${file}: already schemaVersion 2; unchanged\n` });
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('does not write a file that is not a valid scenario, and says why', () => {
    const file = path.join(dir, 'base.yaml');
    const broken = v1('base.yaml').replace('durationMinutes: 30', 'durationMinutes: ten');
    fs.writeFileSync(file, broken);
    const { code, stdout } = spacebridge(['migrate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${file}:8:18: expected a number, found "ten" (durationMinutes)\n${file}: not migrated: fix these problems first (the file is unchanged)\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
  });

  it('needs at least one file', () => {
    const { code, stderr } = spacebridge(['migrate']);
    expect(code).toBe(2);
    expect(stderr).toContain('give the scenario files to migrate');
  });
});

describe('spacebridge new', () => {
  it('writes a starter scenario that validates, and never overwrites it', () => {
    const created = spacebridge(['new', 'moon-race', '--out', dir]);
    expect(created.code).toBe(0);
    const file = path.join(dir, 'moon-race.yaml');
    expect(created.stdout).toContain(`wrote ${file}`);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^id: moon-race$/m);
    expect(schemaNamedIn(file)).toBe(schemaFile);

    expect(spacebridge(['validate', file])).toMatchObject({ code: 0, stdout: `${file}: ok\n` });

    fs.appendFileSync(file, '# my edits\n');
    const again = spacebridge(['new', 'moon-race', '--out', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(fs.readFileSync(file, 'utf8')).toContain('# my edits');
  });

  it('writes to scenarios/ by default', () => {
    const created = spacebridge(['new', 'first'], dir);
    expect(created.code).toBe(0);
    expect(schemaNamedIn(path.join(dir, 'scenarios/first.yaml'))).toBe(schemaFile);
  });

  it('refuses an id that is not an id, and a missing id', () => {
    const bad = spacebridge(['new', 'Moon Race', '--out', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Moon Race" is not a valid scenario id');
    expect(spacebridge(['new', '--out', dir]).code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('spacebridge schema', () => {
  it('prints the JSON Schema of a scenario', () => {
    const { code, stdout } = spacebridge(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema).toMatchObject({ $id: 'urn:spacebridge:scenario:v2', title: 'Spacebridge scenario', type: 'object' });
    expect(Object.keys(schema.$defs).length).toBeGreaterThan(0);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'roles', 'rounds']));
    expect(schema.properties.roles.items.properties.kind.enum).toEqual(['government', 'agency', 'science', 'industry', 'press']);
    expect(stdout).toBe(fs.readFileSync(schemaFile, 'utf8'));
  });
});

describe('bin/spacebridge.mjs', () => {
  // A copy of the sources (sharing node_modules), so the project's own dist/ is left alone. Its
  // files are dated a minute ago, as after a checkout: a file saved in the second a build starts
  // counts as newer than the build.
  function copyProject(): string {
    const copy = path.join(dir, 'project');
    const tsconfigs = fs.readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name));
    for (const part of ['bin', 'server', 'shared', 'package.json', ...tsconfigs]) {
      fs.cpSync(path.join(root, part), path.join(copy, part), { recursive: true, filter: (f) => !f.endsWith('.test.ts') });
    }
    const aMinuteAgo = new Date(Date.now() - 60_000);
    for (const file of fs.readdirSync(copy, { recursive: true, encoding: 'utf8' })) fs.utimesSync(path.join(copy, file), aMinuteAgo, aMinuteAgo);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
    return copy;
  }

  it('builds dist/ when it is missing, runs it as it is while fresh, and rebuilds it after a source changes', () => {
    const copy = copyProject();
    const command = path.join(copy, 'bin/spacebridge.mjs');
    const entry = path.join(copy, 'dist/cli.js');

    const scenario = path.join(root, 'scenarios/handshake-in-orbit.yaml');
    // Its shipped translations beside it are checked with it.
    const stdout = ['', '.ru', '.zh'].map((lang) => `${scenario.replace(/\.yaml$/, `${lang}.yaml`)}: ok\n`).join('');
    expect(spacebridge(['validate', scenario], copy, command)).toMatchObject({ code: 0, stdout, stderr: '' });
    const built = fs.statSync(entry).mtimeMs;
    expect(spacebridge(['validate', scenario], copy, command).code).toBe(0);
    expect(fs.statSync(entry).mtimeMs).toBe(built);

    const main = path.join(copy, 'server/cli/main.ts');
    fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace('Usage: npx spacebridge', 'Usage (rebuilt): npx spacebridge'));
    expect(spacebridge(['help'], copy, command)).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage (rebuilt): npx spacebridge') });
  });

  it('says so and exits 1 when the sources do not build', () => {
    const copy = copyProject();
    fs.appendFileSync(path.join(copy, 'server/cli/validate.ts'), '\nexport const broken = ;\n');
    const { code, stdout, stderr } = spacebridge(['validate'], copy, path.join(copy, 'bin/spacebridge.mjs'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('server/cli/validate.ts');
    expect(stderr).toContain('spacebridge: could not build dist/ from the TypeScript sources');
  });

  it('says so when an import cannot be resolved (a path alias no tsconfig names)', () => {
    const copy = copyProject();
    const base = path.join(copy, 'tsconfig.base.json');
    fs.writeFileSync(base, fs.readFileSync(base, 'utf8').replace('"@shared/*"', '"@elsewhere/*"'));
    const { code, stderr } = spacebridge(['validate'], copy, path.join(copy, 'bin/spacebridge.mjs'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Could not resolve "@shared\//);
    expect(fs.existsSync(path.join(copy, 'dist/cli.js'))).toBe(false);
  });

  it('refuses to bundle a package that package.json does not list', () => {
    const copy = copyProject();
    const manifest = path.join(copy, 'package.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/\n\s*"fast-json-patch": "[^"]*",/, ''));
    const { code, stderr } = spacebridge(['help'], copy, path.join(copy, 'bin/spacebridge.mjs'));
    expect(code).toBe(1);
    expect(stderr).toContain('the server imports fast-json-patch, which package.json does not list');
  });
});

describe('spacebridge translation-template', () => {
  it('writes the translation file beside the scenario; validate checks it; a second run keeps what is translated', () => {
    const scenario = path.join(dir, 'base.yaml');
    const translation = path.join(dir, 'base.ru.yaml');
    fs.copyFileSync(path.join(root, 'tests/scenario/fixtures/base.yaml'), scenario);

    const first = spacebridge(['translation-template', scenario, 'ru']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^wrote .*base\.ru\.yaml: (\d+) texts, 0 translated, \1 to translate\n/);
    const template = fs.readFileSync(translation, 'utf8');
    expect(template).toContain('  # Base\n  title: ""\n');

    fs.writeFileSync(translation, template.replace('  title: ""\n', '  title: База\n  titel: Опечатка\n'));
    const lines = fs.readFileSync(translation, 'utf8').split('\n');
    const checked = spacebridge(['validate', translation]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`${scenario}: ok\n`);
    expect(checked.stdout).toContain(`${translation}:${lines.indexOf('  titel: Опечатка') + 1}:3: "titel" is not a text of this scenario; did you mean "title"? (texts.titel)\n`);
    expect(checked.stdout).toMatch(new RegExp(`${translation.replaceAll('.', '\\.')}: 1 problem, \\d+ warnings\\n$`));

    const again = spacebridge(['translation-template', scenario, 'ru']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('1 translated');
    expect(again.stdout).toContain('dropped (no longer texts of the scenario): titel');
    expect(fs.readFileSync(translation, 'utf8')).toContain('  title: База\n');
    expect(spacebridge(['validate', scenario]).stdout).toContain(`${translation}: ok (`);
  });

  it('refuses a language a scenario cannot be translated into, exit code 2', () => {
    const { code, stderr } = spacebridge(['translation-template', 'handshake-in-orbit', 'fr']);
    expect(code).toBe(2);
    expect(stderr).toContain('"fr" is not a language a scenario can be translated into: en, ru, zh');
  });
});
