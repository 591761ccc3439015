// The projector through a session, at 1920×1080: every seat of the lobby above the fold; a long
// statement that wraps instead of running off the screen; a scientists' memorandum adopted by a
// government and ratified, both listed under "Agreements in force"; the lifted constraint's
// entry saying it no longer holds; and the final scores and discussion prompts once the
// facilitator reveals everything.
// The students play through the protocol (their screens are tested elsewhere); the facilitator
// uses the console, as in class.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { advancePhase, createSession, newPage, openConsole, VIEWPORTS } from './harness';
import { act, protocolPlayers } from './protocolPlayers';
import { browserSuite } from './suite';

const suite = browserSuite();
const { seated } = protocolPlayers();

/** Nothing on the page is wider than the window. */
async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe('the projector', () => {
  it('shows every seat, wraps statements, lists adopted memoranda and shows the scores after the reveal', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: projector } = await newPage(browser, VIEWPORTS.projector);
    await projector.goto(`${server.url}/projector/${session.joinCode}`);
    await projector.getByTestId('join-code').waitFor();
    const { page: console } = await newPage(browser);
    await openConsole(console, server.url, session);

    const join = (name: string, role: string) => seated(server.url, session.sessionId, session.joinCode, name, role);
    const [ada, boris, chris, dasha] = await Promise.all([join('Ada', 'us-gov'), join('Boris', 'soviet-gov'), join('Chris', 'nasa'), join('Dasha', 'soviet-academy')]);

    // The lobby: all 24 seats of the four delegations, who sits where, above the fold.
    await projector.getByTestId('projector-seat-soviet-academy-head').getByText('Dasha').waitFor();
    const seats = projector.locator('[data-testid^="projector-seat-"]');
    await expect(seats.count()).resolves.toBe(24);
    const lowest = await seats.evaluateAll((rows) => Math.max(...rows.map((r) => r.getBoundingClientRect().bottom)));
    expect(lowest).toBeLessThanOrEqual(VIEWPORTS.projector.height);
    await noSidewaysScroll(projector);

    await console.getByTestId('start-game').click();
    await console.getByTestId('phase-label').filter({ hasText: 'Briefing and news' }).waitFor();

    // A statement with a long unbroken word (a pasted link) wraps inside its column.
    const link = `https://example.org/${'apollo-soyuz-'.repeat(20)}`;
    await act(ada, { type: 'publicStatement', tone: 'informative', text: `Read our position: ${link}` });
    const statement = projector.getByTestId('projector-statement').first();
    await statement.getByText(link, { exact: false }).waitFor();
    const fits = await statement.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    await noSidewaysScroll(projector);

    // Track II: NASA and the Academy sign a docking memorandum.
    await advancePhase(console, 'Track II talks');
    const terms = { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' };
    await act(chris, { type: 'draftDeal', dealType: 'docking-memorandum', parties: ['nasa', 'soviet-academy'], terms });
    await act(chris, { type: 'proposeDeal', deal: 'd1' });
    await act(dasha, { type: 'acceptDeal', deal: 'd1' });
    await act(chris, { type: 'signDeal', deal: 'd1' });
    await act(dasha, { type: 'signDeal', deal: 'd1' });
    // Formal talks open in 1970-1971, never in 1969: on to round 2's track I.
    for (const label of ['Track I negotiation', 'Signature and ratification', 'Resolution', 'Briefing and news', 'Track II talks', 'Track I negotiation']) await advancePhase(console, label);
    await console.getByText('Round 2 of').first().waitFor();
    // Track I: the U.S. government adopts it; the Soviet government accepts, both sign and ratify.
    await act(ada, { type: 'adoptMemorandum', deal: 'd1', parties: ['us-gov', 'soviet-gov'] });
    await act(boris, { type: 'acceptDeal', deal: 'd2' });
    await advancePhase(console, 'Signature and ratification');
    for (const step of ['signDeal', 'ratifyDeal']) for (const government of [ada, boris]) await act(government, { type: step, deal: 'd2' });

    // Both count as in force: the agreement, saying where it came from, and the memorandum, adopted.
    const inForce = projector.getByRole('region', { name: 'Agreements in force' });
    const agreement = inForce.getByTestId('projector-deal').and(projector.locator('[data-status="inForce"]'));
    await agreement.getByText('Agreement on a joint docking flight').waitFor();
    await agreement.getByText('Grew from the Memorandum on compatible docking').waitFor();
    const memorandum = inForce.getByTestId('projector-deal').and(projector.locator('[data-status="adopted"]'));
    await memorandum.getByText('Memorandum on compatible docking').waitFor();
    await memorandum.getByText('Adopted', { exact: true }).waitFor();
    await memorandum.getByText('Adopted by a government as a proposal for the Agreement on a joint docking flight').waitFor();

    // The agreement lifts rocket secrecy: the timeline says it no longer holds.
    const lifted = projector.getByRole('region', { name: 'Timeline' }).getByTestId('timeline-constraint').filter({ hasText: 'Lifted: Rocket secrecy' });
    await lifted.getByText('No longer in force: The Soviet military forbids direct talks between NASA and the Kremlin.').waitFor();

    // No scores before the reveal; then every delegation's total, for the room.
    await expect(projector.getByTestId('projector-scores').count()).resolves.toBe(0);
    await console.getByRole('region', { name: 'Game controls' }).getByRole('button', { name: 'Reveal everything' }).click();
    const scores = projector.getByTestId('projector-scores');
    await scores.getByText('Final scores').waitFor();
    const rows = scores.getByRole('row');
    await expect(rows.count()).resolves.toBe(5);
    for (const delegation of ['U.S. government', 'Soviet government', 'NASA', 'Soviet Academy of Sciences']) {
      const cells = await rows.filter({ has: projector.getByRole('cell', { name: delegation, exact: true }) }).getByRole('cell').allTextContents();
      expect(cells.at(1)).toMatch(/^\d+ of \d+ met$/);
      expect(cells.at(-1)).toMatch(/^-?\d+(\.\d+)?$/);
    }
    // The scenario's discussion prompts, for the class.
    await projector.getByRole('region', { name: 'Discussion prompts' }).getByText('Why did the docking mechanism matter politically, not only technically?').waitFor();
    await noSidewaysScroll(projector);
  });
});
