// A local cluster for a try-out, the cluster tests and the load test (docs/scaling.md):
// Redis, PostgreSQL, N server processes and nginx (deploy/nginx.conf, as it is) in front.
//
//   npm run cluster [-- --processes 2] [--host localhost]
//
// Redis: REDIS_URL if set, else a private redis-server on a free port (no persistence: it holds
// only what the live processes can rebuild). PostgreSQL: DATABASE_URL if set, else the machine's
// (cluster 15/main, started and given the role and database `spacebridge` when run as root).
// Process N listens on 127.0.0.1:<2567+N> with PUBLIC_ADDRESS=<host>:8080/sN. Prints the one URL;
// Ctrl-C stops everything. `startCluster()` does the same for a program: a test can kill -9 one
// process and start it again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Node's flags for a server process, as `npm start` passes them (docs/performance.md, "Garbage
 *  collection"): a 2 MB young generation. Node's default on a large machine (32 MB) made each
 *  minor collection stop the event loop 30-50 ms under load; at 2 MB it is 1-2 ms, for the same
 *  total. */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];
export const NGINX_CONF = path.join(ROOT, 'deploy', 'nginx.conf');
/** The ports deploy/nginx.conf uses: the public one, and process N's (2567 + N). */
export const PUBLIC_PORT = 8080;
export const processPort = (n: number): number => 2567 + n;
/** The machine's PostgreSQL when DATABASE_URL is unset (the role .ci/run and this script create). */
const MACHINE_DATABASE_URL = 'postgres://spacebridge:spacebridge@127.0.0.1:5432/spacebridge';
/** One cluster at a time on a machine (the ports are fixed): a second start waits for the first to stop. */
const LOCK_FILE = path.join(os.tmpdir(), `spacebridge-cluster-${PUBLIC_PORT}.lock`);
const POLL_MS = 100;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** What a process keeps of its children's output (the end of it). */
const OUTPUT_KEEP_CHARS = 1_000_000;

export interface ClusterOptions {
  /** Server processes (default 2); deploy/nginx.conf must route /s1/ … /sN/. */
  processes?: number;
  /** Host name in the URL and in each PUBLIC_ADDRESS: what browsers use to reach nginx (default localhost). */
  publicHost?: string;
  /** Default: REDIS_URL, else a private redis-server started (and stopped) with the cluster. */
  redisUrl?: string;
  /** Default: DATABASE_URL, else the machine's PostgreSQL (see MACHINE_DATABASE_URL). */
  databaseUrl?: string;
  /** Create a new database on that server for this cluster and drop it at stop() (tests). */
  freshDatabase?: boolean;
  /** Parent of each process's DATA_DIR (p1, p2…); default a temporary directory removed at stop(). */
  dataDir?: string;
  /** More environment for the server processes (LOG_LEVEL, BOT_PACE_MS…). */
  env?: Record<string, string>;
  /** Print every child's output, prefixed with its name (the command line does). */
  echo?: boolean;
  /** How long to wait for another cluster on this machine to stop (default 10 minutes). */
  lockTimeoutMs?: number;
}

export interface ClusterProcess {
  /** 1 … N: its port is 2567 + n, its public address <host>:8080/sn. */
  n: number;
  port: number;
  publicAddress: string;
  /** The running child (a new one after start()). */
  child: ChildProcess;
  /** Everything it printed since the cluster started (all its runs). */
  output(): string;
  /** Starts it again after a kill (resolves once it serves). */
  start(): Promise<void>;
  /** Sends `signal` (default SIGKILL) and resolves once it exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface Cluster {
  /** The one public URL, e.g. http://localhost:8080. */
  url: string;
  processes: ClusterProcess[];
  redisUrl: string;
  databaseUrl: string;
  /** Stops nginx, the processes (SIGTERM: they save), Redis if started here, drops a fresh database. */
  stop(): Promise<void>;
}

/** Everything started so far, killed if this program exits without stop() (a failed test run),
 *  with the signal that stops each for good: nginx's master stops its workers on SIGTERM, while
 *  SIGKILL would leave them holding the port. */
const running = new Map<ChildProcess, NodeJS.Signals>();
process.once('exit', () => {
  for (const [child, signal] of running) child.kill(signal);
});

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.processes ?? 2;
  const publicHost = options.publicHost ?? 'localhost';
  checkNginxRoutes(count);
  const undo: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const step of undo.reverse().splice(0)) {
      try {
        await step();
      } catch (error) {
        process.stderr.write(`cluster: while stopping: ${(error as Error).message}\n`);
      }
    }
  };
  try {
    undo.push(await takeLock(options.lockTimeoutMs ?? 600_000));
    await checkPortsFree([PUBLIC_PORT, ...range(count).map(processPort)]);

    let redisUrl = options.redisUrl ?? process.env.REDIS_URL;
    if (!redisUrl) {
      const redis = await startRedis(options.echo ?? false);
      undo.push(() => stopChild(redis.child, 'SIGTERM'));
      redisUrl = redis.url;
    }

    const serverUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? (await machineDatabase());
    let databaseUrl = serverUrl;
    if (options.freshDatabase) {
      const fresh = await createDatabase(serverUrl);
      undo.push(() => dropDatabase(serverUrl, fresh.name));
      databaseUrl = fresh.url;
    }

    let dataDir = options.dataDir;
    if (!dataDir) {
      const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spacebridge-cluster-'));
      undo.push(() => fs.rmSync(temp, { recursive: true, force: true }));
      dataDir = temp;
    }

    const processes = range(count).map((n) =>
      serverProcess(n, publicHost, {
        ...process.env,
        PORT: String(processPort(n)),
        HOST: '127.0.0.1',
        PUBLIC_ADDRESS: `${publicHost}:${PUBLIC_PORT}/s${n}`,
        TRUST_PROXY: '1',
        REDIS_URL: redisUrl!,
        DATABASE_URL: databaseUrl,
        DATA_DIR: path.join(dataDir!, `p${n}`),
        // Readable lines on a terminal (the processes' own stdout is a pipe: JSON by default).
        ...(options.echo && process.stdout.isTTY ? { LOG_FORMAT: 'pretty' } : {}),
        ...options.env,
      }, options.echo ?? false),
    );
    undo.push(async () => {
      await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    });
    // The first alone: it rebuilds dist/ if a source changed, migrates the database and opens the
    // first start's demo session; then the others, together.
    await processes[0]!.start();
    await Promise.all(processes.slice(1).map((p) => p.start()));

    const nginx = await startNginx(options.echo ?? false);
    undo.push(() => nginx.stop());

    return {
      url: `http://${publicHost}:${PUBLIC_PORT}`,
      processes,
      redisUrl: redisUrl!,
      databaseUrl,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

// --- The server processes -------------------------------------------------------------------------

function serverProcess(n: number, publicHost: string, env: NodeJS.ProcessEnv, echo: boolean): ClusterProcess {
  let output = '';
  const self: ClusterProcess = {
    n,
    port: processPort(n),
    publicAddress: `${publicHost}:${PUBLIC_PORT}/s${n}`,
    child: undefined as unknown as ChildProcess,
    output: () => output,
    async start() {
      if (self.child && self.child.exitCode === null && self.child.signalCode === null) throw new Error(`s${n} is running already`);
      const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(ROOT, 'bin', 'spacebridge.mjs'), 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      self.child = child;
      track(child);
      // This run's first lines, to see it start (or why it did not).
      let start = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`s${n} did not start within ${START_TIMEOUT_MS / 1000} s:\n${start}`)), START_TIMEOUT_MS);
        const onData = (chunk: Buffer) => {
          const text = chunk.toString();
          output = (output + text).slice(-OUTPUT_KEEP_CHARS);
          if (start.length < OUTPUT_KEEP_CHARS) start += text;
          if (echo) process.stdout.write(prefixLines(`s${n}`, text));
          if (start.includes('Spacebridge is running')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`s${n} exited (${signal ?? code}) before it served:\n${start}`));
        });
      });
    },
    async kill(signal = 'SIGKILL') {
      if (self.child) await stopChild(self.child, signal);
    },
  };
  return self;
}

// --- nginx ----------------------------------------------------------------------------------------

/** nginx with deploy/nginx.conf in the foreground; its pid, logs and buffers under a fresh prefix. */
async function startNginx(echo: boolean): Promise<{ stop(): Promise<void> }> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'spacebridge-nginx-'));
  // As root, nginx's workers run as an unprivileged user that must reach the buffers in there.
  fs.chmodSync(prefix, 0o755);
  const errorLog = path.join(prefix, 'error.log');
  const child = spawn(nginxBinary(), ['-p', `${prefix}/`, '-c', NGINX_CONF, '-e', errorLog, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  track(child, 'SIGTERM');
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (echo) process.stdout.write(prefixLines('nginx', chunk.toString()));
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const stop = async () => {
    await stopChild(child, 'SIGTERM');
    fs.rmSync(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      const log = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '';
      await stop();
      throw new Error(`nginx exited (${child.exitCode}):\n${output}${log}`);
    }
    if (await answers(`http://127.0.0.1:${PUBLIC_PORT}/api/health`)) return { stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer on port ${PUBLIC_PORT}:\n${output}`);
    }
    await delay(POLL_MS);
  }
}

function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'nginx';
}

/** deploy/nginx.conf routes /s1/ and /s2/: more processes need more routes there (its header says how). */
function checkNginxRoutes(count: number): void {
  if (!Number.isInteger(count) || count < 1) throw new Error(`processes must be a whole number from 1, got ${count}`);
  const conf = fs.readFileSync(NGINX_CONF, 'utf8');
  for (const n of range(count)) {
    if (!conf.includes(`location /s${n}/`) || !conf.includes(`127.0.0.1:${processPort(n)}`)) {
      throw new Error(`${NGINX_CONF} has no route for process ${n} (location /s${n}/ to 127.0.0.1:${processPort(n)}): add it as its header says`);
    }
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

// --- Redis ----------------------------------------------------------------------------------------

async function startRedis(echo: boolean): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // No RDB, no AOF: the cluster's Redis holds room listings and counters, nothing to keep.
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stdout.write(prefixLines('redis', chunk.toString()));
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not run (${error.message}): install the redis-server package or set REDIS_URL`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
  });
  return { url: `redis://127.0.0.1:${port}`, child };
}

// --- PostgreSQL -----------------------------------------------------------------------------------

/** The machine's PostgreSQL: started and given the role and database if need be (as root). */
async function machineDatabase(): Promise<string> {
  const problem = await connectProblem(MACHINE_DATABASE_URL);
  if (problem === null) return MACHINE_DATABASE_URL;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/pg_ctlcluster')) {
    throw new Error(`no PostgreSQL at ${MACHINE_DATABASE_URL} (${problem}): set DATABASE_URL, or see docs/scaling.md for the role and database to create`);
  }
  // The same commands as .ci/run: start the machine's cluster, then the role and the database.
  const cluster = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).stdout.trim().split('\n')[0]?.split(/\s+/);
  if (!cluster || cluster.length < 2) throw new Error('no PostgreSQL cluster on this machine (pg_lsclusters lists none): set DATABASE_URL');
  run('pg_ctlcluster', [cluster[0]!, cluster[1]!, 'start'], true);
  const psql = (sql: string) => run('runuser', ['-u', 'postgres', '--', 'psql', '-v', 'ON_ERROR_STOP=1', '-qtAc', sql]);
  if (psql("SELECT 1 FROM pg_roles WHERE rolname = 'spacebridge'").trim() !== '1') psql("CREATE ROLE spacebridge LOGIN CREATEDB PASSWORD 'spacebridge'");
  if (psql("SELECT 1 FROM pg_database WHERE datname = 'spacebridge'").trim() !== '1') psql('CREATE DATABASE spacebridge OWNER spacebridge');
  const after = await connectProblem(MACHINE_DATABASE_URL);
  if (after !== null) throw new Error(`PostgreSQL started, but ${MACHINE_DATABASE_URL} still fails: ${after}`);
  return MACHINE_DATABASE_URL;
}

async function connectProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabase(url: string): Promise<{ name: string; url: string }> {
  const name = `sb_cluster_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return { name, url: fresh.toString() };
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// --- Small things ---------------------------------------------------------------------------------

/** One cluster per machine at a time: an exclusive lock file holding the owner's pid (a dead owner's is taken over). */
async function takeLock(timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(LOCK_FILE, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim() || NaN);
    if (!isAlive(owner)) {
      fs.rmSync(LOCK_FILE, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another cluster (process ${owner}) has held ${LOCK_FILE} for ${timeoutMs / 1000} s`);
    await delay(250);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function checkPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (!free) {
      throw new Error(
        `port ${port} is in use: the cluster needs ${ports.join(', ')} (deploy/nginx.conf); is another server or cluster running? ` +
          `(\`ss -ltnp 'sport = :${port}'\` shows who holds it)`,
      );
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function track(child: ChildProcess, lastSignal: NodeJS.Signals = 'SIGKILL'): void {
  running.set(child, lastSignal);
  child.once('exit', () => running.delete(child));
}

/** Signals a child and waits for its exit (SIGKILL after STOP_TIMEOUT_MS). */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function run(command: string, args: string[], quiet = false): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0 && !quiet) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  return result.stdout ?? '';
}

function prefixLines(name: string, text: string): string {
  return text.replace(/^(?=.)/gm, `[${name}] `);
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- The command line -----------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { processes: { type: 'string', default: '2' }, host: { type: 'string', default: 'localhost' } } });
  const cluster = await startCluster({ processes: Number(values.processes), publicHost: values.host, echo: true });
  process.stdout.write(
    [
      '',
      `Spacebridge cluster: ${cluster.url}`,
      `  ${cluster.processes.length} processes (${cluster.processes.map((p) => `s${p.n} on 127.0.0.1:${p.port}`).join(', ')}) behind nginx (deploy/nginx.conf)`,
      `  Redis ${cluster.redisUrl}, PostgreSQL ${cluster.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('cluster: stopping…\n');
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    process.stderr.write(`cluster: ${error.message}\n`);
    process.exit(1);
  });
}
