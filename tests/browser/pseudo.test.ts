// The pseudo-language pass (`?lang=pseudo`: every catalogue message accented, ~40% longer and
// wrapped in ⟦ ⟧): on every screen a class uses, at every classroom width, (a) no visible text
// and no accessible name lies outside ⟦ ⟧ unless the page marks it as not from the catalogue, and
// (b) the longer strings break no layout (layoutCheck.ts: nothing scrolls sideways, no label cut
// to ambiguity). What the page marks (docs/translating.md, "The pseudo-language pass"):
//   data-text="scenario"  the scenario's texts (titles, briefings, role and seat names, deal labels,
//                         events), which come from the server in the reader's language;
//   data-text="player"    what people typed or chose (chat, statements, names, group names);
//   data-text="code"      codes that are the same in every language (join codes);
//   lang="…"              text in a stated language (the language picker's names, the marker of an
//                         untranslated scenario text).
// Numbers, times and neutral signs (· – / % …) need no marking.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { advancePhase, createSession, newPage } from './harness';
import { catalogues, joinIn } from './inLanguage';
import { checkEveryWidth, HEIGHT, WIDTHS } from './layoutCheck';
import { browserSuite } from './suite';

const suite = browserSuite();
const t = catalogues.pseudo;

/** Visible text and accessible names outside ⟦ ⟧ and outside the marked elements. Runs in the page. */
function hardCodedText(): string[] {
  const marked = '[data-text], [lang]:not(html), script, style, noscript, template';
  /** What a text shows outside ⟦ ⟧ (a message may span text nodes: an unopened ⟧ closes all before it). */
  const outside = (text: string) => {
    let depth = 0;
    let out = '';
    for (const c of text) {
      if (c === '⟦') depth++;
      else if (c === '⟧') {
        if (depth > 0) depth--;
        else out = '';
      } else if (depth === 0) out += c;
    }
    return out;
  };
  // Numbers and times (3, 1.5, 12:05) and signs every language writes the same (a required
  // field's *, a status dot, marks, arrows).
  const neutral = (text: string) => text.replace(/\d+(?:[.,:]\d+)*/g, '').replace(/[\s·•–—\-−+/×%()#…|*●○✓✗✕★→←↑↓↗▲▼▾↺]/gu, '') === '';
  const where = (el: Element) => {
    const id = el.closest('[data-testid]')?.getAttribute('data-testid');
    return `<${el.tagName.toLowerCase()}>${id ? ` in [data-testid=${id}]` : ''}`;
  };
  const found = new Set<string>();
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent ?? '';
    if (!el || !text.trim() || el.closest(marked) || getComputedStyle(el).visibility === 'hidden') continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (!neutral(outside(text))) found.add(`"${text.trim().slice(0, 60)}" ${where(el)}`);
  }
  for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
    for (const el of document.querySelectorAll(`[${attribute}]`)) {
      const text = el.getAttribute(attribute) ?? '';
      // Names of what assistive technology skips (a hidden twin textarea for autosizing) are never read.
      if (el.closest(marked) || el.closest('[aria-hidden="true"]') || el.getClientRects().length === 0 || neutral(outside(text))) continue;
      found.add(`${attribute}="${text.slice(0, 60)}" ${where(el)}`);
    }
  }
  return [...found];
}

const hardCoded = async (page: Page) => (await page.evaluate(hardCodedText)).map((text) => `hard-coded ${text}`);

/** The report as a readable list: one line per problem, with the widths it shows at. */
function readable(report: string[]): string {
  const widths = new Map<string, number[]>();
  for (const line of report) {
    const match = /^(.*?)@(\d+)(: .*)$/.exec(line);
    const key = match ? `${match[1]}${match[3]}` : line;
    widths.set(key, [...(widths.get(key) ?? []), ...(match ? [Number(match[2])] : [])]);
  }
  return [...widths].map(([line, at]) => `- ${line.replace(': ', ` @${at.join(',')}: `)}`).join('\n');
}

const TABLE_TABS = [t.table.channels, t.deals.board, t.table.tracks, t.table.moves];
const CONSOLE_TABS = [t.facilitator.overview, t.facilitator.delegations, t.facilitator.seats, t.facilitator.allChannels, t.facilitator.deals];

describe('the pseudo-language pass', () => {
  it('shows no hard-coded text and no broken layout on any screen, from 360 to 1920 px', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const report: string[] = [];
    const check = { also: hardCoded, total: t.debrief.total };

    const { page: home } = await newPage(browser);
    await home.goto(`${server.url}/?lang=pseudo`);
    await home.getByRole('article').first().waitFor();
    await checkEveryWidth(home, 'home', report, check);
    await home.goto(`${server.url}/join/${session.joinCode}?lang=pseudo`);
    await home.getByRole('textbox', { name: t.home.name }).waitFor();
    await checkEveryWidth(home, 'join', report, check);

    const { page: console } = await newPage(browser);
    await console.goto(`${server.url}/facilitator/${session.sessionId}?lang=pseudo#key=${session.facilitatorKey}&code=${session.joinCode}`);
    await console.getByTestId('connection-status').and(console.locator('[data-status="connected"]')).waitFor();
    const { page: projector } = await newPage(browser);
    await projector.goto(`${server.url}/projector/${session.joinCode}?lang=pseudo`);
    await projector.getByTestId('join-code').waitFor();

    const seated = [
      ['Ada', 'us-gov'],
      ['Boris', 'soviet-gov'],
      ['Chris', 'nasa'],
      ['Dasha', 'soviet-academy'],
    ] as const;
    // One after another: four pages loading at once on a busy machine can stall one for a minute.
    const students: Page[] = [];
    for (const [name, role] of seated) {
      const { page } = await newPage(browser);
      await joinIn(page, server.url, 'pseudo', session.joinCode, name, { role, seat: 'head' });
      students.push(page);
    }
    const [ada, , chris, dasha] = students;
    const { page: lobby } = await newPage(browser);
    await joinIn(lobby, server.url, 'pseudo', session.joinCode, 'Eve');
    await lobby.getByTestId('seat-us-gov-head').getByText('Ada').waitFor();

    await checkEveryWidth(lobby, 'lobby', report, check);
    await checkEveryWidth(ada, 'briefing', report, check);
    await checkEveryWidth(console, 'console-lobby', report, { ...check, tabs: CONSOLE_TABS.slice(0, 3) });
    await checkEveryWidth(projector, 'projector-lobby', report, check);

    // A round's moves: a public statement, then in track II a memorandum drafted (the editor
    // open), proposed and answered with a counter-proposal, and a chat message.
    await console.getByRole('tab', { name: t.facilitator.overview, exact: true }).click();
    await console.getByTestId('start-game').click();
    await ada.getByRole('textbox', { name: t.table.statementText }).fill('The United States welcomes these talks.');
    await ada.getByRole('button', { name: t.table.publish }).click();
    await projector.getByTestId('projector-statement').first().waitFor();
    await advancePhase(console, 'Track II talks');
    const openDraft = async () => {
      const tab = chris.getByRole('tab', { name: t.deals.board, exact: true });
      if (await tab.isVisible()) await tab.click();
      if (await chris.getByTestId('deal-editor-submit').isVisible()) return;
      await chris.getByTestId('new-draft').click();
      await chris.getByTestId('deal-type-select').click();
      await chris.getByRole('option', { name: /Memorandum on compatible docking/ }).click();
      for (const option of ['Androgynous common system', '1975', 'Joint working groups', 'Joint live television']) await chris.getByLabel(option).check();
    };
    await checkEveryWidth(chris, 'deal-editor', report, { ...check, prepare: openDraft });
    await chris.getByTestId('deal-editor-submit').click();
    await chris.getByTestId('deal-propose').click();
    await chris.getByTestId('deal-status').filter({ hasText: t.deals.statuses.proposed }).waitFor();
    await dasha.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    await dasha.getByRole('tab', { name: t.deals.board, exact: true }).click();
    await dasha.getByTestId('deal-d1').getByTestId('deal-counter').click();
    await dasha.getByTestId('deal-editor').getByLabel('Full access').check();
    await dasha.getByTestId('deal-editor-submit').click();
    await chris.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    await chris.getByRole('tab', { name: t.table.channels, exact: true }).click();
    await chris.getByTestId('channel-network:astronauts-and-academicians').click();
    await chris.getByTestId('chat-input').fill('Frank Borman here: what if Apollo and Soyuz could dock? A long message to wrap on a phone.');
    await chris.getByTestId('chat-input').press('Enter');
    await chris.getByRole('tab', { name: t.deals.board, exact: true }).click();
    await chris.getByTestId('deal-d1').getByText('Full access').waitFor();

    await checkEveryWidth(chris, 'table-author', report, { ...check, tabs: TABLE_TABS });
    await checkEveryWidth(dasha, 'table-counterpart', report, { ...check, tabs: TABLE_TABS });
    await checkEveryWidth(ada, 'table-government', report, { ...check, tabs: TABLE_TABS });
    await checkEveryWidth(console, 'console', report, { ...check, tabs: CONSOLE_TABS });
    await checkEveryWidth(projector, 'projector', report, check);

    // The reveal opens the debrief for everyone.
    await console.getByRole('button', { name: t.facilitator.reveal }).click();
    await console.getByRole('tab', { name: t.debrief.title, exact: true }).click();
    await console.getByTestId('debrief').waitFor();
    await checkEveryWidth(console, 'console-debrief', report, check);
    await dasha.getByRole('radiogroup').getByText(t.debrief.title, { exact: true }).click();
    await dasha.getByRole('region', { name: t.debrief.scores }).waitFor();
    await checkEveryWidth(dasha, 'debrief', report, check);
    await checkEveryWidth(projector, 'projector-revealed', report, check);

    // The Scenario Studio with a shipped scenario open.
    const { page: studio } = await newPage(browser);
    await studio.goto(`${server.url}/studio?lang=pseudo`);
    await studio.getByTestId('problems').waitFor();
    await checkEveryWidth(studio, 'studio', report, check);

    expect(report, `the pseudo-language pass found:\n${readable(report)}`).toEqual([]);
  }, 900_000);
});
