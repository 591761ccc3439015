// Every error the HTTP API answers (docs/api.md, "Errors"): `{ error: { code, params? } }`, a code
// and its details, never a sentence, as the room's refusals (./errors.ts). Each client words the
// code in its reader's language (client/src/i18n/en.ts, `apiErrors`); a script reads the code and
// the table in docs/api.md. Params are numbers, enum words, field paths and ids or names the
// caller sent or may see; a draft refused for play also lists the validator's `problems`.
import * as z from 'zod/mini';
import type { JoinRefusal } from './errors';

/** Each code with the params it carries (`undefined`: none). */
interface ApiErrorParams {
  // Any route
  /** The body does not fit the route's schema: the paths of its first few problems ("settings.classFormat"). */
  'invalid-request': { fields: string[] };
  'invalid-json': undefined;
  /** The body is over the route's limit, in KiB (16 for the API, 1024 for a studio text). */
  'too-large': { maxKiB: number };
  /** The URL could not be read (a malformed percent-escape). */
  'bad-request': undefined;
  'internal-error': undefined;
  'not-found': undefined;
  /** A page of another site (ALLOWED_ORIGINS). */
  'origin-not-allowed': undefined;
  /** `key`: which key the route needs; `reason`: none was sent, or it is not valid (wrong, revoked). */
  unauthorized: { key: 'facilitator' | 'instructor'; reason: 'missing' | 'wrong' };
  /** `sessions`, `saves`, `playtests`: at most `max` an hour; `guesses`: too many wrong join codes or
   *  keys from this address (a few minutes); `lookups`: a blocked address looks up one code per 2 s. */
  'rate-limited': { limit: 'sessions' | 'saves' | 'playtests'; max: number } | { limit: 'guesses' | 'lookups' };
  // Sessions
  'unknown-scenario': { scenario: string };
  'unknown-class-format': { classFormat: string; offered: string[] };
  'unknown-code': undefined;
  /** The session's scenario has no facilitator guide. */
  'no-guide': undefined;
  'unknown-format': { format: string };
  // Matchmaking (/matchmake, in Colyseus' shape: see `matchmakingBody`)
  'matchmaking-refused': { method: string };
  'shutting-down': undefined;
  'unknown-session': undefined;
  /** The match-maker refused the seat (Colyseus' own refusals; the room's own come over the socket). */
  refused: undefined;
  // The studio
  /** More YAML aliases than a scenario may expand (an "alias bomb"). */
  'too-many-aliases': undefined;
  /** The validator cannot read the text: the YAML parser failed, it is nested too deeply, checking
   *  took over `seconds`, or the validator's thread stopped on it. */
  'unreadable-yaml': { reason: 'parser' | 'tooDeep' | 'crashed' } | { reason: 'timeout'; seconds: number };
  /** A playtest of a delegation the draft does not have; `roles`: those it has. */
  'unknown-role': { role: string; roles: string[] };
  /** Only the owner (named) may change a library scenario. */
  'not-owner': { owner: string };
  'unknown-library-scenario': undefined;
  'unknown-version': { version: string };
  /** `version` was saved after `basedOn`, which the edit started from. */
  'version-conflict': { version: number; basedOn: number };
  /** Not playable: no version is valid yet, this one has `problemCount` problems (listed in
   *  `problems`), or the validator cannot read it. */
  'scenario-invalid': { reason: 'noValidVersion' | 'unreadable' } | { reason: 'problems'; problemCount: number };
}

export type ApiErrorCode = keyof ApiErrorParams;

/** One error as the API sends it: its code, and its params when the code has any. */
export type ApiError = {
  [C in ApiErrorCode]: ApiErrorParams[C] extends undefined ? { code: C } : { code: C; params: ApiErrorParams[C] };
}[ApiErrorCode];

/** Every code, for the client's catalogue and the tests (tsc refuses a missing or unknown one). */
const CODES: Record<ApiErrorCode, true> = {
  'invalid-request': true,
  'invalid-json': true,
  'too-large': true,
  'bad-request': true,
  'internal-error': true,
  'not-found': true,
  'origin-not-allowed': true,
  unauthorized: true,
  'rate-limited': true,
  'unknown-scenario': true,
  'unknown-class-format': true,
  'unknown-code': true,
  'no-guide': true,
  'unknown-format': true,
  'matchmaking-refused': true,
  'shutting-down': true,
  'unknown-session': true,
  refused: true,
  'too-many-aliases': true,
  'unreadable-yaml': true,
  'unknown-role': true,
  'not-owner': true,
  'unknown-library-scenario': true,
  'unknown-version': true,
  'version-conflict': true,
  'scenario-invalid': true,
};
export const API_ERROR_CODES = Object.keys(CODES) as ApiErrorCode[];

/** A validator message (shared/protocol/studio.ts `Diagnostic`, kept in English: docs/translating.md). */
const Problem = z.strictObject({ line: z.number(), column: z.number(), message: z.string(), path: z.string() });

/** The body of every error answer under /api: strict, so a sentence (`message`) cannot creep back. */
export const ApiErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(API_ERROR_CODES),
    params: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))),
    problems: z.optional(z.array(Problem)),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The same error as /matchmake answers it, in the shape @colyseus/sdk reads: `error` is the word
 *  the SDK passes on as its message: for an unknown session the room's join refusal
 *  `unknownSession` (./errors.ts, which the client words), the code otherwise. */
export function matchmakingBody(error: ApiError): { code: ApiErrorCode; error: string; params?: Record<string, unknown> } {
  const word: string = error.code === 'unknown-session' ? ('unknownSession' satisfies JoinRefusal) : error.code;
  return 'params' in error ? { code: error.code, error: word, params: error.params } : { code: error.code, error: word };
}
