// One action being applied: a shallow copy of the input state whose fields are REPLACED (never
// changed in place) as the action proceeds, so the input state is never mutated and unchanged
// parts are shared with it. A rule violation throws `Rejection`, which `applyAction` turns into
// an error value; the copy is then dropped and nothing has changed.
import type { Scenario } from '../scenario/schema';
import type { ScenarioIndex } from './scenarioIndex';
import type { EngineError, ErrorCode, ErrorParams, GameState, TimelineCode, TimelineEntry, TimelineKind, TimelineMessage } from './types';

export class Rejection extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: ErrorParams,
  ) {
    super(code);
  }
}

export function reject(code: ErrorCode, params?: ErrorParams): never {
  throw new Rejection(code, params);
}

/** An error for a log line or a crash report (the server's and the CLI's, in English for whoever
 *  reads them): the code and its details as they are, `bad-terms {"reason":"missing"}`. Readers of
 *  the game see the code in their own language instead (client/src/i18n). */
export function errorSummary(error: { code: string; params?: ErrorParams }): string {
  return error.params ? `${error.code} ${JSON.stringify(error.params)}` : error.code;
}

/** An error value: the code, and its details when it has any (no `params: undefined` on the wire). */
export function errorOf(code: ErrorCode, params: ErrorParams | undefined): EngineError {
  return params ? { code, params } : { code };
}

export interface Work {
  scenario: Scenario;
  ix: ScenarioIndex;
  /** The state being built (a shallow copy of the input). */
  s: GameState;
  now: number;
}

/** The kind of each timeline message (what a feed filters and colours by). */
const KIND_OF: Record<TimelineCode, TimelineKind> = {
  gameBegins: 'game',
  phaseBegins: 'phase',
  constraintInForce: 'constraint',
  constraintLifted: 'constraint',
  eventFired: 'event',
  newsPublished: 'news',
  statementMade: 'statement',
  actionTaken: 'action',
  dealTypeOpened: 'deal',
  dealInForce: 'deal',
  dealSuperseded: 'deal',
  ratificationFails: 'deal',
  dealBroken: 'deal',
  dealWithdrawn: 'deal',
  memorandumAdopted: 'deal',
  commonsCollapsed: 'collapse',
  gameOver: 'game',
  secretsRevealed: 'game',
};

/** Puts a message on the timeline: a code and its params, worded by each reader (see TimelineMessage). */
export function addTimeline(w: Work, message: TimelineMessage, roles: string[] = []): void {
  const { code, params } = message;
  const entry = { seq: w.s.seq, at: w.now, round: w.s.round, kind: KIND_OF[code], code, params, roles } as TimelineEntry;
  w.s.timeline = w.s.timeline.concat([entry]);
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** A copy of a record with one key set: the copy-on-write step for maps keyed by id. Written as
 *  a plain spread then an assignment: V8 runs `{ ...record, [key]: value }` (spread followed by more
 *  properties in one literal) many times slower on these maps. */
export function put<V>(record: Readonly<Record<string, V>>, key: string, value: V): Record<string, V> {
  const out: Record<string, V> = { ...record };
  out[key] = value;
  return out;
}
