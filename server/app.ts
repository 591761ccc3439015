// The Spacebridge server: one process, one port, serving the web client, the HTTP API and the
// Colyseus WebSockets, with every session restored from the store at start.
import './globalWebSocket';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { systemClock, type Clock } from './clock';
import type { ServerConfig } from './config';
import { mountHttp } from './http';
import { FailureLimiter } from './rateLimit';
import { createSessionRoom } from './room/sessionRoom';
import { loadCatalog } from './scenarios';
import { randomToken } from './secrets';
import { JOIN_FAILURES, type Services } from './services';
import { openRoom, SESSION_ROOM } from './sessions';
import { Store } from './store';

/** Largest WebSocket frame accepted at all (a bigger one closes the socket). Messages between
 *  MAX_MESSAGE_BYTES and this get a `too-large` error reply instead. */
const MAX_FRAME_BYTES = 64 * 1024;

export interface RunningServer {
  port: number;
  services: Services;
  /** Stops accepting connections, saves a snapshot of every session, closes the store. */
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, clock: Clock = systemClock): Promise<RunningServer> {
  const store = new Store(config.dataDir);
  const services: Services = {
    config,
    clock,
    store,
    catalog: loadCatalog(config.scenarioDir),
    sessions: new Map(),
    joinFailures: new FailureLimiter(JOIN_FAILURES.max, JOIN_FAILURES.windowMs),
    internalKey: randomToken(24),
  };

  const transport = new WebSocketTransport({
    maxPayload: MAX_FRAME_BYTES,
    beforeUpgrade: (request) => (originAllowed(request, config.allowedOrigins) ? undefined : new Response('origin not allowed', { status: 403 })),
  });
  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: false,
    express: (app) => {
      if (config.trustProxy) app.set('trust proxy', true);
      mountHttp(app, services);
    },
  });
  server.define(SESSION_ROOM, createSessionRoom(services));
  await server.listen(config.port, config.host);

  for (const id of store.listSessionIds()) {
    try {
      await openRoom(services, id);
    } catch (error) {
      // One broken session must not keep the others (or the server) down.
      console.error(`session ${id} could not be restored: ${(error as Error).message}`);
    }
  }

  const httpServer = (transport as unknown as { server: HttpServer }).server;
  const port = (httpServer.address() as AddressInfo).port;
  let closed = false;
  return {
    port,
    services,
    async close() {
      if (closed) return;
      closed = true;
      for (const session of services.sessions.values()) session.checkpoint();
      await server.gracefullyShutdown(false);
      store.close();
    },
  };
}

/**
 * Cross-site WebSocket hijacking guard: a browser page from another site may not open a socket.
 * Allowed: no Origin (not a browser), same origin as the Host, localhost, ALLOWED_ORIGINS.
 */
export function originAllowed(request: Request, allowedOrigins: string[]): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.host === request.headers.get('host')) return true;
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return true;
  return allowedOrigins.includes(url.origin);
}

