// A viewer's view in its language. It is built by `viewFor` from the scenario translated into that
// language, so what a viewer may not see is absent in every language exactly as in the source: a
// role's confidential brief, in Russian or in English, reaches only that role. Texts the game
// copied from the scenario into its state (a fired event's title and text in the timeline) are
// looked up by their source text; the rest of the timeline and the channels' names are codes and
// ids that each reader words in its own language (shared/engine/wording.ts).
// Pure; cached per scenario and language.
import type { Scenario } from '../scenario/schema';
import { mayRead, sourceLanguageOf, translatableTexts, translateScenario, type TranslatedScenario } from '../scenario/translations';
import type { TimelineEntry, GameState, Viewer } from './types';
import { publicScenario, viewFor, type GameView, type PublicScenario, type ViewTimelineEntry } from './view';

/** The view of `viewer` with the scenario's texts in `language` (see GameView.untranslated). */
export function viewInLanguage(state: GameState, scenario: Scenario, viewer: Viewer, language: string): GameView {
  if (language === sourceLanguageOf(scenario)) return viewFor(state, scenario, viewer);
  const translated = translateScenario(scenario, language);
  const view = viewFor(state, translated.scenario, viewer);
  view.timeline = timelineIn(state.timeline, translated);
  const reader = { facilitator: viewer.kind === 'facilitator', role: viewer.kind === 'seat' ? viewer.role : null, revealed: view.revealed };
  const untranslated = privateTexts(scenario)
    .filter((t) => translated.untranslated.has(t.key) && mayRead(t.readers, reader))
    .map((t) => t.key);
  if (untranslated.length > 0) view.untranslated = untranslated;
  return view;
}

const publicCache = new WeakMap<TranslatedScenario, PublicScenario>();

/** The public scenario (what any client may hold) in `language`, its untranslated texts named. */
export function publicScenarioIn(scenario: Scenario, language: string): PublicScenario {
  if (language === sourceLanguageOf(scenario)) return publicScenario(scenario);
  const translated = translateScenario(scenario, language);
  let pub = publicCache.get(translated);
  if (!pub) {
    const untranslated = translatableTexts(scenario)
      .filter((t) => t.readers.kind === 'all' && translated.untranslated.has(t.key))
      .map((t) => t.key);
    pub = { ...publicScenario(translated.scenario), language, sourceLanguage: sourceLanguageOf(scenario), untranslated };
    publicCache.set(translated, pub);
  }
  return pub;
}

function privateTexts(scenario: Scenario) {
  return translatableTexts(scenario).filter((t) => t.readers.kind !== 'all');
}

/** The timeline in one language, shared by every viewer of it (a timeline is replaced, never
 *  changed, when an entry is added; each entry is translated once). */
const timelineCache = new WeakMap<TranslatedScenario, { timeline: TimelineEntry[]; entries: ViewTimelineEntry[]; byEntry: WeakMap<TimelineEntry, ViewTimelineEntry> }>();

function timelineIn(timeline: TimelineEntry[], translated: TranslatedScenario): ViewTimelineEntry[] {
  let cache = timelineCache.get(translated);
  if (cache?.timeline === timeline) return cache.entries;
  const byEntry = cache?.byEntry ?? new WeakMap<TimelineEntry, ViewTimelineEntry>();
  const entries = timeline.map((entry) => {
    let out = byEntry.get(entry);
    if (!out) byEntry.set(entry, (out = timelineEntryIn(entry, translated)));
    return out;
  });
  timelineCache.set(translated, (cache = { timeline, entries, byEntry }));
  return entries;
}

/** An entry with scenario texts copied into it (an event's title and text, a news effect's, the
 *  collapse's) carries them in `translated`'s language; every other entry names scenario things by
 *  id, and its reader words it (shared/engine/wording.ts). A facilitator's news and a player's
 *  statement are their own words: no scenario text matches them, and they stay as they are. */
export function timelineEntryIn(entry: TimelineEntry, translated: TranslatedScenario): ViewTimelineEntry {
  if (entry.code !== 'eventFired' && entry.code !== 'newsPublished' && entry.code !== 'commonsCollapsed') return entry;
  let found = false;
  let untranslated = false;
  /** The params with the scenario texts among `keys` in the reader's language. */
  const translate = <P extends Record<string, unknown>>(params: P, keys: (keyof P & string)[]): P => {
    const out = { ...params };
    for (const key of keys) {
      const copied = typeof params[key] === 'string' && params[key] ? translated.copied(params[key]) : null;
      if (!copied) continue;
      found = true;
      untranslated ||= copied.untranslated;
      out[key] = copied.text as P[typeof key];
    }
    return out;
  };
  const out: ViewTimelineEntry =
    entry.code === 'newsPublished'
      ? { ...entry, params: translate(entry.params, ['headline', 'text']) }
      : entry.code === 'eventFired'
        ? { ...entry, params: translate(entry.params, ['title', 'text']) }
        : { ...entry, params: translate(entry.params, ['title', 'text']) };
  if (!found) return entry;
  return untranslated ? { ...out, untranslated: true } : out;
}
