// Size limits of player text and of the studio's scenario texts, in a module of its own (no zod) so the web client can use them
// without bundling the protocol schemas.
export const LIMITS = {
  chatChars: 1000,
  statementChars: 600,
  nameChars: 40,
  newsChars: 400,
  groupLabelChars: 60,
  /** Suggestions in one line of a bot adviser at most: a line is read at a glance. */
  adviceSuggestions: 2,
} as const;

/** The Scenario Studio's limits (docs/api.md, "Studio"): the server enforces them, the studio
 *  checks an upload against them before sending it. */
export const STUDIO_LIMITS = {
  /** Largest request body read by a studio route, in bytes (JSON, the YAML text inside). The
   *  biggest shipped scenario is about 52 KB: 1 MiB leaves room for twenty times that. */
  bodyBytes: 1024 * 1024,
  /** Longest scenario text, in characters. */
  yamlChars: 1_000_000,
  /** Longest note on a saved version. */
  noteChars: 200,
  /** Longest title shown for a draft (taken from its `title:` even when the draft has problems). */
  titleChars: 120,
  /** Most problems (or warnings) an answer lists; `problemCount` always has the total. */
  listedProblems: 100,
} as const;
