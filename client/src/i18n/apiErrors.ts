// The HTTP API's errors in the reader's language: a lazy part of the catalogue (./api), loaded
// when an answer is first refused (api.ts waits for it before it throws), so a student's first
// screen does not carry them. After that, a change of language loads them along with the rest.
import { compile, type Compiled, type Shape } from './catalogue';
import { addCataloguePart, currentLanguage, locale, type Language } from './index';
import { type ApiErrorMessages } from './api/en';

/** Another language's API error words: exactly English's keys. */
export type ApiErrorCatalogue = Shape<ApiErrorMessages>;

const loaders: Record<Language, () => Promise<ApiErrorCatalogue>> = {
  en: () => import('./api/en').then((m) => m.apiErrorsEn),
  ru: () => import('./api/ru').then((m) => m.apiErrorsRu),
  zh: () => import('./api/zh').then((m) => m.apiErrorsZh),
  pseudo: () => Promise.all([import('./api/en'), import('./pseudo')]).then(([words, p]) => p.pseudo(words.apiErrorsEn)),
};

const compiled = new Map<Language, Compiled<ApiErrorMessages>>();

/** Loads the API error words of `language` (the current one by default). */
export async function loadApiErrorWords(language: Language = currentLanguage()): Promise<void> {
  if (compiled.has(language)) return;
  const words = await loaders[language]();
  // Another language has English's keys and arguments (tests/client/i18n.test.ts).
  compiled.set(language, compile(words, locale(language)) as unknown as Compiled<ApiErrorMessages>);
}

/** The words in the reader's language, else any language loaded; undefined before any is. */
export function apiErrorWords(): Compiled<ApiErrorMessages> | undefined {
  return compiled.get(currentLanguage()) ?? compiled.values().next().value;
}

addCataloguePart((language) => (compiled.size > 0 ? loadApiErrorWords(language) : Promise.resolve()));
