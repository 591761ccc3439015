// The catalogues as a page shows them, for tests that act and read in a language (English,
// Russian, Chinese, or the pseudo-language `?lang=pseudo`), and a student's join in one.
import type { Page } from 'playwright-core';
import { compile, type Compiled } from '@client/src/i18n/catalogue';
import { en, type Messages } from '@client/src/i18n/en';
import { pseudo } from '@client/src/i18n/pseudo';
import { ru } from '@client/src/i18n/ru';
import { zh } from '@client/src/i18n/zh';

export type Lang = 'en' | 'ru' | 'zh' | 'pseudo';

/** Each language's compiled catalogue: `catalogues.ru.deals.accept`, `catalogues.zh.deals.points({ n: 3 })`. */
export const catalogues: Record<Lang, Compiled<Messages>> = {
  en: compile(en, 'en'),
  ru: compile(ru, 'ru') as unknown as Compiled<Messages>,
  zh: compile(zh, 'zh-CN') as unknown as Compiled<Messages>,
  pseudo: compile(pseudo(en), 'en') as unknown as Compiled<Messages>,
};

/** A student opens the home page in `lang`, joins with the code and a name as the page words
 *  them, and takes a seat (the page keeps its language from there on). */
export async function joinIn(page: Page, url: string, lang: Lang, joinCode: string, name: string, seat?: { role: string; seat: string }) {
  const t = catalogues[lang];
  await page.goto(`${url}/?lang=${lang}`);
  await page.getByRole('textbox', { name: t.home.code, exact: true }).fill(joinCode);
  await page.getByRole('textbox', { name: t.home.name, exact: true }).fill(name);
  await page.getByRole('button', { name: t.home.join, exact: true }).click();
  await page.waitForURL(`**/play/${joinCode}`);
  await page.getByTestId('connection-status').and(page.locator('[data-status="connected"]')).waitFor();
  if (seat) {
    await page.getByTestId(`seat-${seat.role}-${seat.seat}`).getByRole('button').click();
    await page.getByTestId('confidential-brief').waitFor();
  }
}
