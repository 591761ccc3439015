// Golden replays: one scripted full game of every shipped scenario (fixed seed, fixed plan). The
// log replays to the live state field for field, and the final scores match the recorded ones.
// A scenario edit changes its fingerprint; review the new outcome, then regenerate with
//   UPDATE_GOLDEN=1 npx vitest run tests/engine/golden.test.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { replay, score } from '@shared/engine';
import { fullRoster, shipped } from './helpers';
import { playScripted } from './plan';

const GOLDEN_FILE = fileURLToPath(new URL('./fixtures/golden-scores.json', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
const names = readdirSync(fileURLToPath(new URL('../../scenarios/', import.meta.url)))
  .filter((f) => /^[^.]+\.yaml$/.test(f)) // scenarios, not their translations (<id>.<language>.yaml)
  .map((f) => f.replace(/\.yaml$/, ''));

interface Golden {
  fingerprint: string;
  actions: number;
  outcome: string;
  deals: Record<string, string>;
  scores: Record<string, number>;
}
const golden: Record<string, Golden> = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8'));

/** FNV-1a over the scenario's JSON: changes whenever the scenario does. */
function fingerprint(value: unknown): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(value)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

describe.each(names)('golden game of %s', (name) => {
  const scenario = shipped(name);
  const roster = fullRoster(scenario);
  const { log, state } = playScripted(scenario, { seed: 42, roster, chatPerSeat: 2 });
  const record: Golden = {
    fingerprint: fingerprint(scenario),
    actions: log.length,
    outcome: state.outcome?.reason ?? 'unfinished',
    deals: Object.fromEntries(Object.values(state.deals).map((d) => [d.id, `${d.dealType}: ${d.status}`])),
    scores: Object.fromEntries(score(state, scenario).map((s) => [s.role, s.total])),
  };

  test('the scripted game reaches the end with agreements in force', () => {
    expect(state.status).toBe('ended');
    expect(Object.values(state.deals).some((d) => d.status === 'inForce' || d.status === 'adopted')).toBe(true);
  });

  test('replaying the log rebuilds the state field for field', () => {
    expect(replay(scenario, 42, log, roster)).toEqual(state);
  });

  test('final scores match the recorded game', () => {
    if (update) {
      golden[name] = record;
      return;
    }
    const expected = golden[name];
    expect(expected, `no golden game for ${name}: run UPDATE_GOLDEN=1 npx vitest run tests/engine/golden.test.ts`).toBeDefined();
    if (expected.fingerprint !== record.fingerprint)
      throw new Error(`scenarios/${name}.yaml changed since its golden game was recorded: review the outcome below, then regenerate.\n${JSON.stringify(record, null, 2)}`);
    expect(record).toEqual(expected);
  });
});

afterAll(() => {
  if (update) writeFileSync(GOLDEN_FILE, `${JSON.stringify(golden, null, 2)}\n`);
});
