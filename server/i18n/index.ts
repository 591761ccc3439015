// The server's own texts in the reader's language: the exports' headings and fixed words
// (server/report.ts, `?lang=`). ICU MessageFormat through intl-messageformat, like the client's
// catalogues; a text with arguments becomes a function of them, compiled once per language.
import { IntlMessageFormat } from 'intl-messageformat';
import type { ScenarioLanguage } from '@shared/scenario/schema';
import { en } from './en';
import { ru } from './ru';
import { zh } from './zh';

/** What each language's file satisfies: English's keys. */
export type ExportTexts = { readonly [K in keyof typeof en]: string };

type Values = Record<string, string | number | boolean>;
/** A compiled text: a string, or a function of its arguments. */
export type Texts = { readonly [K in keyof typeof en]: (values?: Values) => string };

const LOCALES: Record<ScenarioLanguage, string> = { en: 'en', ru: 'ru', zh: 'zh-CN' };
const CATALOGUES: Record<ScenarioLanguage, ExportTexts> = { en, ru, zh };
const compiled = new Map<ScenarioLanguage, Texts>();

/** The export texts of `language`, compiled on first use. Booleans are passed as 'true'/'false'
 *  for `select`. */
export function exportTexts(language: ScenarioLanguage): Texts {
  let texts = compiled.get(language);
  if (texts) return texts;
  const entries = Object.entries(CATALOGUES[language]).map(([key, message]) => {
    const format = new IntlMessageFormat(message, LOCALES[language]);
    const text = (values: Values = {}) =>
      String(format.format(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]))));
    return [key, text];
  });
  texts = Object.fromEntries(entries) as Texts;
  compiled.set(language, texts);
  return texts;
}

export { CATALOGUES as EXPORT_CATALOGUES };
