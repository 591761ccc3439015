// `spacebridge serve` (what `npm start` runs): builds the web client if it is missing, starts the
// server, and on a first start (no session recorded yet) opens a demo session and prints how to join it.
import '../globalWebSocket';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../app';
import { configFromEnv, PROJECT_ROOT, type ServerConfig } from '../config';
import { bannerLog } from '../log';
import { FIRST_SCENARIO } from '../scenarios';
import { openSession } from '../sessions';
import { UsageError } from './usageError';

const DEFAULT_CLIENT_DIR = path.join(PROJECT_ROOT, 'client', 'dist');
/** What `serve` says is its answer (where to go, the demo session): shown whatever LOG_LEVEL. */
const log = bannerLog();

export async function run(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError(`serve takes no arguments (configure it with PORT, DATA_DIR…), got "${args.join(' ')}"`);
  const config = configFromEnv();
  buildClientIfMissing(config);

  const server = await startServer(config);
  // The first start is the first with no session recorded: the data file may already exist,
  // e.g. when `spacebridge instructor add` ran before the server's first start.
  const firstStart = (await server.services.store.listSessionIds()).length === 0;
  const url = `http://localhost:${server.port}`;
  log.info(`Spacebridge is running: ${url} (data: ${config.dataDir})`);
  for (const lan of lanUrls(server.port)) log.info(`on this network: ${lan}`);

  const { catalog } = server.services;
  const demo = catalog.get(FIRST_SCENARIO) ?? catalog.list()[0];
  if (firstStart && demo) {
    const opened = await openSession(server.services, { scenarioId: demo.id, settings: { studentsChooseSeats: true } });
    log.info(
      [
        `A demo session of "${demo.title}" is ready:`,
        `  students join at ${url} with the code ${opened.joinCode} (or open ${url}/join/${opened.joinCode})`,
        `  facilitator console: ${url}/facilitator/${opened.sessionId}#key=${opened.facilitatorKey}&code=${opened.joinCode}`,
        '  (the facilitator link holds the key: keep it private; it is shown only this once)',
      ].join('\n'),
    );
  }
  if (catalog.list().length === 0) log.warn(`No valid scenario found in ${config.scenarioDir}.`);

  return new Promise<number>((resolve) => {
    const stop = async (signal: string) => {
      log.info(`${signal}: saving sessions and stopping…`);
      await server.close();
      log.info('stopped');
      resolve(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}

/** `npm start` on a fresh checkout: build client/dist once (only for the default location). */
function buildClientIfMissing(config: ServerConfig): void {
  if (config.clientDir !== DEFAULT_CLIENT_DIR || fs.existsSync(path.join(config.clientDir, 'index.html'))) return;
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'client', 'index.html'))) return;
  log.info('The web client is not built yet: building it once (vite build client)…');
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', 'client'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) log.warn('The client build failed; the server starts anyway and shows how to build it.');
}

function lanUrls(port: number): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a.address}:${port}`);
}
