// Issue 13.5: a student cannot pose as a bot with look-alike or invisible characters, nor take a
// name or send chat that shows nothing. The normalisation (shared/protocol/names.ts) on its own,
// then against a real server over WebSocket.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSession, startTestServer, TestClient, type Opened, type RunningServer } from './harness';
import { cleanName, hasVisibleText, isReservedName } from '@shared/protocol/names';

// The SDK warns about every join the server refuses; these tests refuse joins on purpose.
const warn = console.warn;
vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
  if (!String(args[0]).startsWith('Room connection was closed unexpectedly')) warn(...args);
});

describe('name normalisation', () => {
  it('strips invisible and bidi characters, applies NFKC and folds spaces', () => {
    expect(cleanName('  Neil\u200B  Armstrong\u200D ')).toBe('Neil Armstrong');
    expect(cleanName('\u202EAda\u202C \u2066Lovelace\u2069')).toBe('Ada Lovelace');
    expect(cleanName('Ｙｕｒｉ\u00A0Ｇ.')).toBe('Yuri G.');
    expect(cleanName('So\u00ADfia\uFEFF')).toBe('Sofia');
    expect(cleanName('\u200B\u200C\u2060\u3164\u2800')).toBe('');
    expect(cleanName('José')).toBe('José');
    expect(cleanName('Валентина')).toBe('Валентина');
  });

  it('spots the reserved word behind look-alikes, but not in ordinary names', () => {
    for (const name of ['Bot', 'bot 2', '\u200BBot (Head)', '\u0412ot', 'B\u043Et', 'Bo\u0442', '\u0392\u039F\u03A4', 'Ｂot', '𝐁𝐨𝐭', 'B0t', 'ʙᴏᴛ', 'Bòt', '\u202EBot'])
      expect([name, isReservedName(name)]).toEqual([name, true]);
    for (const name of ['Botond K.', 'Abbot', 'Robot', 'Вова', 'Boris', 'Tob'])
      expect([name, isReservedName(name)]).toEqual([name, false]);
  });

  it('tells visible text from text made only of invisible characters', () => {
    expect(hasVisibleText('hi')).toBe(true);
    expect(hasVisibleText('👍')).toBe(true);
    expect(hasVisibleText('\u200B\u200D \u2060\n\u3164\uFE0F')).toBe(false);
    expect(hasVisibleText('\u0301\u0301')).toBe(false);
  });
});

describe('names and chat on a real server', () => {
  let server: RunningServer;
  let url: string;
  let opened: Opened;
  let facilitator: TestClient;

  beforeAll(async () => {
    ({ server, url } = await startTestServer());
    opened = await openSession(url);
    facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
  });
  afterAll(async () => {
    await facilitator?.leave();
    await server?.close();
  });

  const player = (name: string) => TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name });

  it('refuses a seat to a name that poses as a bot with invisible or look-alike letters', async () => {
    for (const name of ['\u200BBot (Head of delegation)', '\u0412ot (Head)', 'Ｂot', 'B\u043Et']) {
      const impostor = await player(name);
      const since = impostor.received.length;
      impostor.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
      const error = await impostor.next((m) => m.type === 'error' || (m.type === 'identity' && m.body.seat !== null), since);
      expect([name, error.type, error.body.code]).toEqual([name, 'error', 'reserved-name']);
      await impostor.leave();
    }
    const occupied = await facilitator.act({ type: 'assignSeat', seat: { role: 'nasa', seat: 'head' }, occupant: { kind: 'human', name: '\u200BB\u043Et' } });
    expect(occupied.error?.code).toBe('reserved-name');
  });

  it('refuses a name that shows nothing, and shows names cleaned', async () => {
    for (const name of ['\u200B\u200D\u2060', '\u3164', '\u202E\u202C']) {
      const refusal = await player(name).then(
        async (c) => (await c.leave(), 'joined'),
        (error: Error) => error.message,
      );
      expect([JSON.stringify(name), refusal]).toEqual([JSON.stringify(name), 'invalidJoinOptions']);
    }
    const neil = await player('Neil\u200B \u202EArmstrong');
    await facilitator.next((m) => m.type === 'presence' && m.body.players.some((p: { name: string }) => p.name === 'Neil Armstrong'));
    await neil.leave();
  });

  it('refuses chat, statements and whispers made only of invisible characters', async () => {
    const ada = await player('Ada');
    ada.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
    await ada.next((m) => m.type === 'identity' && m.body.seat !== null);
    expect((await facilitator.act({ type: 'startGame' })).ok).toBe(true);
    for (const text of ['\u200B', '\u200B\u200C\u200D\u2060\uFEFF', '\u3164 \u3164', '\u202E']) {
      const result = await ada.act({ type: 'chat', channel: 'team:nasa', text });
      expect([JSON.stringify(text), result.error?.code]).toEqual([JSON.stringify(text), 'invalid-message']);
      expect(result.error.params).toEqual({ reason: 'schema', fields: ['action.text'] });
    }
    expect((await facilitator.act({ type: 'whisper', role: 'nasa', text: '\u200B\u200B' })).error?.code).toBe('invalid-message');
    expect((await ada.act({ type: 'chat', channel: 'team:nasa', text: 'Docking at dawn 👍' })).ok).toBe(true);
    await ada.leave();
  });
});
