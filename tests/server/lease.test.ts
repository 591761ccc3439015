// Session leases (server/lease.ts): one owner per session, and a dead owner's leases free at once.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { LocalLeases, PostgresLeases } from '@server/lease';

const databaseUrl = process.env.TEST_DATABASE_URL;

describe('local leases (one process)', () => {
  it('gives a session to one room at a time', async () => {
    const leases = new LocalLeases();
    expect(await leases.acquire('s1')).toBe(true);
    expect(await leases.acquire('s1')).toBe(false);
    expect(await leases.acquire('s2')).toBe(true);
    await leases.release('s1');
    expect(await leases.acquire('s1')).toBe(true);
  });
});

describe.skipIf(!databaseUrl && !process.env.CI)('PostgreSQL leases (several processes)', () => {
  it('needs TEST_DATABASE_URL in CI', () => expect(databaseUrl, 'CI must provide TEST_DATABASE_URL').toBeTruthy());

  it('gives a session to one process at a time, also when both ask at once', async () => {
    const [a, b] = await Promise.all([PostgresLeases.connect(databaseUrl!), PostgresLeases.connect(databaseUrl!)]);
    try {
      const id = `lease-${Math.random()}`;
      const won = await Promise.all([a.acquire(id), b.acquire(id), a.acquire(id), b.acquire(id)]);
      expect(won.filter(Boolean)).toHaveLength(1);
      const owner = won[0] || won[2] ? a : b;
      const other = owner === a ? b : a;
      await owner.release(id);
      expect(await other.acquire(id)).toBe(true);
      expect(await owner.acquire(id)).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("frees a killed process's leases at once", async () => {
    const id = `lease-${Math.random()}`;
    // A process that takes the lease, says so, and waits to be killed.
    const child = spawn(process.execPath, ['--input-type=module', '-e', `
      import pg from 'pg';
      const c = new pg.Client({ connectionString: process.env.URL });
      await c.connect();
      const { rows } = await c.query("SELECT pg_try_advisory_lock(hashtextextended('spacebridge:session:' || $1, 0)) AS ok", [process.env.ID]);
      console.log(rows[0].ok ? 'held' : 'refused');
      setInterval(() => {}, 1000);
    `], { env: { ...process.env, URL: databaseUrl, ID: id }, cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    const said = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
    expect(said).toBe('held');
    const leases = await PostgresLeases.connect(databaseUrl!);
    try {
      expect(await leases.acquire(id)).toBe(false);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      // PostgreSQL notices the closed socket and drops the lock: no expiry to wait out.
      let held = false;
      for (let i = 0; i < 50 && !held; i++) {
        held = await leases.acquire(id);
        if (!held) await new Promise((r) => setTimeout(r, 20));
      }
      expect(held).toBe(true);
    } finally {
      await leases.close();
    }
  });

  it('tells the server when the lock connection is lost', async () => {
    const name = `spacebridge-leases-test-${process.pid}`;
    const leases = await PostgresLeases.connect(databaseUrl!, name);
    const lost = new Promise<void>((resolve) => leases.onLost(resolve));
    expect(await leases.acquire(`lease-${Math.random()}`)).toBe(true);
    // An operator (or a failover of PostgreSQL) ends the lock connection.
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [name]);
    await admin.end();
    await lost;
    await leases.close();
  });
});
