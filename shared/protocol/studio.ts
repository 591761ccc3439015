// The Scenario Studio's HTTP API (docs/api.md, "Studio"): the instructors' scenario library
// (every save kept as a version), playtests, and library scenarios on the home page. The server
// parses every request body with these schemas; the studio client may parse the answers with them.
// Every studio route needs an instructor key: `Authorization: Bearer <key>`.
import { z } from 'zod';
import type { ApiError, ApiErrorCode } from './apiErrors';
import { STUDIO_LIMITS } from './limits';


/** A library scenario's id (the server makes it: letters, digits, `-`, `_`). Not the scenario's
 *  own `id:`, which may change from one version to the next and which two instructors may share. */
export const LibraryId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'a library scenario id');
const VersionNumber = z.number().int().min(1).max(1_000_000);
export const Visibility = z.enum(['private', 'shared']);
export type Visibility = z.infer<typeof Visibility>;

const YamlText = z.string().min(1, 'the scenario text is empty').max(STUDIO_LIMITS.yamlChars, `at most ${STUDIO_LIMITS.yamlChars} characters`);
const Note = z.string().trim().max(STUDIO_LIMITS.noteChars);
const RoleId = z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'an id: lowercase letters, digits and dashes');

// --- Requests -----------------------------------------------------------------------------------

/** POST /api/studio/scenarios: a new library scenario, its text as version 1. */
export const CreateLibraryScenarioRequest = z.strictObject({
  yaml: YamlText,
  note: Note.optional(),
  visibility: Visibility.default('private'),
});
export type CreateLibraryScenarioRequest = z.input<typeof CreateLibraryScenarioRequest>;

/** POST /api/studio/scenarios/:id/versions: a new version (owner only). `basedOn`, when given, is
 *  the version the edit started from: if another save came since, 409 `version-conflict` and
 *  nothing is saved. */
export const SaveVersionRequest = z.strictObject({
  yaml: YamlText,
  note: Note.optional(),
  basedOn: VersionNumber.optional(),
});
export type SaveVersionRequest = z.input<typeof SaveVersionRequest>;

/** POST /api/studio/scenarios/:id/versions/:version/restore: no body needed (`{}`). */
export const RestoreVersionRequest = z.strictObject({ note: Note.optional() });
export type RestoreVersionRequest = z.input<typeof RestoreVersionRequest>;

/** POST /api/studio/scenarios/:id/visibility (owner only). */
export const SetVisibilityRequest = z.strictObject({ visibility: Visibility });
export type SetVisibilityRequest = z.input<typeof SetVisibilityRequest>;

/** POST /api/studio/playtest: a session of the draft (which must be valid) with bots in every
 *  seat but those of `role`, the delegation the author plays. */
export const PlaytestRequest = z.strictObject({
  yaml: YamlText,
  role: RoleId,
  personality: z.enum(['cooperative', 'hard-nosed']).default('cooperative'),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** One of the draft's class formats (default: its first, as for POST /api/sessions). */
  classFormat: RoleId.optional(),
});
export type PlaytestRequest = z.input<typeof PlaytestRequest>;

/** In POST /api/sessions, instead of `scenarioId`: a library scenario (needs the instructor key).
 *  Without `version`, its latest valid version. */
export const LibraryRef = z.strictObject({ id: LibraryId, version: VersionNumber.optional() });
export type LibraryRef = z.infer<typeof LibraryRef>;

// --- Answers ------------------------------------------------------------------------------------

export const Instructor = z.object({ id: z.string(), name: z.string() });
export type Instructor = z.infer<typeof Instructor>;

/** GET /api/studio/me: whose key this is (the studio's sign-in check). */
export const MeAnswer = z.object({ instructor: Instructor });
export type MeAnswer = z.infer<typeof MeAnswer>;

/** One validator message, as the CLI prints it (`line:column: message (path)`); line 0 = the
 *  file as a whole. */
export const Diagnostic = z.object({
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
  path: z.string(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** One saved version. `valid`: the loader found no problem (warnings allowed); only a valid
 *  version can be played or shown on the home page. */
export const VersionInfo = z.object({
  version: VersionNumber,
  /** ms since the epoch */
  savedAt: z.number(),
  savedBy: Instructor,
  /** The scenario's own `id:` and `title:` (from the text even for a draft with problems; null
   *  when there is none to read). */
  scenarioId: z.string().nullable(),
  title: z.string(),
  valid: z.boolean(),
  problemCount: z.number().int().min(0),
  warningCount: z.number().int().min(0),
  /** A restore: the version whose text this one repeats. */
  restoredFrom: VersionNumber.nullable(),
  note: z.string().nullable(),
  /** Size of the text in bytes (UTF-8). */
  bytes: z.number().int(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;

/** A version with its text and what the validator says about it. */
export const VersionText = VersionInfo.extend({
  yaml: z.string(),
  /** At most `listedProblems` of each, in file order; the counts are in `problemCount`/`warningCount`. */
  problems: z.array(Diagnostic),
  warnings: z.array(Diagnostic),
});
export type VersionText = z.infer<typeof VersionText>;

/** A library scenario as listed. */
export const LibraryEntry = z.object({
  id: LibraryId,
  owner: Instructor,
  /** The caller owns it (may save versions, restore, change visibility). */
  mine: z.boolean(),
  visibility: Visibility,
  createdAt: z.number(),
  /** The newest version (maybe a draft with problems). */
  latest: VersionInfo,
  /** The newest valid version: what the home page lists and a session plays; null if none. */
  playableVersion: VersionNumber.nullable(),
  versionCount: z.number().int().min(1),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

/** GET /api/studio/scenarios: the caller's scenarios, then those other instructors share;
 *  newest save first within each. */
export const LibraryListAnswer = z.object({ scenarios: z.array(LibraryEntry) });
export type LibraryListAnswer = z.infer<typeof LibraryListAnswer>;

/** The answer of get, get a version, create, save and restore: the scenario, one version with its
 *  text (the latest, the one asked for, or the one just saved), and every version, newest first. */
export const LibraryScenarioAnswer = z.object({
  scenario: LibraryEntry,
  version: VersionText,
  versions: z.array(VersionInfo),
});
export type LibraryScenarioAnswer = z.infer<typeof LibraryScenarioAnswer>;

/** POST /api/studio/scenarios/:id/visibility. */
export const VisibilityAnswer = z.object({ scenario: LibraryEntry });
export type VisibilityAnswer = z.infer<typeof VisibilityAnswer>;

/** POST /api/studio/playtest: the session opened, in the lobby (not started). The author joins
 *  with `joinCode` and takes one of `seats` (left free for them); the facilitator key opens the
 *  console (start, pause, end) beside the studio. */
export const PlaytestAnswer = z.object({
  sessionId: z.string(),
  joinCode: z.string(),
  facilitatorKey: z.string(),
  scenarioId: z.string(),
  title: z.string(),
  role: RoleId,
  /** The author's delegation's seats, all free; every other seat has a bot. */
  seats: z.array(z.object({ id: z.string(), title: z.string() })),
  /** Client paths: the student's join page and the facilitator console (key in the fragment). */
  playPath: z.string(),
  consolePath: z.string(),
});
export type PlaytestAnswer = z.infer<typeof PlaytestAnswer>;

/** An entry of GET /api/scenarios. Library scenarios (`library` set) are listed only to a request
 *  carrying an instructor key: the caller's own and the shared ones, each at its playable version.
 *  Two entries may have the same `id` (a library copy of a shipped scenario): key by `library.id`. */
export const ScenarioListing = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  era: z.string(),
  players: z.object({ min: z.number(), max: z.number() }),
  durationMinutes: z.number(),
  learningObjectives: z.array(z.string()),
  /** Asked in a language (`?lang=`) its texts are not all translated into: the scenario's own
   *  language, and the keys of the listed texts left in it (shared/scenario/translations.ts). */
  sourceLanguage: z.string().optional(),
  untranslated: z.array(z.string()).optional(),
  library: z
    .object({ id: LibraryId, version: VersionNumber, owner: z.string(), mine: z.boolean(), visibility: Visibility })
    .optional(),
});
export type ScenarioListing = z.infer<typeof ScenarioListing>;

/** GET /api/studio/scenarios/:id/public[?version=N] answers the engine's `PublicScenario` of that
 *  version (shared/engine/view.ts), as GET /api/scenarios/:id does for a shipped scenario. */

/** Every studio error answer: `{ error: { code, params?, problems? } }` as the rest of the API
 *  (./apiErrors.ts, `ApiErrorBody`), with the validator's problems when a draft was refused for
 *  play (`scenario-invalid`). */
export type StudioErrorBody = { error: StudioError & { problems?: Diagnostic[] } };

/** The codes the studio routes answer with (docs/api.md, "Studio"). */
export const STUDIO_ERROR_CODES = [
  'invalid-request', // 400: body fails the schema
  'invalid-json', // 400
  'too-many-aliases', // 400: a YAML alias bomb (more aliases than the loader expands)
  'unreadable-yaml', // 400: text the YAML parser cannot even read (e.g. nested too deep)
  'unknown-role', // 400: playtest: the draft has no such delegation
  'unknown-class-format', // 400: playtest: the draft offers no such class format
  'unauthorized', // 401: missing, wrong or revoked instructor key
  'not-owner', // 403: only the owner saves versions, restores, changes visibility
  'unknown-library-scenario', // 404: no such library scenario, or not visible to the caller
  'unknown-version', // 404
  'unknown-scenario', // 404: GET /shipped/:id: no shipped scenario with that id
  'not-found', // 404: no such studio route
  'version-conflict', // 409: `basedOn` is not the latest version
  'too-large', // 413: body over STUDIO_LIMITS.bodyBytes
  'scenario-invalid', // 422: a draft with problems cannot be played (problems listed)
  'rate-limited', // 429
] as const satisfies readonly ApiErrorCode[];
type StudioErrorCode = (typeof STUDIO_ERROR_CODES)[number];
/** One studio error, a code with its params. */
export type StudioError = Extract<ApiError, { code: StudioErrorCode }>;
