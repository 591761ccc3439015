// The small driver interface the SQL store and the migrations run on: SQLite (sqliteDb.ts) or
// PostgreSQL (postgresDb.ts). SQL is written once, with `?` placeholders, in what both dialects
// accept (INSERT ... ON CONFLICT ... DO NOTHING / DO UPDATE SET x = excluded.x); migrations are the
// only dialect-specific text.

export type Dialect = 'sqlite' | 'postgres';

/** Statements inside one transaction (or, from `Db`, each on its own). */
export interface Queries {
  readonly dialect: Dialect;
  /** The rows a statement returns (numbers come back as numbers in both dialects). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a statement; how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queries {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
