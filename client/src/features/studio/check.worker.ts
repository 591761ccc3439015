// The check worker: runs the CLI's loader on the draft after each pause in typing, off the page's
// thread, so typing never waits for it and a pathological file cannot freeze the page (the page
// replaces a worker that takes too long). It also writes the starter template, which checks its
// id with the zod schema: zod stays in the workers' bundles, out of the page's chunks.
import { starterScenario } from '@shared/scenario/starter';
import { verdictOf, viewsOf } from './check';

export type CheckRequest = { id: number; text: string; file: string } | { id: number; starter: string };

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const request = event.data;
  if ('starter' in request) self.postMessage({ id: request.id, starter: starterScenario(request.starter) });
  else {
    // The diagnostics first: the views' data follows a few milliseconds later.
    const { verdict, loaded } = verdictOf(request.text, request.file);
    self.postMessage({ id: request.id, verdict });
    self.postMessage({ id: request.id, views: viewsOf(request.text, loaded) });
  }
};
