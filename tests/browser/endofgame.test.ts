// A student's way through a session's edges in real Chromium: the jargon explains itself (a
// power on the briefing, tapped on a phone; a phase chip on the table, clicked and hovered) and "How to play" opens
// from the briefing; the browser's Back from the table lands on the home page, which leads back
// to the seat; after the facilitator ends the game the table gives way to "the game is over, wait
// for the debrief", then to the debrief; the printed handout has a title and no header, tabs or
// phase banner. The console offers no "Open the debrief" before the game starts.
import { describe, expect, it } from 'vitest';
import { createSession, joinAsStudent, newPage, openConsole, STEP_TIMEOUT_MS } from './harness';
import { browserSuite } from './suite';

const suite = browserSuite();

describe('a student from the briefing to the end of the game', () => {
  it('gets explanations, finds the way back to the seat and, after the game, what happens next', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: console } = await newPage(browser);
    await openConsole(console, server.url, session);
    await console.getByTestId('start-game').waitFor();
    // Before the start there is no debrief to open.
    await expect(console.getByRole('button', { name: 'Open the debrief' }).count()).resolves.toBe(0);

    const { page: ada } = await newPage(browser);
    // Boris plays on a phone: a touch screen, no hover.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    phone.setDefaultTimeout(STEP_TIMEOUT_MS);
    const boris = await phone.newPage();
    await Promise.all([
      joinAsStudent(ada, server.url, session.joinCode, 'Ada', { role: 'us-gov', seat: 'head' }),
      joinAsStudent(boris, server.url, session.joinCode, 'Boris', { role: 'soviet-gov', seat: 'head' }),
    ]);
    // On the phone a tap on a power explains it, and a tap elsewhere puts the explanation away.
    await boris.getByTestId('power-sign').tap();
    const explanation = boris.getByRole('tooltip').getByText('This seat signs deals and memoranda for the delegation.');
    await explanation.waitFor();
    await boris.getByRole('heading', { name: 'Soviet government', exact: true }).tap();
    await explanation.waitFor({ state: 'hidden' });
    // A power on the briefing explains itself when tapped.
    await ada.getByTestId('power-ratify').click();
    await ada.getByRole('tooltip').getByText('This seat ratifies agreements for its government.').waitFor();
    // "How to play", from the briefing: the whole game on one screen.
    await ada.getByTestId('how-to-play-button').click();
    const help = ada.getByRole('dialog', { name: 'How to play' });
    for (const heading of ['Rounds and phases', 'Track I and track II', 'A deal, step by step', 'Your confidential brief and walk-away', 'Ready', 'The debrief'])
      await help.getByRole('heading', { name: heading, exact: true }).waitFor();
    await help.getByText('a deal below your walk-away is worse for you than no deal', { exact: false }).waitFor();
    await ada.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await console.getByTestId('start-game').click();
    // The phase chips say what they allow: on a tap, and on hover.
    await ada.getByTestId('allows-chat').click();
    await ada.getByRole('tooltip').getByText('Send messages in the channels open to your delegation.').waitFor();
    await ada.getByTestId('allows-statement').hover();
    await ada.getByRole('tooltip').getByText('Make a public statement that every delegation and the projector see.').waitFor();

    // The browser's Back from the table lands on the home page, which leads back to the seat.
    await ada.goBack();
    await ada.waitForURL(`${server.url}/`);
    await ada.getByRole('link', { name: `Back to your seat in Handshake in orbit (${session.joinCode})` }).click();
    await ada.waitForURL(`**/play/${session.joinCode}`);
    await ada.getByRole('heading', { name: 'U.S. government · Ada' }).waitFor();
    await ada.getByTestId('ready-toggle').waitFor();
    // The facilitator ends the game: no phase banner and no moves any more, but what comes next.
    await console.getByRole('region', { name: 'Game controls' }).getByRole('button', { name: 'End the game' }).click();
    const over = ada.getByTestId('game-over');
    await over.getByText('Wait for your instructor to open the debrief', { exact: false }).waitFor();
    await over.getByText('The facilitator ended the game.').waitFor();
    for (const gone of [ada.getByText('Allowed in this phase'), ada.getByTestId('ready-toggle'), ada.getByText('Public statement'), ada.getByTestId('new-draft')])
      await expect(gone.count()).resolves.toBe(0);
    await expect(over.getByRole('button', { name: 'Open the debrief' }).count()).resolves.toBe(0);

    // When the facilitator reveals everything, the debrief opens on the student's screen; the
    // table tab still says the game is over, with the way to the debrief.
    await console.getByRole('region', { name: 'Game controls' }).getByRole('button', { name: 'Reveal everything' }).click();
    await ada.getByTestId('debrief').getByRole('region', { name: 'Scores' }).waitFor();
    await ada.getByRole('radiogroup').getByText('Negotiation table').click();
    await over.getByRole('button', { name: 'Open the debrief' }).click();
    await ada.getByTestId('debrief').getByRole('region', { name: 'Scores' }).waitFor();

    // The printed handout: a title, no header and no tabs (the student's and the console's).
    await ada.emulateMedia({ media: 'print' });
    await expect(ada.getByRole('heading', { name: 'Handshake in orbit · U.S. government · Ada' }).isVisible()).resolves.toBe(true);
    await expect(ada.getByRole('banner').isVisible()).resolves.toBe(false);
    await expect(ada.getByRole('radiogroup').isVisible()).resolves.toBe(false);
    await console.getByRole('tab', { name: 'Debrief' }).click();
    await console.getByTestId('debrief').waitFor();
    await console.emulateMedia({ media: 'print' });
    await expect(console.getByRole('heading', { name: 'Debrief', exact: true }).isVisible()).resolves.toBe(true);
    await expect(console.getByRole('tablist').isVisible()).resolves.toBe(false);
  });
});
