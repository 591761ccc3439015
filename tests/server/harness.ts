// Test harness: a real Spacebridge server on a random port (in this process, temp data dir, a
// hand-turned clock) and real @colyseus/sdk clients over WebSockets. Every client records the raw
// bytes of every frame it receives, so secrecy is checked on what actually crossed the wire.
// Nothing here sleeps: a test waits for a message (with a timeout that only guards against a
// hang) or turns the server's clock.
import { WebSocket as WsWebSocket } from 'ws';

/** A `ws` WebSocket that keeps every frame it receives. Installed as the global WebSocket (the
 *  SDK's transport) before the server or the SDK load. */
export class RecordingWebSocket extends WsWebSocket {
  frames: Buffer[] = [];
  constructor(...args: ConstructorParameters<typeof WsWebSocket>) {
    super(...args);
    this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      this.frames.push(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
    });
  }
}
(globalThis as unknown as { WebSocket: unknown }).WebSocket = RecordingWebSocket;

const { Client } = await import('@colyseus/sdk');
const jsonPatch = (await import('fast-json-patch')).default;
const { startServer } = await import('@server/app');
const { configFromEnv } = await import('@server/config');
const { openRoomHere } = await import('@server/sessions');

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Room } from '@colyseus/sdk';
import type { RunningServer } from '@server/app';
import type { GameSession } from '@server/session';
import type { LoggedAction } from '@server/store/store';
import type { GameView } from '@shared/engine';
import type { Action } from '@shared/protocol/actions';
import type { JoinOptions } from '@shared/protocol/messages';
import { ManualClock } from './manualClock';

export type { RunningServer };
export { ManualClock };

export function tempDir(prefix = 'spacebridge-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A server on `clock`: phase deadlines, bot turns, rate limits and action times move only when
 *  the test advances it. */
export async function startTestServer(
  env: Record<string, string> = {},
  clock = new ManualClock(),
): Promise<{ server: RunningServer; url: string; dataDir: string; clock: ManualClock }> {
  const dataDir = env.DATA_DIR ?? tempDir();
  const database = await serverTestDatabase(dataDir);
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: path.join(dataDir, 'no-client'), ...database, ...env });
  const server = await startServer(config, clock);
  return { server, url: `http://127.0.0.1:${server.port}`, dataDir, clock };
}

/**
 * SERVER_TESTS_DATABASE_URL (a PostgreSQL role that may create databases) runs these servers on
 * PostgreSQL instead of SQLite: one database per data directory, so a restart in the same
 * directory finds its sessions again. The databases (sb_srv_*) are left for the caller to drop.
 */
async function serverTestDatabase(dataDir: string): Promise<{ DATABASE_URL?: string }> {
  const adminUrl = process.env.SERVER_TESTS_DATABASE_URL;
  if (!adminUrl) return {};
  const name = `sb_srv_${path.basename(dataDir).replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.href };
}

/** A session's stored action log, once what its live session (if any) has written is committed. */
/** The session as this server hosts it, its room opened now if no room hosts it (after a restart:
 *  rooms open on demand, at the first join). */
export async function hostedSession(server: RunningServer, sessionId: string): Promise<GameSession> {
  await openRoomHere(server.services, sessionId);
  return server.services.sessions.get(sessionId)!;
}

export async function storedLog(server: RunningServer, sessionId: string): Promise<LoggedAction[]> {
  await server.services.sessions.get(sessionId)?.writer.durable();
  return server.services.store.actionsAfter(sessionId, 0);
}

export async function api<T = any>(url: string, pathname: string, init: RequestInit & { json?: unknown; key?: string } = {}): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  const res = await fetch(url + pathname, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const text = await res.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, text, headers: res.headers };
}

export interface Opened {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
}

export async function openSession(url: string, scenarioId = 'handshake-in-orbit', extra: Record<string, unknown> = {}): Promise<Opened> {
  const res = await api<Opened>(url, '/api/sessions', { method: 'POST', json: { scenarioId, seed: 7, ...extra } });
  if (res.status !== 201) throw new Error(`POST /api/sessions: ${res.status} ${res.text}`);
  return res.body;
}

type Received = { type: string; body: any };

/** One connected client: its messages, its view kept up to date from patches, its raw frames. */
export class TestClient {
  received: Received[] = [];
  view: GameView | null = null;
  identity: any = null;
  presence: any = null;
  private waiters: { match: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  private counter = 0;

  constructor(readonly room: Room) {
    for (const type of ['view', 'patch', 'result', 'error', 'identity', 'presence', 'displaced']) {
      room.onMessage(type, (body: any) => this.receive({ type, body }));
    }
  }

  static async join(url: string, sessionId: string, options: JoinOptions): Promise<TestClient> {
    const client = new Client(url);
    const room = await client.joinById(sessionId, options);
    const tc = new TestClient(room);
    await tc.next((m) => m.type === 'view');
    return tc;
  }

  private receive(m: Received) {
    if (m.type === 'view') this.view = m.body.view;
    if (m.type === 'patch') {
      if (!this.view) throw new Error('patch before view');
      this.view = jsonPatch.applyPatch(jsonPatch.deepClone(this.view), m.body.ops, true, false).newDocument;
      if (this.view!.seq !== m.body.seq) throw new Error(`patched view at seq ${this.view!.seq}, message says ${m.body.seq}`);
    }
    if (m.type === 'identity') this.identity = m.body;
    if (m.type === 'presence') this.presence = m.body;
    this.received.push(m);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(m)) return true;
      w.resolve(m);
      return false;
    });
  }

  /** The next message (from now, or already received after `since`) matching `match`. */
  next(match: (m: Received) => boolean, since = 0, timeoutMs = 5000): Promise<Received> {
    const found = this.received.slice(since).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for a message; got ${JSON.stringify(this.received.slice(since).map((m) => m.type))}`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  /** Sends an action and waits for its result. */
  async act(action: Action | Record<string, unknown>, id = `act-${Date.now()}-${++this.counter}-${Math.random().toString(36).slice(2, 8)}`): Promise<any> {
    const since = this.received.length;
    this.room.send('action', { id, action });
    const reply = await this.next((m) => m.type === 'result' && m.body.id === id, since);
    return reply.body;
  }

  /** Sends any message and waits for the error or result it causes. */
  async sendExpectingError(type: string, body: unknown): Promise<any> {
    const since = this.received.length;
    this.room.send(type, body);
    return (await this.next((m) => m.type === 'error' || (m.type === 'result' && !m.body.ok), since)).body;
  }

  /** Waits until this client's view reaches `seq`. */
  async reach(seq: number): Promise<void> {
    await this.until(() => (this.view?.seq ?? -1) >= seq);
  }

  /** Waits until `check` holds for what this client received (checked now and on each message). */
  async until(check: () => boolean, timeoutMs = 5000): Promise<void> {
    if (check()) return;
    await this.next(check, this.received.length, timeoutMs);
  }

  /** Every byte this client's current socket received. */
  bytes(): Buffer {
    const ws = (this.room as any).connection.transport.ws as RecordingWebSocket;
    return Buffer.concat(ws.frames);
  }

  get socket(): RecordingWebSocket {
    return (this.room as any).connection.transport.ws as RecordingWebSocket;
  }

  async leave(): Promise<void> {
    await this.room.leave(true).catch(() => undefined);
  }
}
