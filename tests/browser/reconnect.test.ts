// A student's connection drops mid-phase: the screen says it is reconnecting, what the student
// types meanwhile waits in the outbox ("sending…"), and after the network returns (even across a
// page reload) every message arrives exactly once.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSession, joinAsStudent, newPage, openConsole, STEP_TIMEOUT_MS } from './harness';
import { browserSuite } from './suite';

const suite = browserSuite();

const status = (page: Page, value: string) => page.locator(`[data-testid="connection-status"][data-status="${value}"]`);

/** What the page keeps in its outbox (sessionStorage) until the server has the message. */
function outbox(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(sessionStorage)
      .filter((k) => k.startsWith('spacebridge.outbox'))
      .flatMap((k) => (JSON.parse(sessionStorage.getItem(k)!) as { action: { text: string } }[]).map((e) => e.action.text)),
  );
}

async function send(page: Page, text: string) {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
}

describe('a dropped connection', () => {
  it('recovers by itself and loses nothing the student typed', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: facilitator } = await newPage(browser);
    await openConsole(facilitator, server.url, session);
    const { context, page: chris } = await newPage(browser);
    await joinAsStudent(chris, server.url, session.joinCode, 'Chris', { role: 'nasa', seat: 'head' });
    const { page: dasha } = await newPage(browser);
    await joinAsStudent(dasha, server.url, session.joinCode, 'Dasha', { role: 'soviet-academy', seat: 'head' });
    await facilitator.getByTestId('start-game').click();
    await chris.getByTestId('channel-public').click();
    await send(chris, 'Before the drop');
    await dasha.getByRole('log').getByText('Before the drop').waitFor();

    // The network goes away mid-phase.
    await context.setOffline(true);
    await status(chris, 'reconnecting').waitFor();
    await send(chris, 'Is anyone still there?');
    await send(chris, 'Our engineers can visit Moscow in May.');
    await expect.poll(() => chris.getByTestId('message-sending').count(), { timeout: STEP_TIMEOUT_MS }).toBe(2);
    await expect.poll(() => outbox(chris), { timeout: STEP_TIMEOUT_MS }).toEqual(['Is anyone still there?', 'Our engineers can visit Moscow in May.']);

    // Back online: the SDK reconnects by itself and the outbox is resent.
    await context.setOffline(false);
    await status(chris, 'connected').waitFor();
    await dasha.getByRole('log').getByText('Our engineers can visit Moscow in May.').waitFor();
    await chris.getByTestId('message-sending').first().waitFor({ state: 'detached' });

    // Offline again, type, then reload as soon as the network is back: whether the old page sent
    // it or the reloaded page resends it from sessionStorage, it arrives once.
    await context.setOffline(true);
    await status(chris, 'reconnecting').waitFor();
    await send(chris, 'Docking adapters: we have a drawing.');
    await context.setOffline(false);
    await chris.reload();
    await status(chris, 'connected').waitFor();
    await dasha.getByRole('log').getByText('Docking adapters: we have a drawing.').waitFor();
    // The reloaded page kept its seat (seat token) and empties its outbox once the server has it.
    await chris.getByTestId('channel-public').waitFor();
    await expect.poll(() => outbox(chris), { timeout: STEP_TIMEOUT_MS }).toEqual([]);
    // One more message after that: a late duplicate would reach the channel before it.
    await chris.getByTestId('channel-public').click();
    await send(chris, 'Over and out.');

    // Each message exactly once, in the order typed, on both screens.
    for (const page of [dasha, chris]) {
      await page.getByTestId('channel-public').click();
      await page.getByRole('log').getByText('Over and out.').waitFor();
      const texts = await page.getByRole('log').locator('p').allTextContents();
      const ours = texts.filter((text) => /Before the drop|anyone|engineers|Docking/.test(text));
      expect(ours).toEqual(['Before the drop', 'Is anyone still there?', 'Our engineers can visit Moscow in May.', 'Docking adapters: we have a drawing.']);
    }
  });
});

describe('a page reloaded while the server is unreachable', () => {
  it('finds its session by itself once the server answers again', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: chris } = await newPage(browser);
    await joinAsStudent(chris, server.url, session.joinCode, 'Chris');
    // The first lookups of the join code fail as a refused connection would.
    let refused = 0;
    await chris.route('**/api/join/**', (route) => (refused++ < 2 ? route.abort('connectionrefused') : route.continue()));
    await chris.reload();
    await chris.getByRole('alert').getByText('The server cannot be reached.').waitFor();
    await status(chris, 'connected').waitFor();
    expect(refused).toBeGreaterThanOrEqual(3);
    expect(await chris.getByText('The server cannot be reached.').count()).toBe(0);
  });
});
