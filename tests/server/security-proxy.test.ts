// Issue 13.2, against a real server: the address the failed-guess counter blocks is the socket's
// unless TRUST_PROXY names the proxies in front (forwarded headers from anyone else are ignored),
// and a right key or join code still works from a blocked address.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, openSession, startTestServer, TestClient, type ManualClock, type Opened, type RunningServer } from './harness';
import { configFromEnv } from '@server/config';
import { forwardedClient } from '@server/http';
import { JOIN_FAILURES } from '@server/services';

const { Client } = await import('@colyseus/sdk');

// The SDK warns about every join the server refuses; these tests refuse joins on purpose.
const warn = console.warn;
vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
  if (!String(args[0]).startsWith('Room connection was closed unexpectedly')) warn(...args);
});

/** A WebSocket join with a wrong join code, sending `headers`: the server's refusal message. */
async function wrongJoin(url: string, sessionId: string, headers: Record<string, string>): Promise<string> {
  try {
    const room = await new Client(url, { headers }).joinById(sessionId, { as: 'spectator', joinCode: 'WRONG9' });
    await room.leave(true);
    return 'joined';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('TRUST_PROXY parsing', () => {
  it('takes a hop count or proxy addresses, off by default, and refuses "trust everyone"', () => {
    const parse = (TRUST_PROXY?: string) => configFromEnv({ TRUST_PROXY }).trustProxy;
    expect(parse()).toEqual({ hops: 0, proxies: [] });
    expect(parse('')).toEqual({ hops: 0, proxies: [] });
    expect(parse('0')).toEqual({ hops: 0, proxies: [] });
    expect(parse('1')).toEqual({ hops: 1, proxies: [] });
    expect(parse('2')).toEqual({ hops: 2, proxies: [] });
    expect(parse('127.0.0.1, ::1')).toEqual({ hops: 0, proxies: ['127.0.0.1', '::1'] });
    expect(() => parse('true')).toThrow(/TRUST_PROXY/);
    expect(() => parse('my-proxy.local')).toThrow(/TRUST_PROXY/);
    expect(() => parse('-1')).toThrow(/TRUST_PROXY/);
  });

  it('finds the client in X-Forwarded-For only behind trusted proxies', () => {
    const off = { hops: 0, proxies: [] };
    const oneHop = { hops: 1, proxies: [] };
    const twoHops = { hops: 2, proxies: [] };
    const local = { hops: 0, proxies: ['127.0.0.1', '10.0.0.9'] };
    expect(forwardedClient('127.0.0.1', '6.6.6.6', off)).toBe('127.0.0.1');
    expect(forwardedClient('127.0.0.1', undefined, oneHop)).toBe('127.0.0.1');
    // The proxy appends the address it saw: what the client wrote before it is not believed.
    expect(forwardedClient('127.0.0.1', '6.6.6.6, 10.1.2.3', oneHop)).toBe('10.1.2.3');
    expect(forwardedClient('127.0.0.1', '6.6.6.6, 10.1.2.3,10.0.0.9', twoHops)).toBe('10.1.2.3');
    expect(forwardedClient('127.0.0.1', '10.1.2.3', twoHops)).toBe('10.1.2.3');
    expect(forwardedClient('::ffff:127.0.0.1', '6.6.6.6, 10.1.2.3, 10.0.0.9', local)).toBe('10.1.2.3');
    // Not from a listed proxy: its header is the client's own claim.
    expect(forwardedClient('192.168.1.7', '10.1.2.3', local)).toBe('192.168.1.7');
    expect(forwardedClient('127.0.0.1', 'not an address', oneHop)).toBe('127.0.0.1');
  });
});

describe('no proxy (the default)', () => {
  let server: RunningServer;
  let url: string;
  let clock: ManualClock;
  let opened: Opened;

  beforeAll(async () => {
    ({ server, url, clock } = await startTestServer());
    opened = await openSession(url);
  });
  afterAll(async () => server?.close());

  it('counts wrong WebSocket joins against the socket address, whatever X-Real-IP / X-Forwarded-For claim', async () => {
    const refusals: string[] = [];
    for (let i = 0; i <= JOIN_FAILURES.max; i++) {
      refusals.push(await wrongJoin(url, opened.sessionId, { 'x-real-ip': `10.9.0.${i}`, 'x-forwarded-for': `10.8.0.${i}`, 'x-client-ip': `10.7.0.${i}` }));
    }
    expect(refusals.slice(0, JOIN_FAILURES.max).every((m) => m === 'wrongJoinCode'), refusals.join(' / ')).toBe(true);
    expect(refusals.at(-1)).toBe('tooManyAttempts');
    // One budget per address for HTTP and WebSocket guesses.
    expect((await api(url, `/api/sessions/${opened.sessionId}/report`, { key: 'not-the-key' })).status).toBe(429);
  });

  it('still lets a right facilitator key and a right join code through from the blocked address', async () => {
    const report = await api(url, `/api/sessions/${opened.sessionId}/report`, { key: opened.facilitatorKey });
    expect(report.status).toBe(200);
    expect((await api(url, `/api/sessions/${opened.sessionId}/report`, { key: 'still-not-the-key' })).status).toBe(429);
    const join = await api(url, `/api/join/${opened.joinCode}`);
    expect(join.status).toBe(200);
    expect(join.body.sessionId).toBe(opened.sessionId);
    // While blocked, codes are looked up at a slow pace only: a guesser gets one answer per pace.
    expect((await api(url, `/api/join/${opened.joinCode}`)).status).toBe(429);
    clock.advance(2_000);
    expect((await api(url, '/api/join/WRONG3')).status).toBe(429);
    expect((await api(url, `/api/join/${opened.joinCode}`)).status).toBe(429);
    clock.advance(2_000);
    expect((await api(url, `/api/join/${opened.joinCode}`)).status).toBe(200);
  });

  it('lets a right facilitator key and join code join over WebSocket from the blocked address', async () => {
    const facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    const spectator = await TestClient.join(url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode });
    expect(facilitator.view?.viewer.kind).toBe('facilitator');
    expect(spectator.view?.viewer.kind).toBe('spectator');
    await facilitator.leave();
    await spectator.leave();
    expect(await wrongJoin(url, opened.sessionId, {})).toBe('tooManyAttempts');
  });
});

describe('TRUST_PROXY=1 (one reverse proxy in front)', () => {
  let server: RunningServer;
  let url: string;
  let opened: Opened;

  beforeAll(async () => {
    ({ server, url } = await startTestServer({ TRUST_PROXY: '1' }));
    opened = await openSession(url);
  });
  afterAll(async () => server?.close());

  it('blocks the address the proxy saw, not one the client wrote into the header', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= JOIN_FAILURES.max; i++) {
      statuses.push((await api(url, `/api/join/WRONG${i}`, { headers: { 'x-forwarded-for': `6.6.6.${i}, 10.0.0.1`, 'x-real-ip': `6.6.7.${i}` } })).status);
    }
    expect(statuses.slice(0, JOIN_FAILURES.max).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy is not blocked.
    expect((await api(url, '/api/join/WRONGX', { headers: { 'x-forwarded-for': '10.0.0.2' } })).status).toBe(404);
  });

  it('uses the same address for WebSocket joins, ignoring X-Real-IP', async () => {
    const refusals: string[] = [];
    for (let i = 0; i <= JOIN_FAILURES.max; i++) {
      refusals.push(await wrongJoin(url, opened.sessionId, { 'x-forwarded-for': '10.0.0.3', 'x-real-ip': `6.6.8.${i}` }));
    }
    expect(refusals.at(-1)).toBe('tooManyAttempts');
    expect(await wrongJoin(url, opened.sessionId, { 'x-forwarded-for': '10.0.0.4' })).toBe('wrongJoinCode');
  });
});
