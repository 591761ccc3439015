// The session store's seam: what the server keeps durably, asynchronous so that it can live in
// SQLite (one file, the default) or PostgreSQL (DATABASE_URL). One SQL implementation (sqlStore.ts)
// runs over either driver (sqliteDb.ts, postgresDb.ts); the schema is versioned (migrations.ts).
//
// A live session's memory is authoritative (one owner per session): the store is its durable copy.
// Its writes go through a SessionWriter (sessionWriter.ts), which commits them as one transaction
// per event-loop turn; clients are told only once that commit resolved.
import type { Action, Actor, GameState } from '@shared/engine/types';
import type { ResultMessage } from '@shared/protocol/serverMessages';
import type { Scenario } from '@shared/scenario/schema';
import type { Db } from './db';

/**
 * The shape of the GameState a snapshot holds. Bump it when GameState's shape changes: snapshots of
 * another version are ignored on restore (the session is replayed from its log, the truth).
 */
export const STATE_VERSION = 2;

export interface SessionRecord {
  id: string;
  scenarioId: string;
  seed: number;
  settings: SessionSettings;
  joinCode: string;
  facilitatorKeyHash: string;
  createdAt: number;
  /** The scenario as it was when the session was created: replay never depends on later edits. */
  scenario: Scenario;
}

export interface SessionSettings {
  /** Students pick their own seat in the lobby (otherwise the facilitator seats them). */
  studentsChooseSeats: boolean;
  /** The class format played (its rounds and minutes are in the stored scenario); absent in
   *  sessions opened before formats, which play the scenario as written. */
  classFormat?: string;
}

export interface LoggedAction {
  seq: number;
  actor: Actor;
  action: Action;
  at: number;
  /** Who sent it (player id, 'facilitator', 'system', 'bot:<role>/<seat>'). */
  principal: string;
  clientId: string | null;
}

export interface PlayerRecord {
  id: string;
  name: string;
  tokenHash: string;
  role: string | null;
  seat: string | null;
}

/** An action the engine failed on: never applied, kept for the facilitator and the developers. */
export interface QuarantinedAction {
  atSeq: number;
  principal: string;
  clientId: string | null;
  actor: Actor;
  action: Action;
  at: number;
  error: string;
}

/** The answer a principal got for an action id (idempotent resends get it again). */
export interface StoredResult {
  principal: string;
  result: ResultMessage;
}

/** A change to the session's lobby players, applied in order within its commit. */
export type PlayerWrite =
  | { kind: 'add'; player: PlayerRecord; at: number }
  | { kind: 'name'; playerId: string; name: string }
  | { kind: 'seat'; playerId: string; seat: { role: string; seat: string } | null }
  | { kind: 'delete'; playerId: string };

/** Everything one session wrote in one event-loop turn: committed together or not at all. */
export interface SessionWrites {
  actions: LoggedAction[];
  results: StoredResult[];
  snapshot: GameState | null;
  players: PlayerWrite[];
  quarantine: QuarantinedAction[];
}

/** What opening a stored session reads: enough to rebuild it in memory. */
export interface LoadedSession {
  record: SessionRecord;
  /** The latest snapshot of this STATE_VERSION, if any. */
  snapshot: GameState | null;
  /** The logged actions after the snapshot (all of them without one). */
  log: LoggedAction[];
  results: StoredResult[];
  players: PlayerRecord[];
}

/** Two processes drew the same join code at once: the store's unique key kept the first. */
export class JoinCodeTaken extends Error {
  constructor(code: string) {
    super(`join code ${code} is taken`);
  }
}

export interface Store {
  /** The database itself, for the instructors and the library (server/instructors.ts, studio/library.ts). */
  readonly db: Db;

  /** A new session with its initial state (snapshot) and initial log, in one transaction; rejects
   *  with JoinCodeTaken (and stores nothing) when another session already has its join code. */
  createSession(record: SessionRecord, initial: GameState, log: LoggedAction[]): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  sessionByJoinCode(code: string): Promise<SessionRecord | null>;
  listSessionIds(): Promise<string[]>;
  loadSession(id: string): Promise<LoadedSession | null>;

  /**
   * Commits one session's writes as one transaction. The commits asked for in one event-loop turn
   * are merged: one transaction (one disk flush) on SQLite, one statement on PostgreSQL (turns
   * with player or quarantine writes keep a transaction each). The caller (a SessionWriter)
   * serialises the commits of a session.
   */
  commit(sessionId: string, writes: SessionWrites): Promise<void>;

  actionsAfter(sessionId: string, seq: number): Promise<LoggedAction[]>;
  dropSnapshot(sessionId: string): Promise<void>;
  players(sessionId: string): Promise<PlayerRecord[]>;
  quarantined(sessionId: string): Promise<QuarantinedAction[]>;

  /** Waits for the commits under way, then closes the database. */
  close(): Promise<void>;
}

export function emptyWrites(): SessionWrites {
  return { actions: [], results: [], snapshot: null, players: [], quarantine: [] };
}
