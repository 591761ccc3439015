// The UI in the reader's language. `t` is the compiled catalogue of the current language: a live
// binding that `setLanguage` replaces before it re-renders the app (through `useLanguage` at the
// root), so screens read `t.home.join` or call `t.connection.pending({ n })` without a hook.
// English is in the main bundle; the other languages are loaded when first chosen.
import { useSyncExternalStore } from 'react';
import { compile, type Compiled, type Shape } from './catalogue';
import { en, type Messages } from './en';
import { labelledParams } from './errorParams';

export type { Messages };
/** What another language's file must satisfy: exactly English's keys. */
export type Catalogue = Shape<Messages>;

/** The languages a reader can pick, each named in itself. */
export const languageNames = { en: 'English', ru: 'Русский', zh: '中文' } as const;
/** `pseudo` is for tests (`?lang=pseudo`): never offered, never remembered. */
export type Language = keyof typeof languageNames | 'pseudo';

const locales: Record<Language, string> = { en: 'en', ru: 'ru', zh: 'zh-CN', pseudo: 'en' };
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  ru: () => import('./ru').then((m) => m.ru),
  zh: () => import('./zh').then((m) => m.zh),
  pseudo: () => import('./pseudo').then((m) => m.pseudo(en)),
};

/** Where each device remembers its reader's language. */
export const languageStorageKey = 'spacebridge.language';

let language: Language = 'en';
export let t: Compiled<Messages> = compile(en, locales.en);
const compiled = new Map<Language, Compiled<Messages>>([['en', t]]);

const listeners = new Set<(language: Language) => void>();

/** Calls `listener` after each change of language; returns the unsubscribe. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(onLanguageChange, () => language);
}

export function currentLanguage(): Language {
  return language;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(locales, value);
}

/** The language to start in: `?lang=` in the address, else the one this device remembers, else
 *  the first of the browser's languages we have (ru-RU is Russian, zh-TW Chinese), else English. */
export function initialLanguage(search: string, stored: string | null, preferred: readonly string[]): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (isLanguage(asked)) return asked;
  if (isLanguage(stored) && stored !== 'pseudo') return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base !== 'pseudo' && isLanguage(base)) return base;
  }
  return 'en';
}

/** The catalogue's lazy parts (the studio's words, the API's errors): each loads its words for a
 *  language before the switch to it is shown. */
const parts = new Set<(language: Language) => Promise<void>>();

export function addCataloguePart(load: (language: Language) => Promise<void>): void {
  parts.add(load);
}

/** Switches the whole UI to `next` without a reload (loading its catalogue the first time), and
 *  remembers it on this device unless it is the test language. */
export async function setLanguage(next: Language): Promise<void> {
  let catalogue = compiled.get(next);
  if (!catalogue) {
    // Another language has English's keys (tsc) and, per key, its arguments (tests/client/i18n.test.ts),
    // so its messages take English's values.
    catalogue = compile(await loaders[next as Exclude<Language, 'en'>](), locales[next]) as unknown as Compiled<Messages>;
    compiled.set(next, catalogue);
  }
  // A part that cannot be loaded (offline) keeps the words it has.
  await Promise.all([...parts].map((load) => load(next).catch(() => undefined)));
  language = next;
  t = catalogue;
  document.documentElement.lang = locales[next];
  if (next !== 'pseudo') {
    try {
      localStorage.setItem(languageStorageKey, next);
    } catch {
      // Storage may be off (private mode): the choice then lasts for this page only.
    }
  }
  for (const listener of listeners) listener(next);
}

/** The BCP 47 locale of a language (of the current one by default), for Intl formats the
 *  catalogue does not cover and for `lang` attributes. */
export function locale(of: Language = language): string {
  return locales[of];
}

/** A number as the reader writes it (Russian 14,4 and 1 234; English 14.4 and 1,234): every
 *  number on screen that is not inside a catalogue message goes through here. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(n);
}

/** The reader's decimal mark ("," in Russian), for inputs that take a fraction. */
export function decimalSeparator(): string {
  return new Intl.NumberFormat(locale()).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/** Items as a list in the current language ("propose, sign, ratify"; Chinese "提议、签署、批准"): the narrow
 *  style, since the short unit list has no separator at all in Chinese and only spaces in Russian. */
export function list(items: readonly string[]): string {
  return new Intl.ListFormat(locale(), { style: 'narrow', type: 'conjunction' }).format(items);
}

/** What the server sends with an error code to fill its message (a list arrives as an array). */
type Params = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** A problem as a sentence a student can read: our wording for its code, filled with the params
 *  the server sent, or the server's sentence alone for a code we have no text for (the HTTP API's). */
export function errorText(error: { code: string; params?: Params; message?: string }): string {
  if (!Object.hasOwn(t.errors, error.code)) return error.message || t.errors.unknown;
  const text = t.errors[error.code as keyof Messages['errors']] as string | ((values: object) => string);
  if (typeof text === 'string') return text;
  const values = Object.fromEntries(
    Object.entries(labelledParams(error.params ?? {})).map(([key, value]) => [key, Array.isArray(value) ? list(value) : value]),
  );
  try {
    return text(values);
  } catch {
    // The params did not fit the message (an older server): its own sentence, if it sent one.
    return error.message || t.errors.unknown;
  }
}
