// `npm start` on a fresh data directory opens a demo session and prints how to join it, also
// when an instructor key was issued before the first start (which creates the data file).
import { execFileSync, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './harness';
import { freePort, serve } from './serveProcess';

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

describe('serve: the first start', () => {
  it('opens a demo session even after `instructor add` created the data file', async () => {
    const dataDir = tempDir();
    execFileSync(process.execPath, ['bin/spacebridge.mjs', 'instructor', 'add', 'Ada', '--data-dir', dataDir]);
    const port = await freePort();
    const started = await serve(port, dataDir, 'A demo session of');
    child = started.proc;
    const code = /with the code (\S+)/.exec(started.output())?.[1];
    expect(code).toBeTruthy();
    const lookup = await fetch(`http://127.0.0.1:${port}/api/join/${code}`);
    expect(lookup.status).toBe(200);
  });
});
