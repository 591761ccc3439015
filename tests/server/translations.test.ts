// Each reader gets the scenario in its own language, in one session: a Russian student and a
// Chinese one (no Chinese translation here: the English text, marked) over real SDK clients. A
// translated confidential brief is as secret as the English one: it never reaches another role.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as instructorCli } from '@server/cli/instructor';
import { PROJECT_ROOT } from '@server/config';
import { loadScenarioFile } from '@server/scenarioFiles';
import { translationTemplate } from '@shared/scenario/translations';
import { api, openSession, startTestServer, tempDir, TestClient, type RunningServer } from './harness';

const source = path.join(PROJECT_ROOT, 'scenarios', 'handshake-in-orbit.yaml');
const loaded = loadScenarioFile(source);
if (!loaded.ok) throw new Error('handshake-in-orbit does not load');
const english = loaded.scenario;
const role = (id: string) => english.roles.find((r) => r.id === id)!;

// Marked so that any copy of them on the wire is found, whatever the framing.
const RU = {
  title: 'Рукопожатие на орбите',
  nasaBrief: 'КОНФИДЕНЦИАЛЬНО-НАСА: Хьюстон хочет андрогинный стыковочный узел.',
  academyBrief: 'КОНФИДЕНЦИАЛЬНО-АКАДЕМИЯ: Академия боится раскрыть ракеты.',
  kennedy: 'Предыстория: предложение Кеннеди в ООН (1963)',
  nasaName: 'НАСА',
};

let server: RunningServer;
let url: string;
let dataDir: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  // The shipped scenario with a Russian translation of a few texts beside it; no Chinese one.
  const dir = tempDir('spacebridge-translations-');
  fs.copyFileSync(source, path.join(dir, 'handshake-in-orbit.yaml'));
  const texts = {
    title: RU.title,
    'roles.nasa.name': RU.nasaName,
    'roles.nasa.confidentialBrief': RU.nasaBrief,
    'roles.soviet-academy.confidentialBrief': RU.academyBrief,
    'events.kennedy-offer.title': RU.kennedy,
  };
  fs.writeFileSync(path.join(dir, 'handshake-in-orbit.ru.yaml'), translationTemplate({ ...english, translations: undefined }, 'ru', texts));
  ({ server, url, dataDir } = await startTestServer({ SCENARIO_DIR: dir }));
});

afterAll(async () => {
  for (const c of clients) await c.leave();
  await server?.close();
});

async function join(options: Parameters<typeof TestClient.join>[2]): Promise<TestClient> {
  const client = await TestClient.join(url, opened.sessionId, options);
  clients.push(client);
  return client;
}

let opened: Awaited<ReturnType<typeof openSession>>;

/** The `scenario` of the last full view a client received. */
function scenarioOf(client: TestClient) {
  return client.received.filter((m) => m.type === 'view').at(-1)!.body.scenario;
}

describe('scenario texts in each reader\'s language', () => {
  let ru: TestClient;
  let zh: TestClient;
  let spectatorRu: TestClient;

  it('a Russian and a Chinese student in one session each read their own language', async () => {
    opened = await openSession(url);
    ru = await join({ as: 'player', joinCode: opened.joinCode, name: 'Valentina', language: 'ru' });
    zh = await join({ as: 'player', joinCode: opened.joinCode, name: 'Li', language: 'zh' });
    spectatorRu = await join({ as: 'spectator', joinCode: opened.joinCode, language: 'ru' });
    ru.room.send('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
    zh.room.send('chooseSeat', { seat: { role: 'soviet-academy', seat: 'head' } });
    await ru.next((m) => m.type === 'identity' && m.body.seat !== null);
    await zh.next((m) => m.type === 'identity' && m.body.seat !== null);
    await ru.until(() => ru.view?.me?.role.id === 'nasa');
    await zh.until(() => zh.view?.me?.role.id === 'soviet-academy');

    // Russian: translated where the translation has it, the rest in English and named as such.
    const ruScenario = scenarioOf(ru);
    expect(ruScenario.title).toBe(RU.title);
    expect(ruScenario.language).toBe('ru');
    expect(ruScenario.roles.find((r: { id: string }) => r.id === 'nasa').name).toBe(RU.nasaName);
    expect(ruScenario.summary).toBe(english.summary);
    expect(ruScenario.untranslated).toContain('summary');
    expect(ruScenario.untranslated).not.toContain('title');
    expect(ru.view!.me!.role.confidentialBrief).toBe(RU.nasaBrief);
    expect(ru.view!.roles.find((r) => r.id === 'nasa')!.name).toBe(RU.nasaName);
    // Its own objectives are not translated: named in the view, which only it receives.
    expect(ru.view!.untranslated).toEqual(role('nasa').objectives.map((o) => `roles.nasa.objectives.${o.id}.description`));

    // Chinese: no translation at all, every text English and marked.
    const zhScenario = scenarioOf(zh);
    expect(zhScenario.title).toBe(english.title);
    expect(zhScenario.language).toBe('zh');
    expect(zhScenario.untranslated).toEqual(expect.arrayContaining(['title', 'summary', 'roles.nasa.publicBrief']));
    expect(zh.view!.me!.role.confidentialBrief).toBe(role('soviet-academy').confidentialBrief);
    expect(zh.view!.untranslated).toContain('roles.soviet-academy.confidentialBrief');
    expect(zh.view!.untranslated!.some((key) => key.startsWith('roles.nasa.') || key.startsWith('events.'))).toBe(false);
  });

  it('a fired event reaches each reader in its language, marked where it is not translated', async () => {
    const facilitator = await join({ as: 'facilitator', facilitatorKey: opened.facilitatorKey, language: 'ru' });
    const started = await facilitator.act({ type: 'startGame' });
    expect(started.ok).toBe(true);
    for (const c of [ru, zh, facilitator]) await c.reach(started.seq);
    const kennedy = english.events.find((e) => e.id === 'kennedy-offer')!;
    const eventOf = (c: TestClient) => c.view!.timeline.find((e) => e.code === 'eventFired')!;
    const ruEntry = eventOf(ru);
    expect(ruEntry.params).toEqual({ event: 'kennedy-offer', title: RU.kennedy, text: kennedy.text });
    expect(ruEntry.untranslated).toBe(true); // its text has no Russian yet
    const zhEntry = eventOf(zh);
    expect([zhEntry.params, zhEntry.untranslated]).toEqual([{ event: 'kennedy-offer', title: kennedy.title, text: kennedy.text }, true]);
    // The rest of the timeline is codes and ids, the same for every reader: each client words them.
    expect(ru.view!.timeline.filter((e) => e.code !== 'eventFired')).toEqual(zh.view!.timeline.filter((e) => e.code !== 'eventFired'));
    // The facilitator reads every delegation's brief, in its language.
    expect(facilitator.view!.facilitator!.delegations.find((d) => d.id === 'soviet-academy')!.confidentialBrief).toBe(RU.academyBrief);
  });

  it('setLanguage switches a reader at once: a full view and the scenario in the new language', async () => {
    const since = zh.received.length;
    zh.room.send('setLanguage', { language: 'ru' });
    const view = await zh.next((m) => m.type === 'view', since);
    expect(view.body.scenario.title).toBe(RU.title);
    expect(view.body.view.me.role.confidentialBrief).toBe(RU.academyBrief);
    expect(zh.view!.timeline.find((e) => e.code === 'eventFired')!.params).toMatchObject({ title: RU.kennedy });

    const refused = await zh.sendExpectingError('setLanguage', { language: 'fr' });
    expect(refused.code).toBe('invalid-message');
  });

  it('a translated confidential brief never reaches another role, in any language', () => {
    const wire = (c: TestClient) => c.bytes().toString('utf8');
    // NASA's brief, Russian or English, only to NASA (and the facilitator).
    for (const other of [zh, spectatorRu]) {
      expect(wire(other)).not.toContain(RU.nasaBrief);
      expect(wire(other)).not.toContain(role('nasa').confidentialBrief.slice(0, 60));
    }
    expect(wire(ru)).toContain(RU.nasaBrief);
    // The Academy's, in both languages the Academy read it in, never to NASA or the spectator.
    for (const other of [ru, spectatorRu]) {
      expect(wire(other)).not.toContain(RU.academyBrief);
      expect(wire(other)).not.toContain(role('soviet-academy').confidentialBrief.slice(0, 60));
    }
    expect(wire(zh)).toContain(RU.academyBrief);
    // Another role's untranslated texts are not even named.
    expect(wire(ru)).not.toContain('roles.soviet-academy.objectives');
  });
});

describe('the scenario API in a language', () => {
  it('lists and serves the scenario in ?lang=, naming what fell back', async () => {
    const list = await api(url, '/api/scenarios?lang=ru');
    const listed = list.body.find((s: { id: string }) => s.id === 'handshake-in-orbit');
    expect(listed.title).toBe(RU.title);
    expect(listed.untranslated).toEqual(expect.arrayContaining(['summary', 'era']));

    const zh = await api(url, '/api/scenarios/handshake-in-orbit?lang=zh');
    expect(zh.body.title).toBe(english.title);
    expect(zh.body.untranslated).toContain('title');
    expect(JSON.stringify(zh.body)).not.toContain(role('nasa').confidentialBrief.slice(0, 60));

    const plain = await api(url, '/api/scenarios/handshake-in-orbit');
    expect(plain.body.title).toBe(english.title);
    expect(plain.body.untranslated).toBeUndefined();
  });

  it('serves a library scenario in ?lang= from the translation inside its file (the Studio\'s details)', async () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      expect(await instructorCli(['add', 'Ada Lovelace', '--data-dir', dataDir])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const key = /^\s+(\S{32})$/m.exec(printed.join('\n'))![1];
    const base = fs.readFileSync(path.join(PROJECT_ROOT, 'tests/scenario/fixtures/base.yaml'), 'utf8');
    const yaml = `${base}translations:\n  ru: { title: База, roles.nasa.confidentialBrief: СЕКРЕТ }\n`;
    const saved = await api(url, '/api/studio/scenarios', { method: 'POST', key, json: { yaml } });
    expect(saved.status, saved.text).toBe(201);
    const details = await api(url, `/api/studio/scenarios/${saved.body.scenario.id}/public?lang=ru`, { key });
    expect(details.body.title).toBe('База');
    expect(details.body.untranslated).toContain('summary');
    expect(details.text).not.toContain('СЕКРЕТ');
  });
});
