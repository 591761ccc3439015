// Connections to a cluster's Redis (REDIS_URL; docs/scaling.md), each logging once when Redis
// becomes unreachable and once when it is back, instead of a line per reconnection attempt.
import { Redis, type RedisOptions } from 'ioredis';
import { log } from './log';

/** `purpose` names the connection in the log lines. ioredis reconnects by itself; `onBack` runs
 *  each time it has (not on the first connection). */
export function connectRedis(url: string, purpose: string, options: RedisOptions = {}, onBack?: () => void): Redis {
  const client = new Redis(url, options);
  let connected = false;
  let lost = false;
  let warned = false;
  client.on('close', () => {
    lost = connected;
  });
  client.on('error', (error: Error) => {
    if (!warned) log.warn({ err: error, redis: purpose }, 'Redis unreachable; reconnecting');
    warned = true;
  });
  client.on('ready', () => {
    if (lost) {
      log.info({ redis: purpose }, 'Redis reachable again');
      onBack?.();
    }
    connected = true;
    lost = false;
    warned = false;
  });
  return client;
}

/**
 * A connection for Colyseus' presence or driver. Its commands wait for Redis to come back
 * instead of failing after 20 retries: Colyseus does not catch every failed command (it saves
 * its statistics on each join without waiting), and one uncaught failure would stop the process,
 * rooms and all. So while Redis is down joins wait, and rooms keep playing.
 */
export function colyseusRedis(url: string, purpose: string, onBack?: () => void): Redis {
  return connectRedis(url, purpose, { maxRetriesPerRequest: null }, onBack);
}
