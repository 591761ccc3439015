// The Spacebridge server: one process, one port, serving the web client, the HTTP API and the
// Colyseus WebSockets; sessions' rooms open on demand (sessions.ts).
import './globalWebSocket';
import { matchMaker, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import type express from 'express';
import { systemClock, type Clock } from './clock';
import type { ServerConfig } from './config';
import { isSameOrigin, mountHttp, pinClientAddress } from './http';
import { colyseusLog, log } from './log';
import { FailureCounters } from './rateLimit';
import { createSessionRoom, type CreateOptions } from './room/sessionRoom';
import { loadCatalog } from './scenarios';
import { colyseusRedis } from './redis';
import { LocalLeases, PostgresLeases } from './lease';
import { JOIN_FAILURES, type Services } from './services';
import { SESSION_ROOM } from './sessions';
import { openStore } from './store/openStore';

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
  const store = await openStore(config);
  const failureCounters = new FailureCounters(config.redisUrl);
  const services: Services = {
    config,
    clock,
    store,
    catalog: loadCatalog(config.scenarioDir),
    sessions: new Map(),
    failureCounters,
    joinFailures: failureCounters.limiter('join', JOIN_FAILURES.max, JOIN_FAILURES.windowMs),
    leases: config.databaseUrl ? await PostgresLeases.connect(config.databaseUrl, `spacebridge-leases ${config.publicAddress ?? `pid ${process.pid}`}`.slice(0, 63)) : new LocalLeases(),
  };

  const transport = new WebSocketTransport({
    maxPayload: MAX_FRAME_BYTES,
    beforeUpgrade: (request) => (originAllowed(request, config.allowedOrigins) ? undefined : new Response('origin not allowed', { status: 403 })),
  });
  const httpServer = (transport as unknown as { server: HttpServer }).server;
  // Colyseus reads a WebSocket join's address from headers any client can write: pin them first.
  httpServer.prependListener('upgrade', (request) => pinClientAddress(request, config.trustProxy));
  let app: express.Application | undefined;
  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: false,
    logger: colyseusLog,
    // A cluster (docs/scaling.md): the processes find each other's rooms in Redis, and each
    // hands out its own address for the WebSocket (nginx routes /sN/ to process N).
    ...(config.redisUrl
      ? {
          presence: new RedisPresence(colyseusRedis(config.redisUrl, 'presence')),
          // A Redis that restarted empty lost this process's room listings: list them again.
          driver: new RedisDriver(colyseusRedis(config.redisUrl, 'driver', relistRooms)),
        }
      : {}),
    publicAddress: config.publicAddress,
    // A new session's room opens on the process its creation chose (server/sessions.ts: the one
    // with the fewest rooms); a stored session reopened by a join opens where that join arrived.
    selectProcessIdToCreateRoom: async (_roomName, options) => (options as Partial<CreateOptions>).processId ?? matchMaker.processId,
    express: (expressApp) => {
      app = expressApp;
      mountHttp(expressApp, services);
    },
  });
  server.define(SESSION_ROOM, createSessionRoom(services));
  await server.listen(config.port, config.host);
  // Colyseus puts its own request handler in front of the app, answering /matchmake with no body
  // limit and CORS for any origin: the app answers every request itself (http.ts), matchmaking
  // included. Done before the event loop turns, so no request reaches the handler removed.
  httpServer.removeAllListeners('request');
  httpServer.on('request', app!);

  // Sessions open on demand (sessions.ts): nothing is restored at start. A process that lost its
  // leases closes every room it hosts; their next joins open them again, here or elsewhere.
  services.leases.onLost(() => {
    log.error('the session leases were lost (the lock connection to PostgreSQL dropped): closing every room');
    for (const id of services.sessions.keys()) void matchMaker.getLocalRoomById(id)?.disconnect();
  });

  const port = (httpServer.address() as AddressInfo).port;
  let closed = false;
  return {
    port,
    services,
    async close() {
      if (closed) return;
      closed = true;
      const live = [...services.sessions.values()];
      await Promise.all(live.map((session) => session.checkpoint()));
      await server.gracefullyShutdown(false);
      await failureCounters.close();
      // Rooms write their last snapshot as they close: the store closes after those commits.
      await Promise.all(live.map((session) => session.writer.durable()));
      await services.leases.close();
      await store.close();
    },
  };
}

function relistRooms(): void {
  matchMaker.restoreMissingRoomCaches().catch((error: unknown) => log.error({ err: error }, 'rooms could not be listed in Redis again'));
}

/**
 * Cross-site WebSocket hijacking guard: a browser page from another site may not open a socket.
 * Allowed: no Origin (not a browser), the same origin as the Host, ALLOWED_ORIGINS: the rule the
 * API follows too (http.ts).
 */
function originAllowed(request: Request, allowedOrigins: string[]): boolean {
  const origin = request.headers.get('origin');
  return origin === null || isSameOrigin(origin, request.headers.get('host') ?? undefined) || allowedOrigins.includes(origin);
}
