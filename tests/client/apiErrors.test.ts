// Every error the HTTP API can send (shared/protocol/apiErrors.ts) has words in English, Russian
// and Chinese that take its params: each code with each shape of params it is sent with, rendered
// in the three languages, shows its values and leaves no brace; and the client's apiErrorText
// words what it is given, an answer without our code included.
import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorOf, apiErrorText } from '@client/src/api';
import { apiErrorsEn } from '@client/src/i18n/api/en';
import { apiErrorsRu } from '@client/src/i18n/api/ru';
import { apiErrorsZh } from '@client/src/i18n/api/zh';
import { compile } from '@client/src/i18n/catalogue';
import { API_ERROR_CODES, type ApiError as SentError, type ApiErrorCode } from '@shared/protocol/apiErrors';

/** Every code with every shape of params the server sends it with (tsc: none may be left out). */
const sent: { [C in ApiErrorCode]: Extract<SentError, { code: C }>[] } = {
  'invalid-request': [{ code: 'invalid-request', params: { fields: ['settings.classFormat', 'seed'] } }],
  'invalid-json': [{ code: 'invalid-json' }],
  'too-large': [{ code: 'too-large', params: { maxKiB: 16 } }, { code: 'too-large', params: { maxKiB: 1024 } }],
  'bad-request': [{ code: 'bad-request' }],
  'internal-error': [{ code: 'internal-error' }],
  'not-found': [{ code: 'not-found' }],
  'origin-not-allowed': [{ code: 'origin-not-allowed' }],
  unauthorized: (['facilitator', 'instructor'] as const).flatMap((key) => (['missing', 'wrong'] as const).map((reason) => ({ code: 'unauthorized' as const, params: { key, reason } }))),
  'rate-limited': [
    { code: 'rate-limited', params: { limit: 'sessions', max: 30 } },
    { code: 'rate-limited', params: { limit: 'saves', max: 120 } },
    { code: 'rate-limited', params: { limit: 'playtests', max: 30 } },
    { code: 'rate-limited', params: { limit: 'guesses' } },
    { code: 'rate-limited', params: { limit: 'lookups' } },
  ],
  'unknown-scenario': [{ code: 'unknown-scenario', params: { scenario: 'no-such-scenario' } }],
  'unknown-class-format': [{ code: 'unknown-class-format', params: { classFormat: 'marathon', offered: ['class', 'short'] } }],
  'unknown-code': [{ code: 'unknown-code' }],
  'no-guide': [{ code: 'no-guide' }],
  'unknown-format': [{ code: 'unknown-format', params: { format: 'xml' } }],
  'matchmaking-refused': [{ code: 'matchmaking-refused', params: { method: 'joinOrCreate' } }],
  'shutting-down': [{ code: 'shutting-down' }],
  'unknown-session': [{ code: 'unknown-session' }],
  refused: [{ code: 'refused' }],
  'too-many-aliases': [{ code: 'too-many-aliases' }],
  'unreadable-yaml': [
    ...(['parser', 'tooDeep', 'crashed'] as const).map((reason) => ({ code: 'unreadable-yaml' as const, params: { reason } })),
    { code: 'unreadable-yaml', params: { reason: 'timeout', seconds: 10 } },
  ],
  'unknown-role': [{ code: 'unknown-role', params: { role: 'esa', roles: ['nasa', 'us-gov'] } }],
  'not-owner': [{ code: 'not-owner', params: { owner: 'Ada Lovelace' } }],
  'unknown-library-scenario': [{ code: 'unknown-library-scenario' }],
  'unknown-version': [{ code: 'unknown-version', params: { version: '9' } }],
  'version-conflict': [{ code: 'version-conflict', params: { version: 3, basedOn: 2 } }],
  'scenario-invalid': [
    { code: 'scenario-invalid', params: { reason: 'noValidVersion' } },
    { code: 'scenario-invalid', params: { reason: 'unreadable' } },
    ...[1, 2, 5, 21].map((problemCount) => ({ code: 'scenario-invalid' as const, params: { reason: 'problems' as const, problemCount } })),
  ],
};

const languages = { en: compile(apiErrorsEn, 'en'), ru: compile(apiErrorsRu, 'ru'), zh: compile(apiErrorsZh, 'zh-CN') };

/** Params that are enum words, worded by a select rather than shown. */
const WORDS = new Set(['key', 'reason', 'limit']);

function render(language: keyof typeof languages, error: SentError): string {
  const text = (languages[language] as unknown as Record<string, string | ((values: object) => string)>)[error.code];
  if (typeof text === 'string') return text;
  const params = 'params' in error ? (error.params as Record<string, unknown>) : {};
  return text(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : value])));
}

describe('the HTTP API errors in every language', () => {
  it('has an entry for every code in English, Russian and Chinese', () => {
    for (const language of Object.values(languages)) expect(Object.keys(language).sort()).toEqual([...API_ERROR_CODES, 'unknown'].sort());
  });

  for (const language of ['en', 'ru', 'zh'] as const) {
    it(`words every code with its params in ${language}, showing the values the reader needs`, () => {
      const problems: string[] = [];
      for (const error of Object.values(sent).flat()) {
        const out = render(language, error);
        if (/[{}]/.test(out) || out.trim() === '') problems.push(`${error.code}: "${out}"`);
        for (const [name, value] of Object.entries('params' in error ? error.params : {})) {
          // Enum words choose the wording; ids, names, numbers and field paths are shown.
          if (WORDS.has(name)) continue;
          for (const shown of [value].flat().map(String)) {
            // Numbers in the locale's digits grouping (1,024; 1 024).
            if (!out.replace(/[\s,.]/g, '').includes(shown.replace(/[\s,.]/g, ''))) problems.push(`${error.code}: "${out}" does not show ${name} ${shown}`);
          }
        }
        if (language !== 'en' && out === render('en', error)) problems.push(`${error.code}: the same as English`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('reads a refusal and words it, an unreachable server and an answer without our code (English here)', async () => {
    // Before any answer was refused, the words are not loaded (a lazy part): only the generic ones.
    expect(apiErrorText(new ApiError(404, 'unknown-code'))).toBe('Something went wrong.');
    const answer = (body: unknown, status: number) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
    const conflict = await apiErrorOf(answer({ error: { code: 'version-conflict', params: { version: 3, basedOn: 2 } } }, 409));
    expect([conflict.status, conflict.code, conflict.params]).toEqual([409, 'version-conflict', { version: 3, basedOn: 2 }]);
    expect(apiErrorText(conflict)).toBe(
      'Version 3 was saved after version 2, which this edit started from. Nothing was saved: reload, then save again.',
    );
    expect(apiErrorText(new ApiError(400, 'unknown-class-format', { classFormat: 'marathon', offered: ['class', 'short'] }))).toBe(
      'This scenario has no class format “marathon” (it has: class, short).',
    );
    expect(apiErrorText(new ApiError(0, 'network'))).toBe('The server cannot be reached.');
    const proxy = await apiErrorOf(answer('<html>Bad gateway</html>', 502));
    expect([proxy.code, apiErrorText(proxy)]).toEqual(['http-502', 'The server answered with an error (HTTP 502).']);
    const invalid = await apiErrorOf(answer({ error: { code: 'scenario-invalid', params: { reason: 'problems', problemCount: 1 }, problems: [{ line: 3, column: 1, message: 'm', path: 'p' }] } }, 422));
    expect([apiErrorText(invalid), invalid.problems]).toEqual(['This version has 1 problem: a scenario is played only once the validator finds none.', [{ line: 3, column: 1, message: 'm', path: 'p' }]]);
    // Params that do not fit (another server version): the generic words, not a broken sentence.
    expect(apiErrorText(new ApiError(429, 'rate-limited', { limit: 'sessions' }))).toBe('The server answered with an error (HTTP 429).');
    expect(apiErrorText(new Error('boom'))).toBe('Something went wrong.');
  });
});
