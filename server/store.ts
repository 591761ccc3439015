// The session store: one SQLite file (WAL, synchronous = FULL) holding, per session, the scenario
// it was created with, the append-only action log, action results (for idempotent resends),
// snapshots (a cache of the replayed state), lobby players and quarantined actions.
import fs from 'node:fs';
import path from 'node:path';
import Database from './sqlite';
import type { Action, Actor, GameState } from '@shared/engine/types';
import type { ResultMessage } from '@shared/protocol/serverMessages';
import type { Scenario } from '@shared/scenario/schema';

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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  seed INTEGER NOT NULL,
  settings TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  facilitator_key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  scenario TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actions (
  session_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  at INTEGER NOT NULL,
  principal TEXT NOT NULL,
  client_id TEXT,
  PRIMARY KEY (session_id, seq)
);
CREATE TABLE IF NOT EXISTS results (
  session_id TEXT NOT NULL,
  principal TEXT NOT NULL,
  client_id TEXT NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (session_id, principal, client_id)
);
CREATE TABLE IF NOT EXISTS snapshots (
  session_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS players (
  session_id TEXT NOT NULL,
  id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT,
  seat TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE IF NOT EXISTS quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  at_seq INTEGER NOT NULL,
  principal TEXT NOT NULL,
  client_id TEXT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  at INTEGER NOT NULL,
  error TEXT NOT NULL
);
`;

export class Store {
  readonly db: Database.Database;
  private statements = new Map<string, Database.Statement>();
  /** The open group commit: callbacks to run once it is on disk. */
  private group: (() => void)[] | null = null;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'spacebridge.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the server acknowledges the action it holds.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.commit();
    this.db.close();
  }

  /** Runs `fn` in one transaction: everything in it is committed together or not at all. */
  transaction<T>(fn: () => T): T {
    this.commit();
    return this.db.transaction(fn)();
  }

  /**
   * Group commit: like `transaction` (`fn` is all or nothing, as a savepoint), but the writes of
   * everything submitted in the same turn of the event loop share one commit, made once the
   * turn's I/O callbacks have run: one disk flush for many actions instead of one each. Whatever
   * tells a client about these writes must wait for it: see `afterCommit`.
   */
  groupTransaction<T>(fn: () => T): T {
    if (!this.group) {
      this.db.exec('BEGIN');
      this.group = [];
      setImmediate(() => this.commit());
    }
    return this.db.transaction(fn)();
  }

  /** Runs `fn` once everything written so far is on disk (at once when nothing is pending). */
  afterCommit(fn: () => void): void {
    if (this.group) this.group.push(fn);
    else fn();
  }

  /** Commits the open group commit, if any, then runs its `afterCommit` callbacks. */
  commit(): void {
    const callbacks = this.group;
    if (!callbacks) return;
    this.group = null;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      // Sessions in memory are now ahead of the disk, and nobody has been told of those moves:
      // stop, and let a restart rebuild every session from what is on disk.
      console.error(`the store could not commit (${(error as Error).message}); stopping so that a restart recovers from the log`);
      process.exit(1);
    }
    for (const fn of callbacks) {
      try {
        fn();
      } catch (error) {
        console.error(error);
      }
    }
  }

  /** Prepared once per SQL text (preparing is a good share of a small statement's cost). */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  // --- sessions ---------------------------------------------------------------------------------

  createSession(s: SessionRecord): void {
    this
      .sql(
        `INSERT INTO sessions (id, scenario_id, seed, settings, join_code, facilitator_key_hash, created_at, scenario)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.scenarioId, s.seed, JSON.stringify(s.settings), s.joinCode, s.facilitatorKeyHash, s.createdAt, JSON.stringify(s.scenario));
  }

  getSession(id: string): SessionRecord | null {
    const row = this.sql('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  sessionByJoinCode(code: string): SessionRecord | null {
    const row = this.sql('SELECT * FROM sessions WHERE join_code = ?').get(code) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  listSessionIds(): string[] {
    return (this.sql('SELECT id FROM sessions ORDER BY created_at').all() as { id: string }[]).map((r) => r.id);
  }

  // --- action log -------------------------------------------------------------------------------

  appendAction(sessionId: string, a: LoggedAction): void {
    this
      .sql('INSERT INTO actions (session_id, seq, actor, action, at, principal, client_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(sessionId, a.seq, JSON.stringify(a.actor), JSON.stringify(a.action), a.at, a.principal, a.clientId);
  }

  actionsAfter(sessionId: string, seq: number): LoggedAction[] {
    const rows = this
      .sql('SELECT * FROM actions WHERE session_id = ? AND seq > ? ORDER BY seq')
      .all(sessionId, seq) as { seq: number; actor: string; action: string; at: number; principal: string; client_id: string | null }[];
    return rows.map((r) => ({
      seq: r.seq,
      actor: JSON.parse(r.actor),
      action: JSON.parse(r.action),
      at: r.at,
      principal: r.principal,
      clientId: r.client_id,
    }));
  }

  // --- idempotency ------------------------------------------------------------------------------

  saveResult(sessionId: string, principal: string, result: ResultMessage): void {
    this
      .sql('INSERT OR IGNORE INTO results (session_id, principal, client_id, result) VALUES (?, ?, ?, ?)')
      .run(sessionId, principal, result.id, JSON.stringify(result));
  }

  findResult(sessionId: string, principal: string, clientId: string): ResultMessage | null {
    const row = this
      .sql('SELECT result FROM results WHERE session_id = ? AND principal = ? AND client_id = ?')
      .get(sessionId, principal, clientId) as { result: string } | undefined;
    return row ? JSON.parse(row.result) : null;
  }

  // --- snapshots (a cache: the log is the truth) ------------------------------------------------

  saveSnapshot(sessionId: string, state: GameState): void {
    this
      .sql('INSERT INTO snapshots (session_id, seq, state) VALUES (?, ?, ?) ON CONFLICT(session_id) DO UPDATE SET seq = excluded.seq, state = excluded.state')
      .run(sessionId, state.seq, JSON.stringify(state));
  }

  snapshot(sessionId: string): GameState | null {
    const row = this.sql('SELECT state FROM snapshots WHERE session_id = ?').get(sessionId) as { state: string } | undefined;
    return row ? JSON.parse(row.state) : null;
  }

  dropSnapshot(sessionId: string): void {
    this.sql('DELETE FROM snapshots WHERE session_id = ?').run(sessionId);
  }

  // --- players ----------------------------------------------------------------------------------

  addPlayer(sessionId: string, p: PlayerRecord, now: number): void {
    this
      .sql('INSERT INTO players (session_id, id, token_hash, name, role, seat, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(sessionId, p.id, p.tokenHash, p.name, p.role, p.seat, now);
  }

  playerByTokenHash(sessionId: string, tokenHash: string): PlayerRecord | null {
    const row = this
      .sql('SELECT id, name, token_hash AS tokenHash, role, seat FROM players WHERE session_id = ? AND token_hash = ?')
      .get(sessionId, tokenHash) as PlayerRecord | undefined;
    return row ?? null;
  }

  player(sessionId: string, playerId: string): PlayerRecord | null {
    const row = this
      .sql('SELECT id, name, token_hash AS tokenHash, role, seat FROM players WHERE session_id = ? AND id = ?')
      .get(sessionId, playerId) as PlayerRecord | undefined;
    return row ?? null;
  }

  players(sessionId: string): PlayerRecord[] {
    return this
      .sql('SELECT id, name, token_hash AS tokenHash, role, seat FROM players WHERE session_id = ? ORDER BY created_at')
      .all(sessionId) as PlayerRecord[];
  }

  setPlayerSeat(sessionId: string, playerId: string, seat: { role: string; seat: string } | null): void {
    this
      .sql('UPDATE players SET role = ?, seat = ? WHERE session_id = ? AND id = ?')
      .run(seat?.role ?? null, seat?.seat ?? null, sessionId, playerId);
  }

  setPlayerName(sessionId: string, playerId: string, name: string): void {
    this.sql('UPDATE players SET name = ? WHERE session_id = ? AND id = ?').run(name, sessionId, playerId);
  }

  /** Removes a lobby player, and with it their seat token (an idle one, or a revoked token). */
  deletePlayer(sessionId: string, playerId: string): void {
    this.sql('DELETE FROM players WHERE session_id = ? AND id = ?').run(sessionId, playerId);
  }

  // --- quarantine -------------------------------------------------------------------------------

  quarantine(sessionId: string, q: { atSeq: number; principal: string; clientId: string | null; actor: Actor; action: Action; at: number; error: string }): void {
    this
      .sql('INSERT INTO quarantine (session_id, at_seq, principal, client_id, actor, action, at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(sessionId, q.atSeq, q.principal, q.clientId, JSON.stringify(q.actor), JSON.stringify(q.action), q.at, q.error);
  }

  quarantined(sessionId: string): { atSeq: number; principal: string; action: Action; error: string }[] {
    const rows = this
      .sql('SELECT at_seq, principal, action, error FROM quarantine WHERE session_id = ? ORDER BY id')
      .all(sessionId) as { at_seq: number; principal: string; action: string; error: string }[];
    return rows.map((r) => ({ atSeq: r.at_seq, principal: r.principal, action: JSON.parse(r.action), error: r.error }));
  }
}

interface SessionRow {
  id: string;
  scenario_id: string;
  seed: number;
  settings: string;
  join_code: string;
  facilitator_key_hash: string;
  created_at: number;
  scenario: string;
}

function toSession(r: SessionRow): SessionRecord {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    seed: r.seed,
    settings: JSON.parse(r.settings),
    joinCode: r.join_code,
    facilitatorKeyHash: r.facilitator_key_hash,
    createdAt: r.created_at,
    scenario: JSON.parse(r.scenario),
  };
}
