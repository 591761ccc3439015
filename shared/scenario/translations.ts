// Scenario translations: the player-facing texts of a scenario by key, and how a translation is
// checked, written as a template and applied. A key follows the scenario's ids, not its order
// (`roles.nasa.publicBrief`, `dealTypes.joint-flight.issues.crew.options.mixed.label`), so a
// translation survives reordering; lists without ids use their index (`learningObjectives.0`).
// Bot chat lines (`phrases`) are chat and are never translated, nor are citations (`sources`).
// Pure: no I/O.
import { Document, isMap, isScalar } from 'yaml';
import type { Finding, PathKey } from './problems';
import type { Effect, Scenario, ScenarioLanguage, TranslatedTexts } from './schema';
import { closestWord } from './suggest';

/** Who may read a text: everyone, one role (its confidential parts), or the facilitator only
 *  until it is revealed or has happened (events, the effects of deals). */
export type Readers = { kind: 'all' } | { kind: 'role'; role: string } | { kind: 'facilitator' };

export interface TranslatableText {
  key: string;
  /** Where the text is in the scenario and its YAML file. */
  path: PathKey[];
  text: string;
  readers: Readers;
}

const ALL: Readers = { kind: 'all' };
const FACILITATOR: Readers = { kind: 'facilitator' };

const textsCache = new WeakMap<Scenario, TranslatableText[]>();

/** Every translatable text of a scenario, in file order. */
export function translatableTexts(scenario: Scenario): TranslatableText[] {
  const cached = textsCache.get(scenario);
  if (cached) return cached;
  const out: TranslatableText[] = [];
  const add = (key: string, path: PathKey[], text: string | undefined, readers: Readers = ALL) => {
    if (text) out.push({ key, path, text, readers });
  };
  const labelled = (key: string, path: PathKey[], item: { label: string; description?: string }, readers: Readers = ALL) => {
    add(`${key}.label`, [...path, 'label'], item.label, readers);
    add(`${key}.description`, [...path, 'description'], item.description, readers);
  };
  const news = (key: string, path: PathKey[], effects: readonly Effect[], readers: Readers) =>
    effects.forEach((effect, i) => {
      if (effect.effect !== 'news') return;
      add(`${key}.${i}.headline`, [...path, i, 'headline'], effect.headline, readers);
      add(`${key}.${i}.text`, [...path, i, 'text'], effect.text, readers);
    });

  const s = scenario;
  add('title', ['title'], s.title);
  add('summary', ['summary'], s.summary);
  add('era', ['era'], s.era);
  s.learningObjectives.forEach((text, i) => add(`learningObjectives.${i}`, ['learningObjectives', i], text));
  s.discussionPrompts.forEach((text, i) => add(`discussionPrompts.${i}`, ['discussionPrompts', i], text));
  s.tracks.forEach((track, i) => {
    labelled(`tracks.${track.id}`, ['tracks', i], track);
    track.thresholds.forEach((threshold, j) => labelled(`tracks.${track.id}.thresholds.${j}`, ['tracks', i, 'thresholds', j], threshold));
  });
  s.resources.forEach((resource, i) => labelled(`resources.${resource.id}`, ['resources', i], resource));
  s.roles.forEach((role, i) => {
    const key = `roles.${role.id}`;
    const own: Readers = { kind: 'role', role: role.id };
    add(`${key}.name`, ['roles', i, 'name'], role.name);
    role.nations.forEach((nation, j) => add(`${key}.nations.${j}`, ['roles', i, 'nations', j], nation));
    add(`${key}.publicBrief`, ['roles', i, 'publicBrief'], role.publicBrief);
    add(`${key}.confidentialBrief`, ['roles', i, 'confidentialBrief'], role.confidentialBrief, own);
    role.seats.forEach((seat, j) => add(`${key}.seats.${seat.id}.title`, ['roles', i, 'seats', j, 'title'], seat.title));
    role.objectives.forEach((objective, j) =>
      add(`${key}.objectives.${objective.id}.description`, ['roles', i, 'objectives', j, 'description'], objective.description, own),
    );
  });
  s.channels.networks.forEach((network, i) => labelled(`channels.networks.${network.id}`, ['channels', 'networks', i], network));
  s.constraints.forEach((constraint, i) => labelled(`constraints.${constraint.id}`, ['constraints', i], constraint));
  s.dealTypes.forEach((type, i) => {
    const key = `dealTypes.${type.id}`;
    const path = ['dealTypes', i];
    labelled(key, path, type);
    type.issues.forEach((issue, j) => {
      labelled(`${key}.issues.${issue.id}`, [...path, 'issues', j], issue);
      issue.options.forEach((option, k) => {
        const optionPath = [...path, 'issues', j, 'options', k];
        labelled(`${key}.issues.${issue.id}.options.${option.id}`, optionPath, option);
        // An option's effects are part of the terms everyone reads.
        news(`${key}.issues.${issue.id}.options.${option.id}.onForce`, [...optionPath, 'onForce'], option.onForce, ALL);
      });
    });
    for (const field of ['onForce', 'eachRound', 'onBreach', 'onWithdraw'] as const) news(`${key}.${field}`, [...path, field], type[field], FACILITATOR);
    if (type.hostileCost) news(`${key}.hostileCost.effects`, [...path, 'hostileCost', 'effects'], type.hostileCost.effects, FACILITATOR);
  });
  s.statements.forEach((statement, i) => {
    add(`statements.${statement.id}.label`, ['statements', i, 'label'], statement.label);
    news(`statements.${statement.id}.effects`, ['statements', i, 'effects'], statement.effects, FACILITATOR);
  });
  s.actions.forEach((action, i) => {
    labelled(`actions.${action.id}`, ['actions', i], action);
    news(`actions.${action.id}.effects`, ['actions', i, 'effects'], action.effects, FACILITATOR);
  });
  s.rounds.labels?.forEach((label, i) => add(`rounds.labels.${i}`, ['rounds', 'labels', i], label));
  s.rounds.phases.forEach((phase, i) => labelled(`rounds.phases.${phase.id}`, ['rounds', 'phases', i], phase));
  s.rounds.eachRound.forEach((effect, i) => news(`rounds.eachRound.${i}.effects`, ['rounds', 'eachRound', i, 'effects'], effect.effects, FACILITATOR));
  s.classFormats?.forEach((format, i) => add(`classFormats.${format.id}.label`, ['classFormats', i, 'label'], format.label));
  s.events.forEach((event, i) => {
    add(`events.${event.id}.title`, ['events', i, 'title'], event.title, FACILITATOR);
    add(`events.${event.id}.text`, ['events', i, 'text'], event.text, FACILITATOR);
    news(`events.${event.id}.effects`, ['events', i, 'effects'], event.effects, FACILITATOR);
  });
  s.scoring.sharedObjectives.forEach((objective, i) =>
    add(`scoring.sharedObjectives.${objective.id}.description`, ['scoring', 'sharedObjectives', i, 'description'], objective.description, FACILITATOR),
  );
  if (s.scoring.collapse) {
    add('scoring.collapse.title', ['scoring', 'collapse', 'title'], s.scoring.collapse.title, FACILITATOR);
    add('scoring.collapse.text', ['scoring', 'collapse', 'text'], s.scoring.collapse.text, FACILITATOR);
  }
  textsCache.set(scenario, out);
  return out;
}

/** Whether a viewer may read a text: a seat of `role` (or a spectator, `role` null), or the
 *  facilitator; `revealed` once every secret is (the debrief). */
export function mayRead(readers: Readers, viewer: { facilitator: boolean; role: string | null; revealed: boolean }): boolean {
  if (viewer.facilitator || readers.kind === 'all') return true;
  if (readers.kind === 'role') return viewer.revealed || readers.role === viewer.role;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Checking a translation

const LANGUAGE_NAMES: Record<ScenarioLanguage, string> = { en: 'English', ru: 'Russian', zh: 'Chinese (Simplified)' };

/**
 * What is wrong with one language's texts: a key the scenario has no text for is a problem (a
 * typo, or a text since removed: the translation would be lost); a text not translated yet (left
 * out, or empty) is a warning, and is shown in the source language. `at` is where the texts are.
 */
export function translationFindings(scenario: Scenario, language: ScenarioLanguage, texts: TranslatedTexts, at: PathKey[]): Finding[] {
  if (language === scenario.sourceLanguage)
    return [{ path: at, atKey: true, message: `"${language}" is the scenario's source language (sourceLanguage): it needs no translation` }];
  const known = translatableTexts(scenario);
  const keys = new Set(known.map((t) => t.key));
  const findings: Finding[] = [];
  for (const key of Object.keys(texts)) {
    if (keys.has(key)) continue;
    const guess = closestWord(key, [...keys]);
    findings.push({ path: [...at, key], atKey: true, message: `"${key}" is not a text of this scenario${guess ? `; did you mean "${guess}"?` : ' (a text removed or renamed? npx spacebridge translation-template lists the keys)'}` });
  }
  for (const { key } of known) {
    const text = texts[key];
    if (text) continue;
    const path = text === undefined ? at : [...at, key];
    findings.push({ path, atKey: true, warning: true, message: `"${key}" is not translated into ${LANGUAGE_NAMES[language]} yet (shown in the source language)` });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// The template a translator fills in

/**
 * A translation file of `scenario` into `language` (`<id>.<language>.yaml`): every key with the
 * source text as a comment above it, and the translation from `existing` or "" to fill in. Keys
 * of `existing` the scenario no longer has are left out.
 */
export function translationTemplate(scenario: Scenario, language: ScenarioLanguage, existing: TranslatedTexts = {}): string {
  const texts = translatableTexts(scenario);
  const doc = new Document({
    translationOf: scenario.id,
    language,
    texts: Object.fromEntries(texts.map((t) => [t.key, existing[t.key] ?? ''])),
  });
  const map = doc.get('texts', true);
  if (isMap(map))
    map.items.forEach((pair, i) => {
      if (isScalar(pair.key)) pair.key.commentBefore = ` ${texts[i].text.trimEnd().replaceAll('\n', '\n ')}`;
    });
  doc.commentBefore = [
    ` ${LANGUAGE_NAMES[language]} translation of "${scenario.title}" (${scenario.id}.yaml).`,
    ' Each key is a text of the scenario; the comment above it is the text in its source language.',
    ' Write the translation in place of "" (a text left "" is shown in the source language, marked).',
    ` Check it with: npx spacebridge validate scenarios/${scenario.id}.${language}.yaml`,
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}

// ---------------------------------------------------------------------------------------------
// Applying a translation

/** The language a scenario is written in. A session stored before translations existed keeps a
 *  scenario without `sourceLanguage` (stored scenarios are not parsed again): English. */
export function sourceLanguageOf(scenario: Pick<Scenario, 'sourceLanguage'>): ScenarioLanguage {
  return (scenario.sourceLanguage as ScenarioLanguage | undefined) ?? 'en';
}

export interface TranslatedScenario {
  /** The scenario with every translated text in `language` (the rest in the source language). */
  scenario: Scenario;
  language: string;
  /** Keys of the texts left in the source language. */
  untranslated: ReadonlySet<string>;
  /**
   * A text the game copied from the scenario (an event's title in the timeline) in `language`:
   * its translation, `untranslated: true` when it has none, or null when it is not a scenario text.
   */
  copied(text: string): { text: string; untranslated: boolean } | null;
}

const translatedCache = new WeakMap<Scenario, Map<string, TranslatedScenario>>();

/** The scenario in `language`, built once per scenario and language (a language it has no
 *  translation into, e.g. the tests' pseudo-locale, leaves every text in the source language). */
export function translateScenario(scenario: Scenario, language: string): TranslatedScenario {
  let byLanguage = translatedCache.get(scenario);
  if (!byLanguage) translatedCache.set(scenario, (byLanguage = new Map()));
  let translated = byLanguage.get(language);
  if (translated) return translated;

  const texts = language === sourceLanguageOf(scenario) ? null : (scenario.translations?.[language as ScenarioLanguage] ?? {});
  const { translations: _all, ...source } = scenario;
  const copy = JSON.parse(JSON.stringify(source)) as Scenario; // plain data
  const untranslated = new Set<string>();
  const bySource = new Map<string, { text: string; untranslated: boolean }>();
  for (const t of translatableTexts(scenario)) {
    const text = texts ? texts[t.key] : t.text;
    if (text) setAt(copy, t.path, text);
    else untranslated.add(t.key);
    if (!bySource.has(t.text)) bySource.set(t.text, { text: text || t.text, untranslated: !text });
  }
  translated = { scenario: copy, language, untranslated, copied: (text) => bySource.get(text) ?? null };
  byLanguage.set(language, translated);
  return translated;
}

function setAt(target: unknown, path: readonly PathKey[], value: string): void {
  let node = target as Record<PathKey, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PathKey, unknown>;
  node[path[path.length - 1]] = value;
}

/** The scenario with `texts` as its translation into `language` (from a sibling file). */
export function withTranslation(scenario: Scenario, language: ScenarioLanguage, texts: TranslatedTexts): Scenario {
  return { ...scenario, translations: { ...scenario.translations, [language]: texts } };
}
