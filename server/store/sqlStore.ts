// The one SQL implementation of the Store, over either driver (db.ts).
import type { GameState } from '@shared/engine/types';
import type { Db, Queries } from './db';
import { migrate } from './migrations';
import {
  JoinCodeTaken,
  STATE_VERSION,
  type LoadedSession,
  type LoggedAction,
  type PlayerRecord,
  type QuarantinedAction,
  type SessionRecord,
  type SessionWrites,
  type Store,
  type StoredResult,
} from './store';

/** Opens the store on `db`, migrating its schema first. */
export async function sqlStore(db: Db): Promise<Store> {
  await migrate(db);
  return new SqlStore(db);
}

interface PendingCommit {
  sessionId: string;
  writes: SessionWrites;
  resolve: () => void;
  reject: (error: unknown) => void;
}

class SqlStore implements Store {
  /** The commits asked for in this event-loop turn, made together at its end (commitBatch). */
  private batch: PendingCommit[] | null = null;
  /** Commits under way (close waits for them). */
  private inFlight = new Set<Promise<void>>();

  constructor(readonly db: Db) {}

  async createSession(s: SessionRecord, initial: GameState, log: LoggedAction[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO sessions (id, scenario_id, seed, settings, join_code, facilitator_key_hash, created_at, scenario)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [s.id, s.scenarioId, s.seed, JSON.stringify(s.settings), s.joinCode, s.facilitatorKeyHash, s.createdAt, JSON.stringify(s.scenario)],
      );
      await writeAll(tx, s.id, { actions: log, results: [], snapshot: initial, players: [], quarantine: [] });
    }).catch((error: unknown) => {
      // The unique key on join_code decides, across processes.
      throw isJoinCodeClash(error) ? new JoinCodeTaken(s.joinCode) : error;
    });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const [row] = await this.db.query<SessionRow>('SELECT * FROM sessions WHERE id = ?', [id]);
    return row ? toSession(row) : null;
  }

  async sessionByJoinCode(code: string): Promise<SessionRecord | null> {
    const [row] = await this.db.query<SessionRow>('SELECT * FROM sessions WHERE join_code = ?', [code]);
    return row ? toSession(row) : null;
  }

  async listSessionIds(): Promise<string[]> {
    return (await this.db.query<{ id: string }>('SELECT id FROM sessions ORDER BY created_at, id')).map((r) => r.id);
  }

  async loadSession(id: string): Promise<LoadedSession | null> {
    const record = await this.getSession(id);
    if (!record) return null;
    const [snapshotRow] = await this.db.query<{ state: string }>('SELECT state FROM snapshots WHERE session_id = ? AND state_version = ?', [id, STATE_VERSION]);
    const snapshot = snapshotRow ? (JSON.parse(snapshotRow.state) as GameState) : null;
    const resultRows = await this.db.query<{ principal: string; result: string }>('SELECT principal, result FROM results WHERE session_id = ?', [id]);
    return {
      record,
      snapshot,
      log: await this.actionsAfter(id, snapshot?.seq ?? 0),
      results: resultRows.map((r) => ({ principal: r.principal, result: JSON.parse(r.result) })),
      players: await this.players(id),
    };
  }

  commit(sessionId: string, writes: SessionWrites): Promise<void> {
    const done = this.joinBatch(sessionId, writes);
    this.inFlight.add(done);
    const forget = () => this.inFlight.delete(done);
    done.then(forget, forget);
    return done;
  }

  /** The commits asked for together (every session's of one turn: sessionWriter.ts) share one
   *  transaction on SQLite (one connection, one disk flush) and one statement on PostgreSQL. */
  private joinBatch(sessionId: string, writes: SessionWrites): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.batch) {
        this.batch = [];
        // A microtask: it runs after the other writers' calls of this turn, already queued as
        // promise callbacks in the same timer callback.
        queueMicrotask(() => void this.commitBatch());
      }
      this.batch.push({ sessionId, writes, resolve, reject });
    });
  }

  private async commitBatch(): Promise<void> {
    const batch = this.batch ?? [];
    this.batch = null;
    if (this.db.dialect === 'sqlite') {
      await settle(batch, this.db.transaction(async (tx) => {
        for (const c of batch) await writeAll(tx, c.sessionId, c.writes);
      }));
      return;
    }
    // PostgreSQL: the turns of play (moves, answers, snapshots) of every session in ONE statement:
    // one round trip, one commit, one WAL flush for all of them, where a statement per session
    // cost a backend's CPU each. Rarer writes (players, quarantine) keep a transaction per session.
    const moves = batch.filter((c) => c.writes.players.length === 0 && c.writes.quarantine.length === 0);
    const others = batch.filter((c) => !moves.includes(c));
    await Promise.all([
      moves.length > 0 ? settle(moves, this.db.run(MOVES_IN_ONE_STATEMENT, movesParams(moves))) : null,
      ...others.map((c) => settle([c], this.db.transaction((tx) => writeAll(tx, c.sessionId, c.writes)))),
    ]);
  }

  async actionsAfter(sessionId: string, seq: number): Promise<LoggedAction[]> {
    const rows = await this.db.query<{ seq: number; actor: string; action: string; at: number; principal: string; client_id: string | null }>(
      'SELECT seq, actor, action, at, principal, client_id FROM actions WHERE session_id = ? AND seq > ? ORDER BY seq',
      [sessionId, seq],
    );
    return rows.map((r) => ({ seq: r.seq, actor: JSON.parse(r.actor), action: JSON.parse(r.action), at: r.at, principal: r.principal, clientId: r.client_id }));
  }

  async dropSnapshot(sessionId: string): Promise<void> {
    await this.db.run('DELETE FROM snapshots WHERE session_id = ?', [sessionId]);
  }

  players(sessionId: string): Promise<PlayerRecord[]> {
    return this.db.query<PlayerRecord>(
      'SELECT id, name, token_hash AS "tokenHash", role, seat FROM players WHERE session_id = ? ORDER BY created_at, id',
      [sessionId],
    );
  }

  async quarantined(sessionId: string): Promise<QuarantinedAction[]> {
    const rows = await this.db.query<{ at_seq: number; principal: string; client_id: string | null; actor: string; action: string; at: number; error: string }>(
      'SELECT at_seq, principal, client_id, actor, action, at, error FROM quarantine WHERE session_id = ? ORDER BY id',
      [sessionId],
    );
    return rows.map((r) => ({
      atSeq: r.at_seq,
      principal: r.principal,
      clientId: r.client_id,
      actor: JSON.parse(r.actor),
      action: JSON.parse(r.action),
      at: r.at,
      error: r.error,
    }));
  }

  async close(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.db.close();
  }
}

/** One session's writes, in the transaction `tx`. */
async function writeAll(tx: Queries, sessionId: string, w: SessionWrites): Promise<void> {
  for (const a of w.actions) {
    await tx.run('INSERT INTO actions (session_id, seq, actor, action, at, principal, client_id) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      sessionId,
      a.seq,
      JSON.stringify(a.actor),
      JSON.stringify(a.action),
      a.at,
      a.principal,
      a.clientId,
    ]);
  }
  for (const r of w.results) await saveResult(tx, sessionId, r);
  if (w.snapshot) {
    await tx.run(
      `INSERT INTO snapshots (session_id, seq, state, state_version) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, state_version = excluded.state_version`,
      [sessionId, w.snapshot.seq, JSON.stringify(w.snapshot), STATE_VERSION],
    );
  }
  for (const p of w.players) {
    switch (p.kind) {
      case 'add':
        await tx.run('INSERT INTO players (session_id, id, token_hash, name, role, seat, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          sessionId,
          p.player.id,
          p.player.tokenHash,
          p.player.name,
          p.player.role,
          p.player.seat,
          p.at,
        ]);
        break;
      case 'name':
        await tx.run('UPDATE players SET name = ? WHERE session_id = ? AND id = ?', [p.name, sessionId, p.playerId]);
        break;
      case 'seat':
        await tx.run('UPDATE players SET role = ?, seat = ? WHERE session_id = ? AND id = ?', [p.seat?.role ?? null, p.seat?.seat ?? null, sessionId, p.playerId]);
        break;
      case 'delete':
        await tx.run('DELETE FROM players WHERE session_id = ? AND id = ?', [sessionId, p.playerId]);
        break;
    }
  }
  for (const q of w.quarantine) {
    await tx.run('INSERT INTO quarantine (session_id, at_seq, principal, client_id, actor, action, at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      sessionId,
      q.atSeq,
      q.principal,
      q.clientId,
      JSON.stringify(q.actor),
      JSON.stringify(q.action),
      q.at,
      q.error,
    ]);
  }
}

/** Resolves (or rejects) the commits of `batch` with the outcome of `done`. */
async function settle(batch: PendingCommit[], done: Promise<unknown>): Promise<void> {
  try {
    await done;
  } catch (error) {
    for (const c of batch) c.reject(error);
    return;
  }
  for (const c of batch) c.resolve();
}

/** PostgreSQL: turns of play of several sessions (their log entries, answers, perhaps snapshots)
 *  as ONE statement, so one round trip and one commit instead of BEGIN, a statement per row and
 *  COMMIT for each session: the commit is on the path of every move, and its round trips cost the
 *  server and PostgreSQL CPU. A single statement is atomic by itself. A batch holds at most one
 *  commit per session (a SessionWriter asks for the next only once the last is done), so a
 *  snapshot row is never updated twice in it. */
const MOVES_IN_ONE_STATEMENT = `
WITH moves AS (
  INSERT INTO actions (session_id, seq, actor, action, at, principal, client_id)
  SELECT * FROM unnest(?::text[], ?::integer[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])
), answers AS (
  INSERT INTO results (session_id, principal, client_id, result)
  SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])
  ON CONFLICT DO NOTHING
), snapshots AS (
  INSERT INTO snapshots (session_id, seq, state, state_version)
  SELECT *, ?::integer FROM unnest(?::text[], ?::integer[], ?::text[])
  ON CONFLICT (session_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, state_version = excluded.state_version
)
SELECT 1`;

function movesParams(batch: PendingCommit[]): unknown[] {
  const actions = batch.flatMap((c) => c.writes.actions.map((a) => ({ sessionId: c.sessionId, ...a })));
  const results = batch.flatMap((c) => c.writes.results.map((r) => ({ sessionId: c.sessionId, ...r })));
  const snapshots = batch.flatMap((c) => (c.writes.snapshot ? [{ sessionId: c.sessionId, state: c.writes.snapshot }] : []));
  return [
    actions.map((a) => a.sessionId),
    actions.map((a) => a.seq),
    actions.map((a) => JSON.stringify(a.actor)),
    actions.map((a) => JSON.stringify(a.action)),
    actions.map((a) => a.at),
    actions.map((a) => a.principal),
    actions.map((a) => a.clientId),
    results.map((r) => r.sessionId),
    results.map((r) => r.principal),
    results.map((r) => r.result.id),
    results.map((r) => JSON.stringify(r.result)),
    STATE_VERSION,
    snapshots.map((s) => s.sessionId),
    snapshots.map((s) => s.state.seq),
    snapshots.map((s) => JSON.stringify(s.state)),
  ];
}

/** The first answer to an action id is the one kept (a resend is answered from memory anyway). */
async function saveResult(tx: Queries, sessionId: string, r: StoredResult): Promise<void> {
  await tx.run('INSERT INTO results (session_id, principal, client_id, result) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
    sessionId,
    r.principal,
    r.result.id,
    JSON.stringify(r.result),
  ]);
}

/** The unique key on sessions.join_code refused a row: PostgreSQL names the constraint, SQLite the column. */
function isJoinCodeClash(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e.constraint === 'sessions_join_code_key' || (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && /sessions\.join_code/.test(e.message ?? ''));
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
