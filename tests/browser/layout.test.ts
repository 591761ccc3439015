// Every screen a student, the facilitator and the projector see, at phone (360, 390), tablet (820),
// laptop (1366) and projector (1920) widths: nothing scrolls sideways, and no seat title, channel
// name, deal title or chip is cut so that it reads like another (or, for chips, cut at all).
// One session serves every screen: the lobby, the briefing, the table with a deal proposed, the
// console, the projector, then the debrief after "Reveal everything".
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { advancePhase, createSession, joinAsStudent, newPage, openConsole } from './harness';
import { checkEveryWidth, HEIGHT, settle, WIDTHS } from './layoutCheck';
import { browserSuite } from './suite';

const suite = browserSuite();

const TABLE_TABS = ['Channels', 'Deal board', 'World', 'Moves'];
const CONSOLE_TABS = ['Overview', 'Delegations', 'Seats', 'All channels', 'All deals', 'Debrief'];

/** The header names who the student plays (delegation and name), at a phone's width too. */
async function headerNames(page: Page, role: string, name: string): Promise<string[]> {
  await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
  await settle(page);
  const heading = page.getByRole('banner').getByRole('heading', { level: 1 });
  // Its text, if none of it is clipped (the title may take two lines, not more).
  const text = (await heading.isVisible()) ? await heading.evaluate((el) => (el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1 ? (el as HTMLElement).innerText : '')) : '';
  return text.includes(name) && text.includes(role) ? [] : [`header@${WIDTHS[0]} shows "${text}", not ${role} and ${name}`];
}

describe('layout at every width', () => {
  it('no screen scrolls sideways and no label is cut to ambiguity, from 360 to 1920 px', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const report: string[] = [];

    const { page: home } = await newPage(browser);
    await home.goto(server.url);
    await home.getByRole('article').first().waitFor();
    await checkEveryWidth(home, 'home', report);
    await home.goto(`${server.url}/join/${session.joinCode}`);
    await home.getByRole('textbox', { name: 'Your name' }).waitFor();
    await checkEveryWidth(home, 'join', report);

    const { page: console } = await newPage(browser);
    await openConsole(console, server.url, session);
    const { page: projector } = await newPage(browser);
    await projector.goto(`${server.url}/projector/${session.joinCode}`);
    await projector.getByTestId('join-code').waitFor();

    // Four heads of delegation, and one student without a seat who stays in the lobby.
    const seated = [
      ['Ada', 'us-gov'],
      ['Boris', 'soviet-gov'],
      ['Chris', 'nasa'],
      ['Dasha', 'soviet-academy'],
    ] as const;
    const [ada, , chris, dasha] = await Promise.all(
      seated.map(async ([name, role]) => {
        const { page } = await newPage(browser);
        await joinAsStudent(page, server.url, session.joinCode, name, { role, seat: 'head' });
        return page;
      }),
    );
    const { page: lobby } = await newPage(browser);
    await joinAsStudent(lobby, server.url, session.joinCode, 'Eve');
    await lobby.getByTestId('seat-us-gov-head').getByText('Ada').waitFor();

    await checkEveryWidth(lobby, 'lobby', report);
    // Each seat says what it may do, in plain words.
    await expect(lobby.getByTestId('seat-us-gov-head').getByTestId('seat-powers').innerText()).resolves.toBe('Can propose, sign, ratify, act, speak');
    await expect(lobby.getByTestId('seat-us-gov-analyst').getByTestId('seat-powers').innerText()).resolves.toBe('Can propose');
    await checkEveryWidth(ada, 'briefing', report);
    await checkEveryWidth(console, 'console-lobby', report, { tabs: CONSOLE_TABS.slice(0, 3) });
    await checkEveryWidth(projector, 'projector-lobby', report);

    // Track II: NASA drafts a memorandum with the Academy (the editor open), then proposes it.
    await console.getByRole('tab', { name: 'Overview', exact: true }).click();
    await console.getByTestId('start-game').click();
    await advancePhase(console, 'Track II talks');
    // The table's layout changes at 1200 px (tabs, then columns), which closes an open editor.
    const openDraft = async () => {
      const tab = chris.getByRole('tab', { name: 'Deal board', exact: true });
      if (await tab.isVisible()) await tab.click();
      if (await chris.getByTestId('deal-editor-submit').isVisible()) return;
      await chris.getByTestId('new-draft').click();
      await chris.getByTestId('deal-type-select').click();
      await chris.getByRole('option', { name: /Memorandum on compatible docking/ }).click();
      for (const option of ['Androgynous common system', '1975', 'Joint working groups', 'Joint live television']) await chris.getByLabel(option).check();
    };
    await checkEveryWidth(chris, 'deal-editor', report, { prepare: openDraft });
    await chris.getByTestId('deal-editor-submit').click();
    await chris.getByTestId('deal-propose').click();
    await chris.getByTestId('deal-status').filter({ hasText: 'Proposed' }).waitFor();
    await chris.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    await chris.getByRole('tab', { name: 'Channels', exact: true }).click();
    await chris.getByTestId('channel-network:astronauts-and-academicians').click();
    await chris.getByTestId('chat-input').fill('Frank Borman here: what if Apollo and Soyuz could dock? A long message to wrap on a phone.');
    await chris.getByTestId('chat-input').press('Enter');

    await checkEveryWidth(chris, 'table-author', report, { tabs: TABLE_TABS });
    await checkEveryWidth(dasha, 'table-counterpart', report, { tabs: TABLE_TABS });
    await checkEveryWidth(ada, 'table-government', report, { tabs: TABLE_TABS });
    report.push(...(await headerNames(chris, 'NASA', 'Chris')), ...(await headerNames(dasha, 'Soviet Academy of Sciences', 'Dasha')));
    await checkEveryWidth(console, 'console', report, { tabs: CONSOLE_TABS.slice(0, 5) });
    await checkEveryWidth(projector, 'projector', report);

    // The reveal opens the debrief for everyone.
    await console.getByRole('button', { name: 'Reveal everything' }).click();
    await console.getByRole('tab', { name: 'Debrief', exact: true }).click();
    await console.getByTestId('debrief').waitFor();
    await checkEveryWidth(console, 'console-debrief', report);
    await dasha.getByRole('radiogroup').getByText('Debrief', { exact: true }).click();
    await dasha.getByRole('region', { name: 'Scores' }).waitFor();
    await checkEveryWidth(dasha, 'debrief', report);
    await checkEveryWidth(projector, 'projector-revealed', report);

    expect(report).toEqual([]);
  }, 600_000);
});
