// A whole round played in real Chromium against the real server: an instructor creates a session
// from the home page, four students join in their own browser contexts, read their briefs, talk
// in public, bilateral and track II channels, draft and counter a memorandum, adopt it as a
// government agreement, accept, sign, ratify, see events, and reach round 2.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { advancePhase, joinAsStudent, newPage } from './harness';
import { browserSuite } from './suite';

const suite = browserSuite();

/** The session's seed, which decides the news card drawn in round 1 (see below). */
const SEED = 1;

const deal = (page: Page, id: string) => page.getByTestId(`deal-${id}`);

async function say(page: Page, channel: string, text: string) {
  await page.getByTestId(`channel-${channel}`).click();
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
}

async function seesMessage(page: Page, channel: string, text: string) {
  await page.getByTestId(`channel-${channel}`).click();
  await page.getByRole('log').getByText(text).waitFor();
}

describe('a round of Handshake in orbit in the browser', () => {
  it('is played from the lobby to round 2 by a facilitator and four students', async () => {
    // The instructor creates a session from the home page and lands on the console.
    const { server, browser } = suite;
    const { page: facilitator } = await newPage(browser);
    // The home page lets the server draw a random seed. The seed decides the news card of round 1,
    // which the test checks on every screen: the test fixes the seed.
    await facilitator.route('**/api/sessions', (route) =>
      route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), seed: SEED }) }),
    );
    await facilitator.goto(server.url);
    await facilitator.getByRole('article', { name: 'Handshake in orbit' }).getByRole('button', { name: 'Create a session' }).click();
    await facilitator.waitForURL(/\/facilitator\/[^#]+#key=/);
    const joinCode = (await facilitator.getByTestId('join-code').first().textContent())!.trim();
    expect(joinCode).toMatch(/^[A-Z0-9]{4,12}$/);

    // Four students join with the code and take the heads of delegation.
    const seats = [
      ['Ada', 'us-gov'],
      ['Boris', 'soviet-gov'],
      ['Chris', 'nasa'],
      ['Dasha', 'soviet-academy'],
    ] as const;
    const [ada, boris, chris, dasha] = await Promise.all(
      seats.map(async ([name, role]) => {
        const { page } = await newPage(browser);
        await joinAsStudent(page, server.url, joinCode, name, { role, seat: 'head' });
        return page;
      }),
    );
    // Each reads a confidential brief with its own point table and walk-away.
    await expect(ada.getByTestId('confidential-brief').textContent()).resolves.toContain('Walk-away value');
    await ada.getByText('CONFIDENTIAL').first().waitFor();
    await facilitator.getByRole('tab', { name: 'Seats' }).click();
    await facilitator.getByTestId('seat-soviet-academy-head').getByText('Dasha').waitFor();
    await facilitator.getByRole('tab', { name: 'Overview' }).click();

    await facilitator.getByTestId('start-game').click();
    await facilitator.getByTestId('phase-label').filter({ hasText: 'Briefing and news' }).waitFor();

    // Briefing and news: public chat reaches everyone; drafting is refused, with a reason shown
    // next to the draft.
    await ada.getByTestId('channel-public').waitFor();
    await say(ada, 'public', 'The United States welcomes these talks.');
    await seesMessage(boris, 'public', 'The United States welcomes these talks.');
    await chris.getByTestId('new-draft').click();
    await chris.getByTestId('deal-type-select').click();
    await chris.getByRole('option', { name: /Memorandum on compatible docking/ }).click();
    for (const option of ['Androgynous common system', '1975', 'Joint working groups', 'Joint live television']) await chris.getByLabel(option).check();
    await chris.getByTestId('deal-editor-submit').click();
    const refusal = chris.getByTestId('deal-editor').getByTestId('action-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('wrong-phase');
    expect(await refusal.textContent()).toContain('Drafts are not allowed in the Briefing and news phase');

    // Track II talks: the scientists' network, a memorandum drafted, countered, accepted, signed.
    await advancePhase(facilitator, 'Track II talks');
    await say(chris, 'network:astronauts-and-academicians', 'What if Apollo and Soyuz could dock?');
    await dasha.getByTestId('channel-network:astronauts-and-academicians').getByTestId('unread-count').waitFor();
    await seesMessage(dasha, 'network:astronauts-and-academicians', 'What if Apollo and Soyuz could dock?');
    await chris.getByTestId('deal-editor-submit').click();
    await deal(chris, 'd1').getByTestId('deal-propose').click();
    await deal(dasha, 'd1').getByTestId('deal-status').filter({ hasText: 'Proposed' }).waitFor();

    await deal(dasha, 'd1').getByTestId('deal-counter').click();
    await dasha.getByTestId('deal-editor').getByLabel('Full access').check();
    await dasha.getByTestId('deal-editor-submit').click();
    await deal(chris, 'd1').getByText('Full access').waitFor();
    await deal(chris, 'd1').getByTestId('deal-accept').click();
    await deal(chris, 'd1').getByTestId('deal-status').filter({ hasText: 'Accepted' }).waitFor();
    await deal(chris, 'd1').getByTestId('deal-sign').click();
    await deal(dasha, 'd1').getByTestId('deal-sign').click();
    await deal(ada, 'd1').getByTestId('deal-status').filter({ hasText: 'In force' }).waitFor();
    // Formal talks never open in 1969: round 1 ends with the memorandum alone; round 2 opens with
    // its scheduled event, and the memorandum in force opens formal talks (everyone's news feed).
    for (const label of ['Track I negotiation', 'Signature and ratification', 'Resolution']) await advancePhase(facilitator, label);
    await facilitator.getByTestId('advance-phase').click();
    await facilitator.getByText('Round 2 of 4').waitFor();
    await dasha.getByText('Round 2 of 4').waitFor();
    await dasha.getByText('Paine and Blagonravov talk in New York (1970)').first().waitFor();
    await ada.getByText('Formal talks on a joint flight begin').first().waitFor();

    // Track I: the U.S. government adopts the memorandum; the Soviet government accepts after a
    // word on the bilateral channel.
    await advancePhase(facilitator, 'Track II talks');
    await advancePhase(facilitator, 'Track I negotiation');
    await say(ada, 'bilateral:soviet-gov:us-gov', 'We propose the scientists\' terms.');
    await seesMessage(boris, 'bilateral:soviet-gov:us-gov', 'We propose the scientists\' terms.');
    await deal(ada, 'd1').getByTestId('deal-adopt').click();
    await ada.getByTestId('deal-editor-submit').click();
    await deal(boris, 'd2').getByTestId('deal-status').filter({ hasText: 'Proposed' }).waitFor();
    await deal(boris, 'd2').getByTestId('deal-value').waitFor();
    await deal(boris, 'd2').getByTestId('deal-accept').click();
    await deal(ada, 'd2').getByTestId('deal-status').filter({ hasText: 'Accepted' }).waitFor();

    // Signature and ratification: both sign, both ratify, the agreement enters into force.
    await advancePhase(facilitator, 'Signature and ratification');
    await deal(ada, 'd2').getByTestId('deal-sign').click();
    await deal(boris, 'd2').getByTestId('deal-sign').click();
    await deal(ada, 'd2').getByTestId('deal-ratify').click();
    await deal(boris, 'd2').getByTestId('deal-ratify').click();
    await deal(chris, 'd2').getByTestId('deal-status').filter({ hasText: 'In force' }).waitFor();
    await deal(ada, 'd2').getByTestId('party-soviet-gov').getByText('ratified').waitFor();
  });
});
