// One session's authority: the game state, and the only way to change it. Every change goes
// engine -> the session's writer (committed with the rest of the turn, before anyone is told) ->
// listeners. Transport-free, so the Colyseus room, the bot driver and the HTTP report all use the
// same object. Memory is authoritative (one owner per session); the store is its durable copy.
import { applyAction, createGame, errorSummary, replay } from '@shared/engine';
import type { GameView } from '@shared/engine';
import { viewInLanguage } from '@shared/engine/viewLanguage';
import { sourceLanguageOf } from '@shared/scenario/translations';
import type { Action, Actor, GameState, Viewer } from '@shared/engine';
import type { Scenario } from '@shared/scenario/schema';
import type { ActionResult, ProtocolError, ResultMessage } from '@shared/protocol/serverMessages';
import { sessionLog } from './log';
import { SessionWriter } from './store/sessionWriter';
import type { LoadedSession, LoggedAction, PlayerRecord, SessionRecord, Store } from './store/store';

/** Snapshots are a cache that shortens replay after a restart. */
const SNAPSHOT_EVERY = 25;

export interface Submission {
  /** Who sent it, stable across reconnects: a player id, 'facilitator', 'system', 'bot:<role>/<seat>'. */
  principal: string;
  /**
   * Who acts. As a function, asked only for an action id not seen before: a resend is answered
   * as the first time even if its sender has lost the seat since. The function may refuse
   * instead (no seat, chat flood); a refusal is not remembered, so the same id may come again.
   */
  actor: Actor | (() => Actor | ProtocolError);
  action: Action;
  /** The client's action id (idempotency); null for the server's own actions. */
  clientId: string | null;
  now: number;
  /** Writes that must commit together with the action (e.g. binding a player to a seat). */
  inCommit?: () => void;
}

/** An action logged when the session is created (the playtest's bots taking their seats). */
export interface InitialAction {
  principal: string;
  actor: Actor;
  action: Action;
  now: number;
}

export function viewerKey(viewer: Viewer): string {
  return viewer.kind === 'seat' ? `seat:${viewer.role}/${viewer.seat}` : viewer.kind;
}

/** A seat's view is its role's view with the seat as `viewer` and `me.seat`: which view it was made from. */
const derivedFrom = new WeakMap<GameView, GameView>();

export class GameSession {
  private viewCache = new Map<string, GameView>();
  private listeners = new Set<(state: GameState, entry: LoggedAction) => void>();
  /** Where this session's writes go: one commit per event-loop turn. */
  readonly writer: SessionWriter;
  /** The answer to every action id seen, by principal and id: resends are answered from here. */
  private readonly results = new Map<string, ResultMessage>();

  private constructor(
    readonly record: SessionRecord,
    store: Store,
    private current: GameState,
    results: LoadedSession['results'] = [],
  ) {
    this.writer = new SessionWriter(store, record.id);
    for (const r of results) this.results.set(resultKey(r.principal, r.result.id), r.result);
  }

  get id(): string {
    return this.record.id;
  }

  get scenario(): Scenario {
    return this.record.scenario;
  }

  get state(): GameState {
    return this.current;
  }

  /** A new session: stores it, its initial actions (each must be accepted) and the state they
   *  lead to, in one transaction. */
  static async create(store: Store, record: SessionRecord, initialActions: InitialAction[] = []): Promise<GameSession> {
    let state = createGame(record.scenario, { seed: record.seed });
    const log: LoggedAction[] = [];
    for (const a of initialActions) {
      const result = applyAction(state, a.action, a.actor, a.now, record.scenario);
      if (!result.ok) throw new Error(`initial action ${a.action.type} was refused: ${errorSummary(result.error)}`);
      state = result.state;
      log.push({ seq: state.seq, actor: a.actor, action: a.action, at: a.now, principal: a.principal, clientId: null });
    }
    await store.createSession(record, state, log);
    return new GameSession(record, store, state);
  }

  /** Rebuilds a stored session (null if there is none), with its lobby players. */
  static async open(store: Store, sessionId: string): Promise<{ session: GameSession; players: PlayerRecord[] } | null> {
    const loaded = await store.loadSession(sessionId);
    if (!loaded) return null;
    return { session: new GameSession(loaded.record, store, await GameSession.replayed(store, loaded), loaded.results), players: loaded.players };
  }

  /** The session's state: the snapshot (if it replays cleanly) plus the log after it, else the
   *  whole log replayed. */
  private static async replayed(store: Store, { record, snapshot, log }: LoadedSession): Promise<GameState> {
    if (snapshot) {
      try {
        return fold(record.scenario, snapshot, log);
      } catch (error) {
        sessionLog(record.id).warn({ seq: snapshot.seq, err: error }, 'the snapshot is unusable; replaying the whole log');
        await store.dropSnapshot(record.id);
        log = await store.actionsAfter(record.id, 0);
      }
    }
    assertGapFree(log, 0);
    const state = replay(record.scenario, record.seed, log.map((e) => ({ action: e.action, actor: e.actor, now: e.at })));
    if (state.seq !== log.length) throw new Error(`replay reached seq ${state.seq}, the log has ${log.length} actions`);
    return state;
  }

  /**
   * Applies one action. An action id this principal already sent is answered with its original
   * result and applied no more (the one idempotency check). Accepted: logged with the next seq
   * (and its result, for resends) in one transaction, then the state moves on. Rejected: nothing
   * changes; the rejection is remembered for resends of the same id. An engine crash quarantines
   * the action: it is never applied, not even on replay, and the room keeps running.
   */
  submit(submission: Submission): ActionResult {
    if (submission.clientId !== null) {
      const previous = this.results.get(resultKey(submission.principal, submission.clientId));
      if (previous) return resultOf(previous);
    }
    const actor = typeof submission.actor === 'function' ? submission.actor() : submission.actor;
    if ('code' in actor) return { ok: false, error: actor };
    const s: Admitted = { ...submission, actor };

    let next: GameState;
    try {
      const result = applyAction(this.current, s.action, s.actor, s.now, this.scenario);
      if (!result.ok) {
        const outcome: ActionResult = { ok: false, error: result.error };
        if (s.clientId !== null) this.remember(s.principal, { id: s.clientId, ...outcome });
        return outcome;
      }
      next = result.state;
      if (next.seq !== this.current.seq + 1) throw new Error(`engine returned seq ${next.seq} after ${this.current.seq}`);
    } catch (error) {
      return this.quarantine(s, error);
    }

    const seq = next.seq;
    const entry: LoggedAction = { seq, actor: s.actor, action: s.action, at: s.now, principal: s.principal, clientId: s.clientId };
    // Shares its commit with the other moves of this event-loop turn: callers tell clients only
    // after `writer.afterCommit`.
    this.writer.append(entry);
    if (s.clientId !== null) this.remember(s.principal, { id: s.clientId, ok: true, seq });
    if (seq % SNAPSHOT_EVERY === 0) this.writer.snapshot(next);
    s.inCommit?.();
    this.current = next;
    this.viewCache.clear();
    for (const listener of this.listeners) listener(next, entry);
    return { ok: true, seq };
  }

  /**
   * What `viewer` may see now; built once per role (and once for the facilitator, once for
   * spectators) per state. Every seat of a role sees what the role sees (`viewFor` uses the seat
   * for `viewer` and `me.seat` only), so the other seats get a copy of the role's view with those
   * two fields set, sharing everything else. In another language than the scenario's own, the
   * same once per language (viewInLanguage), never per client.
   */
  view(viewer: Viewer, language: string = sourceLanguageOf(this.scenario)): GameView {
    const key = language === sourceLanguageOf(this.scenario) ? viewerKey(viewer) : `${viewerKey(viewer)}|${language}`;
    let view = this.viewCache.get(key);
    if (view) return view;
    if (viewer.kind === 'seat') {
      const seat = this.scenario.roles.find((r) => r.id === viewer.role)?.seats[0]?.id;
      const canonical: Viewer = { kind: 'seat', role: viewer.role, seat: seat ?? viewer.seat };
      const roleView = canonical.seat === viewer.seat ? null : this.view(canonical, language);
      if (roleView?.me) {
        view = { ...roleView, viewer, me: { ...roleView.me, seat: viewer.seat } };
        derivedFrom.set(view, roleView);
      }
    }
    view ??= viewInLanguage(this.current, this.scenario, viewer, language);
    this.viewCache.set(key, view);
    return view;
  }

  /** The view `view` was copied from (itself if it was built by `viewFor`). Two views of one seat
   *  differ exactly as the role views they were copied from do: diff those, once per role. */
  static baseOf(view: GameView): GameView {
    return derivedFrom.get(view) ?? view;
  }

  /**
   * Calls `listener` with the new state and its log entry after every accepted action (the phase
   * clock re-arms its timer; the bot driver schedules turns, then acts through the room's
   * `submitAsSeat`: a listener defers its own moves, it does not submit from inside the call).
   * Returns the unsubscribe function.
   */
  subscribe(listener: (state: GameState, entry: LoggedAction) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves a snapshot (clean shutdown), so the next start replays nothing; resolves once it is committed. */
  checkpoint(): Promise<void> {
    this.writer.snapshot(this.current);
    return this.writer.durable();
  }

  /** Keeps the answer to an action id, in memory and (with this turn's commit) in the store. */
  private remember(principal: string, result: ResultMessage): void {
    this.results.set(resultKey(principal, result.id), result);
    this.writer.result(principal, result);
  }

  private quarantine(s: Admitted, error: unknown): ActionResult {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    sessionLog(this.id).error({ action: s.action.type, principal: s.principal, err: error }, 'the engine failed on an action; quarantined');
    const outcome: ActionResult = { ok: false, error: { code: 'internal-error' } };
    this.writer.quarantine({ atSeq: this.current.seq, principal: s.principal, clientId: s.clientId, actor: s.actor, action: s.action, at: s.now, error: message });
    if (s.clientId !== null) this.remember(s.principal, { id: s.clientId, ...outcome });
    return outcome;
  }
}

/** A submission whose actor is known. */
type Admitted = Submission & { actor: Actor };

function resultKey(principal: string, clientId: string): string {
  return `${principal}\n${clientId}`;
}

function resultOf(result: ResultMessage): ActionResult {
  return result.ok ? { ok: true, seq: result.seq } : { ok: false, error: result.error };
}

function assertGapFree(log: LoggedAction[], after: number): void {
  log.forEach((e, i) => {
    if (e.seq !== after + i + 1) throw new Error(`the action log has a gap: expected seq ${after + i + 1}, found ${e.seq}`);
  });
}

/** Applies logged actions to a state, checking each is accepted with the logged seq. */
function fold(scenario: Scenario, state: GameState, log: LoggedAction[]): GameState {
  assertGapFree(log, state.seq);
  for (const e of log) {
    const result = applyAction(state, e.action, e.actor, e.at, scenario);
    if (!result.ok) throw new Error(`logged action ${e.seq} (${e.action.type}) was rejected on replay: ${result.error.code}`);
    state = result.state;
    if (state.seq !== e.seq) throw new Error(`replay reached seq ${state.seq}, the log says ${e.seq}`);
  }
  return state;
}
