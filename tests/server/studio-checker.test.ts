// The studio's validator thread (server/studio/checker.ts): hostile texts cost that thread's time,
// never the game's event loop; a check past its time limit is refused and the next text gets a
// fresh thread; and its verdicts are the CLI loader's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioChecker } from '@server/studio/checker';

const SHIPPED = fs.readFileSync(path.join(import.meta.dirname, '../../scenarios/handshake-in-orbit.yaml'), 'utf8');
/** 20,000 unknown top-level keys: seconds of the loader's time (a suggestion is sought for each). */
const MANY_KEYS = Array.from({ length: 20_000 }, (_, i) => `unknown-key-${i}: 1`).join('\n');

describe('the studio validator thread', () => {
  it('checks off the event loop: the loop turns while a slow text is checked', async () => {
    const checker = new ScenarioChecker();
    expect(await checker.check(SHIPPED)).toMatchObject({ scenario: { id: 'handshake-in-orbit' }, problemCount: 0 });
    let settled = false;
    const verdict = checker.check('['.repeat(30_000)).finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(await verdict).toMatchObject({ refused: { code: 'unreadable-yaml' } });
  });

  it('refuses a text that takes longer than the limit, then checks the next one on a fresh thread', async () => {
    const checker = new ScenarioChecker(1500);
    expect(await checker.check(SHIPPED)).toMatchObject({ problemCount: 0 }); // the thread is up
    expect(await checker.check(MANY_KEYS)).toEqual({ refused: { code: 'unreadable-yaml', params: { reason: 'timeout', seconds: 1.5 } } });
    expect(await checker.check(SHIPPED)).toMatchObject({ scenario: { id: 'handshake-in-orbit' } });
  });

  it("gives the CLI loader's problems, at their line and column", async () => {
    const broken = SHIPPED.replace('walkAway: 18 ', 'walkAway: lots ');
    const checked = await new ScenarioChecker().check(broken);
    expect(checked).toMatchObject({ scenario: null, problemCount: 1 });
    if ('refused' in checked) throw new Error('refused');
    const line = broken.split('\n').findIndex((l) => l.includes('walkAway: lots')) + 1;
    expect(checked.problems[0]).toMatchObject({ line, path: 'roles[0].pointTables.astp-agreement.walkAway' });
  });
});
