// Students who play through the protocol (a real SDK client each) beside the screens a test
// looks at: they make the moves the test needs, quickly, while the browser shows the result.
import { afterAll, expect } from 'vitest';
import { TestClient } from '../server/harness';

/** Protocol students for one test file; they leave after its tests. */
export function protocolPlayers() {
  const clients: TestClient[] = [];
  afterAll(async () => Promise.all(clients.map((c) => c.leave())));
  return {
    /** A student joins and takes the head of a delegation. */
    async seated(url: string, sessionId: string, joinCode: string, name: string, role: string): Promise<TestClient> {
      const client = await TestClient.join(url, sessionId, { as: 'player', joinCode, name });
      clients.push(client);
      client.room.send('chooseSeat', { seat: { role, seat: 'head' } });
      await client.next((m) => m.type === 'identity' && m.body.seat !== null);
      return client;
    },
  };
}

/** A move the engine must accept. */
export async function act(client: TestClient, action: Record<string, unknown>) {
  const reply = await client.act(action);
  expect(reply.ok, `${JSON.stringify(action)}: ${JSON.stringify(reply)}`).toBe(true);
}
