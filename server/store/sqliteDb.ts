// The SQLite driver: better-sqlite3 (server/sqlite.ts) on one file, WAL, synchronous = FULL so a
// commit is on disk before anyone is told of it. better-sqlite3 is synchronous and has one
// connection, so work is queued: a transaction runs alone, from BEGIN to COMMIT, and no other
// statement can slip into it while it awaits.
import Database from '../sqlite';
import type { Db, Queries } from './db';

export function openSqliteDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the server acknowledges the action it holds.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return new SqliteDb(db);
}

class SqliteDb implements Db {
  readonly dialect = 'sqlite';
  private statements = new Map<string, Database.Statement>();
  /** The end of the queue: every operation starts after the one before has finished. */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly direct: Queries;

  constructor(private readonly db: Database.Database) {
    this.direct = {
      dialect: 'sqlite',
      query: async <Row>(sql: string, params: readonly unknown[] = []) => this.sql(sql).all(...params) as Row[],
      run: async (sql, params = []) => this.sql(sql).run(...params).changes,
      exec: async (sql) => void this.db.exec(sql),
    };
  }

  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.queued(() => this.direct.query<Row>(sql, params));
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.queued(() => this.direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.queued(() => this.direct.exec(sql));
  }

  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T> {
    return this.queued(async () => {
      // IMMEDIATE: takes the write lock at once, so another process (the instructor CLI) cannot
      // make this transaction fail half-way with SQLITE_BUSY.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queued(async () => this.db.close());
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Prepared once per SQL text (preparing is a good share of a small statement's cost). */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }
}
