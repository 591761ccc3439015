// Scenario translations as a translator meets them: the keys, the template, and every missing or
// unknown key reported at its file:line:column, in the scenario file and in a sibling file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem, loadScenario, type Scenario } from '@shared/scenario';
import { loadTranslation } from '@shared/scenario/load';
import { createGame, viewFor } from '@shared/engine';
import { viewInLanguage } from '@shared/engine/viewLanguage';
import { sourceLanguageOf, translatableTexts, translateScenario, translationTemplate } from '@shared/scenario/translations';
import { loadScenarioDir, loadWithTranslations, scenarioFileOf, scenarioFilesIn } from '@server/scenarioFiles';

const base = fs.readFileSync(new URL('./fixtures/base.yaml', import.meta.url), 'utf8');

function load(text: string, file = 'base.yaml'): Scenario {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

const scenario = load(base);
const keys = translatableTexts(scenario).map((t) => t.key);

/** `text` with the block from `a` to `b` and the block from `b` to `end` swapped. */
function swap(text: string, a: string, b: string, end: string): string {
  const [i, j] = [text.indexOf(a), text.indexOf(b)];
  const k = text.indexOf(end, j) + 1;
  return text.slice(0, i) + text.slice(j, k) + text.slice(i, j) + text.slice(k);
}

/** Every text of the base scenario translated, as `<source text> (ru)`. */
function complete(): Record<string, string> {
  return Object.fromEntries(translatableTexts(scenario).map((t) => [t.key, `${t.text} (ru)`]));
}

/** The base scenario with an inline Russian translation (a flow map, on the last line). */
function withInline(texts: Record<string, string>): string {
  return `${base}translations:\n  ru: ${JSON.stringify(texts)}\n`;
}

describe('the keys of a scenario', () => {
  it('follow its ids: titles, briefs, seats, objectives, deal terms, events, news', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'title',
        'learningObjectives.0',
        'tracks.tension.label',
        'roles.us-gov.confidentialBrief',
        'roles.nasa.seats.deputy.title',
        'roles.us-gov.objectives.calm.description',
        'channels.networks.scientists.label',
        'constraints.freeze.description',
        'dealTypes.astp.issues.docking.options.probe.label',
        'statements.warm.label',
        'actions.test-asat.description',
        'rounds.phases.talks.label',
        'events.scandal.text',
        'events.scandal.effects.0.headline',
        'scoring.sharedObjectives.peace.description',
      ]),
    );
    // Citations and bot chat lines are not translated.
    expect(keys.some((key) => key.startsWith('sources') || key.includes('phrases'))).toBe(false);
  });

  it('survive reordering: a translation still applies when roles and events swap places', () => {
    const swapped = swap(swap(base, '  - id: us-gov', '  - id: nasa', '\nchannels:'), '  - id: summit', '  - id: scandal', '\ndeck:');
    const reordered = load(withInline(complete()));
    const again = load(`${swapped}translations:\n  ru: ${JSON.stringify(complete())}\n`);
    expect(again.roles[0].id).toBe('nasa');
    expect(new Set(translatableTexts(again).map((t) => t.key))).toEqual(new Set(keys));
    const brief = (s: Scenario) => translateScenario(s, 'ru').scenario.roles.find((r) => r.id === 'us-gov')!.confidentialBrief;
    expect(brief(again)).toBe('Secret. (ru)');
    expect(brief(reordered)).toBe('Secret. (ru)');
  });

  it('say who may read each text: a confidential brief is its role\'s, an event the facilitator\'s', () => {
    const readers = Object.fromEntries(translatableTexts(scenario).map((t) => [t.key, t.readers]));
    expect(readers['roles.us-gov.confidentialBrief']).toEqual({ kind: 'role', role: 'us-gov' });
    expect(readers['roles.us-gov.objectives.calm.description']).toEqual({ kind: 'role', role: 'us-gov' });
    expect(readers['roles.us-gov.publicBrief']).toEqual({ kind: 'all' });
    expect(readers['events.summit.title']).toEqual({ kind: 'facilitator' });
  });
});

describe('a translation in the scenario file', () => {
  it('loads with no warning when complete', () => {
    const result = loadScenario(withInline(complete()), 'base.yaml');
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('reports an unknown key as a problem at the key, suggesting the known one', () => {
    const texts = { ...complete(), 'roles.nasa.confidentalBrief': 'Секрет.' };
    const result = loadScenario(withInline(texts), 'base.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `base.yaml:137:${withInline(texts).split('\n')[136].indexOf('"roles.nasa.confidentalBrief"') + 1}: "roles.nasa.confidentalBrief" is not a text of this scenario; did you mean "roles.nasa.confidentialBrief"? (translations.ru["roles.nasa.confidentalBrief"])`,
    ]);
  });

  it('reports a missing or empty text as a warning (the scenario loads; the text falls back)', () => {
    const { title: _title, ...texts } = complete();
    const result = loadScenario(withInline({ ...texts, summary: '' }), 'base.yaml');
    expect(result.ok).toBe(true);
    const line137 = withInline({ ...texts, summary: '' }).split('\n')[136];
    expect(result.warnings.map(formatProblem)).toEqual([
      'base.yaml:137:3: warning: "title" is not translated into Russian yet (shown in the source language) (translations.ru)',
      `base.yaml:137:${line137.indexOf('"summary"') + 1}: warning: "summary" is not translated into Russian yet (shown in the source language) (translations.ru.summary)`,
    ]);
  });

  it('refuses a translation into the source language', () => {
    const result = loadScenario(`${base}translations:\n  en: { title: Base }\n`, 'base.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `base.yaml:137:3: "en" is the scenario's source language (sourceLanguage): it needs no translation (translations.en)`,
    ]);
  });

  it('refuses a language the client does not offer', () => {
    const result = loadScenario(`${base}translations:\n  fr: { title: Base }\n`, 'base.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([expect.stringMatching(/^base\.yaml:137:3: .*fr/)]);
  });
});

describe('a translation file beside the scenario', () => {
  const file = 'base.ru.yaml';

  it('the template lists every key with the source text above it, and loads once filled in', () => {
    const template = translationTemplate(scenario, 'ru');
    expect(template).toContain('  # Secret.\n  roles.us-gov.confidentialBrief: ""\n');
    const empty = loadTranslation(template, file, scenario);
    expect(empty.ok && empty.warnings.length).toBe(keys.length);

    const filled = translationTemplate(scenario, 'ru', complete());
    expect(loadTranslation(filled, file, scenario)).toEqual({ ok: true, language: 'ru', texts: complete(), warnings: [] });
  });

  it('the template keeps what is translated and drops keys the scenario no longer has', () => {
    const template = translationTemplate(scenario, 'ru', { title: 'База', 'events.gone.title': 'Старое' });
    const texts = (parse(template) as { texts: Record<string, string> }).texts;
    expect(texts.title).toBe('База');
    expect(texts.summary).toBe('');
    expect('events.gone.title' in texts).toBe(false);
  });

  it('reports unknown keys, missing texts and a wrong scenario at file:line:col', () => {
    const text = ['translationOf: base', 'language: ru', 'texts:', '  title: База', '  events.sumit.title: Саммит', ''].join('\n');
    const result = loadTranslation(text, file, scenario);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'base.ru.yaml:5:3: "events.sumit.title" is not a text of this scenario; did you mean "events.summit.title"? (texts["events.sumit.title"])',
    ]);
    expect(result.warnings).toHaveLength(keys.length - 1);
    expect(formatProblem(result.warnings[0])).toBe('base.ru.yaml:3:1: warning: "summary" is not translated into Russian yet (shown in the source language) (texts)');

    const other = loadTranslation(text.replace('translationOf: base', 'translationOf: other'), file, scenario);
    expect(other.ok ? [] : other.problems.map(formatProblem)).toEqual([
      'base.ru.yaml:1:16: this file translates "other", but it sits beside the scenario "base" (translationOf)',
    ]);
    const malformed = loadTranslation('translationOf: base\nlanguage: ru\ntexts: [title]\n', file, scenario);
    expect(malformed.ok ? [] : malformed.problems.map(formatProblem)).toEqual([expect.stringMatching(/^base\.ru\.yaml:3:8: .*\(texts\)$/)]);
  });

  it('may not repeat a language the scenario file already translates', () => {
    const inline = load(withInline(complete()));
    const result = loadTranslation(translationTemplate(scenario, 'ru', complete()), file, inline);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^base\.ru\.yaml:\d+:11: the scenario file already has a "ru" translation/),
    ]);
  });
});

describe('translation files on disk', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are not scenarios: the directory lists base.yaml, whose scenario carries the translation', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spacebridge-translations-'));
    fs.writeFileSync(path.join(dir, 'base.yaml'), base);
    fs.writeFileSync(path.join(dir, 'base.ru.yaml'), translationTemplate(scenario, 'ru', complete()));
    fs.writeFileSync(path.join(dir, 'base.zh.yaml'), 'translationOf: base\nlanguage: zh\ntexts: { titel: 基地 }\n');

    expect(scenarioFilesIn(dir).map((f) => path.basename(f))).toEqual(['base.yaml']);
    expect(scenarioFileOf(path.join(dir, 'base.ru.yaml'))).toBe(path.join(dir, 'base.yaml'));
    const { scenarios, problems } = loadScenarioDir(dir);
    // The broken Chinese file is left out; the scenario and its Russian stay.
    expect(problems.map(formatProblem)).toEqual([
      `${dir}/base.zh.yaml:3:10: "titel" is not a text of this scenario; did you mean "title"? (texts.titel)`,
    ]);
    expect(scenarios).toHaveLength(1);
    expect(Object.keys(scenarios[0].scenario.translations ?? {})).toEqual(['ru']);
    expect(translateScenario(scenarios[0].scenario, 'ru').scenario.title).toBe('Base (ru)');
    expect(loadWithTranslations(path.join(dir, 'base.yaml')).translations.map((t) => t.result.ok)).toEqual([true, false]);
  });
});

describe('the scenario in a language', () => {
  it('has the translated texts, and names the keys that fell back to the source language', () => {
    const { title: _t, ...texts } = complete();
    const ru = translateScenario(load(withInline(texts)), 'ru');
    expect(ru.scenario.title).toBe('Base');
    expect(ru.scenario.dealTypes[0].issues[0].options[1].label).toBe('Probe (ru)');
    expect(ru.scenario.translations).toBeUndefined();
    expect([...ru.untranslated]).toEqual(['title']);
    // Texts the game copied into its state (a fired event's title) are found by their source text.
    expect(ru.copied('A spy is caught.')).toEqual({ text: 'A spy is caught. (ru)', untranslated: false });
    expect(ru.copied('Base')).toEqual({ text: 'Base', untranslated: true });
    expect(ru.copied('typed by a student')).toBeNull();
  });

  it('is the scenario itself in its source language, and built once per language', () => {
    const s = load(withInline(complete()));
    expect(translateScenario(s, 'en').untranslated.size).toBe(0);
    expect(translateScenario(s, 'en').scenario.title).toBe('Base');
    expect(translateScenario(s, 'ru')).toBe(translateScenario(s, 'ru'));
    expect(translateScenario(s, 'zh').untranslated.size).toBe(keys.length);
  });
});

describe('views in a language (viewInLanguage)', () => {
  const s = load(withInline({ ...complete(), 'roles.nasa.confidentialBrief': 'NASA-SECRET-RU' }));
  const seat = (role: string, id = 'head') => ({ kind: 'seat' as const, role, seat: id });

  it('are viewFor itself in the source language', () => {
    const state = createGame(s, { seed: 1 });
    expect(viewInLanguage(state, s, seat('nasa'), 'en')).toEqual(viewFor(state, s, seat('nasa')));
  });

  it('carry a role\'s translated secrets to that role only', () => {
    const state = createGame(s, { seed: 1 });
    expect(viewInLanguage(state, s, seat('nasa'), 'ru').me!.role.confidentialBrief).toBe('NASA-SECRET-RU');
    for (const viewer of [seat('us-gov'), { kind: 'spectator' as const }]) {
      const text = JSON.stringify(viewInLanguage(state, s, viewer, 'ru'));
      expect(text).not.toContain('NASA-SECRET-RU');
      expect(text).toContain('Public. (ru)');
    }
    // Untranslated (Chinese): the role's own secrets are named, another role's are not.
    const zh = viewInLanguage(state, s, seat('us-gov'), 'zh');
    expect(zh.untranslated).toEqual(['roles.us-gov.confidentialBrief', 'roles.us-gov.objectives.calm.description']);
  });
});

describe('a session stored before translations (its scenario has no sourceLanguage)', () => {
  it('reads as English: an English reader gets viewFor, unmarked', () => {
    const { sourceLanguage: _s, ...stored } = scenario;
    const old = stored as Scenario;
    const state = createGame(old, { seed: 1 });
    expect(sourceLanguageOf(old)).toBe('en');
    expect(viewInLanguage(state, old, { kind: 'spectator' }, 'en')).toEqual(viewFor(state, old, { kind: 'spectator' }));
    expect(translateScenario(old, 'en').untranslated.size).toBe(0);
  });
});
