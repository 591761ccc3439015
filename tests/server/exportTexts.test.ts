// The exports' own catalogues (server/i18n): Russian and Chinese have exactly English's keys and,
// per key, the same ICU arguments, and every text formats in its locale.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { EXPORT_CATALOGUES, exportTexts } from '@server/i18n';
import { en as clientEn } from '@client/src/i18n/en';
import { ru as clientRu } from '@client/src/i18n/ru';
import { zh as clientZh } from '@client/src/i18n/zh';

type Element = { type: number; value: string; options?: Record<string, { value: Element[] }> };

/** The argument names a message uses, nested ones included (1 argument, 5 select, 6 plural). */
function argumentsOf(elements: Element[], found = new Set<string>()): Set<string> {
  for (const e of elements) {
    if ([1, 2, 5, 6].includes(e.type)) found.add(e.value);
    for (const option of Object.values(e.options ?? {})) argumentsOf(option.value, found);
  }
  return found;
}

const args = (message: string) => [...argumentsOf(new IntlMessageFormat(message, 'en').getAst() as unknown as Element[])].sort();

/** Every message by its path (`timeline.gameBegins`). */
function flat(node: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') out[prefix + key] = value;
    else Object.assign(out, flat(value as object, `${prefix}${key}.`));
  }
  return out;
}

describe('the export catalogues', () => {
  it('have the same keys and arguments in every language', () => {
    const [en, ru, zh] = [EXPORT_CATALOGUES.en, EXPORT_CATALOGUES.ru, EXPORT_CATALOGUES.zh].map((c) => flat(c));
    for (const other of [ru, zh]) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) expect(args(other[key]), key).toEqual(args(en[key]));
    }
  });

  it("word the timeline and the channels with the client's strings, language by language", () => {
    const client = { en: clientEn, ru: clientRu, zh: clientZh };
    for (const language of ['en', 'ru', 'zh'] as const) {
      expect(EXPORT_CATALOGUES[language].timeline, language).toEqual(client[language].timeline);
      expect(EXPORT_CATALOGUES[language].channels, language).toEqual(client[language].channels);
    }
  });

  it('format plurals and selects in their locale', () => {
    expect(exportTexts('ru').points({ points: 21 })).toBe('21 очко');
    expect(exportTexts('ru').points({ points: 5 })).toBe('5 очков');
    expect(exportTexts('en').met({ met: false })).toBe('not met');
    expect(exportTexts('zh').deal({ memo: true, status: 'inForce', parties: 'A、B', terms: 'x' })).toBe('第二轨道备忘录，已生效；当事方：A、B；条款：x');
  });
});
