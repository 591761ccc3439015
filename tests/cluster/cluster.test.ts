// The cluster as deploy/ runs it (scripts/cluster.ts): two server processes behind nginx (one URL),
// Colyseus' Redis presence and driver, PostgreSQL as the store and for the session leases. Real
// SDK clients join through nginx. What must hold (issue 14, docs/scaling.md):
// - sessions created through the one URL land evenly on both processes;
// - a session is hosted by one process at a time, even when joins race on both;
// - kill -9 of a process under load: every session it hosted resumes on the other, with no
//   acknowledged action lost and none applied twice; the resume time is printed.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startCluster, type Cluster } from '../../scripts/cluster';
import { api, openSession, TestClient, type Opened } from '../server/harness';

const hasServices = !!process.env.TEST_DATABASE_URL && !!process.env.TEST_REDIS_URL;

let cluster: Cluster;
let db: pg.Client;

/** Which process (its lease connection's name) holds each session's lease, from PostgreSQL's lock table. */
async function owners(sessionIds: string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ session_id: string; holder: string }>(
    `SELECT s.id AS session_id, a.application_name AS holder
       FROM unnest($1::text[]) AS s(id)
       JOIN pg_locks l ON l.locktype = 'advisory' AND l.granted
        AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended('spacebridge:session:' || s.id, 0)
       JOIN pg_stat_activity a ON a.pid = l.pid`,
    [sessionIds],
  );
  const map = new Map<string, string[]>(sessionIds.map((id) => [id, []]));
  for (const r of rows) map.get(r.session_id)!.push(r.holder);
  return map;
}

async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!hasServices && !process.env.CI)('a cluster of two processes behind nginx', () => {
  beforeAll(async () => {
    expect(hasServices, 'CI must provide TEST_DATABASE_URL and TEST_REDIS_URL').toBe(true);
    // The test Redis is the cluster tests' own: earlier runs' rate-limit counters must not count.
    const redis = new Redis(process.env.TEST_REDIS_URL!);
    await redis.flushdb();
    redis.disconnect();
    cluster = await startCluster({
      processes: 2,
      databaseUrl: process.env.TEST_DATABASE_URL,
      redisUrl: process.env.TEST_REDIS_URL,
      freshDatabase: true,
      env: { LOG_LEVEL: 'warn' },
    });
    db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    // A process is seen by the others once it has listed itself in Colyseus' presence ("roomcount").
    const presence = new Redis(process.env.TEST_REDIS_URL!);
    await until(async () => (await presence.hlen('roomcount')) === 2, 10_000, 'both processes listed in Redis');
    presence.disconnect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
  }, 60_000);

  it('spreads new sessions evenly over both processes, through the one URL or straight to one process', async () => {
    const sessions: Opened[] = [];
    const first = `http://127.0.0.1:${cluster.processes[0].port}`;
    for (let i = 0; i < 8; i++) sessions.push(await openSession(i % 2 ? first : cluster.url));
    // Each new session's room opens on the process with the fewest rooms, whichever process got
    // the request: with the demo session's room, the processes end one room apart at most.
    const facilitators = await Promise.all(sessions.map((s) => TestClient.join(cluster.url, s.sessionId, { as: 'facilitator', facilitatorKey: s.facilitatorKey })));
    const held = await owners(sessions.map((s) => s.sessionId));
    for (const [id, holders] of held) expect(holders, id).toHaveLength(1);
    expect(new Set([...held.values()].map((h) => h[0])).size).toBe(2);
    const presence = new Redis(process.env.TEST_REDIS_URL!);
    const listings = Object.values(await presence.hgetall('roomcaches')).map((listing) => JSON.parse(listing) as { processId: string });
    presence.disconnect();
    const rooms = new Map<string, number>();
    for (const { processId } of listings) rooms.set(processId, (rooms.get(processId) ?? 0) + 1);
    expect([...rooms.values()].sort(), 'session rooms per process').toSatisfy(([fewer, more]: number[]) => more - fewer <= 1);
    await Promise.all(facilitators.map((f) => f.leave()));
  }, 60_000);

  it('hosts a session on one process when joins race on both', async () => {
    for (let round = 0; round < 3; round++) {
      const opened = await openSession(cluster.url);
      // Straight to each process as well as through nginx, all at once.
      const bases = [cluster.url, ...cluster.processes.map((p) => `http://127.0.0.1:${p.port}`)];
      const joins = Array.from({ length: 9 }, (_, i) =>
        TestClient.join(bases[i % bases.length], opened.sessionId, { as: 'spectator', joinCode: opened.joinCode }),
      );
      const clients = await Promise.all(joins);
      const holders = (await owners([opened.sessionId])).get(opened.sessionId)!;
      expect(holders).toHaveLength(1);
      // One room: a move is seen by every client, whichever process it joined through.
      const facilitator = await TestClient.join(cluster.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
      const started = await facilitator.act({ type: 'startGame' });
      expect(started.ok).toBe(true);
      await Promise.all(clients.map((c) => c.reach(started.seq)));
      await Promise.all([...clients, facilitator].map((c) => c.leave()));
    }
  }, 90_000);

  it('resumes every session of a killed process on the other, losing and doubling nothing', async () => {
    const SESSIONS = 6;
    const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => openSession(cluster.url)));
    type Player = { session: Opened; name: string; seat: { role: string; seat: string }; token: string; client: TestClient };
    const players: Player[] = [];
    for (const session of sessions) {
      const facilitator = await TestClient.join(cluster.url, session.sessionId, { as: 'facilitator', facilitatorKey: session.facilitatorKey });
      expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
      await facilitator.leave();
      for (const [name, role] of [['Neil', 'nasa'], ['Alexei', 'soviet-academy']] as const) {
        const client = await TestClient.join(cluster.url, session.sessionId, { as: 'player', joinCode: session.joinCode, name });
        client.room.send('chooseSeat', { seat: { role, seat: 'head' } });
        await client.next((m) => m.type === 'identity' && m.body.seat !== null);
        client.room.reconnection.enabled = false;
        players.push({ session, name, seat: { role, seat: 'head' }, token: client.identity.seatToken as string, client });
      }
    }
    const held = await owners(sessions.map((s) => s.sessionId));
    const victimName = held.get(sessions[0].sessionId)![0];
    const victim = cluster.processes.find((p) => victimName.endsWith(`/s${p.n}`) || victimName.endsWith(`:${p.port}`));
    expect(victim, `lease holder ${victimName}`).toBeDefined();
    const moved = sessions.filter((s) => held.get(s.sessionId)![0] === victimName).map((s) => s.sessionId);

    // Every NASA player toggles ready 4 times a second (the inbox allows 5) and every Academy
    // player speaks every 2 s, never the same text (the chat flood rule; its seat is never ready,
    // so the phase does not end). An action counts once acknowledged. After a lost connection the player joins again by seat token (through nginx)
    // and resends the same id, as the web client's outbox does.
    const acked = new Map<string, { sessionId: string; seq: number }>();
    const refusals: string[] = [];
    /** Sends that got no answer (the connection or its process went away): resent after rejoining. */
    const failures: string[] = [];
    let stop = false;
    let killedAt = 0;
    const resumedAfter: number[] = [];
    const loops = players.map(async (p, index) => {
      let n = 0;
      let pending: { id: string; action: Record<string, unknown> } | null = null;
      while (!stop) {
        if (!pending) {
          n++;
          const action = p.seat.role === 'nasa' ? { type: 'ready', ready: n % 2 === 1 } : { type: 'chat', channel: 'public', text: `note ${n}: ${randomBytes(12).toString('base64')}` };
          pending = { id: `failover-${index}-${n}`, action };
        }
        const sending = pending;
        try {
          const reply = await p.client.act(sending.action, sending.id);
          if (reply.ok) acked.set(sending.id, { sessionId: p.session.sessionId, seq: reply.seq });
          else refusals.push(`${sending.id}: ${JSON.stringify(reply.error)}`);
          pending = null;
        } catch (error) {
          failures.push(`${sending.id}: ${(error as Error).message}`);
          // The connection (or its process) is gone: join again until a live process has the session.
          const lostAt = Date.now();
          p.client = await until(
            () => TestClient.join(cluster.url, p.session.sessionId, { as: 'player', joinCode: p.session.joinCode, name: p.name, seatToken: p.token }).catch(() => undefined),
            30_000,
            `${p.name} to rejoin ${p.session.sessionId}`,
          );
          p.client.room.reconnection.enabled = false;
          if (killedAt) resumedAfter.push(Date.now() - Math.max(killedAt, lostAt));
        }
        await new Promise((r) => setTimeout(r, p.seat.role === 'nasa' ? 250 : 2_000));
      }
    });

    // The killed process comes back for the tests after this one, whatever happens here.
    onTestFinished(() => victim!.start());
    await until(async () => acked.size >= 60, 30_000, 'traffic before the kill').catch((error: Error) => {
      throw new Error(`${error.message}: ${acked.size} acknowledged, refused: ${refusals.slice(0, 3).join('; ')}, unanswered: ${failures.slice(0, 3).join('; ')}`);
    });
    killedAt = Date.now();
    await victim!.kill('SIGKILL');
    await until(async () => {
      const now = await owners(moved);
      return [...now.values()].every((h) => h.length === 1 && h[0] !== victimName);
    }, 30_000, 'every session of the killed process to resume on the other');
    const afterKill = acked.size;
    await until(async () => acked.size >= afterKill + 60, 30_000, 'traffic after the resume');
    stop = true;
    await Promise.all(loops);
    expect(refusals).toEqual([]);

    // The store: every acknowledged action exactly once, at the seq its acknowledgement named.
    for (const session of sessions) {
      const { rows } = await db.query<{ seq: number; client_id: string | null }>('SELECT seq, client_id FROM actions WHERE session_id = $1 ORDER BY seq', [session.sessionId]);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      const ids = rows.map((r) => r.client_id).filter((id): id is string => id !== null);
      expect(new Set(ids).size, 'no action applied twice').toBe(ids.length);
      for (const [id, a] of acked) if (a.sessionId === session.sessionId) expect(rows.find((r) => r.seq === a.seq)?.client_id, id).toBe(id);
    }
    resumedAfter.sort((a, b) => a - b);
    console.log(
      `failover: ${moved.length} of ${SESSIONS} sessions moved; ${acked.size} actions acknowledged, none lost or doubled; ` +
        `players back after a median ${resumedAfter[Math.floor(resumedAfter.length / 2)]} ms (max ${resumedAfter.at(-1)} ms)`,
    );
    await Promise.all(players.map((p) => p.client.leave().catch(() => undefined)));
  }, 180_000);

  it('answers a report through any process with the live state', async () => {
    const opened = await openSession(cluster.url);
    const facilitator = await TestClient.join(cluster.url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
    const nasa = await TestClient.join(cluster.url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Neil' });
    nasa.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
    await nasa.next((m) => m.type === 'identity' && m.body.seat !== null);
    const said = await nasa.act({ type: 'chat', channel: 'public', text: 'Greetings from Houston' });
    expect(said.ok).toBe(true);
    // The owner answers from its live session, the other from the store: the same seq either way.
    for (const p of cluster.processes) {
      const report = await api(`http://127.0.0.1:${p.port}`, `/api/sessions/${opened.sessionId}/report`, { key: opened.facilitatorKey });
      expect(report.status).toBe(200);
      expect(report.body.session.seq).toBe(said.seq);
      expect(report.body.session.status).toBe('running');
    }
    await Promise.all([facilitator.leave(), nasa.leave()]);
  }, 60_000);
});
