// `npm run screenshots`: plays a short session on a fresh server and writes a PNG of every
// screen at laptop (1280x800), tablet (768x1024) and phone (390x844) sizes, plus the projector at
// 1920x1080, into docs/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Instructors } from '@server/instructors';
import { openStore } from '@server/store/openStore';
import { advancePhase, createSession, ensureClientBuilt, joinAsStudent, launchBrowser, newPage, openConsole, ROOT, startServer, VIEWPORTS, type TestServer } from './harness';
import { catalogues, joinIn } from './inLanguage';

const OUT = path.join(ROOT, 'docs', 'screenshots');
const only = process.argv[2];

async function shot(page: Page, name: string, sizes: (keyof typeof VIEWPORTS)[] = ['laptop', 'tablet', 'phone']) {
  if (only && !name.includes(only)) return;
  for (const size of sizes) {
    await page.setViewportSize(VIEWPORTS[size]);
    await page.waitForTimeout(250);
    const file = path.join(OUT, `${name}-${size}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

/** The home page of an instructor whose studio key is on the device: their library scenarios
 *  (private and shared) and one another instructor shares, above the shipped ones. */
async function libraryHome(browser: Browser, server: TestServer) {
  if (!server.dataDir || (only && !'home-library'.includes(only))) return;
  const store = await openStore({ dataDir: server.dataDir });
  const instructors = new Instructors(store.db);
  const [ada, grace] = [(await instructors.add('Ada Lovelace', Date.now())).key, (await instructors.add('Grace Hopper', Date.now())).key];
  await store.close();
  const text = fs.readFileSync(path.join(ROOT, 'scenarios', 'handshake-in-orbit.yaml'), 'utf8');
  const saves = [
    [grace, 'Handshake in orbit (Grace Hopper seminar)', 'shared'],
    [ada, 'Handshake in orbit (short reading)', 'private'],
    [ada, 'Handshake in orbit (with press)', 'shared'],
  ] as const;
  for (const [key, title, visibility] of saves) {
    const response = await fetch(`${server.url}/api/studio/scenarios`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ yaml: text.replace('title: Handshake in orbit', `title: ${title}`), visibility }),
    });
    if (!response.ok) throw new Error(`save a library scenario: ${response.status} ${await response.text()}`);
  }
  const { page } = await newPage(browser);
  await page.goto(server.url);
  await page.evaluate((key) => localStorage.setItem('spacebridge.instructorKey', key), ada);
  await page.reload();
  await page.getByRole('article', { name: 'Handshake in orbit (Grace Hopper seminar)' }).getByRole('radio').first().waitFor();
  await shot(page, 'home-library', ['laptop']);
  await page.close();
}

/** The table of one session as three students see it, each in their language (English for NASA,
 *  Russian for the Soviet Academy, Chinese for the U.S. government), mid-round: a statement, a
 *  memorandum in force, chat in two languages. table-<lang>-<width>.png at 1366 and 390 px wide,
 *  and the projector in Russian and Chinese at 1920. */
async function tablesInLanguages(browser: Browser, server: TestServer) {
  if (only && only !== 'languages' && !['table-en', 'table-ru', 'table-zh', 'projector-ru', 'projector-zh'].some((name) => name.includes(only))) return;
  const session = await createSession(server.url);
  const facilitator = (await newPage(browser)).page;
  await openConsole(facilitator, server.url, session);
  const [chris, dasha, ada] = await Promise.all(
    ([['en', 'Chris', 'nasa'], ['ru', 'Даша', 'soviet-academy'], ['zh', '李艾达', 'us-gov']] as const).map(async ([lang, name, role]) => {
      const { page } = await newPage(browser);
      await joinIn(page, server.url, lang, session.joinCode, name, { role, seat: 'head' });
      return page;
    }),
  );
  const projectors = await Promise.all(
    (['ru', 'zh'] as const).map(async (lang) => {
      const { page } = await newPage(browser, VIEWPORTS.projector);
      await page.goto(`${server.url}/projector/${session.joinCode}?lang=${lang}`);
      await page.getByTestId('join-code').waitFor();
      return [lang, page] as const;
    }),
  );
  await facilitator.getByTestId('start-game').click();
  await facilitator.getByTestId('phase-label').filter({ hasText: 'Briefing and news' }).waitFor();
  await ada.getByRole('textbox', { name: catalogues.zh.table.statementText }).fill('美国欢迎这些会谈，并愿意讨论联合飞行。');
  await ada.getByRole('button', { name: catalogues.zh.table.publish }).click();
  await advancePhase(facilitator, 'Track II talks');
  await chris.getByTestId('channel-network:astronauts-and-academicians').click();
  await chris.getByTestId('chat-input').fill('Frank Borman here: what if Apollo and Soyuz could dock?');
  await chris.getByTestId('chat-input').press('Enter');
  await dasha.getByTestId('channel-network:astronauts-and-academicians').click();
  await dasha.getByRole('log').getByText('Frank Borman here').waitFor();
  await dasha.getByTestId('chat-input').fill('Добрый день! Академия за совместный полёт.');
  await dasha.getByTestId('chat-input').press('Enter');
  await chris.getByTestId('new-draft').click();
  await chris.getByTestId('deal-type-select').click();
  await chris.getByRole('option', { name: /Memorandum on compatible docking/ }).click();
  for (const option of ['Androgynous common system', '1975', 'Joint working groups', 'Joint live television']) await chris.getByLabel(option).check();
  await chris.getByTestId('deal-editor-submit').click();
  await chris.getByTestId('deal-propose').click();
  await dasha.getByTestId('deal-d1').getByTestId('deal-accept').click();
  await chris.getByTestId('deal-d1').getByTestId('deal-sign').click();
  await dasha.getByTestId('deal-d1').getByTestId('deal-sign').click();
  await ada.getByTestId('deal-d1').getByTestId('deal-status').filter({ hasText: catalogues.zh.deals.statuses.inForce }).waitFor();
  for (const [lang, page] of [['en', chris], ['ru', dasha], ['zh', ada]] as const) {
    if (only && only !== 'languages' && !`table-${lang}`.includes(only)) continue;
    for (const size of [{ width: 1366, height: 768 }, VIEWPORTS.phone]) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByTestId('phase-label').waitFor();
      const file = path.join(OUT, `table-${lang}-${size.width}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  }
  for (const [lang, page] of projectors) {
    if (only && only !== 'languages' && !`projector-${lang}`.includes(only)) continue;
    const file = path.join(OUT, `projector-${lang}-1920.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
  for (const page of [facilitator, chris, dasha, ada, ...projectors.map(([, p]) => p)]) await page.context().close();
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  if (!process.env.SPACEBRIDGE_URL) ensureClientBuilt();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const session = await createSession(server.url);
    const { page: home } = await newPage(browser);
    await home.goto(server.url);
    await home.getByText('Handshake in orbit').first().waitFor();
    await shot(home, 'home');
    await libraryHome(browser, server);
    await tablesInLanguages(browser, server);
    // `npm run screenshots -- languages`: those alone, without the long session below.
    if (only === 'languages') return;

    const { page: console } = await newPage(browser);
    await openConsole(console, server.url, session);

    const students = [
      { name: 'Ada', seat: { role: 'us-gov', seat: 'head' } },
      { name: 'Boris', seat: { role: 'soviet-gov', seat: 'head' } },
      { name: 'Chris', seat: { role: 'nasa', seat: 'head' } },
      { name: 'Dasha', seat: { role: 'soviet-academy', seat: 'head' } },
    ];
    const pages: Page[] = [];
    for (const s of students) {
      const { page } = await newPage(browser);
      await joinAsStudent(page, server.url, session.joinCode, s.name, s === students[0] ? undefined : s.seat);
      pages.push(page);
    }
    const [ada, , chris, dasha] = pages;
    await shot(ada, 'lobby');
    await ada.getByTestId('seat-us-gov-head').getByRole('button').click();
    await ada.getByTestId('confidential-brief').waitFor();
    await shot(ada, 'briefing');

    const { page: projector } = await newPage(browser, VIEWPORTS.projector);
    await projector.goto(`${server.url}/projector/${session.joinCode}`);
    await projector.getByTestId('join-code').waitFor();
    await shot(projector, 'projector-lobby', ['projector', 'laptop']);

    await console.getByRole('tab', { name: 'Seats' }).click();
    await shot(console, 'facilitator-seats');
    await console.getByRole('tab', { name: 'Overview' }).click();
    await console.getByTestId('start-game').click();
    await console.getByTestId('phase-label').filter({ hasText: 'Briefing and news' }).waitFor();

    // Some talk, a statement, then track II: a memorandum drafted by NASA.
    await ada.getByTestId('chat-input').fill('Good morning, delegates. The United States welcomes these talks.');
    await ada.getByTestId('chat-input').press('Enter');
    await advancePhase(console, 'Track II talks');
    await chris.getByTestId('channel-network:astronauts-and-academicians').click();
    await chris.getByTestId('chat-input').fill('Frank Borman here: what if Apollo and Soyuz could dock?');
    await chris.getByTestId('chat-input').press('Enter');
    await shot(chris, 'table-start');
    await chris.getByTestId('new-draft').click();
    await chris.getByTestId('deal-type-select').click();
    await chris.getByRole('option', { name: /Memorandum on compatible docking/ }).click();
    for (const option of ['Androgynous common system', '1975', 'Joint working groups', 'Joint live television']) await chris.getByLabel(option).check();
    await shot(chris, 'table-draft', ['laptop']);
    await chris.getByTestId('deal-editor-submit').click();
    await chris.getByTestId('deal-propose').click();
    await chris.getByTestId('deal-status').filter({ hasText: 'Proposed' }).waitFor();
    await shot(dasha, 'table-counterpart');
    await dasha.getByTestId('deal-d1').getByTestId('deal-accept').click();
    await chris.getByTestId('deal-d1').getByTestId('deal-sign').click();
    await dasha.getByTestId('deal-d1').getByTestId('deal-sign').click();
    await ada.getByTestId('deal-d1').getByTestId('deal-status').filter({ hasText: 'In force' }).waitFor();
    await advancePhase(console, 'Track I negotiation');
    await advancePhase(console, 'Signature and ratification');
    await advancePhase(console, 'Resolution');
    await ada.getByRole('textbox', { name: 'Statement' }).fill('Today scientists of two nations showed the way. The United States is ready to follow.');
    await ada.getByRole('button', { name: 'Publish' }).click();
    await projector.getByText('Today scientists of two nations').first().waitFor();
    await console.getByTestId('advance-phase').click();
    await console.getByText('Round 2 of 4').waitFor();
    await shot(chris, 'table');
    await shot(console, 'facilitator');
    await shot(projector, 'projector', ['projector', 'laptop']);

    await console.getByRole('button', { name: 'Reveal everything' }).click();
    await console.getByRole('tab', { name: 'Debrief' }).click();
    await console.getByTestId('debrief').waitFor();
    await console.waitForTimeout(800);
    await shot(console, 'debrief');

    // The facilitator guide (docs/guides/<scenario>.md), on screen and as it prints.
    await console.getByRole('tab', { name: 'Guide' }).click();
    await console.getByTestId('guide').or(console.getByTestId('no-guide')).waitFor();
    await shot(console, 'facilitator-guide', ['laptop', 'phone']);
    await console.emulateMedia({ media: 'print' });
    await shot(console, 'facilitator-guide-print', ['laptop']);
    await console.emulateMedia({ media: 'screen' });

    // The Scenario Studio: a shipped scenario with one number missing from a point table (the
    // diagnostic at its line, the grid's outlined cell), the channel matrix, then the analysis.
    const { page: studio } = await newPage(browser);
    await studio.goto(`${server.url}/studio`);
    await studio.getByTestId('problems').waitFor();
    const shipped = fs.readFileSync(path.join(ROOT, 'scenarios', 'handshake-in-orbit.yaml'), 'utf8');
    await studio.getByTestId('upload-yaml').setInputFiles({ name: 'handshake-in-orbit.yaml', mimeType: 'application/yaml', buffer: Buffer.from(shipped.replace('androgynous: 5, ', '')) });
    await studio.getByTestId('problems').and(studio.locator('[data-count="1"]')).getByRole('button').click();
    await studio.getByTestId('live-count').waitFor();
    await shot(studio, 'studio', ['laptop', 'tablet']);
    await studio.getByRole('tab', { name: 'Channels' }).click();
    await studio.getByTestId('channel-matrix').waitFor();
    await shot(studio, 'studio-channels', ['laptop']);
    await studio.getByRole('tab', { name: 'Point tables' }).click();
    await studio.getByRole('textbox', { name: 'U.S. government: Docking system = Androgynous common system' }).fill('5');
    await studio.getByTestId('problems').and(studio.locator('[data-count="0"]')).waitFor();
    await studio.getByRole('tab', { name: 'Analyze' }).click();
    await studio.getByLabel('Games').fill('40');
    await studio.getByRole('button', { name: 'Analyze and balance' }).click();
    await studio.getByTestId('chart-surplus').waitFor({ timeout: 300_000 });
    await shot(studio, 'studio-analyze', ['laptop']);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
