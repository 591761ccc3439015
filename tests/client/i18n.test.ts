// The UI catalogues: every language has exactly English's keys and, per key, the same ICU
// arguments; every message parses and formats in its own locale, with a branch for each plural
// form the locale has (Russian: 1 one, 2 few, 5 many, 21 one).
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from '@client/src/i18n/en';
import { compile, isPrecompiled, type Precompiled } from '@client/src/i18n/catalogue';
import { pseudo } from '@client/src/i18n/pseudo';
import { initialLanguage } from '@client/src/i18n';
import { ru } from '@client/src/i18n/ru';
import { zh } from '@client/src/i18n/zh';
import { apiErrorsEn } from '@client/src/i18n/api/en';
import { apiErrorsRu } from '@client/src/i18n/api/ru';
import { apiErrorsZh } from '@client/src/i18n/api/zh';
import { studioEn } from '@client/src/i18n/studio/en';
import { studioRu } from '@client/src/i18n/studio/ru';
import { studioZh } from '@client/src/i18n/studio/zh';

// The parser's element types (@formatjs/icu-messageformat-parser's TYPE), as getAst returns them.
const TYPE = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, pound: 7 } as const;
type MessageFormatElement = { type: number; value: string; options?: Record<string, { value: MessageFormatElement[] }> };
const parse = (message: string | Precompiled) =>
  (typeof message === 'string' ? new IntlMessageFormat(message, 'en').getAst() : message.ast) as MessageFormatElement[];

/** Each language's catalogue, and the English it must match: the main one, and the lazy parts
 *  (the studio's words, the HTTP API's errors). */
const catalogues: Record<string, { catalogue: unknown; locale: string; english: unknown }> = {
  en: { catalogue: en, locale: 'en', english: en },
  pseudo: { catalogue: pseudo(en), locale: 'en', english: en },
  ru: { catalogue: ru, locale: 'ru', english: en },
  zh: { catalogue: zh, locale: 'zh-CN', english: en },
  'studio en': { catalogue: studioEn, locale: 'en', english: studioEn },
  'studio pseudo': { catalogue: pseudo(studioEn), locale: 'en', english: studioEn },
  'studio ru': { catalogue: studioRu, locale: 'ru', english: studioEn },
  'studio zh': { catalogue: studioZh, locale: 'zh-CN', english: studioEn },
  'api en': { catalogue: apiErrorsEn, locale: 'en', english: apiErrorsEn },
  'api pseudo': { catalogue: pseudo(apiErrorsEn), locale: 'en', english: apiErrorsEn },
  'api ru': { catalogue: apiErrorsRu, locale: 'ru', english: apiErrorsEn },
  'api zh': { catalogue: apiErrorsZh, locale: 'zh-CN', english: apiErrorsEn },
};

type Argument = { name: string; type: 'plural' | 'select' | 'number' | 'date' | 'simple'; options: string[]; counted?: boolean };

/** Every message of a catalogue by its path ("home.join", "help.dealSteps.0.1"). */
function messages(node: unknown, path: string[] = []): Map<string, string | Precompiled> {
  if (typeof node === 'string' || isPrecompiled(node)) return new Map([[path.join('.'), node]]);
  const found = new Map<string, string | Precompiled>();
  for (const [key, value] of Object.entries(node as object)) {
    for (const [p, text] of messages(value, [...path, key])) found.set(p, text);
  }
  return found;
}

function argumentsOf(elements: MessageFormatElement[], found: Argument[] = []): Argument[] {
  for (const e of elements) {
    if (e.type === TYPE.argument) found.push({ name: e.value, type: 'simple', options: [] });
    else if (e.type === TYPE.number) found.push({ name: e.value, type: 'number', options: [] });
    else if (e.type === TYPE.date || e.type === TYPE.time) found.push({ name: e.value, type: 'date', options: [] });
    else if (e.type === TYPE.plural || e.type === TYPE.select) {
      const options = e.options ?? {};
      const counted = Object.values(options).some((option) => option.value.some((x) => x.type === TYPE.pound));
      found.push({ name: e.value, type: e.type === TYPE.plural ? 'plural' : 'select', options: Object.keys(options), counted });
      for (const option of Object.values(options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

/** Per message, the names of its arguments, sorted and without repeats. */
function signature(catalogue: unknown): Map<string, string[]> {
  return new Map(
    [...messages(catalogue)].map(([path, text]) => [path, [...new Set(argumentsOf(parse(text)).map((a) => a.name))].sort()]),
  );
}

/** What differs between English and another catalogue, one line per key. */
function differences(reference: unknown, other: unknown): string[] {
  const want = signature(reference);
  const have = signature(other);
  const lines: string[] = [];
  for (const [path, args] of want) {
    if (!have.has(path)) lines.push(`missing ${path}`);
    else if (have.get(path)!.join() !== args.join()) lines.push(`${path}: arguments {${have.get(path)!.join(', ')}}, English has {${args.join(', ')}}`);
  }
  for (const path of have.keys()) if (!want.has(path)) lines.push(`extra ${path}`);
  return lines;
}

/** Sample values that reach every branch: each plural count, each select key. */
function samples(args: Argument[]): Record<string, unknown>[] {
  const counts = [0, 1, 2, 5, 21, 1234];
  const rows = Math.max(counts.length, ...args.map((a) => a.options.length));
  return Array.from({ length: rows }, (_, i) =>
    Object.fromEntries(
      args.map((a) => {
        if (a.type === 'plural' || a.type === 'number') return [a.name, counts[i % counts.length]];
        if (a.type === 'select') return [a.name, a.options[i % a.options.length]];
        if (a.type === 'date') return [a.name, new Date(Date.UTC(2026, 11, 2, 12))];
        return [a.name, `‹${a.name}›`];
      }),
    ),
  );
}

describe('UI catalogues', () => {
  for (const [language, { catalogue, locale, english }] of Object.entries(catalogues)) {
    it(`${language} has English's keys and, per key, its ICU arguments`, () => {
      expect(differences(english, catalogue)).toEqual([]);
    });

    it(`every ${language} message has a branch for each plural form of ${locale} and formats`, () => {
      const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const compiled = compile(catalogue, locale) as object;
      const at = (path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], compiled);
      const problems: string[] = [];
      for (const [path, text] of messages(catalogue)) {
        const args = argumentsOf(parse(text));
        // A plural that shows its count (#) needs every form; one that only picks by =0 does not.
        for (const plural of args.filter((a) => a.type === 'plural' && a.counted)) {
          const missing = forms.filter((form) => !plural.options.includes(form) && !(form === 'zero' && plural.options.includes('=0')));
          if (missing.length) problems.push(`${path}: {${plural.name}} has no ${missing.join(', ')}`);
        }
        if (args.length === 0) {
          expect(at(path)).toBe(text);
          continue;
        }
        const format = at(path) as (values: object) => string;
        const outs = samples(args).map((values) => format(values));
        for (const out of outs) if (/[{}]/.test(out)) problems.push(`${path}: "${out}" still has a brace`);
        for (const a of args.filter((x) => x.type === 'simple')) {
          if (!outs.some((out) => out.includes(`‹${a.name}›`))) problems.push(`${path}: {${a.name}} is never shown`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('finds a missing key, an extra key and a renamed argument', () => {
    const broken = structuredClone(en) as unknown as { home: Record<string, string>; connection: Record<string, string> };
    delete broken.home.join;
    broken.home.joinNow = 'Join now';
    broken.connection.pending = '{count, plural, one {# action} other {# actions}}';
    expect(differences(en, broken)).toEqual([
      'connection.pending: arguments {count}, English has {n}',
      'missing home.join',
      'extra home.joinNow',
    ]);
  });

  it('formats Russian plurals by their forms: 1, 2, 5 and 21', () => {
    const ru = compile({ n: '{n, plural, one {# ход} few {# хода} many {# ходов} other {# хода}}' } as const, 'ru');
    expect([1, 2, 5, 21].map((n) => ru.n({ n }))).toEqual(['1 ход', '2 хода', '5 ходов', '21 ход']);
  });

  it('formats a select on a boolean and a number in the locale', () => {
    const c = compile({ a: '{shared, select, true {shared} other {private}}', b: '{n, number} pts' } as const, 'ru');
    expect([c.a({ shared: true }), c.a({ shared: false }), c.b({ n: 1234 })]).toEqual(['shared', 'private', `${new Intl.NumberFormat('ru').format(1234)} pts`]);
  });

  it('writes the pseudo-language around the arguments, 40% longer, in brackets', () => {
    const { m, plain } = compile(pseudo({ m: 'Give the {n, plural, one {# empty seat} other {# empty seats}} to {name}', plain: 'Join a session' } as const), 'en') as unknown as {
      m: (values: object) => string;
      plain: string;
    };
    expect(m({ n: 1, name: 'Ann' })).toMatch(/^⟦Ĝíṽé ţĥé 1 éɱþţý šéàţ ţó Ann ẋ+( ẋ+)*⟧$/);
    expect(m({ n: 2, name: 'Ann' })).toMatch(/^⟦Ĝíṽé ţĥé 2 éɱþţý šéàţš ţó Ann ẋ/);
    expect(plain).toMatch(/^⟦Ĵóíñ à šéššíóñ ẋ+( ẋ+)*⟧$/);
    expect(plain.replace(/[⟦⟧ ]/g, '').length).toBeGreaterThanOrEqual('Joinasession'.length * 1.4);
  });

  it('starts in the language of the address, then the device, then the browser, else English', () => {
    expect(initialLanguage('?lang=pseudo', 'en', ['en-US'])).toBe('pseudo');
    expect(initialLanguage('?lang=xx', 'en', ['en-US'])).toBe('en');
    expect(initialLanguage('', 'pseudo', ['de-DE'])).toBe('en');
    expect(initialLanguage('', null, ['de-DE', 'fr'])).toBe('en');
    expect(initialLanguage('', null, ['EN-gb'])).toBe('en');
    expect(initialLanguage('?lang=ru', 'zh', ['en-US'])).toBe('ru');
    expect(initialLanguage('', 'zh', ['ru-RU'])).toBe('zh');
    expect(initialLanguage('', null, ['de-DE', 'ru-RU', 'zh-CN'])).toBe('ru');
    expect(initialLanguage('', null, ['zh-TW'])).toBe('zh');
  });
});
