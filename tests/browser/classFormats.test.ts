// Class formats and the facilitator guide in real Chromium: the instructor picks the short game
// on the home page and the session plays 3 rounds at its minutes, with its class plan on the
// console and the projector; the console's Guide tab renders the scenario's guide (GitHub tables,
// raw HTML's tags dropped), prints on its own, and says so when a scenario has none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, newPage, openConsole } from './harness';
import { browserSuite } from './suite';

// The server of this file reads its guides from here (harness.startServer passes the environment on).
const guideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spacebridge-guides-'));
fs.writeFileSync(
  path.join(guideDir, 'handshake-in-orbit.md'),
  [
    '# Facilitator guide: Handshake in orbit',
    '',
    '## Class plan',
    '',
    '| Part | Minutes |',
    '| --- | --- |',
    '| Reading | 10 |',
    '| Play | 56 |',
    '',
    '<b data-testid="raw-html">raw HTML is not rendered</b>',
    '',
    '## Debrief questions',
    '',
    '- Why did the scientists talk first?',
  ].join('\n'),
);
process.env.GUIDE_DIR = guideDir;

const suite = browserSuite();

describe('class formats', () => {
  it('the instructor opens a short game from the home page: 3 rounds at its minutes, its plan on the console and the projector', async () => {
    const { server, browser } = suite;
    const { page } = await newPage(browser);
    await page.goto(`${server.url}/`);
    const card = page.getByRole('article', { name: 'Handshake in orbit' });
    // The 90-minute class is chosen unless the instructor picks another format.
    await expect(card.getByRole('radio', { name: '90-minute class' }).isChecked()).resolves.toBe(true);
    await card.getByRole('radio', { name: 'Short game (3 rounds, one hour)' }).check();
    await card.getByTestId('class-plan').filter({ hasText: '42 min (3 rounds of 14 min)' }).waitFor();
    await card.getByRole('button', { name: 'Create a session' }).click();
    await page.waitForURL('**/facilitator/**');
    await page.getByTestId('connection-status').and(page.locator('[data-status="connected"]')).waitFor();

    const plan = page.getByTestId('class-plan');
    await plan.filter({ hasText: 'Reading 8 min' }).filter({ hasText: 'Debrief 10 min' }).filter({ hasText: '60 min in all' }).waitFor();
    await page.getByTestId('time-budget').filter({ hasText: 'about 8 min to read' }).waitFor();
    await page.getByTestId('start-game').click();
    await page.getByText('Round 1 of 3 · 1969').waitFor();
    // 2 minutes of news, then the rest of the round and two more rounds: 42 minutes of play.
    await page.getByTestId('time-budget').filter({ hasText: /Play left: about 4[12] of 42 min, then 10 min of debrief/ }).waitFor();

    const joinCode = decodeURIComponent(new URL(page.url()).hash).match(/code=(\w+)/)![1];
    const { page: projector } = await newPage(browser, { width: 1920, height: 1080 });
    await projector.goto(`${server.url}/projector/${joinCode}`);
    await projector.getByText('Round 1 of 3 · 1969').waitFor();
    await projector.getByTestId('time-budget').filter({ hasText: 'of 42 min' }).waitFor();
  });
});

describe('the facilitator guide', () => {
  it('renders in the console, tables included and raw HTML left out, and prints on its own', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page } = await newPage(browser);
    await openConsole(page, server.url, session);
    await page.getByRole('tab', { name: 'Guide' }).click();
    const guide = page.getByTestId('guide');
    await guide.getByRole('heading', { name: 'Facilitator guide: Handshake in orbit', level: 1 }).waitFor();
    await expect(guide.getByRole('table').getByRole('row').count()).resolves.toBe(3);
    await expect(guide.getByRole('cell', { name: '56' }).count()).resolves.toBe(1);
    // The tags of raw HTML are dropped (the words between them stay, as plain text).
    await guide.getByText('raw HTML is not rendered').waitFor();
    await expect(page.getByTestId('raw-html').count()).resolves.toBe(0);
    await expect(guide.locator('b').count()).resolves.toBe(0);

    await page.emulateMedia({ media: 'print' });
    await expect(guide.isVisible()).resolves.toBe(true);
    for (const hidden of [page.getByRole('button', { name: 'Print the guide' }), page.getByTestId('start-game'), page.getByRole('tab', { name: 'Guide' })]) {
      await expect(hidden.isVisible()).resolves.toBe(false);
    }
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('button', { name: 'Print the guide' }).isVisible()).resolves.toBe(true);
  });

  it('says so when the scenario has no guide', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url, 'freedom-to-iss');
    const { page } = await newPage(browser);
    await openConsole(page, server.url, session);
    await page.getByRole('tab', { name: 'Guide' }).click();
    await page.getByTestId('no-guide').filter({ hasText: 'No guide for this scenario.' }).waitFor();
  });
});
