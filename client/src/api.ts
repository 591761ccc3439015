// The HTTP API (docs/api.md). Every call throws an ApiError with the server's code and params,
// which `apiErrorText` words in the reader's language (i18n `apiErrors`).
import type { PublicScenario } from '@shared/engine/view';
import type { Diagnostic, LibraryRef, ScenarioListing } from '@shared/protocol/studio';
import { list, t } from './i18n';
import type * as ApiErrorWords from './i18n/apiErrors';

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  era: string;
  players: { min: number; max: number };
  durationMinutes: number;
  learningObjectives: string[];
  roles?: { id: string; name: string }[];
  /** A scenario of the instructors' library (listed only with an instructor key): its id there,
   *  its playable version, whose it is. Its `id` may repeat a shipped one: key by `library.id`. */
  library?: ScenarioListing['library'];
}

/** What a session is opened of: a shipped scenario, or a library one (needs the instructor key). */
export type SessionScenario = { scenarioId: string } | { library: LibraryRef };

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
}

export interface JoinTarget {
  sessionId: string;
  scenarioId?: string;
  title?: string;
  status?: string;
}

/** What an error carries (shared/protocol/apiErrors.ts): numbers, words, ids, lists of them. */
type Params = Readonly<Record<string, string | number | readonly string[]>>;

/** A refused or failed request: `network` (no answer), one of the API's codes, or `http-<status>`
 *  for an answer without one (a proxy's error page). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Params = {},
    /** The validator's problems, when a library draft was refused for play. */
    readonly problems: readonly Diagnostic[] = [],
  ) {
    super(`${code} (HTTP ${status})`);
  }
}

/** The API's error words (a lazy part of the catalogue: i18n/apiErrors.ts), once an answer was refused. */
let apiErrorWords: typeof ApiErrorWords | undefined;

async function loadWords(): Promise<void> {
  const part = await import('./i18n/apiErrors');
  await part.loadApiErrorWords();
  apiErrorWords = part;
}

/** The ApiError of an answer that is not ok, once the words for it are loaded (apiErrorText). */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const [body] = await Promise.all([response.json().catch(() => null), loadWords().catch(() => undefined)]);
  const error = body?.error;
  if (typeof error?.code !== 'string') return new ApiError(response.status, `http-${response.status}`);
  const params = typeof error.params === 'object' && error.params !== null && !Array.isArray(error.params) ? error.params : {};
  return new ApiError(response.status, error.code, params, Array.isArray(error.problems) ? error.problems : []);
}

/** An API error as a sentence in the reader's language, filled with the params the server sent
 *  (apiErrorOf has loaded the words). */
export function apiErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.unknown;
  if (error.code === 'network') return t.errors.network;
  const words = apiErrorWords?.apiErrorWords();
  if (!words) return t.errors.unknown; // their chunk could not be loaded
  const texts = words as unknown as Record<string, string | ((values: object) => string)>;
  const text = Object.hasOwn(texts, error.code) ? texts[error.code] : undefined;
  if (typeof text === 'string') return text;
  const values = Object.fromEntries(Object.entries(error.params).map(([key, value]) => [key, Array.isArray(value) ? list(value) : value]));
  try {
    if (text) return text(values);
  } catch {
    // Params that do not fit the message (another server version): the generic words below.
  }
  return words.unknown({ status: error.status });
}

/** A request that never got an answer. */
const unreachable = () => new ApiError(0, 'network');

/** `key`: a facilitator key, or an instructor key (the library). */
async function request<T>(path: string, init?: RequestInit & { key?: string }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init?.body) headers['Content-Type'] = 'application/json';
  if (init?.key) headers.Authorization = `Bearer ${init.key}`;
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json().catch(() => null)) as T;
}

export const api = {
  /** The shipped scenarios; with an instructor key, also the library scenarios they may use. */
  listScenarios: (instructorKey?: string) =>
    request<ScenarioSummary[] | { scenarios: ScenarioSummary[] }>('/api/scenarios', { key: instructorKey }).then((r) =>
      Array.isArray(r) ? r : r.scenarios,
    ),
  createSession: (scenario: SessionScenario, classFormat?: string, instructorKey?: string) =>
    request<CreatedSession>('/api/sessions', {
      method: 'POST',
      body: JSON.stringify({ ...scenario, ...(classFormat ? { settings: { classFormat } } : {}) }),
      key: instructorKey,
    }),
  /** A shipped scenario's public parts (its class formats among them). */
  scenario: (scenarioId: string) => request<PublicScenario>(`/api/scenarios/${encodeURIComponent(scenarioId)}`),
  /** The same of a library scenario's version. */
  libraryScenario: ({ id, version }: LibraryRef, instructorKey: string) =>
    request<PublicScenario>(`/api/studio/scenarios/${encodeURIComponent(id)}/public${version ? `?version=${version}` : ''}`, { key: instructorKey }),
  /** The facilitator guide of the session's scenario, as Markdown. */
  guide: (sessionId: string, facilitatorKey: string) =>
    request<{ scenarioId: string; markdown: string }>(`/api/sessions/${encodeURIComponent(sessionId)}/guide`, { key: facilitatorKey }),
  findSession: (joinCode: string) => request<JoinTarget>(`/api/join/${encodeURIComponent(joinCode.trim().toUpperCase())}`),
  report: (sessionId: string, facilitatorKey: string) =>
    request<unknown>(`/api/sessions/${encodeURIComponent(sessionId)}/report`, { key: facilitatorKey }),
  /** Downloads an export through fetch (it needs the Authorization header) and saves it, its
   *  headings and the scenario's texts in `language` (the reader's). */
  async download(sessionId: string, facilitatorKey: string, format: 'json' | 'csv' | 'md', language: string) {
    const response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/export.${format}?lang=${encodeURIComponent(language)}`, {
      headers: { Authorization: `Bearer ${facilitatorKey}` },
    }).catch(() => {
      throw unreachable();
    });
    if (!response.ok) throw await apiErrorOf(response);
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `spacebridge-${sessionId}.${format}`;
    link.click();
    URL.revokeObjectURL(url);
  },
};
