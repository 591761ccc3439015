// The store's schema, versioned: an ordered list of migrations, each applied once, in its own
// transaction, recorded in schema_migrations. On PostgreSQL each takes an advisory lock first, so
// processes starting together migrate once (the others wait, then find it done). Migration 1 is
// the schema as it was before versions (CREATE ... IF NOT EXISTS), so a data file made before
// migrations is adopted as version 1. Never edit a migration once released: add the next one.
import type { Db, Dialect } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: Record<Dialect, string>;
}

/** Any constant both the server and the CLI use: "the Spacebridge schema". */
const MIGRATION_LOCK = 0x5b_5c_4e_4d;

const SQLITE_TABLES = `
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
CREATE TABLE IF NOT EXISTS instructors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS library_scenarios (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES instructors(id),
  visibility TEXT NOT NULL CHECK (visibility IN ('private', 'shared')),
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS library_versions (
  library_id TEXT NOT NULL REFERENCES library_scenarios(id),
  version INTEGER NOT NULL,
  yaml TEXT NOT NULL,
  saved_at INTEGER NOT NULL,
  saved_by TEXT NOT NULL REFERENCES instructors(id),
  scenario_id TEXT,
  title TEXT NOT NULL,
  valid INTEGER NOT NULL,
  problem_count INTEGER NOT NULL,
  warning_count INTEGER NOT NULL,
  diagnostics TEXT NOT NULL,
  listing TEXT,
  restored_from INTEGER,
  note TEXT,
  PRIMARY KEY (library_id, version)
);
`;

/** The same tables in PostgreSQL's types: times in ms need BIGINT, the quarantine id an identity. */
const POSTGRES_TABLES = SQLITE_TABLES.replace(/(created_at|revoked_at|saved_at|\bat|seed) INTEGER/g, '$1 BIGINT').replace(
  'id INTEGER PRIMARY KEY AUTOINCREMENT',
  'id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
);

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'tables', sql: { sqlite: SQLITE_TABLES, postgres: POSTGRES_TABLES } },
  {
    version: 2,
    name: 'snapshots carry the version of the state they hold',
    // Snapshots written before versions count as unknown (0): replayed past, never trusted.
    sql: {
      sqlite: 'ALTER TABLE snapshots ADD COLUMN state_version INTEGER NOT NULL DEFAULT 0;',
      postgres: 'ALTER TABLE snapshots ADD COLUMN state_version INTEGER NOT NULL DEFAULT 0;',
    },
  },
];

/** Applies the migrations `db` has not had yet, in order; the versions applied now. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
      if ((await tx.query('SELECT version FROM schema_migrations WHERE version = ?', [m.version])).length > 0) return false;
      await tx.exec(m.sql[tx.dialect]);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, Date.now()]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
