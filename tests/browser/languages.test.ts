// One session of Handshake in orbit read in three languages at once: a student in English (NASA),
// one in Russian (Soviet Academy), one in Chinese (U.S. government), the facilitator's console in
// Chinese and the projector in Russian. They play a round's moves by clicking as a class does: a
// public statement, a refused draft, a memorandum proposed by one student and accepted and signed
// by another, chat across languages, the phases advancing. Every page shows the game in its own
// language at every step (the lobby, the briefing, the table): the scenario's texts from the
// scenario's translations, the UI from the catalogues, refusals worded in the reader's language,
// and what the students typed exactly as they typed it.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '@client/src/i18n/en';
import { ru } from '@client/src/i18n/ru';
import { zh } from '@client/src/i18n/zh';
import { createSession, newPage, ROOT } from './harness';
import { catalogues, joinIn, type Lang } from './inLanguage';
import { browserSuite } from './suite';

const suite = browserSuite();

/** The scenario's texts in a language, by key (`roles.nasa.publicBrief`), from its translation file. */
const scenarioTexts = (lang: 'ru' | 'zh'): Record<string, string> =>
  (parse(fs.readFileSync(path.join(ROOT, 'scenarios', `handshake-in-orbit.${lang}.yaml`), 'utf8')) as { texts: Record<string, string> }).texts;
const english = {
  'roles.nasa.publicBrief': 'The agency that just landed men on the Moon',
  'dealTypes.docking-memorandum.label': 'Memorandum on compatible docking',
  'rounds.phases.news.label': 'Briefing and news',
  'rounds.phases.track-ii.label': 'Track II talks',
  'rounds.phases.track-i.label': 'Track I negotiation',
};
const scenario = { en: english as Record<string, string>, ru: scenarioTexts('ru'), zh: scenarioTexts('zh') };

/** What the students type: shown to everyone exactly so, whatever their language. */
const typed = {
  statement: '美国欢迎这些会谈，并愿意讨论联合飞行。',
  chris: 'Frank Borman here: what if Apollo and Soyuz could dock?',
  dasha: 'Добрый день! Академия за совместный полёт.',
};
const NAMES = ['Ada Li', 'Chris', 'Dasha'];

/** Each language's own letters, and the others' (Latin is everyone's: names, "NASA", "1975"). */
const SCRIPT = { ru: /\p{Script=Cyrillic}/u, zh: /\p{Script=Han}/u };

/** Plain English messages that the language words differently (at least 4 letters): none may show on its pages. */
function englishOnlyStrings(lang: 'ru' | 'zh'): string[] {
  const other = { ru, zh }[lang];
  const found: string[] = [];
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string') {
      if (!a.includes('{') && a !== b && /[A-Za-z]{4}/.test(a)) found.push(a);
    } else if (a && typeof a === 'object') for (const [key, value] of Object.entries(a)) walk(value, (b as Record<string, unknown>)?.[key]);
  };
  walk(en, other);
  return found;
}
const englishOnly = { ru: englishOnlyStrings('ru'), zh: englishOnlyStrings('zh') };

/** The page's visible text, without text in a stated other language (the picker's names). Runs in the page. */
function visibleText(): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('select, script, style, [lang]:not(html)')) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) parts.push(node.textContent ?? '');
  }
  return parts.join('\n');
}

/** Why `page` is not wholly in `lang` (empty when it is): the wrong html lang, another language's
 *  letters, or an English catalogue string, in what is left once the students' own words are taken out. */
async function notIn(page: Page, lang: Lang, screen: string): Promise<string[]> {
  let text = await page.evaluate(visibleText);
  for (const words of [...Object.values(typed), ...NAMES]) text = text.split(words).join(' ');
  const problems: string[] = [];
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  if (htmlLang !== { en: 'en', ru: 'ru', zh: 'zh-CN', pseudo: 'en' }[lang]) problems.push(`html lang is ${htmlLang}`);
  for (const [other, letters] of Object.entries(SCRIPT)) {
    const match = other !== lang && letters.exec(text);
    if (match) problems.push(`${other} letters: "…${text.slice(Math.max(0, match.index - 30), match.index + 30)}…"`);
  }
  if (lang === 'ru' || lang === 'zh') {
    for (const message of englishOnly[lang]) if (new RegExp(`\\b${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text)) problems.push(`English "${message}"`);
    if (!SCRIPT[lang].test(text)) problems.push('not a letter of its own language');
    // Handshake in orbit is translated whole into both: no text may be marked as left in English.
    const marked = await page.locator('[data-testid="untranslated"]').count();
    if (marked > 0) problems.push(`${marked} text(s) marked untranslated`);
  }
  return problems.map((p) => `${screen} (${lang}): ${p}`);
}

describe('three students in three languages', () => {
  it('play a round together, each reading every screen in their own language', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const report: string[] = [];
    const T = catalogues;

    // The facilitator reads Chinese, the projector Russian.
    const { page: console } = await newPage(browser);
    await console.goto(`${server.url}/facilitator/${session.sessionId}?lang=zh#key=${session.facilitatorKey}&code=${session.joinCode}`);
    await console.getByTestId('connection-status').and(console.locator('[data-status="connected"]')).waitFor();
    const { page: projector } = await newPage(browser);
    await projector.goto(`${server.url}/projector/${session.joinCode}?lang=ru`);
    await projector.getByTestId('join-code').waitFor();

    // Three students join from the home page, each in their language; each sees the lobby in it.
    const students = [
      { lang: 'en', name: 'Chris', role: 'nasa' },
      { lang: 'ru', name: 'Dasha', role: 'soviet-academy' },
      { lang: 'zh', name: 'Ada Li', role: 'us-gov' },
    ] as const;
    const [chris, dasha, ada] = await Promise.all(
      students.map(async (s) => {
        const { page } = await newPage(browser);
        await joinIn(page, server.url, s.lang, session.joinCode, s.name);
        return page;
      }),
    );
    const pages = [
      { page: chris, lang: 'en' as const, role: 'nasa' },
      { page: dasha, lang: 'ru' as const, role: 'soviet-academy' },
      { page: ada, lang: 'zh' as const, role: 'us-gov' },
    ];
    const everyone = async (screen: string) => {
      for (const { page, lang } of pages) report.push(...(await notIn(page, lang, screen)));
      report.push(...(await notIn(console, 'zh', `console ${screen}`)), ...(await notIn(projector, 'ru', `projector ${screen}`)));
    };
    for (const { page, lang } of pages) await page.getByRole('heading', { name: T[lang].lobby.title }).first().waitFor();
    await everyone('lobby');

    // Seated, each reads the briefing: their delegation's public brief from the scenario's translation.
    for (const { page, role } of pages) {
      await page.getByTestId(`seat-${role}-head`).getByRole('button').click();
      await page.getByTestId('confidential-brief').waitFor();
    }
    await chris.getByText(english['roles.nasa.publicBrief'], { exact: false }).first().waitFor();
    await dasha.getByText(scenario.ru['roles.soviet-academy.publicBrief']).first().waitFor();
    await ada.getByText(scenario.zh['roles.us-gov.publicBrief']).first().waitFor();
    expect(await dasha.getByTestId('confidential-brief').innerText()).toMatch(SCRIPT.ru);
    expect(await ada.getByTestId('confidential-brief').innerText()).toMatch(SCRIPT.zh);
    await everyone('briefing');

    // The facilitator starts the game: every clock names the phase in its reader's language.
    await console.getByRole('tab', { name: T.zh.facilitator.seats }).click();
    await console.getByTestId('seat-us-gov-head').getByText('Ada Li').waitFor();
    await console.getByRole('tab', { name: T.zh.facilitator.overview }).click();
    await console.getByRole('button', { name: T.zh.facilitator.start }).click();
    const phaseIs = async (key: keyof typeof english) => {
      for (const [page, lang] of [[chris, 'en'], [dasha, 'ru'], [ada, 'zh'], [console, 'zh'], [projector, 'ru']] as const)
        await page.getByTestId('phase-label').filter({ hasText: scenario[lang][key] }).waitFor();
    };
    await phaseIs('rounds.phases.news.label');
    for (const { page } of pages) await page.getByTestId('channel-public').waitFor();
    await everyone('table');

    // Briefing and news: the U.S. government (in Chinese) makes a public statement; the
    // projector (Russian) and every student show it as written.
    await ada.getByRole('textbox', { name: T.zh.table.statementText }).fill(typed.statement);
    await ada.getByRole('button', { name: T.zh.table.publish }).click();
    await projector.getByText(typed.statement).first().waitFor();
    await chris.getByText(typed.statement).first().waitFor();

    // A draft now is refused, in the reader's words: Russian, naming the phase in Russian.
    await dasha.getByTestId('new-draft').click();
    await dasha.getByTestId('deal-type-select').click();
    await dasha.getByRole('option', { name: scenario.ru['dealTypes.docking-memorandum.label'] }).click();
    for (const option of ['docking-system.options.androgynous', 'flight-date.options.date-1975', 'tech-exchange.options.working-groups', 'publicity.options.joint-live-tv'])
      await dasha.getByLabel(scenario.ru[`dealTypes.docking-memorandum.issues.${option}.label`]).check();
    await dasha.getByTestId('deal-editor-submit').click();
    const refusal = dasha.getByTestId('deal-editor').getByTestId('action-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('wrong-phase');
    const refusalText = await refusal.innerText();
    // The catalogue types `errors` loosely (one entry per code); this one takes these values.
    const wrongPhase = T.ru.errors['wrong-phase'] as unknown as (values: object) => string;
    const expected = wrongPhase({ move: 'draft', phase: scenario.ru['rounds.phases.news.label'], allowedCount: 0, phases: '' });
    expect(refusalText.startsWith(expected.slice(0, expected.indexOf(scenario.ru['rounds.phases.news.label']))), refusalText).toBe(true);
    expect(refusalText).toContain(scenario.ru['rounds.phases.news.label']);
    await dasha.getByTestId('deal-editor').getByRole('button', { name: T.ru.app.cancel, exact: true }).click();

    // Track II: NASA (English) drafts and proposes the memorandum; the Academy (Russian) reads it
    // in Russian, answers in the network channel and accepts; both sign.
    await console.getByTestId('advance-phase').click();
    await phaseIs('rounds.phases.track-ii.label');
    await chris.getByTestId('new-draft').click();
    await chris.getByTestId('deal-type-select').click();
    await chris.getByRole('option', { name: english['dealTypes.docking-memorandum.label'] }).click();
    for (const option of ['Androgynous common system', '1975', 'Joint working groups', 'Joint live television']) await chris.getByLabel(option).check();
    await chris.getByTestId('deal-editor-submit').click();
    await chris.getByRole('button', { name: T.en.deals.propose, exact: true }).click();
    await chris.getByTestId('channel-network:astronauts-and-academicians').click();
    await chris.getByTestId('chat-input').fill(typed.chris);
    await chris.getByTestId('chat-input').press('Enter');

    const memo = (page: Page) => page.getByTestId('deal-d1');
    await memo(dasha).getByText(scenario.ru['dealTypes.docking-memorandum.label']).first().waitFor();
    await memo(dasha).getByTestId('deal-status').filter({ hasText: T.ru.deals.statuses.proposed }).waitFor();
    await memo(dasha).getByText(scenario.ru['dealTypes.docking-memorandum.issues.docking-system.options.androgynous.label']).first().waitFor();
    await dasha.getByTestId('channel-network:astronauts-and-academicians').click();
    await dasha.getByRole('log').getByText(typed.chris).waitFor();
    await dasha.getByTestId('chat-input').fill(typed.dasha);
    await dasha.getByTestId('chat-input').press('Enter');
    await chris.getByRole('log').getByText(typed.dasha).waitFor();
    await memo(dasha).getByRole('button', { name: T.ru.deals.accept, exact: true }).click();
    await memo(chris).getByTestId('deal-status').filter({ hasText: T.en.deals.statuses.accepted }).waitFor();
    await memo(chris).getByRole('button', { name: T.en.deals.sign, exact: true }).click();
    await memo(dasha).getByRole('button', { name: T.ru.deals.sign, exact: true }).click();
    // The U.S. government (Chinese) sees the memorandum in force, in Chinese.
    await memo(ada).getByTestId('deal-status').filter({ hasText: T.zh.deals.statuses.inForce }).waitFor();
    await memo(ada).getByText(scenario.zh['dealTypes.docking-memorandum.label']).first().waitFor();
    await memo(chris).getByText(english['dealTypes.docking-memorandum.label']).first().waitFor();
    await everyone('track II');

    // The phase advances to track I for everyone, each in their language.
    await console.getByTestId('advance-phase').click();
    await phaseIs('rounds.phases.track-i.label');
    await everyone('track I');

    expect(report, `pages not in their reader's language:\n${report.join('\n')}`).toEqual([]);
  });
});
