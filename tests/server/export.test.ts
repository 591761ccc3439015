// The Markdown export reads as the class saw the session: objectives by their description (never
// an internal id), channels and deal terms by their names, and what students typed shown as typed:
// a chat message `<script>` or `**x**` stays literal text, never HTML or emphasis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '@server/scenarios';
import { markdownText } from '@server/report';
import type { Action, Actor } from '@shared/engine';
import { api, openSession, startTestServer, type Opened, type RunningServer } from './harness';

const scenario = loadCatalog('scenarios').get('handshake-in-orbit')!;
const SCRIPT = '<script>alert("x")</script> & <b>bold</b>';
const EMPHASIS = '**x** _y_ `z` [link](http://example.org) | pipe ~~gone~~';

let server: RunningServer;
let url: string;
let opened: Opened;
let markdown: string;

beforeAll(async () => {
  ({ server, url } = await startTestServer());
  opened = await openSession(url, 'handshake-in-orbit', { seed: 3 });
  const session = server.services.sessions.get(opened.sessionId)!;
  let now = Date.now();
  const act = (actor: Actor, action: Action) => {
    const outcome = session.submit({ principal: actor.kind, actor, action, clientId: null, now: (now += 1000) });
    if (!outcome.ok) throw new Error(`${action.type}: ${JSON.stringify(outcome.error)}`);
  };
  const nasa: Actor = { kind: 'seat', role: 'nasa', seat: 'head' };
  act({ kind: 'system' }, { type: 'takeSeat', seat: { role: 'nasa', seat: 'head' }, name: '<i>Neil</i> **A**' });
  act({ kind: 'facilitator' }, { type: 'startGame' });
  act(nasa, { type: 'chat', channel: 'team:nasa', text: SCRIPT });
  act(nasa, { type: 'chat', channel: 'team:nasa', text: `${EMPHASIS}\n# not a heading` });
  act({ kind: 'facilitator' }, { type: 'injectNews', headline: '<img src=x onerror=alert(1)>', text: '> not a quote' });
  act({ kind: 'facilitator' }, { type: 'whisper', role: 'nasa', text: '<a href="x">whisper</a>' });

  const res = await api(url, `/api/sessions/${opened.sessionId}/export.md`, { key: opened.facilitatorKey });
  expect(res.status).toBe(200);
  markdown = res.text;
});
afterAll(async () => server?.close());

/** The transcript line carrying `needle` (escaped as the export writes it). */
const lineWith = (needle: string) => markdown.split('\n').find((l) => l.includes(needle));

describe('the Markdown export', () => {
  it('escapes HTML in chat, names, news and whispers: no tag survives', () => {
    // Every < is escaped (\<), so a Markdown renderer starts no tag.
    expect(markdown).not.toMatch(/(^|[^\\])</m);
    expect(lineWith(markdownText(SCRIPT))).toMatch(/^- \d\d:\d\d:\d\d NASA team: /);
    expect(lineWith(markdownText(SCRIPT))).toContain('\\<i\\>Neil\\</i\\> \\*\\*A\\*\\* (NASA): \\<script\\>alert("x")\\</script\\> \\& \\<b\\>bold\\</b\\>');
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(markdown).toContain('\\<a href="x"\\>whisper\\</a\\>');
  });

  it('escapes Markdown in chat: emphasis, code, links and table pipes read literally, on one line', () => {
    const line = lineWith('\\*\\*x\\*\\*');
    expect(line).toContain('\\*\\*x\\*\\* \\_y\\_ \\`z\\` \\[link\\](http://example.org) \\| pipe \\~\\~gone\\~\\~ # not a heading');
    expect(line!.startsWith('- ')).toBe(true);
    expect(markdown).not.toContain('**x**');
  });

  it('lists objectives met and revealed by their description, never by id', () => {
    const ids = scenario.roles.flatMap((r) => r.objectives.map((o) => o.id));
    const scores = markdown.slice(markdown.indexOf('## Scores'), markdown.indexOf('## Secret objectives'));
    // Nothing touched the Soviet government's domestic support (55), so its hardliners stay quiet: met.
    const kept = scenario.roles.find((r) => r.id === 'soviet-gov')!.objectives.find((o) => o.id === 'hardliners-quiet')!;
    expect(scores).toMatch(new RegExp(`^\\| Soviet government \\| [\\d.]+ \\| [\\d.]+ \\| .*${kept.description.replace(/[.()]/g, '\\$&')}`, 'm'));
    const objectives = markdown.slice(markdown.indexOf('## Secret objectives'), markdown.indexOf('## Deals'));
    for (const role of scenario.roles) for (const o of role.objectives) expect(objectives).toContain(`${markdownText(o.description)} (${o.points} points)`);
    for (const id of ids) expect(`${scores}${objectives}`).not.toMatch(new RegExp(`\\b${id}\\b`));
  });

  it('names channels as players saw them, not by id', () => {
    expect(markdown).not.toContain('team:nasa');
    expect(lineWith(markdownText(SCRIPT))).toContain(' NASA team: ');
  });
});

describe('exports in the reader\'s language (?lang=)', () => {
  const get = async (path: string) => (await api(url, `/api/sessions/${opened.sessionId}/${path}`, { key: opened.facilitatorKey })).text;

  it('writes the Markdown headings and fixed words in Russian and Chinese, the scenario from its translation', async () => {
    const ru = await get('export.md?lang=ru');
    expect(ru).toMatch(/^# Рукопожатие на орбите: отчёт о сессии$/m);
    for (const heading of ['## Очки', '## Секретные цели (раскрыты)', '## Договорённости', '## Стенограмма', '## Участие'])
      expect(ru).toContain(`\n${heading}\n`);
    expect(ru).toContain('| Делегация | Всего | Договорённости | Выполненные цели |');
    expect(ru).not.toMatch(/^## (Scores|Transcript|Participation)$/m);
    // What the players typed stays as they typed it.
    expect(ru).toContain(markdownText(SCRIPT));
    const zh = await get('export.md?lang=zh');
    expect(zh).toMatch(/^# 轨道上的握手：模拟报告$/m);
    for (const heading of ['## 得分', '## 秘密目标（已公开）', '## 协议', '## 记录', '## 参与情况']) expect(zh).toContain(`\n${heading}\n`);
    expect(zh).toMatch(/^- \*\*.+\*\*: .+ \(\d+ 分\): (已达成|未达成)$/m);
  });

  it('words the timeline and the channels in Russian: no English glue around the scenario texts', async () => {
    const ru = await get('export.md?lang=ru');
    expect(ru).toMatch(/^- \d\d:\d\d:\d\d \*\*Игра начинается: Рукопожатие на орбите\*\*: /m);
    expect(ru).toMatch(/^- \d\d:\d\d:\d\d \*\*Раунд 1 \(1969\): Вводная и новости\*\*/m);
    expect(ru.split('\n').find((l) => l.includes(markdownText(SCRIPT)))).toMatch(/^- \d\d:\d\d:\d\d Команда: НАСА: /);
    expect(ru).not.toMatch(/The game begins|Round 1|In force:|NASA team/);
    // The JSON keeps each entry's code and params, and adds its wording in the reader's language.
    const json = JSON.parse(await get('export.json?lang=ru'));
    expect(json.timeline[0]).toMatchObject({ kind: 'game', code: 'gameBegins', params: {}, headline: 'Игра начинается: Рукопожатие на орбите' });
    expect(json.timeline.find((e: { code: string }) => e.code === 'newsPublished')).toMatchObject({ params: { headline: '<img src=x onerror=alert(1)>' }, headline: '<img src=x onerror=alert(1)>' });
    expect(json.channels.find((c: { id: string }) => c.id === 'team:nasa').label).toBe('Команда: НАСА');
  });

  it('English by default and for a language it does not offer; the JSON and CSV follow ?lang= too', async () => {
    expect(await get('export.md')).toMatch(/^## Scores$/m);
    expect(await get('export.md?lang=xx')).toMatch(/^## Scores$/m);
    const json = JSON.parse(await get('export.json?lang=ru'));
    expect([json.language, json.session.title]).toEqual(['ru', 'Рукопожатие на орбите']);
    const english = new Map(scenario.roles.map((r) => [r.id, r.name]));
    expect(json.roles.filter((r: { id: string; name: string }) => r.name !== english.get(r.id)).length).toBeGreaterThan(0);
    const csv = await get('export.csv?lang=zh');
    expect(csv.split('\r\n')[0]).toBe('section,seq,at,round,kind,role,seat,name,channel,headline,text,points');
    expect(csv).toMatch(/,objective,.*,(已达成|未达成),/);
    expect(csv).not.toMatch(/,(met|not met),/);
  });
});

describe('markdownText', () => {
  it('escapes every character that starts inline markup, raw HTML, an entity or a table cell', () => {
    expect(markdownText('\\ ` * _ [ ] < > | ~ &')).toBe('\\\\ \\` \\* \\_ \\[ \\] \\< \\> \\| \\~ \\&');
    expect(markdownText('Plain words, numbers 1. 2) and U.S. stay: as they are!')).toBe('Plain words, numbers 1. 2) and U.S. stay: as they are!');
    expect(markdownText('two\r\n  lines\nthree')).toBe('two lines three');
  });
});
