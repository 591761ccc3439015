// The check worker: runs the CLI's loader on the draft after each pause in typing, off the page's
// thread, so typing never waits for it and a pathological file cannot freeze the page (the page
// replaces a worker that takes too long). It also writes the starter template, which checks its
// id with the zod schema: zod stays in the workers' bundles, out of the page's chunks.
import { starterScenario } from '@shared/scenario/starter';
import { checkDraft } from './check';

export type CheckRequest = { id: number; text: string; file: string } | { id: number; starter: string };

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const request = event.data;
  if ('starter' in request) self.postMessage({ id: request.id, starter: starterScenario(request.starter) });
  else self.postMessage({ id: request.id, checked: checkDraft(request.text, request.file) });
};
