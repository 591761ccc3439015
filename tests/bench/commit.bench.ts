// Commit benchmark on PostgreSQL: what the store's commit of one turn of play costs (the path of
// every move in a cluster). `DATABASE_URL=postgres://… npm run bench:commit`: it makes a
// database of its own beside the one named, and drops it after.
//
// A turn here is what a move writes: its log entry and its answer (1 action + 1 result). Two
// shapes: one session committing turn after turn (the latency of one commit), and 20 sessions
// committing at once (a busy process: the pool's 10 connections in use). Each prints one JSON
// line: the median of 5 batches of wall time per commit, and CPU per commit of this process and
// of PostgreSQL (every postgres process: backends, WAL writer, checkpointer), read from /proc.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createGame } from '@shared/engine';
import { loadCatalog } from '@server/scenarios';
import { openPostgresDb } from '@server/store/postgresDb';
import { sqlStore } from '@server/store/sqlStore';
import { emptyWrites, type SessionRecord, type Store } from '@server/store/store';

const BATCHES = 5;
const TURNS_PER_BATCH = 1000;
const SESSIONS_AT_ONCE = 20;

const adminUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('bench:commit needs DATABASE_URL (a PostgreSQL role that may create databases)');
  process.exit(2);
}
const scenario = loadCatalog('scenarios').get('handshake-in-orbit')!;

/** CPU seconds used so far by every process named postgres. */
function postgresCpuSeconds(): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticks; // utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

let sessionCount = 0;
async function newSession(store: Store): Promise<{ id: string; seq: number }> {
  const record: SessionRecord = {
    id: `bench-${++sessionCount}-${randomBytes(3).toString('hex')}`,
    scenarioId: scenario.id,
    seed: 1,
    settings: { studentsChooseSeats: true, classFormat: 'class' },
    joinCode: randomBytes(4).toString('hex').toUpperCase(),
    facilitatorKeyHash: 'hash',
    createdAt: Date.now(),
    scenario,
  };
  await store.createSession(record, createGame(scenario, { seed: 1 }), []);
  return { id: record.id, seq: 0 };
}

/** One move's writes: a chat line as it is logged, and its answer. */
function turn(session: { id: string; seq: number }) {
  const seq = ++session.seq;
  return {
    ...emptyWrites(),
    actions: [{ seq, actor: { kind: 'seat' as const, role: 'nasa', seat: 'head' }, action: { type: 'chat' as const, channel: 'public', text: `line ${seq} of the bench` }, at: Date.now(), principal: 'p1', clientId: `c${seq}` }],
    results: [{ principal: 'p1', result: { id: `c${seq}`, ok: true as const, seq } }],
  };
}

async function measure(name: string, store: Store, sessions: number): Promise<void> {
  const open = await Promise.all(Array.from({ length: sessions }, () => newSession(store)));
  const runBatch = async () => {
    const perSession = TURNS_PER_BATCH / sessions;
    await Promise.all(open.map(async (s) => {
      for (let i = 0; i < perSession; i++) await store.commit(s.id, turn(s));
    }));
  };
  await runBatch(); // warm-up: connections opened, statements prepared, code compiled
  const wall: number[] = [];
  const ownCpu: number[] = [];
  const pgCpu: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const cpu = process.cpuUsage();
    const pgStart = postgresCpuSeconds();
    const start = performance.now();
    await runBatch();
    wall.push(((performance.now() - start) * 1000) / TURNS_PER_BATCH);
    const used = process.cpuUsage(cpu);
    ownCpu.push((used.user + used.system) / TURNS_PER_BATCH);
    pgCpu.push(((postgresCpuSeconds() - pgStart) * 1e6) / TURNS_PER_BATCH);
  }
  const us = (n: number) => Number(n.toFixed(1));
  console.log(JSON.stringify({ name, sessions, wall_us_per_commit: us(median(wall)), node_cpu_us_per_commit: us(median(ownCpu)), postgres_cpu_us_per_commit: us(median(pgCpu)) }));
}

const database = `spacebridge_bench_${randomBytes(4).toString('hex')}`;
const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
await admin(`CREATE DATABASE ${database}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const store = await sqlStore(openPostgresDb(url.toString()));
  try {
    await measure('commit: one session, turn after turn', store, 1);
    await measure(`commit: ${SESSIONS_AT_ONCE} sessions at once`, store, SESSIONS_AT_ONCE);
  } finally {
    await store.close();
  }
} finally {
  await admin(`DROP DATABASE ${database}`);
}
