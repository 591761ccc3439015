// The store's conformance suite: the same tests against SQLite (a temporary data directory) and
// PostgreSQL (TEST_DATABASE_URL: a fresh database per run, dropped after). Without
// TEST_DATABASE_URL the PostgreSQL half is skipped here, and fails in CI, which provides it.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGame } from '@shared/engine';
import type { Action, Actor } from '@shared/engine';
import { Instructors } from '@server/instructors';
import { loadCatalog } from '@server/scenarios';
import { GameSession } from '@server/session';
import Database from '@server/sqlite';
import type { Db } from '@server/store/db';
import { migrate, MIGRATIONS } from '@server/store/migrations';
import { openStore, SQLITE_FILE } from '@server/store/openStore';
import { openPostgresDb } from '@server/store/postgresDb';
import { openSqliteDb } from '@server/store/sqliteDb';
import { emptyWrites, JoinCodeTaken, type LoggedAction, type SessionRecord, type SessionWrites, type Store } from '@server/store/store';
import { Library, type NewVersion } from '@server/studio/library';
import { tempDir } from './harness';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const scenario = loadCatalog('scenarios').get('handshake-in-orbit')!;

/** Where one backend keeps its data, and how to open it again. */
interface Backend {
  name: string;
  /** Prepares a fresh, empty database for this run. */
  setUp(): Promise<void>;
  open(): Promise<Store>;
  /** Another fresh, empty database (migration tests): each `open` is a new connection to it. */
  freshDatabase(): Promise<{ open(): Db }>;
  tearDown(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dataDir = '';
  return {
    name: 'SQLite',
    async setUp() {
      dataDir = tempDir();
    },
    open: () => openStore({ dataDir }),
    async freshDatabase() {
      const file = path.join(tempDir(), SQLITE_FILE);
      return { open: () => openSqliteDb(file) };
    },
    async tearDown() {},
  };
}

function postgresBackend(adminUrl: string): Backend {
  const database = `sb_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const extra: string[] = [];
  return {
    name: 'PostgreSQL',
    setUp: () => admin(`CREATE DATABASE ${database}`),
    open: () => openStore({ dataDir: '', databaseUrl: url.href }),
    async freshDatabase() {
      const name = `${database}_${extra.length}`;
      extra.push(name);
      await admin(`CREATE DATABASE ${name}`);
      const fresh = new URL(adminUrl);
      fresh.pathname = `/${name}`;
      return { open: () => openPostgresDb(fresh.href) };
    },
    async tearDown() {
      for (const name of [database, ...extra]) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const backends: Backend[] = [sqliteBackend()];
if (TEST_DATABASE_URL) backends.push(postgresBackend(TEST_DATABASE_URL));
else if (process.env.CI) {
  it('runs against PostgreSQL in CI', () => {
    expect.fail('TEST_DATABASE_URL is not set: CI must run the store suite against PostgreSQL');
  });
} else {
  it.skip('runs against PostgreSQL (set TEST_DATABASE_URL, e.g. postgres://spacebridge:spacebridge@127.0.0.1:5432/spacebridge)', () => {});
}

let sessionCount = 0;
function record(overrides: Partial<SessionRecord> = {}): SessionRecord {
  const n = ++sessionCount;
  return {
    id: `s${n}-${randomBytes(3).toString('hex')}`,
    scenarioId: scenario.id,
    seed: 2 ** 31 - 2,
    settings: { studentsChooseSeats: true, classFormat: 'class' },
    joinCode: randomBytes(4).toString('hex').toUpperCase(),
    facilitatorKeyHash: 'hash',
    // Past 2^31: a BIGINT on PostgreSQL, read back as a number.
    createdAt: Date.now(),
    scenario,
    ...overrides,
  };
}

const facilitator: Actor = { kind: 'facilitator' };
const chat = (text: string): Action => ({ type: 'chat', channel: 'public', text });
const entry = (seq: number, overrides: Partial<LoggedAction> = {}): LoggedAction => ({
  seq,
  actor: facilitator,
  action: { type: 'whisper', role: 'nasa', text: `note ${seq}` },
  at: 1_700_000_000_000 + seq,
  principal: 'facilitator',
  clientId: `c${seq}`,
  ...overrides,
});
const writes = (w: Partial<SessionWrites>): SessionWrites => ({ ...emptyWrites(), ...w });

const initial = () => createGame(scenario, { seed: 1 });

describe.each(backends)('the store on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    await backend.setUp();
    store = await backend.open();
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await backend.tearDown();
  }, 60_000);

  it('creates a session with its initial state and log in one transaction, and finds it by id and join code', async () => {
    const s = record();
    await store.createSession(s, initial(), [entry(1)]);
    expect(await store.getSession(s.id)).toEqual(s);
    expect(await store.sessionByJoinCode(s.joinCode)).toEqual(s);
    expect(typeof (await store.getSession(s.id))!.createdAt).toBe('number');
    expect(await store.listSessionIds()).toContain(s.id);
    expect(await store.getSession('no-such-session')).toBeNull();
    expect(await store.sessionByJoinCode('NOSUCH')).toBeNull();
    const loaded = await store.loadSession(s.id);
    expect(loaded!.snapshot).toEqual(initial());
    // (This snapshot is at seq 0, so the initial log comes after it.)
    expect(loaded!.log).toEqual([entry(1)]);
    expect(await store.loadSession('no-such-session')).toBeNull();
  });

  it('refuses a second session with the same join code, and keeps nothing of it', async () => {
    const first = record();
    await store.createSession(first, initial(), []);
    const second = record({ joinCode: first.joinCode });
    await expect(store.createSession(second, initial(), [entry(1)])).rejects.toThrow();
    expect(await store.getSession(second.id)).toBeNull();
    expect(await store.actionsAfter(second.id, 0)).toEqual([]);
  });

  it('appends the log in order, and reads what comes after a seq', async () => {
    const s = record();
    await store.createSession(s, initial(), []);
    await store.commit(s.id, writes({ actions: [entry(1), entry(2)] }));
    await store.commit(s.id, writes({ actions: [entry(3, { actor: { kind: 'seat', role: 'nasa', seat: 'head' }, action: chat('hello'), clientId: null })] }));
    expect((await store.actionsAfter(s.id, 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await store.actionsAfter(s.id, 2)).toEqual([entry(3, { actor: { kind: 'seat', role: 'nasa', seat: 'head' }, action: chat('hello'), clientId: null })]);
  });

  it('refuses a second session with a join code in use, storing nothing of it, also when both are created at once', async () => {
    const first = record();
    await store.createSession(first, initial(), []);
    const again = record({ joinCode: first.joinCode });
    await expect(store.createSession(again, initial(), [])).rejects.toBeInstanceOf(JoinCodeTaken);
    expect(await store.getSession(again.id)).toBeNull();
    // Two processes drawing the same new code: both pass the look-up, the unique key keeps one.
    const racing = [record(), record()];
    racing[1].joinCode = racing[0].joinCode;
    const outcomes = await Promise.allSettled(racing.map((r) => store.createSession(r, initial(), [])));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')?.reason).toBeInstanceOf(JoinCodeTaken);
  });

  it('refuses a duplicate (session, seq) and commits nothing of that transaction', async () => {
    const s = record();
    await store.createSession(s, initial(), []);
    await store.commit(s.id, writes({ actions: [entry(1)] }));
    await expect(store.commit(s.id, writes({ actions: [entry(2), entry(1, { principal: 'someone else' })], players: [{ kind: 'add', player: { id: 'p1', name: 'Ada', tokenHash: `t-${s.id}`, role: null, seat: null }, at: 1 }] }))).rejects.toThrow();
    expect(await store.actionsAfter(s.id, 0)).toEqual([entry(1)]);
    expect(await store.players(s.id)).toEqual([]);
  });

  it('refuses a duplicate (session, seq) in a turn of moves alone (one statement on PostgreSQL) and commits none of its rows', async () => {
    const s = record();
    await store.createSession(s, initial(), []);
    await store.commit(s.id, writes({ actions: [entry(1)] }));
    const state = { ...initial(), seq: 2 };
    await expect(store.commit(s.id, writes({ actions: [entry(2), entry(1, { principal: 'someone else' })], results: [{ principal: 'p1', result: { id: 'c2', ok: true, seq: 2 } }], snapshot: state }))).rejects.toThrow();
    expect(await store.actionsAfter(s.id, 0)).toEqual([entry(1)]);
    expect((await store.loadSession(s.id))?.results).toEqual([]);
    expect((await store.loadSession(s.id))?.snapshot?.seq).toBe(initial().seq);
  });

  it('a session opened from a log with a gap is refused, naming the gap', async () => {
    const s = record({ seed: 1 });
    await store.createSession(s, initial(), []);
    await store.dropSnapshot(s.id);
    await store.commit(s.id, writes({ actions: [entry(1), entry(3)] }));
    await expect(GameSession.open(store, s.id)).rejects.toThrow(/gap: expected seq 2, found 3/);
  });

  it('keeps the first answer to an action id (idempotent resends)', async () => {
    const s = record();
    await store.createSession(s, initial(), []);
    await store.commit(s.id, writes({ results: [{ principal: 'p1', result: { id: 'a1', ok: true, seq: 1 } }] }));
    await store.commit(s.id, writes({ results: [{ principal: 'p1', result: { id: 'a1', ok: true, seq: 9 } }, { principal: 'p2', result: { id: 'a1', ok: true, seq: 2 } }] }));
    const loaded = await store.loadSession(s.id);
    expect(loaded!.results.sort((a, b) => a.principal.localeCompare(b.principal))).toEqual([
      { principal: 'p1', result: { id: 'a1', ok: true, seq: 1 } },
      { principal: 'p2', result: { id: 'a1', ok: true, seq: 2 } },
    ]);
  });

  it('loads the latest snapshot with the log after it; ignores a snapshot of another state version', async () => {
    const s = record({ seed: 1 });
    const session = await GameSession.create(store, s);
    for (const text of ['one', 'two', 'three']) {
      expect(session.submit({ principal: 'facilitator', actor: facilitator, action: { type: 'whisper', role: 'nasa', text }, clientId: text, now: 5 })).toMatchObject({ ok: true });
    }
    await session.checkpoint();
    expect(session.submit({ principal: 'facilitator', actor: facilitator, action: { type: 'whisper', role: 'nasa', text: 'four' }, clientId: 'four', now: 6 })).toMatchObject({ ok: true, seq: 4 });
    await session.writer.durable();
    const loaded = await store.loadSession(s.id);
    expect(loaded!.snapshot!.seq).toBe(3);
    expect(loaded!.log.map((e) => e.seq)).toEqual([4]);
    const reopened = await GameSession.open(store, s.id);
    expect(reopened!.session.state).toEqual(session.state);
    // A resend after reopening gets its first answer, from memory.
    expect(reopened!.session.submit({ principal: 'facilitator', actor: facilitator, action: chat('ignored'), clientId: 'two', now: 7 })).toEqual({ ok: true, seq: 2 });

    // A snapshot of another shape of GameState: replayed past, from the whole log.
    await store.db.run('UPDATE snapshots SET state_version = ? WHERE session_id = ?', [0, s.id]);
    const old = await store.loadSession(s.id);
    expect(old!.snapshot).toBeNull();
    expect(old!.log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await GameSession.open(store, s.id))!.session.state).toEqual(session.state);
  });

  it('applies player changes in order, and keeps seat tokens unique', async () => {
    const s = record();
    await store.createSession(s, initial(), []);
    const ada = { id: 'ada', name: 'Ada', tokenHash: `ada-${s.id}`, role: null, seat: null };
    const bo = { id: 'bo', name: 'Bo', tokenHash: `bo-${s.id}`, role: null, seat: null };
    await store.commit(s.id, writes({ players: [{ kind: 'add', player: ada, at: 1 }, { kind: 'add', player: bo, at: 2 }, { kind: 'seat', playerId: 'ada', seat: { role: 'nasa', seat: 'head' } }] }));
    await store.commit(s.id, writes({ players: [{ kind: 'name', playerId: 'ada', name: 'Ada L.' }, { kind: 'delete', playerId: 'bo' }] }));
    expect(await store.players(s.id)).toEqual([{ ...ada, name: 'Ada L.', role: 'nasa', seat: 'head' }]);
    expect((await store.loadSession(s.id))!.players).toEqual([{ ...ada, name: 'Ada L.', role: 'nasa', seat: 'head' }]);
    const other = record();
    await store.createSession(other, initial(), []);
    await expect(store.commit(other.id, writes({ players: [{ kind: 'add', player: { ...bo, id: 'x', tokenHash: ada.tokenHash }, at: 3 }] }))).rejects.toThrow();
  });

  it('keeps quarantined actions with their error', async () => {
    const s = record();
    await store.createSession(s, initial(), []);
    const q = { atSeq: 4, principal: 'p1', clientId: 'c9', actor: { kind: 'seat', role: 'nasa', seat: 'head' } as Actor, action: chat('boom'), at: 1_700_000_000_123, error: 'Error: boom\n  at engine' };
    await store.commit(s.id, writes({ quarantine: [q, { ...q, atSeq: 5, clientId: null }] }));
    expect(await store.quarantined(s.id)).toEqual([q, { ...q, atSeq: 5, clientId: null }]);
  });

  it('commits the writes of several sessions made in one turn, each complete', async () => {
    const sessions = [record(), record(), record()];
    for (const s of sessions) await store.createSession(s, initial(), []);
    await Promise.all(sessions.map((s, i) => store.commit(s.id, writes({ actions: [entry(1, { principal: `p${i}` })] }))));
    for (const [i, s] of sessions.entries()) expect(await store.actionsAfter(s.id, 0)).toEqual([entry(1, { principal: `p${i}` })]);
  });

  it("commits every session's moves of one event-loop turn when the turn ends: SQLite in one transaction, PostgreSQL in one statement", async () => {
    const sessions = await Promise.all([record({ seed: 1 }), record({ seed: 1 }), record({ seed: 1 })].map((r) => GameSession.create(store, r)));
    const transactions = vi.spyOn(store.db, 'transaction');
    const statements = vi.spyOn(store.db, 'run');
    try {
      for (const session of sessions) {
        for (const text of ['a', 'b']) expect(session.submit({ principal: 'facilitator', actor: facilitator, action: { type: 'whisper', role: 'nasa', text }, clientId: text, now: 5 })).toMatchObject({ ok: true });
      }
      const told: string[] = [];
      for (const session of sessions) session.writer.afterCommit(() => told.push(session.id));
      expect(told).toEqual([]); // nothing is told before the commit
      await Promise.all(sessions.map((session) => session.writer.durable()));
      expect(told.sort()).toEqual(sessions.map((s) => s.id).sort());
      if (backend.name === 'SQLite') expect(transactions).toHaveBeenCalledTimes(1);
      else {
        expect(transactions).not.toHaveBeenCalled();
        expect(statements).toHaveBeenCalledTimes(1);
      }
    } finally {
      transactions.mockRestore();
      statements.mockRestore();
    }
    for (const session of sessions) expect((await store.actionsAfter(session.id, 0)).map((e) => e.clientId)).toEqual(['a', 'b']);
  });

  it('commits a turn that mixes moves, snapshots and player writes of several sessions, each complete', async () => {
    const [a, b, c] = [record(), record(), record()];
    for (const s of [a, b, c]) await store.createSession(s, initial(), []);
    const ada = { id: 'ada', name: 'Ada', tokenHash: `ada-${c.id}`, role: null, seat: null };
    const snapshotOf = (seq: number) => ({ ...initial(), seq });
    await Promise.all([
      store.commit(a.id, writes({ actions: [entry(1), entry(2)], snapshot: snapshotOf(2) })),
      store.commit(b.id, writes({ actions: [entry(1)], snapshot: snapshotOf(1) })),
      store.commit(c.id, writes({ actions: [entry(1)], players: [{ kind: 'add', player: ada, at: 1 }] })),
    ]);
    expect((await store.actionsAfter(a.id, 0)).map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.actionsAfter(b.id, 0)).map((e) => e.seq)).toEqual([1]);
    expect((await store.actionsAfter(c.id, 0)).map((e) => e.seq)).toEqual([1]);
    expect((await store.loadSession(a.id))!.snapshot!.seq).toBe(2);
    expect((await store.loadSession(b.id))!.snapshot!.seq).toBe(1);
    expect(await store.players(c.id)).toEqual([ada]);
  });

  it('refuses a turn that repeats a logged seq, and keeps nothing of the commits it was merged with', async () => {
    const [a, b] = [record(), record()];
    for (const s of [a, b]) await store.createSession(s, initial(), []);
    await store.commit(a.id, writes({ actions: [entry(1)] }));
    const outcomes = await Promise.allSettled([store.commit(a.id, writes({ actions: [entry(1)] })), store.commit(b.id, writes({ actions: [entry(1)] }))]);
    expect(outcomes[0].status).toBe('rejected');
    // b's commit shared a's transaction (SQLite) or statement (PostgreSQL): all or nothing.
    expect(outcomes[1].status).toBe('rejected');
    expect(await store.actionsAfter(b.id, 0)).toEqual([]);
  });

  it('keeps instructors: add, find by key, list, revoke, rotate', async () => {
    const instructors = new Instructors(store.db);
    const { instructor, key } = await instructors.add('  Ada   Lovelace ', 1_700_000_000_000);
    expect(instructor.name).toBe('Ada Lovelace');
    expect(await instructors.byKey(key)).toEqual({ id: instructor.id, name: 'Ada Lovelace' });
    expect(await instructors.byKey('wrong')).toBeNull();
    expect((await instructors.list()).find((i) => i.id === instructor.id)).toEqual({ ...instructor, createdAt: 1_700_000_000_000, revokedAt: null });
    expect(await instructors.revoke(instructor.id, 1_700_000_000_500)).toBe(true);
    expect(await instructors.revoke(instructor.id, 1_700_000_000_600)).toBe(false);
    expect(await instructors.byKey(key)).toBeNull();
    const fresh = await instructors.rotate(instructor.id);
    expect(await instructors.byKey(fresh)).toEqual({ id: instructor.id, name: 'Ada Lovelace' });
    await expect(instructors.rotate('nobody')).rejects.toThrow(RangeError);
  });

  it('keeps every version of a library scenario, refuses a stale save, and lists the playable ones', async () => {
    const library = new Library(store.db);
    const { instructor: owner } = await library.instructors.add('Owner', 1);
    const { instructor: other } = await library.instructors.add('Other', 2);
    const valid = (note: string | null): NewVersion => ({
      yaml: `# ${note}\ntitle: é`,
      checked: { scenario, scenarioId: scenario.id, title: scenario.title, problems: [], warnings: [], problemCount: 0, warningCount: 0 },
      note,
      restoredFrom: null,
    });
    const invalid: NewVersion = { yaml: 'broken: [', checked: { scenario: null, scenarioId: null, title: 'Broken', problems: [{ message: 'bad' } as never], warnings: [], problemCount: 1, warningCount: 0 }, note: null, restoredFrom: null };
    const id = await library.create(owner, 'private', valid('first'), 10);
    expect(await library.addVersion(id, owner, invalid, 20, 1)).toEqual({ saved: 2 });
    expect(await library.addVersion(id, owner, valid('stale'), 30, 1)).toEqual({ conflict: 2 });
    const versions = await library.versions(id);
    expect(versions.map((v) => [v.version, v.valid])).toEqual([[2, false], [1, true]]);
    // Bytes, not characters ("é" is two).
    expect(versions[1].bytes).toBe(Buffer.byteLength(valid('first').yaml));
    expect((await library.version(id))!.yaml).toBe('broken: [');
    expect((await library.version(id, 1))!.yaml).toBe(valid('first').yaml);
    expect(await library.version(id, 9)).toBeNull();
    expect(await library.entry(id, other)).toBeNull(); // private
    expect((await library.entry(id, owner))!).toMatchObject({ mine: true, playableVersion: 1, versionCount: 2, latest: { version: 2 } });
    expect((await library.listings(owner)).find((l) => l.library?.id === id)).toMatchObject({ id: scenario.id, library: { version: 1, mine: true } });
    await library.setVisibility(id, 'shared');
    expect((await library.list(other)).find((e) => e.id === id)).toMatchObject({ mine: false, visibility: 'shared' });
    // Two saves at once: numbered one after the other.
    const both = await Promise.all([library.addVersion(id, owner, valid('a'), 40), library.addVersion(id, owner, valid('b'), 41)]);
    expect(both.map((r) => ('saved' in r ? r.saved : null)).sort()).toEqual([3, 4]);
  });

  it('keeps what was committed across a reopen (durability)', async () => {
    const s = record();
    await store.createSession(s, initial(), []);
    await store.commit(s.id, writes({ actions: [entry(1)], results: [{ principal: 'facilitator', result: { id: 'c1', ok: true, seq: 1 } }] }));
    await store.close();
    store = await backend.open();
    expect(await store.actionsAfter(s.id, 0)).toEqual([entry(1)]);
    expect((await store.loadSession(s.id))!.results).toEqual([{ principal: 'facilitator', result: { id: 'c1', ok: true, seq: 1 } }]);
  });

  it('migrates a fresh database to the latest version, and a second run is a no-op', async () => {
    const db = (await backend.freshDatabase()).open();
    try {
      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    } finally {
      await db.close();
    }
  });

  // (Two SQLite connections in one thread would wait on each other's lock: PostgreSQL only.)
  it.runIf(backend.name === 'PostgreSQL')('migrates once when two processes start at the same time', async () => {
    const fresh = await backend.freshDatabase();
    const [a, b] = [fresh.open(), fresh.open()];
    try {
      const applied = await Promise.all([migrate(a), migrate(b)]);
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
      expect((await a.query('SELECT version FROM schema_migrations')).length).toBe(MIGRATIONS.length);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a SQLite file from before versioned migrations', () => {
  it('is adopted as version 1 and migrated, its sessions intact', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, SQLITE_FILE);
    // The schema as the store created it before migrations, with one played session in it.
    const old = new Database(file);
    old.exec(MIGRATIONS[0].sql.sqlite);
    const s = record();
    old
      .prepare('INSERT INTO sessions (id, scenario_id, seed, settings, join_code, facilitator_key_hash, created_at, scenario) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(s.id, s.scenarioId, s.seed, JSON.stringify(s.settings), s.joinCode, s.facilitatorKeyHash, s.createdAt, JSON.stringify(s.scenario));
    old.prepare('INSERT INTO snapshots (session_id, seq, state) VALUES (?, ?, ?)').run(s.id, 0, JSON.stringify(initial()));
    old.prepare('INSERT INTO actions (session_id, seq, actor, action, at, principal, client_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(s.id, 1, '{"kind":"facilitator"}', '{"type":"whisper","role":"nasa","text":"x"}', 5, 'facilitator', 'c1');
    old.close();

    const store = await openStore({ dataDir });
    try {
      expect(await store.db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      expect(await store.getSession(s.id)).toEqual(s);
      // Its snapshot predates state versions: ignored, the whole log is replayed.
      const loaded = await store.loadSession(s.id);
      expect(loaded!.snapshot).toBeNull();
      expect(loaded!.log.map((e) => e.seq)).toEqual([1]);
    } finally {
      await store.close();
    }
    // Opening it again migrates nothing.
    const again = openSqliteDb(file);
    expect(await migrate(again)).toEqual([]);
    await again.close();
  });
});
