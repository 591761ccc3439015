// Migration from format v1: every v1 file (the shipped scenarios as they were, the old test
// fixture, generated variants) migrates, validates, keeps its comments and layout, and the
// scenario the loader migrates in memory is the one `spacebridge migrate` writes, game for game.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { replay } from '@shared/engine';
import { formatProblem, loadScenario, type Scenario } from '@shared/scenario';
import { migrateData, migrateText } from '@shared/scenario/migrate';
import { fullRoster } from '../engine/helpers';
import { playScripted } from '../engine/plan';

const v1Dir = path.resolve(import.meta.dirname, 'fixtures/v1');
const v1Files = fs.readdirSync(v1Dir).filter((name) => name.endsWith('.yaml'));

function load(text: string, file: string): Scenario {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

describe.each(v1Files)('the v1 file %s', (name) => {
  const source = fs.readFileSync(path.join(v1Dir, name), 'utf8');
  const { text, migration } = migrateText(source);

  it('loads as it is, migrated in memory, with a warning at its schemaVersion', () => {
    const result = loadScenario(source, name);
    expect(result.ok).toBe(true);
    const line = source.split('\n').findIndex((l) => l.startsWith('schemaVersion:')) + 1;
    expect(result.warnings.map(formatProblem)).toEqual([
      `${name}:${line}:16: warning: schemaVersion 1 is read as 2 (migrated in memory); run  npx spacebridge migrate ${name}  to update the file (schemaVersion)`,
    ]);
  });

  it('migrates to a v2 file that loads without warnings, the same scenario as migrated in memory', () => {
    expect(migration).toMatchObject({ from: 1, migrated: true });
    const result = loadScenario(text, name);
    expect(result.ok && result.warnings).toEqual([]);
    expect(load(text, name)).toEqual(load(source, name));
  });

  it('changes only the lines the format changed, keeping every comment and the layout', () => {
    const before = source.split('\n');
    const after = text.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.map((line, i) => [line, after[i]]).filter(([a, b]) => a !== b);
    for (const [was, now] of changed) {
      expect(was).toMatch(/^schemaVersion: 1$|^\s+nation: |\{ between: /);
      // What follows a changed value on its line (a comment) is kept as it was.
      if (was.includes('#')) expect(now.endsWith(was.slice(was.indexOf(' #')))).toBe(true);
    }
    expect(changed.length).toBeGreaterThan(0);
  });

  it('plays the same game, migrated in memory or migrated on disk', () => {
    const inMemory = load(source, name);
    const onDisk = load(text, name);
    const roster = fullRoster(inMemory);
    const game = playScripted(inMemory, { seed: 7, roster, chatPerSeat: 1 });
    expect(replay(onDisk, 7, game.log, roster)).toEqual(game.state);
  });

  it('is left untouched once migrated', () => {
    expect(migrateText(text)).toEqual({ text, migration: { from: 2, migrated: false, warnings: [] } });
  });
});

describe('migration details', () => {
  it('quotes a nation that would not read the same in a list', () => {
    const source = fs.readFileSync(path.join(v1Dir, 'freedom-to-iss.yaml'), 'utf8');
    expect(source).toContain('    nation: Europe, Japan and Canada\n');
    const { text } = migrateText(source);
    expect(text).toContain('    nations: ["Europe, Japan and Canada"]\n');
    expect(load(text, 'freedom-to-iss.yaml').roles.find((r) => r.id === 'partners')!.nations).toEqual(['Europe, Japan and Canada']);
  });

  it('warns, at the card, that a v1 deck card with a condition now only becomes eligible by it', () => {
    const base = fs.readFileSync(path.join(v1Dir, 'base.yaml'), 'utf8');
    const card = base.replace(/(\nevents:\n)/, '$1  - id: dated-card\n    title: A dated card\n    text: Only once tension is high.\n    deck: 1\n    when: { track: tension, atLeast: 6 }\n    effects: []\n');
    expect(card).not.toBe(base);
    const line = card.split('\n').findIndex((l) => l.includes('when: { track: tension, atLeast: 6 }')) + 1;
    const result = loadScenario(card, 'card.yaml');
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatProblem)[1]).toBe(
      `card.yaml:${line}:11: warning: behaviour changed in v2: this deck card's "when" now only makes it eligible to be drawn; in v1 the card also fired when the condition held (make a separate conditional event if it must) (events[0].when)`,
    );
  });

  it('leaves a file of no known version to the validator', () => {
    for (const [source, from] of [['schemaVersion: 3\nid: x\n', 3], ['id: x\n', undefined], ['- a list\n', undefined], ['schemaVersion: "1"\n', undefined]] as const) {
      expect(migrateText(source)).toEqual({ text: source, migration: { from, migrated: false, warnings: [] } });
    }
  });
});

// Generated v1 scenarios: the v1 base fixture with any nation names, any pairs of roles in bans,
// and deck cards with or without conditions. Each must load as v1, migrate, and load as the same
// v2 scenario; the migrated text must parse to what migrating the data gives.
describe('every generated v1 scenario migrates and validates', () => {
  const base = parseDocument(fs.readFileSync(path.join(v1Dir, 'base.yaml'), 'utf8')).toJS() as Record<string, unknown>;
  const roles = (base.roles as { id: string }[]).map((r) => r.id);
  const nationName = fc.oneof(
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.trim().length > 0),
    fc.constantFrom('Europe, Japan and Canada', '"Quoted"', "O'Neill", 'a: b', '[x]', '#hash', 'Côte d’Ivoire', '- dash', '@at'),
  );
  const ban = fc.record({ between: fc.tuple(fc.constantFrom(...roles), fc.constantFrom(...roles)) }, { requiredKeys: ['between'] });
  const card = fc.record({ weight: fc.integer({ min: 1, max: 5 }), conditional: fc.boolean() });
  const variant = fc.record({
    nations: fc.array(nationName, { minLength: roles.length, maxLength: roles.length }),
    bans: fc.array(ban, { maxLength: 3 }),
    cards: fc.array(card, { maxLength: 3 }),
  });

  it('in memory and on disk, to the same scenario', () => {
    fc.assert(
      fc.property(variant, ({ nations, bans, cards }) => {
        const data = structuredClone(base) as Record<string, unknown> & { roles: Record<string, unknown>[]; events: Record<string, unknown>[]; constraints: Record<string, unknown>[] };
        data.roles.forEach((role, i) => (role.nation = nations[i]));
        data.constraints[0].bansDeals = bans;
        cards.forEach((c, i) =>
          data.events.push({ id: `card-${i}`, title: `Card ${i}`, text: 'A card.', deck: c.weight, ...(c.conditional ? { when: { track: 'tension', atLeast: 6 } } : {}), effects: [] }),
        );
        if (cards.length > 0) data.deck = { drawsPerRound: 1, phase: 'talks' };
        const source = stringify(data);
        const inMemory = loadScenario(source, 'v1.yaml');
        const { text, migration } = migrateText(source);
        expect(migration.warnings).toHaveLength(cards.filter((c) => c.conditional).length);
        const onDisk = loadScenario(text, 'v1.yaml');
        expect(inMemory.ok ? [] : inMemory.problems.map(formatProblem)).toEqual([]);
        expect(onDisk.ok && onDisk.warnings).toEqual([]);
        expect(inMemory.ok && onDisk.ok && onDisk.scenario).toEqual(inMemory.ok && inMemory.scenario);
        expect(parseDocument(text).toJS()).toEqual(migrateData(data).data);
      }),
      { numRuns: 60 },
    );
  });
});
