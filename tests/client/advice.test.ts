// A bot adviser's line as each student reads it: every advice code has its wording in English,
// Russian and Chinese, filled with the scenario's labels in the reader's language (Handshake in
// orbit's shipped translations) and numbers in the reader's locale; English says what the line's
// own text (the exports' and logs' wording, shared/bots/advice.ts) says.
import { describe, expect, it } from 'vitest';
import { adviceInEnglish } from '@shared/bots/advice';
import { publicScenarioIn } from '@shared/engine/viewLanguage';
import { ADVICE_CODES, type Advice, type AdviceCode } from '@shared/protocol/actions';
import { loadScenarioFiles } from '@server/scenarioFiles';
import { compile } from '@client/src/i18n/catalogue';
import { en } from '@client/src/i18n/en';
import { ru } from '@client/src/i18n/ru';
import { zh } from '@client/src/i18n/zh';
import { adviceText } from '@client/src/features/table/advice';

const [loaded] = loadScenarioFiles([new URL('../../scenarios/handshake-in-orbit.yaml', import.meta.url).pathname]);
if (!loaded.result.ok) throw new Error('Handshake in orbit does not load');
const handshake = loaded.result.scenario;

// Another language's catalogue has English's keys and arguments (tests/client/i18n.test.ts).
const languages: Record<string, { catalogue: typeof en; locale: string; decimal: string }> = {
  en: { catalogue: en, locale: 'en', decimal: '14.5' },
  ru: { catalogue: ru as unknown as typeof en, locale: 'ru', decimal: '14,5' },
  zh: { catalogue: zh as unknown as typeof en, locale: 'zh-CN', decimal: '14.5' },
};

const accord = handshake.dealTypes.find((d) => d.id === 'science-accord')!;
const terms = Object.fromEntries(accord.issues.slice(0, 2).map((i) => [i.id, i.options[0].id]));

/** One suggestion of each code, with or without the delegation's figures. */
function sample(code: AdviceCode, points: boolean): Advice {
  const figures = points ? { points: { value: 14.5, walkAway: 8 } } : {};
  if (code === 'counter') return { code, deal: 'd7', dealType: accord.id, terms, ...figures };
  if (code === 'draft') return { code, dealType: accord.id, partners: ['soviet-academy', 'soviet-gov'], terms, ...figures };
  return { code, deal: 'd7', dealType: accord.id, ...figures };
}

describe('a bot adviser’s line in the reader’s language', () => {
  for (const [language, { catalogue, locale, decimal }] of Object.entries(languages)) {
    it(`words every advice code in ${language}, with the scenario's ${language} labels and ${locale} numbers`, () => {
      const scenario = publicScenarioIn(handshake, language);
      const labels = { roles: scenario.roles.map((r) => ({ id: r.id, name: r.name })), scenario } as Parameters<typeof adviceText>[1];
      const messages = compile(catalogue, locale).advice;
      const type = scenario.dealTypes.find((d) => d.id === accord.id)!;
      for (const code of ADVICE_CODES) {
        for (const points of [true, false]) {
          const advice = sample(code, points);
          const line = adviceText([advice], labels, messages, locale);
          const where = `${language} ${code}${points ? ' with figures' : ''}: "${line}"`;
          expect(line, where).not.toMatch(/[{}]|undefined|NaN/);
          if ('deal' in advice) expect(line, where).toContain('d7');
          if (code !== 'adopt' && (code !== 'counter' || !points)) expect(line, where).toContain(type.label);
          if (points && code !== 'adopt') expect(line, where).toContain(decimal);
          if (advice.code === 'counter' || advice.code === 'draft') {
            const issue = type.issues.find((i) => i.id === Object.keys(terms)[0])!;
            expect(line, where).toContain(issue.label);
            expect(line, where).toContain(issue.options[0].label);
          }
          if (advice.code === 'draft') for (const id of advice.partners) expect(line, where).toContain(scenario.roles.find((r) => r.id === id)!.name);
          if (language === 'en') expect(line, where).toBe(adviceInEnglish(advice, labels, scenario));
        }
      }
    });
  }

  it('reads translated labels: a Russian student sees the Russian name of the deal type, not the English one', () => {
    const english = publicScenarioIn(handshake, 'en').dealTypes.find((d) => d.id === accord.id)!.label;
    const russian = publicScenarioIn(handshake, 'ru');
    const line = adviceText([sample('accept', true)], { roles: [], scenario: russian }, compile(languages.ru.catalogue, 'ru').advice, 'ru');
    expect(line).not.toContain(english);
    expect(line).toContain(russian.dealTypes.find((d) => d.id === accord.id)!.label);
  });

  it('puts two suggestions side by side, and shows an id it has no label for as it is', () => {
    const messages = compile(en, 'en').advice;
    const line = adviceText([sample('accept', false), { code: 'sign', deal: 'd8', dealType: 'unknown-type' }], { roles: [], scenario: null }, messages, 'en');
    expect(line).toBe('The science-accord d7: I would accept d7. The unknown-type d8: I would sign d8.');
  });
});
