// A viewer's view in its language. It is built by `viewFor` from the scenario translated into that
// language, so what a viewer may not see is absent in every language exactly as in the source: a
// role's confidential brief, in Russian or in English, reaches only that role. Texts the game
// copied from the scenario into its state (a fired event's text in the timeline, a network's name
// on its channel) are looked up by their source text. Pure; cached per scenario and language.
import type { Scenario } from '../scenario/schema';
import { mayRead, sourceLanguageOf, translatableTexts, translateScenario, type TranslatedScenario } from '../scenario/translations';
import type { TimelineEntry, TimelineKind, GameState, Viewer } from './types';
import { publicScenario, viewFor, type ChannelView, type GameView, type PublicScenario, type ViewTimelineEntry } from './view';

/** Timeline entries whose text may be a scenario text (a statement's is a player's words). */
const COPIED_KINDS: ReadonlySet<TimelineKind> = new Set(['phase', 'event', 'news', 'action', 'constraint', 'collapse', 'game', 'deal']);

/** The view of `viewer` with the scenario's texts in `language` (see GameView.untranslated). */
export function viewInLanguage(state: GameState, scenario: Scenario, viewer: Viewer, language: string): GameView {
  if (language === sourceLanguageOf(scenario)) return viewFor(state, scenario, viewer);
  const translated = translateScenario(scenario, language);
  const view = viewFor(state, translated.scenario, viewer);
  view.timeline = timelineIn(state.timeline, translated);
  view.channels = view.channels.map((channel) => channelIn(channel, translated));
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
    if (!out) byEntry.set(entry, (out = entryIn(entry, translated)));
    return out;
  });
  timelineCache.set(translated, (cache = { timeline, entries, byEntry }));
  return entries;
}

function entryIn(entry: TimelineEntry, translated: TranslatedScenario): ViewTimelineEntry {
  if (!COPIED_KINDS.has(entry.kind)) return entry;
  const headline = translated.copied(entry.headline);
  const text = entry.text ? translated.copied(entry.text) : null;
  if (!headline && !text) return entry;
  const out: ViewTimelineEntry = { ...entry, headline: headline?.text ?? entry.headline, text: text?.text ?? entry.text };
  if (headline?.untranslated || text?.untranslated) out.untranslated = true;
  return out;
}

/** A network's channel carries the network's name; a bilateral channel the two roles' names. */
function channelIn(channel: ChannelView, translated: TranslatedScenario): ChannelView {
  if (channel.kind === 'network') {
    const label = translated.copied(channel.label);
    return label ? { ...channel, label: label.text } : channel;
  }
  if (channel.kind === 'bilateral' && channel.members.length === 2) {
    // In the scenario's order of roles, as the engine names it (shared/engine/channels.ts).
    const names = translated.scenario.roles.filter((r) => channel.members.includes(r.id)).map((r) => r.name);
    if (names.length === 2) return { ...channel, label: names.join(' – ') };
  }
  return channel;
}
