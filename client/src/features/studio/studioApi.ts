// The studio's HTTP calls (docs/api.md, "Studio"), with the instructor key, typed by the
// contract (shared/protocol/studio.ts). Only its types are imported: its zod schemas would bring
// full zod into the page's chunks (the server parses every request with them).
import type {
  CreateLibraryScenarioRequest,
  LibraryListAnswer,
  LibraryScenarioAnswer,
  MeAnswer,
  PlaytestAnswer,
  PlaytestRequest,
  SaveVersionRequest,
  Visibility,
  VisibilityAnswer,
} from '@shared/protocol/studio';
import { ApiError, apiErrorOf } from '../../api';

/** Sends a studio request; a refusal becomes an ApiError with the server's code and params. */
async function send(key: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${key}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/studio${path}`, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) throw await apiErrorOf(response);
  return response;
}

const call = async <T>(key: string, path: string, body?: unknown): Promise<T> => (await (await send(key, path, body)).json()) as T;

const at = (id: string) => `/scenarios/${encodeURIComponent(id)}`;

export const studioApi = {
  me: (key: string) => call<MeAnswer>(key, '/me'),
  list: (key: string) => call<LibraryListAnswer>(key, '/scenarios'),
  get: (key: string, id: string, version?: number) => call<LibraryScenarioAnswer>(key, version ? `${at(id)}/versions/${version}` : at(id)),
  create: (key: string, body: CreateLibraryScenarioRequest) => call<LibraryScenarioAnswer>(key, '/scenarios', body),
  save: (key: string, id: string, body: SaveVersionRequest) => call<LibraryScenarioAnswer>(key, `${at(id)}/versions`, body),
  restore: (key: string, id: string, version: number) => call<LibraryScenarioAnswer>(key, `${at(id)}/versions/${version}/restore`, {}),
  setVisibility: (key: string, id: string, visibility: Visibility) => call<VisibilityAnswer>(key, `${at(id)}/visibility`, { visibility }),
  playtest: (key: string, body: PlaytestRequest) => call<PlaytestAnswer>(key, '/playtest', body),
  /** A shipped scenario's YAML text, to start a draft from a copy. */
  shipped: async (key: string, scenarioId: string) => (await send(key, `/shipped/${encodeURIComponent(scenarioId)}`)).text(),
};

/** Saves a text as a file, as the browser's download. */
export function downloadText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
