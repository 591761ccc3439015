// A language switch: the whole catalogue changes in place (no reload), the device remembers the
// choice (not the test language), and the connection tells the server, which joined in the
// language the page started with.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

class FakeRoom {
  sent: { type: string; payload: unknown }[] = [];
  onMessage() {
    return () => {};
  }
  onDrop() {}
  onReconnect() {}
  onLeave() {}
  send(type: string, payload: unknown) {
    this.sent.push({ type, payload });
  }
  async leave() {}
}

const sdk = vi.hoisted(() => ({ joins: [] as { options: unknown; room: unknown }[] }));
vi.mock('@colyseus/sdk', () => ({
  Client: class {
    async joinById(_id: string, options: unknown) {
      const room = new FakeRoom();
      sdk.joins.push({ options, room });
      return room;
    }
  },
}));

const i18n = await import('@client/src/i18n');
const { SessionConnection } = await import('@client/src/net/connection');

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

beforeEach(() => {
  sdk.joins.length = 0;
  vi.stubGlobal('window', { location: { origin: 'http://classroom.test' }, addEventListener() {}, removeEventListener() {} });
  vi.stubGlobal('sessionStorage', memoryStorage());
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('document', { documentElement: { lang: 'en' } });
});

afterEach(async () => {
  await i18n.setLanguage('en');
  vi.unstubAllGlobals();
});

it('switches every text in place, remembers the choice, and tells the server', async () => {
  const connection = new SessionConnection({
    sessionId: 's1',
    joinOptions: () => ({ as: 'spectator', joinCode: 'K7Q2XM' }),
    outboxKey: 'spacebridge.outbox.test',
  });
  await vi.waitFor(() => expect(connection.getSnapshot().status).toBe('connected'));
  expect(sdk.joins[0]!.options).toEqual({ as: 'spectator', joinCode: 'K7Q2XM', language: 'en' });
  const room = sdk.joins[0]!.room as FakeRoom;

  const seen: string[] = [];
  const stop = i18n.onLanguageChange((language) => seen.push(language));
  await i18n.setLanguage('ru');
  expect(i18n.t.home.join).toBe('Войти');
  expect([1, 2, 5, 21].map((n) => i18n.t.connection.pending({ n }))).toEqual([
    '1 действие ждёт отправки',
    '2 действия ждут отправки',
    '5 действий ждут отправки',
    '21 действие ждёт отправки',
  ]);
  expect(document.documentElement.lang).toBe('ru');
  expect(localStorage.getItem(i18n.languageStorageKey)).toBe('ru');
  expect(room.sent).toEqual([{ type: 'setLanguage', payload: { language: 'ru' } }]);

  await i18n.setLanguage('pseudo');
  expect(i18n.t.home.join).toMatch(/^⟦Ĵóíñ ẋ+⟧$/);
  expect(localStorage.getItem(i18n.languageStorageKey)).toBe('ru'); // the test language is never remembered
  expect(seen).toEqual(['ru', 'pseudo']);
  stop();

  connection.close();
  await i18n.setLanguage('zh');
  expect(i18n.t.home.join).toBe('加入');
  expect(room.sent.map((m) => m.payload)).toEqual([{ language: 'ru' }, { language: 'pseudo' }]); // closed: nothing more
});
