// The PostgreSQL driver: a `pg` Pool. Every connection commits with synchronous_commit = on (a
// commit is on disk, and on a synchronous standby if one is configured, before anyone is told of
// it); BIGINT columns (times in ms) come back as numbers, as from SQLite; the store's `?`
// placeholders become `$1, $2…`.
import pg from 'pg';
import type { Db, Queries } from './db';

/** int8 (BIGINT, count(*)): numbers, not strings. Our values (ms timestamps, counters) stay far
 *  below 2^53. */
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function openPostgresDb(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, types, max: 10, options: '-c synchronous_commit=on' });
  // An idle client's connection error (a restarted database) must not stop the process: the
  // pool drops that client, and the next query opens a new one.
  pool.on('error', () => undefined);
  return new PostgresDb(pool);
}

class PostgresDb implements Db {
  readonly dialect = 'postgres';

  constructor(private readonly pool: pg.Pool) {}

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return queriesOn(this.pool).query<Row>(sql, params);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return queriesOn(this.pool).run(sql, params);
  }

  exec(sql: string): Promise<void> {
    return queriesOn(this.pool).exec(sql);
  }

  async transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(queriesOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function queriesOn(on: pg.Pool | pg.PoolClient): Queries {
  return {
    dialect: 'postgres',
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await on.query(prepared(sql, params))).rows as Row[],
    run: async (sql, params = []) => (await on.query(prepared(sql, params))).rowCount ?? 0,
    exec: async (sql) => void (await on.query(sql)),
  };
}

const statements = new Map<string, { name: string; text: string }>();

/** The store's statement as a named prepared statement: `?` -> `$1, $2…` (the store's SQL has no
 *  `?` inside string literals), and a name so that each connection parses and plans it once. */
function prepared(sql: string, values: readonly unknown[]): pg.QueryConfig {
  let statement = statements.get(sql);
  if (statement === undefined) {
    let n = 0;
    statement = { name: `spacebridge-${statements.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    statements.set(sql, statement);
  }
  return { ...statement, values: values as unknown[] };
}
