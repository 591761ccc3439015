// Runs the validator on a worker thread, one text at a time. The loader is not linear on hostile
// input (20,000 `[` or 20,000 unknown keys take the parser seconds, measured in docs/security.md,
// "Instructor keys and the library"): on the game's thread every live class would freeze meanwhile.
// A check that takes longer than CHECK_TIMEOUT_MS, or runs out of the thread's memory, ends the
// thread (a fresh one serves the next text) and the text is refused: nothing is saved or played.
import { Worker } from 'node:worker_threads';
import type { Checked, Refused } from './check';
import { log } from '../log';

/** Longest a check may take. The biggest shipped scenario takes ~30 ms, a 0.9 MB one under 1 s. */
const CHECK_TIMEOUT_MS = 5_000;
/** An idle validator thread ends after this long. */
const IDLE_MS = 60_000;
/** The validator thread's heap: a 1 MiB text never needs more. */
const HEAP_MB = 256;

interface Pending {
  id: number;
  yaml: string;
  resolve: (result: Checked | Refused) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's module: beside this file in the sources (run through tsx, which reads the path
 * aliases; tests and `tsx` runs) and in dist/ (an entry of its own, bin/build-server.mjs).
 */
function workerFile(): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? { url: new URL('./checkWorker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./studio-check.js', import.meta.url), execArgv: [] };
}

export class ScenarioChecker {
  private worker: Worker | null = null;
  /** The thread has loaded the validator (its start-up is not counted against a text). */
  private ready = false;
  private queue: Pending[] = [];
  private current: { job: Pending; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly timeoutMs = CHECK_TIMEOUT_MS) {}

  /** The validator's verdict on `yaml`, or why it is refused. */
  check(yaml: string): Promise<Checked | Refused> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, yaml, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current) return;
    if (this.idle) clearTimeout(this.idle);
    // An idle thread ends after a while (a server without studio users keeps none).
    this.idle = this.queue.length === 0 ? setTimeout(() => this.restart(), IDLE_MS).unref() : null;
    if (this.queue.length === 0) return;
    const worker = this.thread();
    if (!this.ready) return; // pumped again once the thread says it is ready
    const job = this.queue.shift()!;
    const timer = setTimeout(() => {
      this.restart();
      this.finish({ refused: { code: 'unreadable-yaml', params: { reason: 'timeout', seconds: this.timeoutMs / 1000 } } });
    }, this.timeoutMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, yaml: job.yaml });
  }

  private finish(result: Checked | Refused): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = null;
    current.job.resolve(result);
    this.pump();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const { url, execArgv } = workerFile();
    const worker = new Worker(url, { execArgv, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    worker.unref();
    worker.on('message', (message: { ready: true } | { id: number; result: Checked | Refused }) => {
      if (this.worker !== worker) return;
      if ('ready' in message) {
        this.ready = true;
        this.pump();
      } else if (this.current?.job.id === message.id) {
        this.finish(message.result);
      }
    });
    // Out of memory, or a crash: this text is refused, the next one gets a fresh thread.
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      if (!this.ready) return this.cannotStart(error);
      this.forget();
      log.warn({ err: error }, 'the studio validator stopped on a text');
      this.finish({ refused: { code: 'unreadable-yaml', params: { reason: 'crashed' } } });
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      if (!this.ready) return this.cannotStart(new Error(`exit code ${code}`));
      this.forget();
      this.finish({ refused: { code: 'unreadable-yaml', params: { reason: 'crashed' } } });
    });
    this.worker = worker;
    return worker;
  }

  private restart(): void {
    const worker = this.worker;
    this.forget();
    void worker?.terminate();
  }

  /** A thread that never got ready (a broken build): the waiting requests fail as server errors. */
  private cannotStart(error: Error): void {
    this.forget();
    for (const job of this.queue.splice(0)) job.reject(new Error(`the studio's validator thread could not start: ${error.message}`));
  }

  private forget(): void {
    this.worker = null;
    this.ready = false;
  }
}
