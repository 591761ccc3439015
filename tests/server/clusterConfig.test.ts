// The cluster settings (docs/scaling.md): REDIS_URL and PUBLIC_ADDRESS are checked at start, so a
// typo stops the process with a clear message instead of a cluster whose WebSockets go nowhere.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '@server/config';

describe('cluster settings', () => {
  it('are off by default: one process, local presence, the client uses the address it called', () => {
    const config = configFromEnv({});
    expect(config.redisUrl).toBeUndefined();
    expect(config.publicAddress).toBeUndefined();
  });

  it('take a Redis URL and a public address (host, port, path)', () => {
    const config = configFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379/2', PUBLIC_ADDRESS: 'game.example.edu:8080/s1' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(config.publicAddress).toBe('game.example.edu:8080/s1');
    expect(configFromEnv({ REDIS_URL: 'rediss://user:pw@redis.internal:6380' }).redisUrl).toBe('rediss://user:pw@redis.internal:6380');
    expect(configFromEnv({ PUBLIC_ADDRESS: '[::1]:8080/s2' }).publicAddress).toBe('[::1]:8080/s2');
  });

  it.each([
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must be a URL such as redis:\/\//],
    ['REDIS_URL', 'http://127.0.0.1:6379', /REDIS_URL/],
    ['PUBLIC_ADDRESS', 'http://game.example.edu/s1', /without a scheme/],
    ['PUBLIC_ADDRESS', 'game.example.edu/s1/', /trailing slash/],
    ['PUBLIC_ADDRESS', 'game example', /PUBLIC_ADDRESS/],
  ])('refuse %s=%s', (name, value, message) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(message);
  });
});
