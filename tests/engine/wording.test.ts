// The timeline and the channels are codes and ids in the game state, worded by each reader
// (shared/engine/wording.ts) in its language. A whole scripted game of every shipped scenario puts
// only known codes on the timeline, with params naming things the scenario has; worded in Russian
// and Chinese, no English glue is left ("In force:", "Round"), and in English the entries read as
// they always have.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '@client/src/i18n/en';
import { ru } from '@client/src/i18n/ru';
import { zh } from '@client/src/i18n/zh';
import { compile, type Compiled } from '@client/src/i18n/catalogue';
import type { Messages } from '@client/src/i18n';
import { loadCatalog } from '@server/scenarios';
import type { GameState, TimelineCode, TimelineEntry } from '@shared/engine/types';
import { initialChannels } from '@shared/engine/channels';
import { indexScenario } from '@shared/engine/scenarioIndex';
import { channelName, wordTimeline, type Wording } from '@shared/engine/wording';
import type { Scenario } from '@shared/scenario/schema';
import { translatableTexts, translateScenario } from '@shared/scenario/translations';
import { facilitator, fullRoster, seat, shipped, Table } from './helpers';
import { playScripted } from './plan';

const names = readdirSync(fileURLToPath(new URL('../../scenarios/', import.meta.url)))
  .filter((f) => /^[^.]+\.yaml$/.test(f))
  .map((f) => f.replace(/\.yaml$/, ''));
/** The shipped scenarios with their translations (sibling files), as the server loads them. */
const catalog = loadCatalog(fileURLToPath(new URL('../../scenarios/', import.meta.url)));

const LOCALES = { en: 'en', ru: 'ru', zh: 'zh-CN' } as const;
function wordingIn(language: keyof typeof LOCALES): Wording {
  const catalogue = compile({ en, ru, zh }[language], LOCALES[language]) as unknown as Compiled<Messages>;
  const list = new Intl.ListFormat(LOCALES[language], { style: 'narrow', type: 'conjunction' });
  return { timeline: catalogue.timeline, channels: catalogue.channels, list: (items) => list.format(items) };
}

/** Which params of each code are ids of what; the rest are numbers, flags or free text. */
function checkParams(entry: TimelineEntry, scenario: Scenario, state: GameState): void {
  const has = (items: readonly { id: string }[], id: string, what: string) => expect(items.map((i) => i.id), `${entry.code}: ${what} ${id}`).toContain(id);
  const role = (id: string) => has(scenario.roles, id, 'role');
  const deal = (id: string) => expect(state.deals[id], `${entry.code}: deal ${id}`).toBeDefined();
  const terms = (typeId: string, terms: Record<string, string>) => {
    const type = scenario.dealTypes.find((d) => d.id === typeId)!;
    for (const [issue, option] of Object.entries(terms))
      has(type.issues.find((i) => i.id === issue)?.options ?? [], option, `option of ${issue}`);
  };
  const texts = new Set(translatableTexts(scenario).map((t) => t.text));
  switch (entry.code) {
    case 'gameBegins':
    case 'secretsRevealed':
      expect(entry.params).toEqual({});
      return;
    case 'phaseBegins':
      has(scenario.rounds.phases, entry.params.phase, 'phase');
      expect(entry.params.round).toBe(entry.round);
      return;
    case 'constraintInForce':
    case 'constraintLifted':
      has(scenario.constraints, entry.params.constraint, 'constraint');
      return;
    case 'eventFired': {
      const event = scenario.events.find((e) => e.id === entry.params.event)!;
      expect(entry.params).toEqual({ event: event.id, title: event.title, text: event.text });
      return;
    }
    case 'newsPublished':
      // The scripted game injects no news of its own: every item is the scenario's.
      expect(texts.has(entry.params.headline), entry.params.headline).toBe(true);
      return;
    case 'commonsCollapsed':
      expect(entry.params).toEqual({ title: scenario.scoring.collapse!.title, text: scenario.scoring.collapse!.text });
      return;
    case 'statementMade':
      role(entry.params.role);
      has(scenario.statements, entry.params.tone, 'tone');
      return;
    case 'actionTaken':
      role(entry.params.role);
      has(scenario.actions, entry.params.action, 'action');
      return;
    case 'dealTypeOpened':
      has(scenario.dealTypes, entry.params.dealType, 'deal type');
      return;
    case 'dealInForce':
      deal(entry.params.deal);
      entry.params.parties.forEach(role);
      terms(entry.params.dealType, entry.params.terms);
      return;
    case 'dealSuperseded':
      [entry.params.deal, entry.params.by].forEach(deal);
      entry.params.parties.forEach(role);
      return;
    case 'ratificationFails':
    case 'dealBroken':
    case 'dealWithdrawn':
      deal(entry.params.deal);
      [entry.params.role, ...entry.params.parties].forEach(role);
      has(scenario.dealTypes, entry.params.dealType, 'deal type');
      return;
    case 'memorandumAdopted':
      [entry.params.deal, entry.params.memorandum].forEach(deal);
      role(entry.params.role);
      (entry.params.bridgedBy ?? []).forEach(role);
      terms(entry.params.dealType, entry.params.terms);
      return;
    case 'gameOver':
      expect(entry.params.reason).toBe(state.outcome!.reason);
      return;
  }
}

const CODES: TimelineCode[] = [
  'gameBegins',
  'phaseBegins',
  'constraintInForce',
  'constraintLifted',
  'eventFired',
  'newsPublished',
  'statementMade',
  'actionTaken',
  'dealTypeOpened',
  'dealInForce',
  'dealSuperseded',
  'ratificationFails',
  'dealBroken',
  'dealWithdrawn',
  'memorandumAdopted',
  'commonsCollapsed',
  'gameOver',
  'secretsRevealed',
];

/** The English catalogue's own words around the placeholders: "In force:", "Round", "is replaced by". */
const GLUE = [...Object.values(en.timeline), ...Object.values(en.channels)]
  .flatMap((message) => message.split(/\{[^}]*\}/))
  .map((part) => part.trim())
  .filter((part) => /[A-Za-z]{3}/.test(part));

describe.each(names)('the timeline of a whole game of %s', (name) => {
  const scenario = shipped(name);
  const { state } = playScripted(scenario, { seed: 42, roster: fullRoster(scenario), chatPerSeat: 1 });
  const entries = state.timeline;

  it('holds codes and params, never a sentence, and each param names a thing the scenario has', () => {
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(['at', 'code', 'kind', 'params', 'roles', 'round', 'seq']);
      expect(CODES).toContain(entry.code);
      checkParams(entry, scenario, state);
    }
  });

  it.each(['ru', 'zh'] as const)('reads in %s with no English glue', (language) => {
    expect(GLUE).toEqual(expect.arrayContaining(['In force:', 'Round', 'is replaced by', 'team']));
    const translated = translateScenario(catalog.get(name)!, language).scenario;
    const wording = wordingIn(language);
    // Texts the scenario (or a player) wrote stay as written where there is no translation: set
    // them aside, then no English word of the catalogue may be left.
    const own = [
      ...translatableTexts(scenario).map((t) => t.text),
      ...entries.flatMap((e) => (e.code === 'statementMade' ? [e.params.text] : [])),
    ].sort((a, b) => b.length - a.length);
    for (const entry of entries) {
      const { headline, text } = wordTimeline(entry, translated, wording);
      expect(headline, entry.code).not.toBe('');
      let rest = `${headline}\n${text}`;
      for (const t of own) rest = rest.split(t).join('');
      for (const glue of GLUE) expect(rest, `${entry.code}: "${glue}"`).not.toContain(glue);
    }
    for (const channel of Object.values(initialChannels(scenario, indexScenario(scenario)))) {
      let label = channelName(channel, translated, wording);
      for (const t of own) label = label.split(t).join('');
      for (const glue of GLUE) expect(label).not.toContain(glue);
    }
  });
});

describe('the wording', () => {
  const handshake = shipped('handshake-in-orbit');
  const english = wordingIn('en');
  const word = (entry: TimelineEntry, scenario: Scenario = handshake) => wordTimeline(entry, scenario, english);

  it('reads in English as the game always did', () => {
    const t = new Table(handshake, { seed: 5 }).start();
    t.do(seat('soviet-gov'), { type: 'publicStatement', tone: 'triumphant', text: 'Salyut leads the way.' });
    expect(word(t.state.timeline.at(-1)!)).toEqual({ headline: 'Soviet government (triumphant)', text: 'Salyut leads the way.', from: { headline: 'catalogue', text: 'player' } });
    t.do(facilitator, { type: 'revealAll' });
    expect(word(t.state.timeline.at(-1)!)).toMatchObject({ headline: 'Debrief: every secret is revealed', text: '' });
    const phase = t.state.timeline.find((e) => e.code === 'phaseBegins')!;
    const first = handshake.rounds.phases[0];
    expect(word(phase).headline).toBe(`Round 1${handshake.rounds.labels ? ` (${handshake.rounds.labels[0]})` : ''}: ${first.label}`);
    const constraint = handshake.constraints[0];
    expect(word({ ...phase, kind: 'constraint', code: 'constraintLifted', params: { constraint: constraint.id } })).toMatchObject({
      headline: `Lifted: ${constraint.label}`,
      text: `No longer in force: ${constraint.description}`,
    });
  });

  it("words a deal with its parties and terms in the reader's language, and a memorandum as signed", () => {
    const memo = handshake.dealTypes.find((d) => d.track === 2)!;
    const terms = Object.fromEntries(memo.issues.map((i) => [i.id, i.options[0].id]));
    const entry: TimelineEntry = { seq: 1, at: 0, round: 1, kind: 'deal', roles: [], code: 'dealInForce', params: { deal: 'd1', dealType: memo.id, parties: ['nasa', 'soviet-academy'], terms } };
    const sentences = memo.issues.map((i) => `${i.label}: ${i.options[0].label}.`).join(' ');
    expect(word(entry)).toMatchObject({ headline: `Memorandum signed: ${memo.label}`, text: `Between NASA, Soviet Academy of Sciences. ${sentences}` });
    const russian = translateScenario(catalog.get('handshake-in-orbit')!, 'ru').scenario;
    const inRussian = wordTimeline(entry, russian, wordingIn('ru'));
    const ruMemo = russian.dealTypes.find((d) => d.id === memo.id)!;
    expect(inRussian.headline).toBe(`Меморандум подписан: ${ruMemo.label}`);
    expect(inRussian.text.startsWith(`Стороны: ${russian.roles.find((r) => r.id === 'nasa')!.name}`)).toBe(true);
    const inChinese = wordTimeline(entry, translateScenario(catalog.get('handshake-in-orbit')!, 'zh').scenario, wordingIn('zh'));
    expect(inChinese.headline).toMatch(/^备忘录已签署：/);
    expect(inChinese.text).not.toContain('. '); // Chinese sentences end in 。 and follow each other without a space
  });

  it("names channels in the reader's language; a network by its name, a group as typed", () => {
    const channels = initialChannels(handshake, indexScenario(handshake));
    const named = (language: keyof typeof LOCALES, id: string) => channelName(channels[id] ?? { id, kind: 'group', members: [], label: 'Lunch club' }, handshake, wordingIn(language));
    expect(named('en', 'public')).toBe('Public');
    expect(named('en', 'team:nasa')).toBe('NASA team');
    expect(named('ru', 'public')).toBe('Общий канал');
    expect(named('zh', 'team:nasa')).toBe('NASA团队');
    const bilateral = Object.values(channels).find((c) => c.kind === 'bilateral')!;
    const [a, b] = handshake.roles.filter((r) => bilateral.members.includes(r.id)).map((r) => r.name);
    expect(named('ru', bilateral.id)).toBe(`${a} – ${b}`);
    const network = handshake.channels.networks[0];
    if (network) expect(named('zh', `network:${network.id}`)).toBe(network.label);
    expect(named('ru', 'group:1')).toBe('Lunch club');
  });
});
