// The studio's words in the reader's language. They are a lazy part of the catalogue
// (client/src/i18n/studio): English comes with the studio's chunk, Russian and Chinese are loaded
// when the studio is shown in them, so none of it weighs on a student's first screen. `st` is a
// live binding, replaced when the language changes (as `t` is); the studio re-renders then.
import { useSyncExternalStore } from 'react';
import { compile, type Compiled, type Shape } from '../../i18n/catalogue';
import { addCataloguePart, currentLanguage, locale, onLanguageChange, type Language } from '../../i18n';
import { studioEn, type StudioMessages } from '../../i18n/studio/en';

/** Another language's studio words: exactly English's keys. */
export type StudioCatalogue = Shape<StudioMessages>;

const loaders: Record<Exclude<Language, 'en'>, () => Promise<StudioCatalogue>> = {
  ru: () => import('../../i18n/studio/ru').then((m) => m.studioRu),
  zh: () => import('../../i18n/studio/zh').then((m) => m.studioZh),
  pseudo: () => import('../../i18n/pseudo').then((m) => m.pseudo(studioEn)),
};

const compiled = new Map<Language, Compiled<StudioMessages>>([['en', compile(studioEn, locale('en'))]]);
export let st: Compiled<StudioMessages> = compiled.get('en')!;

/** Whether `st` is in a language the reader chose (not English standing in while the first loads). */
let ready = currentLanguage() === 'en';
let version = 0;
const listeners = new Set<() => void>();

async function load(language: Language): Promise<void> {
  if (compiled.has(language)) return;
  const catalogue = await loaders[language as Exclude<Language, 'en'>]();
  // Another language has English's keys and arguments (tests/client/i18n.test.ts).
  compiled.set(language, compile(catalogue, locale(language)) as unknown as Compiled<StudioMessages>);
}

/** Shows the words of the current language, or those it has if they cannot be loaded (offline). */
function show(): void {
  st = compiled.get(currentLanguage()) ?? st;
  ready = true;
  version++;
  for (const listener of listeners) listener();
}

// The studio opened in another language: its words load now. Later switches load them before
// the switch is shown (a catalogue part), so the studio changes language with the rest.
if (!ready) void load(currentLanguage()).catch(() => undefined).then(show);
addCataloguePart(load);
onLanguageChange(show);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Re-renders the component when the studio's words change; false until they are first ready. */
export function useStudioText(): boolean {
  useSyncExternalStore(subscribe, () => version);
  return ready;
}
