// The HTTP API's errors in English (shared/protocol/apiErrors.ts: a code and its params, worded
// here). A lazy part of the catalogue (ru.ts, zh.ts beside it have the same keys), loaded when an
// answer is first refused (client/src/i18n/apiErrors.ts), not with a student's first screen.
// ICU MessageFormat as in ../en.ts; see docs/translating.md.
import type { ApiErrorCode } from '@shared/protocol/apiErrors';

export const apiErrorsEn = {
  'invalid-request': 'The server could not accept this request ({fields}).',
  'invalid-json': 'The server could not read this request.',
  'too-large': 'This is too large: the server takes at most {maxKiB, number} KB.',
  'bad-request': 'The server could not read this address.',
  'internal-error': 'The server failed on this request. Try again; if it keeps failing, tell whoever runs the server.',
  'not-found': 'The server has no such page or service.',
  'origin-not-allowed': 'Pages from another site may not use this server.',
  unauthorized: '{key, select, instructor {{reason, select, missing {This needs your instructor key.} other {This instructor key is not valid on this server (wrong, or revoked).}}} other {{reason, select, missing {This needs the session’s facilitator key.} other {This facilitator key is wrong.}}}}',
  'rate-limited': '{limit, select, sessions {At most {max, number} sessions an hour can be opened from one address. Try again later.} saves {At most {max, number} saves an hour. Try again later.} playtests {At most {max, number} playtests an hour. Try again later.} lookups {Too many wrong codes from this address. Try again in a few seconds.} other {Too many wrong codes or keys from this address. Wait a few minutes.}}',
  'unknown-scenario': 'There is no scenario “{scenario}” on this server.',
  'unknown-class-format': 'This scenario has no class format “{classFormat}” (it has: {offered}).',
  'unknown-code': 'No session has this join code. Check it with your instructor.',
  'no-guide': 'There is no facilitator guide for this scenario.',
  'unknown-format': 'There is no export “{format}”.',
  'matchmaking-refused': 'The server does not offer this way of joining (“{method}”).',
  'shutting-down': 'The server is restarting. Try again in a moment.',
  'unknown-session': 'This session does not exist (any more).',
  refused: 'The session did not let you in.',
  'too-many-aliases': 'This YAML uses more aliases (*name) than a scenario may expand. Write the repeated parts out. Nothing was saved.',
  'unreadable-yaml': '{reason, select, tooDeep {This YAML is nested too deeply to be read.} timeout {Checking this text took more than {seconds, number} seconds.} crashed {The validator stopped on this text.} other {The YAML parser cannot read this text.}} Nothing was saved.',
  'unknown-role': 'This draft has no delegation “{role}”: choose one of {roles}.',
  'not-owner': 'Only {owner}, who owns this scenario, may change it. Save it as your own scenario to edit a copy.',
  'unknown-library-scenario': 'There is no such library scenario (or it is private to another instructor).',
  'unknown-version': 'This scenario has no version {version}.',
  'version-conflict': 'Version {version, number} was saved after version {basedOn, number}, which this edit started from. Nothing was saved: reload, then save again.',
  'scenario-invalid': '{reason, select, noValidVersion {No version of this scenario is valid yet: fix its problems in the studio first.} problems {This version has {problemCount, plural, one {# problem} other {# problems}}: a scenario is played only once the validator finds none.} other {The validator cannot read this version.}}',
  // An answer without one of our codes (a proxy's error page).
  unknown: 'The server answered with an error (HTTP {status}).',
} as const satisfies Record<ApiErrorCode | 'unknown', string>;

export type ApiErrorMessages = typeof apiErrorsEn;
