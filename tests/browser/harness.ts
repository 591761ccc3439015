// Browser test harness: the real server (`spacebridge serve`) on a free port with a temporary
// DATA_DIR, Debian's Chromium through playwright-core, and helpers that act as a user does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const VIEWPORTS = {
  laptop: { width: 1280, height: 800 },
  tablet: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
  projector: { width: 1920, height: 1080 },
} as const;

/** How long one step (a click, a fill, a wait for text) may take: generous, for a loaded 2-core machine. */
export const STEP_TIMEOUT_MS = 60_000;

export interface TestServer {
  url: string;
  dataDir: string;
  process: ChildProcess | null;
  /** Everything the server printed so far (for a failed test's evidence). */
  output(): string;
  stop(): Promise<void>;
}

/** What the built client is made from: a change to any of these makes client/dist stale. */
const CLIENT_SOURCES = ['client', 'shared', 'package-lock.json', 'tsconfig.json'];
const BUILD_STAMP = '.source-hash';

function sourceHash(): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) if (name !== 'dist' && name !== 'node_modules') visit(path.join(rel, name));
    } else {
      hash.update(`${rel}\0`).update(fs.readFileSync(abs)).update('\0');
    }
  };
  CLIENT_SOURCES.forEach(visit);
  return hash.digest('hex');
}

/**
 * Builds client/dist (the server serves the built client) when it is missing or was built from
 * other sources than the working tree's. The build goes to a temporary folder that then replaces
 * client/dist, so a server running meanwhile never sees a half-written client.
 */
export function ensureClientBuilt(): void {
  const dist = path.join(ROOT, 'client', 'dist');
  const hash = sourceHash();
  const stamp = path.join(dist, BUILD_STAMP);
  if (fs.existsSync(path.join(dist, 'index.html')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return;
  const out = path.join(ROOT, 'tmp', `client-build-${process.pid}`);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'client/vite.config.ts', '--outDir', out, '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`client build failed:\n${result.stdout}${result.stderr}`);
  fs.writeFileSync(path.join(out, BUILD_STAMP), hash);
  const old = `${out}-old`;
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(out, dist);
  fs.rmSync(old, { recursive: true, force: true });
  console.log(`built the web client into client/dist (${hash.slice(0, 12)})`);
}

/** Starts a fresh server; SPACEBRIDGE_URL points the screenshot script at a running one instead. */
export async function startServer(): Promise<TestServer> {
  const existing = process.env.SPACEBRIDGE_URL;
  if (existing) return { url: existing.replace(/\/$/, ''), dataDir: '', process: null, output: () => '', stop: async () => undefined };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spacebridge-browser-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'spacebridge.mjs'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, RECONNECT_SECONDS: '60' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        // The server saves its sessions on SIGTERM; if it lingers after that, stop it for good.
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
}

export async function createSession(url: string, scenarioId = 'handshake-in-orbit'): Promise<CreatedSession> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenarioId, seed: 7 }),
  });
  if (!response.ok) throw new Error(`create session: ${response.status} ${await response.text()}`);
  return response.json() as Promise<CreatedSession>;
}

/** Each page's console, errors and socket closes, for a failed test's evidence. */
const pageLogs = new WeakMap<Page, string[]>();

export async function newPage(browser: Browser, viewport: { width: number; height: number } = VIEWPORTS.laptop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const log: string[] = [];
  const note = (line: string) => log.push(`${new Date().toISOString()} ${line}`);
  pageLogs.set(page, log);
  page.on('console', (message) => note(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => note(`page error: ${error.stack ?? error.message}`));
  page.on('websocket', (socket) => {
    note(`websocket open ${socket.url()}`);
    socket.on('close', () => note(`websocket closed ${socket.url()}`));
  });
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page };
}

/**
 * Writes what a failed test leaves behind to tmp/browser-failures/<test>-<time>/: a screenshot,
 * the accessibility tree and the console of every open page, and the server's output.
 */
export async function saveEvidence(testName: string, browser: Browser | undefined, server: TestServer | undefined): Promise<string> {
  const dir = path.join(ROOT, 'tmp', 'browser-failures', `${testName.replace(/\W+/g, '-').slice(0, 60)}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'server.log'), server?.output() ?? '');
  const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
  for (const [i, page] of pages.entries()) {
    const name = `page-${i + 1}`;
    const tree = await page.locator('body').ariaSnapshot({ timeout: 10_000 }).catch((e: Error) => `(no snapshot: ${e.message})`);
    fs.writeFileSync(path.join(dir, `${name}.txt`), [`url: ${page.url()}`, '', tree, '', 'console:', ...(pageLogs.get(page) ?? [])].join('\n'));
    await page.screenshot({ path: path.join(dir, `${name}.png`), timeout: 10_000 }).catch(() => undefined);
  }
  return dir;
}

/** A student joins from the home page with the code and a name, and takes a seat. */
export async function joinAsStudent(page: Page, url: string, joinCode: string, name: string, seat?: { role: string; seat: string }) {
  await page.goto(`${url}/`);
  await page.getByRole('textbox', { name: 'Join code', exact: true }).fill(joinCode);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.waitForURL(`**/play/${joinCode}`);
  await page.getByTestId('connection-status').and(page.locator('[data-status="connected"]')).waitFor();
  if (seat) {
    await page.getByTestId(`seat-${seat.role}-${seat.seat}`).getByRole('button').click();
    await page.getByTestId('confidential-brief').waitFor();
  }
}

export async function openConsole(page: Page, url: string, session: CreatedSession) {
  await page.goto(`${url}/facilitator/${session.sessionId}#key=${session.facilitatorKey}&code=${session.joinCode}`);
  await page.getByTestId('connection-status').and(page.locator('[data-status="connected"]')).waitFor();
}

/** The facilitator moves to the next phase and waits until the console shows it. */
export async function advancePhase(console: Page, expectedLabel: string) {
  await console.getByTestId('advance-phase').click();
  await console.getByTestId('phase-label').filter({ hasText: expectedLabel }).waitFor();
}
