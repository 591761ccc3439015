// The HTTP API (docs/api.md). Every call throws an ApiError with the server's reason code.
import type { PublicScenario } from '@shared/engine/view';
import type { LibraryRef, ScenarioListing } from '@shared/protocol/studio';

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

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** `key`: a facilitator key, or an instructor key (the library). */
async function request<T>(path: string, init?: RequestInit & { key?: string }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init?.body) headers['Content-Type'] = 'application/json';
  if (init?.key) headers.Authorization = `Bearer ${init.key}`;
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error ?? body ?? {};
    throw new ApiError(response.status, error.code ?? `http-${response.status}`, error.message ?? response.statusText);
  }
  return body as T;
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
    });
    if (!response.ok) throw new ApiError(response.status, `http-${response.status}`, response.statusText);
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `spacebridge-${sessionId}.${format}`;
    link.click();
    URL.revokeObjectURL(url);
  },
};
