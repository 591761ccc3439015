// The facilitator console in real Chromium: seating a class (a waiting student put into a seat,
// every empty seat given to bots in one click), seats and people named as the class knows them
// (never an internal id such as `us-gov/head`), the ready badge kept whole on its seat card, what
// happens after the game ends, the New group dialog's named close button, and a countdown that
// shows the server's remaining time on a browser whose clock is off.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadCatalog } from '@server/scenarios';
import { advancePhase, createSession, joinAsStudent, newPage, openConsole } from './harness';
import { browserSuite } from './suite';

const suite = browserSuite();
const scenario = loadCatalog('scenarios').get('handshake-in-orbit')!;
const SEATS = scenario.roles.reduce((n, r) => n + r.seats.length, 0);
const LAPTOP = { width: 1366, height: 768 };

/** Ids the class never sees: roles (so "us-gov/head" too), "/seat", channel, deal type, objective
 *  and resource ids (the hyphenated ones: a one-word id is also an English word). Case-sensitive. */
const INTERNAL_ID = new RegExp(
  [
    ...scenario.roles.map((r) => `\\b${r.id}\\b`),
    ...scenario.roles.flatMap((r) => r.seats.map((s) => `/${s.id}\\b`)),
    ...[...scenario.dealTypes.map((d) => d.id), ...scenario.roles.flatMap((r) => r.objectives.map((o) => o.id)), ...scenario.resources.map((r) => r.id)]
      .filter((id) => id.includes('-'))
      .map((id) => `\\b${id}\\b`),
    '\\b(team|bilateral|network|group):[a-z0-9-]',
  ].join('|'),
);

async function internalIdsShown(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.split('\n').filter((line) => INTERNAL_ID.test(line) && !line.includes('http'));
}

/** The console's countdown, in seconds. */
async function countdown(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').first().textContent())!;
  const [minutes, seconds] = text.split(':').map(Number);
  return minutes * 60 + seconds;
}

describe('the facilitator console', () => {
  it('seats a waiting student, fills every other seat with bots in one click, and never shows an internal id', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: console_ } = await newPage(browser, LAPTOP);
    await openConsole(console_, server.url, session);
    // Dasha takes a seat herself; Chris waits for the facilitator to seat him.
    const { page: dasha } = await newPage(browser);
    await joinAsStudent(dasha, server.url, session.joinCode, 'Dasha', { role: 'soviet-academy', seat: 'head' });
    const { page: chris } = await newPage(browser);
    await joinAsStudent(chris, server.url, session.joinCode, 'Chris');
    // No debrief before the game starts.
    await expect(console_.getByRole('button', { name: 'Open the debrief' }).count()).resolves.toBe(0);
    await expect(console_.getByRole('tab', { name: 'Debrief' }).count()).resolves.toBe(0);

    await console_.getByRole('tab', { name: 'Seats' }).click();
    await console_.getByText(`${SEATS - 1} of ${SEATS} seats empty`).waitFor();
    // An empty seat is given to a bot, not "replaced".
    await console_.getByTestId('assign-nasa-head').click();
    await console_.getByRole('menu').getByText('Give to a bot').waitFor();
    await expect(console_.getByRole('menu').getByText('Replace by a bot').count()).resolves.toBe(0);
    await console_.keyboard.press('Escape');

    // Chris waits for a seat: the facilitator puts him in NASA's head seat.
    await console_.getByTestId('waiting-Chris').waitFor();
    await console_.getByRole('combobox', { name: 'Put Chris in a seat' }).click();
    await console_.getByRole('option', { name: 'NASA Administrator (head of delegation) · empty' }).click();
    await chris.getByTestId('confidential-brief').waitFor();
    await console_.getByTestId('seat-nasa-head').getByText('Chris').waitFor();
    await console_.getByText(`${SEATS - 2} of ${SEATS} seats empty`).waitFor();
    await expect(console_.getByTestId('waiting-Chris').count()).resolves.toBe(0);

    // One click (and one confirmation naming how many seats) gives every empty seat to a bot.
    const asked: string[] = [];
    console_.on('dialog', (dialog) => asked.push(dialog.message()));
    await console_.getByTestId('fill-with-bots').click();
    await console_.getByText(`0 of ${SEATS} seats empty`).waitFor();
    expect(asked).toEqual([expect.stringContaining(`Give the ${SEATS - 2} empty seats to cooperative bots?`)]);
    await expect(console_.getByTestId('fill-with-bots').isDisabled()).resolves.toBe(true);
    await expect(console_.getByTestId('seat-nasa-head').innerText()).resolves.toContain('Chris');
    // A bot reads "Bot" under its seat's title: never "Bot: Bot (…)".
    const astronaut = (await console_.getByTestId('seat-nasa-astronaut').innerText()).split('\n').map((l) => l.trim());
    expect(astronaut[0]).toBe('Astronaut (Apollo 8 veteran)');
    expect(astronaut).toContain('Bot');
    await expect(console_.locator('body').innerText()).resolves.not.toMatch(/Bot: |Bot \(/);
    expect(await internalIdsShown(console_)).toEqual([]);

    // Chris is ready (Dasha is not, so the phase goes on): the badge stays whole and the Assign
    // button stays on its card.
    await console_.getByTestId('start-game').click();
    await chris.getByTestId('ready-toggle').click();
    const seat = console_.getByTestId('seat-nasa-head');
    const badge = seat.getByText('Ready', { exact: true });
    await badge.waitFor();
    await expect(badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true);
    const card = (await console_.getByTestId('role-card-nasa').boundingBox())!;
    const assign = (await console_.getByTestId('assign-nasa-head').boundingBox())!;
    expect(assign.x + assign.width).toBeLessThanOrEqual(card.x + card.width);
    expect(assign.x).toBeGreaterThanOrEqual(card.x);

    // Every tab of a running game names seats, roles and channels as the class knows them.
    for (const tab of ['Overview', 'Delegations', 'Seats', 'All channels', 'All deals', 'Debrief']) {
      await console_.getByRole('tab', { name: tab }).click();
      await console_.getByRole('tab', { name: tab, selected: true }).waitFor();
      expect(await internalIdsShown(console_), tab).toEqual([]);
    }

    // After the end, the banner says what comes next instead of the last phase's.
    await console_.getByRole('button', { name: 'End the game' }).click();
    const over = console_.getByTestId('game-over');
    await over.getByText('Next: reveal everything').waitFor();
    await over.getByRole('button', { name: 'Reveal everything' }).click();
    await over.getByText('Everything is revealed').waitFor();
    await over.getByRole('button', { name: 'Open the debrief' }).click();
    await console_.getByTestId('debrief').waitFor();
  });

  it("the New group dialog's close button has a name (axe: button-name)", async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: console_ } = await newPage(browser);
    await openConsole(console_, server.url, session);
    const { page: ada } = await newPage(browser);
    await joinAsStudent(ada, server.url, session.joinCode, 'Ada', { role: 'us-gov', seat: 'head' });
    await console_.getByTestId('start-game').click();
    await advancePhase(console_, 'Track II talks');
    await ada.getByRole('button', { name: /New group/ }).click();
    const dialog = ada.getByRole('dialog', { name: 'New group' });
    await dialog.getByRole('button', { name: 'Close' }).waitFor();
    await ada.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await ada.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element, options: object) => Promise<{ violations: { id: string }[] }> } }).axe;
      const result = await axe.run(document.querySelector('[role="dialog"]')!, { runOnly: { type: 'rule', values: ['button-name'] } });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it("the countdown shows the server's remaining time on a browser whose clock is an hour slow or minutes fast", async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: console_ } = await newPage(browser);
    await openConsole(console_, server.url, session);
    await console_.getByTestId('start-game').click();
    // The news phase lasts 2 minutes in the 90-minute class: 2 more keep the countdown well away
    // from 0:00 while the other browsers open on a loaded machine.
    await console_.getByRole('button', { name: 'Extend' }).click();
    await console_.getByRole('timer').filter({ hasText: /^[34]:/ }).waitFor();
    const shifted = await Promise.all(
      [-3_600_000, 7 * 60_000].map(async (shift) => {
        const { page } = await newPage(browser);
        // This browser's clock is `shift` off the server's (the server runs on this machine's).
        await page.addInitScript((ms) => {
          const now = Date.now.bind(Date);
          Date.now = () => now() + ms;
        }, shift);
        await page.goto(`${server.url}/projector/${session.joinCode}`);
        await page.getByRole('timer').waitFor();
        return page;
      }),
    );
    await console_.getByRole('timer').waitFor();
    const reference = await countdown(console_);
    // Four minutes left at most: uncorrected, the slow browser would show over an hour and the
    // fast one 0:00.
    expect(reference).toBeGreaterThan(60);
    expect(reference).toBeLessThanOrEqual(240);
    for (const page of shifted) expect(Math.abs((await countdown(page)) - reference)).toBeLessThanOrEqual(3);
  });
});
