// Crash recovery with the real command: `node bin/spacebridge.mjs serve` in a child process,
// a class plays, the server is killed with SIGKILL mid-phase and started again. Every
// acknowledged action is still there (seq gap-free), resent ids get their original answer, and
// the views after rejoining by seat token equal the views before the crash.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from '@server/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSession, tempDir, TestClient } from './harness';
import { freePort, serve } from './serveProcess';

const dataDir = tempDir();
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGKILL');
});

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('crash recovery (kill -9)', () => {
  it('loses no acknowledged action and restores every view', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = (await serve(port, dataDir)).proc;

    const opened = await openSession(url);
    const facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
    const nasa = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Neil' });
    const academy = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Alexei' });
    const spectator = await TestClient.join(url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode });
    nasa.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
    academy.room.send('chooseSeat', { seat: { role: 'soviet-academy', seat: 'head' } });
    await nasa.next((m) => m.type === 'identity' && m.body.seat !== null);
    await academy.next((m) => m.type === 'identity' && m.body.seat !== null);
    const tokens = { nasa: nasa.identity.seatToken as string, academy: academy.identity.seatToken as string };

    const acked: { id: string; seq: number }[] = [];
    const act = async (client: TestClient, action: Record<string, unknown>) => {
      const reply = await client.act(action);
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      acked.push({ id: reply.id, seq: reply.seq });
      return reply;
    };
    await act(facilitator, { type: 'startGame' });
    await act(nasa, { type: 'chat', channel: 'public', text: 'Greetings from Houston' });
    await act(academy, { type: 'chat', channel: 'team:soviet-academy', text: 'Keep the docking design to ourselves' });
    await act(facilitator, { type: 'advancePhase', round: 1, phase: 0 });
    await act(nasa, { type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Shall we talk docking?' });
    await act(nasa, {
      type: 'draftDeal',
      dealType: 'docking-memorandum',
      parties: ['nasa', 'soviet-academy'],
      terms: { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' },
    });
    const last = await act(academy, { type: 'ready', ready: true });
    const clients = { facilitator, nasa, academy, spectator };
    for (const c of Object.values(clients)) await c.reach(last.seq);
    const before = Object.fromEntries(Object.entries(clients).map(([k, c]) => [k, plain(c.view)]));
    expect(before.nasa.status).toBe('running');
    for (const c of Object.values(clients)) c.room.reconnection.enabled = false;

    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    child = (await serve(port, dataDir)).proc;

    const again = {
      facilitator: await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey }),
      nasa: await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Neil', seatToken: tokens.nasa }),
      academy: await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Alexei', seatToken: tokens.academy }),
      spectator: await TestClient.join(url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode }),
    };
    expect(again.nasa.identity.seat).toEqual({ role: 'nasa', seat: 'head' });
    for (const key of Object.keys(clients) as (keyof typeof clients)[]) expect(plain(again[key].view), key).toEqual(before[key]);
    // The log on disk: gap-free, and holding every acknowledged action.
    const db = new Database(path.join(dataDir, 'spacebridge.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT seq, client_id FROM actions WHERE session_id = ? ORDER BY seq').all(opened.sessionId) as { seq: number; client_id: string | null }[];
    db.close();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    for (const a of acked) expect(rows.find((r) => r.seq === a.seq)?.client_id).toBe(a.id);
    // A resend after the restart gets its original answer and changes nothing.
    const resent = await again.nasa.act({ type: 'chat', channel: 'public', text: 'Greetings from Houston' }, acked[1].id);
    expect(resent).toEqual({ id: acked[1].id, ok: true, seq: acked[1].seq });
    expect(again.nasa.view!.seq).toBe(last.seq);
    // (The pre-crash clients' sockets died with the server: nothing to leave.)
    for (const c of Object.values(again)) await c.leave();
  }, 60_000);
});
