// The server's own texts in the reader's language: the exports' headings and fixed words
// (server/report.ts, `?lang=`). ICU MessageFormat through intl-messageformat, like the client's
// catalogues; a text with arguments becomes a function of them, compiled once per language.
import { IntlMessageFormat } from 'intl-messageformat';
import type { ScenarioLanguage } from '@shared/scenario/schema';
import { en } from './en';
import { ru } from './ru';
import { zh } from './zh';

/** A catalogue's shape: nested objects of ICU strings. */
type Shape<T> = T extends string ? string : { readonly [K in keyof T]: Shape<T[K]> };
/** What each language's file satisfies: English's keys (sections included). */
export type ExportTexts = Shape<typeof en>;

type Values = Record<string, string | number | boolean>;
type Compiled<T> = T extends string ? (values?: Values) => string : { readonly [K in keyof T]: Compiled<T[K]> };
/** A compiled catalogue: each text a function of its arguments. */
export type Texts = Compiled<typeof en>;

export const LOCALES: Record<ScenarioLanguage, string> = { en: 'en', ru: 'ru', zh: 'zh-CN' };
const CATALOGUES: Record<ScenarioLanguage, ExportTexts> = { en, ru, zh };
const compiled = new Map<ScenarioLanguage, Texts>();

/** The export texts of `language`, compiled on first use. Booleans are passed as 'true'/'false'
 *  for `select`. */
export function exportTexts(language: ScenarioLanguage): Texts {
  let texts = compiled.get(language);
  if (!texts) compiled.set(language, (texts = compileNode(CATALOGUES[language], LOCALES[language]) as Texts));
  return texts;
}

function compileNode(node: unknown, locale: string): unknown {
  if (typeof node !== 'string') return Object.fromEntries(Object.entries(node as object).map(([key, value]) => [key, compileNode(value, locale)]));
  const format = new IntlMessageFormat(node, locale);
  return (values: Values = {}) =>
    String(format.format(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]))));
}

export { CATALOGUES as EXPORT_CATALOGUES };
