// Which store a server (or the instructor CLI) uses: PostgreSQL when DATABASE_URL is set, else the
// SQLite file in DATA_DIR (the default, one process). Either is migrated to the current schema.
import fs from 'node:fs';
import path from 'node:path';
import { openPostgresDb } from './postgresDb';
import { sqlStore } from './sqlStore';
import { openSqliteDb } from './sqliteDb';
import type { Store } from './store';

export const SQLITE_FILE = 'spacebridge.sqlite';

export async function openStore(options: { dataDir: string; databaseUrl?: string | null }): Promise<Store> {
  if (options.databaseUrl) return sqlStore(openPostgresDb(options.databaseUrl));
  fs.mkdirSync(options.dataDir, { recursive: true });
  return sqlStore(openSqliteDb(path.join(options.dataDir, SQLITE_FILE)));
}
