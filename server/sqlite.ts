// better-sqlite3, in the major that works on the running Node:
// - Node 22 and 24: 13.x (`better-sqlite3-13`, an npm alias), a Node-API module with prebuilt
//   binaries. 12.x aborts the process on Node 24 when a statement is garbage-collected outside a
//   Node environment (`Assertion failed: (env) != nullptr` in RemoveEnvironmentCleanupHook: seen
//   here on 24.21 at exit and mid-run; better-sqlite3 issue 1515 was closed without a fix).
// - Node 20: 12.x, built for that Node at install; 13.x crashes there.
// Both majors have the same API (the types come from @types/better-sqlite3).
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split('.')[0]);

const Database: typeof BetterSqlite3 = require(nodeMajor >= 22 ? 'better-sqlite3-13' : 'better-sqlite3');

// eslint-disable-next-line @typescript-eslint/no-namespace -- the value and its types under one name, as better-sqlite3 exports them
declare namespace Database {
  type Database = BetterSqlite3.Database;
  type Statement = BetterSqlite3.Statement;
}

export default Database;
