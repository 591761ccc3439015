// Browser test harness: the real server (`spacebridge serve`) on a free port with a temporary
// DATA_DIR, Debian's Chromium through playwright-core, and helpers that act as a user does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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
  projector: { width: 1920, height: 1080 },
} as const;

export interface TestServer {
  url: string;
  dataDir: string;
  process: ChildProcess | null;
  stop(): Promise<void>;
}

/** Builds client/dist once if it is missing (the server serves the built client). */
export function ensureClientBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'client', 'dist', 'index.html'))) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'client/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('client build failed');
}

/** Starts a fresh server; SPACEBRIDGE_URL points the screenshot script at a running one instead. */
export async function startServer(): Promise<TestServer> {
  ensureClientBuilt();
  const existing = process.env.SPACEBRIDGE_URL;
  if (existing) return { url: existing.replace(/\/$/, ''), dataDir: '', process: null, stop: async () => undefined };
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

export async function newPage(browser: Browser, viewport: { width: number; height: number } = VIEWPORTS.laptop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page };
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
