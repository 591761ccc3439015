// Sends the draft to the check worker and keeps the newest answer. An answer about an older text
// is dropped; a worker that crashes or takes longer than CHECK_TIMEOUT_MS is replaced by a new one
// at the next check, and the studio says the check stopped (the text is the editor's and is
// never touched).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Verdict, Views } from './check';
import type { CheckRequest } from './check.worker';

/** Far longer than any real scenario takes (a 1,000-line file takes a few tens of ms). */
const CHECK_TIMEOUT_MS = 10_000;

type Answer = { id: number; verdict: Verdict } | { id: number; views: Views } | { id: number; starter: string };

export interface Checker {
  check(text: string, file: string): void;
  /** The starter template's text for a scenario id. */
  starter(scenarioId: string): Promise<string>;
  failure: CheckFailure | null;
}

/** Why the check stopped (worded by the studio's `checkFailed`), with the browser's detail. */
type CheckFailure = { reason: 'timeout'; seconds: number; detail?: undefined } | { reason: 'crashed'; detail: string };

export function useChecker(onVerdict: (verdict: Verdict) => void, onViews: (views: Views) => void): Checker {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const nextId = useRef(0);
  const starters = useRef(new Map<number, (text: string) => void>());
  const timer = useRef<number | undefined>(undefined);
  const handlers = useRef({ onVerdict, onViews });
  handlers.current = { onVerdict, onViews };
  const [failure, setFailure] = useState<CheckFailure | null>(null);

  const stop = useCallback((why: CheckFailure | null) => {
    window.clearTimeout(timer.current);
    worker.current?.terminate();
    worker.current = null;
    if (why) setFailure(why);
  }, []);

  useEffect(() => () => stop(null), [stop]);

  const send = useCallback(
    (request: CheckRequest) => {
      if (!worker.current) {
        const w = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
        w.onmessage = (event: MessageEvent<Answer>) => {
          const answer = event.data;
          if ('starter' in answer) {
            starters.current.get(answer.id)?.(answer.starter);
            starters.current.delete(answer.id);
          } else if (answer.id !== latest.current) {
            // About an older text: a newer answer follows.
          } else if ('verdict' in answer) {
            handlers.current.onVerdict(answer.verdict);
          } else {
            window.clearTimeout(timer.current);
            setFailure(null);
            handlers.current.onViews(answer.views);
          }
        };
        w.onerror = (event) => {
          event.preventDefault();
          stop({ reason: 'crashed', detail: event.message });
        };
        worker.current = w;
      }
      worker.current.postMessage(request);
    },
    [stop],
  );

  const check = useCallback(
    (text: string, file: string) => {
      latest.current = ++nextId.current;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => stop({ reason: 'timeout', seconds: CHECK_TIMEOUT_MS / 1000 }), CHECK_TIMEOUT_MS);
      send({ id: latest.current, text, file });
    },
    [send, stop],
  );

  const starter = useCallback(
    (scenarioId: string) =>
      new Promise<string>((resolve) => {
        const id = ++nextId.current;
        starters.current.set(id, resolve);
        send({ id, starter: scenarioId });
      }),
    [send],
  );

  return { check, starter, failure };
}
