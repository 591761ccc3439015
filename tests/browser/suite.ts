// The setup every browser test file shares, in vitest terms (harness.ts stays free of vitest so the
// screenshots script can use it too).
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, ROOT, saveEvidence, startServer, type TestServer } from './harness';

/**
 * The setup every browser test file shares: one real server and one Chromium for the file, and
 * evidence saved for any test that fails. Read `server`/`browser` inside tests (set in beforeAll).
 */
export function browserSuite(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const dir = await saveEvidence(task.name, browser, server);
    console.error(`browser test failed: evidence in ${path.relative(ROOT, dir)}`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}
