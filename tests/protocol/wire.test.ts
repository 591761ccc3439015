// What the real server sends real clients over the wire matches the schemas the web client checks
// messages with: every message of a short session (joins, seating, moves accepted and refused,
// bad messages), for the facilitator, two players and a spectator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerMessages, type ServerMessageType } from '@shared/protocol/serverMessages';
import { openSession, startTestServer, TestClient, type Opened, type RunningServer } from '../server/harness';

let server: RunningServer;
let clients: TestClient[] = [];
/** Closed by the server (its seat token joined elsewhere): checked, not left. */
let displaced: TestClient;

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startTestServer());
  const opened: Opened = await openSession(url);
  const join = (options: Parameters<typeof TestClient.join>[2]) => TestClient.join(url, opened.sessionId, options);
  const facilitator = await join({ as: 'facilitator', facilitatorKey: opened.facilitatorKey });
  const nasa = await join({ as: 'player', joinCode: opened.joinCode, name: 'Neil' });
  const academy = await join({ as: 'player', joinCode: opened.joinCode, name: 'Alexei' });
  const projector = await join({ as: 'spectator', joinCode: opened.joinCode });
  clients = [facilitator, nasa, academy, projector];

  // Seating, and the lobby's refusals (`error` messages).
  nasa.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
  await nasa.next((m) => m.type === 'identity' && m.body.seat !== null);
  expect(await academy.sendExpectingError('chooseSeat', { seat: { role: 'nasa', seat: 'head' } })).toMatchObject({ code: 'seat-taken' });
  expect(await academy.sendExpectingError('chooseSeat', { seat: { role: 'nasa' } })).toMatchObject({ code: 'invalid-message' });
  expect(await academy.sendExpectingError('shout', {})).toMatchObject({ code: 'unknown-type' });
  academy.room.send('chooseSeat', { seat: { role: 'soviet-academy', seat: 'head' } });
  await academy.next((m) => m.type === 'identity' && m.body.seat !== null);

  // Moves accepted (patches to everyone) and refused (`result` with an error).
  expect(await facilitator.act({ type: 'startGame' })).toMatchObject({ ok: true });
  expect(await nasa.act({ type: 'chat', channel: 'public', text: 'Greetings from Houston.' })).toMatchObject({ ok: true });
  expect(await academy.act({ type: 'acceptDeal', deal: 'd9' })).toMatchObject({ ok: false, error: { code: 'unknown-deal' } });
  expect(await projector.act({ type: 'chat', channel: 'public', text: 'Hello?' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
  expect(await nasa.act({ type: 'chat', channel: 'public', text: '' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });

  // A seat token joining from a second device: the first is told (`displaced`) and closed.
  displaced = await join({ as: 'player', joinCode: opened.joinCode, name: 'Valentina' });
  clients.push(await join({ as: 'player', joinCode: opened.joinCode, name: 'Valentina', seatToken: displaced.identity.seatToken }));
  await displaced.next((m) => m.type === 'displaced');
  const last = await nasa.act({ type: 'chat', channel: 'public', text: 'Over.' });
  for (const client of clients) await client.reach(last.seq);
});

afterAll(async () => {
  for (const client of clients) await client.leave();
  await server?.close();
});

describe('every message the server sent', () => {
  it('matches the schema of its type', () => {
    const seen = new Set<string>();
    for (const client of [...clients, displaced]) {
      for (const { type, body } of client.received) {
        expect(Object.hasOwn(ServerMessages, type), `unknown message type ${type}`).toBe(true);
        const parsed = ServerMessages[type as ServerMessageType].safeParse(body);
        expect(parsed.success ? [] : parsed.error.issues, `${type}: ${JSON.stringify(body).slice(0, 200)}`).toEqual([]);
        seen.add(type);
      }
    }
    // The session above made the server send every type, so none went unchecked.
    expect([...seen].sort()).toEqual(Object.keys(ServerMessages).sort());
  });
});
