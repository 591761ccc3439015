// Two server processes on one Redis (REDIS_URL) count one budget of wrong guesses per address:
// a guesser gains nothing by spreading guesses over the processes behind nginx (docs/scaling.md).
// Needs TEST_REDIS_URL (CI provides it: .ci/run): skipped without it, except under CI where a
// missing Redis is a failure.
import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_FAILURES } from '@server/services';
import { api, tempDir } from './harness';
import { freePort, serve } from './serveProcess';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl && process.env.CI) throw new Error('TEST_REDIS_URL is not set: CI runs the shared rate-limit test against a real Redis (.ci/run starts one)');

describe.skipIf(!redisUrl)('failure budgets shared through Redis', () => {
  const urls: string[] = [];
  const children: ChildProcess[] = [];
  // A documentation address of its own per run (TRUST_PROXY=1 takes it from X-Forwarded-For),
  // so counts left in the shared Redis by an earlier run or another test never meet this one's.
  const guesser = `198.51.100.${randomInt(1, 255)}`;
  const neighbour = `203.0.113.${randomInt(1, 255)}`;
  const from = (address: string) => ({ headers: { 'X-Forwarded-For': address } });

  beforeAll(async () => {
    // A Redis database of its own: Colyseus' process list there is this test's two processes only.
    const shared = new URL(redisUrl!);
    shared.pathname = '/7';
    for (const _ of [1, 2]) {
      const port = await freePort();
      const started = await serve(port, tempDir(), undefined, { REDIS_URL: shared.toString(), TRUST_PROXY: '1', LOG_LEVEL: 'warn' });
      children.push(started.proc);
      urls.push(`http://127.0.0.1:${port}`);
    }
  }, 60_000);

  // SIGTERM: each process takes itself off Colyseus' list in Redis as it stops.
  afterAll(async () => {
    await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))));
  }, 30_000);

  it('blocks an address after max wrong codes in all, whichever process each guess reached', async () => {
    for (let i = 0; i < JOIN_FAILURES.max; i++) {
      const res = await api(urls[i % 2]!, `/api/join/WRONG${i}`, from(guesser));
      expect(res.status, `guess ${i + 1} on process ${(i % 2) + 1}`).toBe(404);
    }
    // One process alone saw only half the guesses: it refuses because the count is shared.
    for (const url of urls) {
      const refused = await api(url, '/api/join/WRONGX', from(guesser));
      expect([refused.status, refused.body.error.code]).toEqual([429, 'rate-limited']);
    }
    // The budget is per address: another address behind the same processes still gets answers.
    expect((await api(urls[0]!, '/api/join/WRONGY', from(neighbour))).status).toBe(404);
  });
});
