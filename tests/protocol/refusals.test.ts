// Every refusal the server can send is a code and its details, never an English sentence
// (docs/protocol.md, "Errors"), and every reader's catalogue words it: the refusals a seat meets
// over whole games of every shipped scenario (availableMoves and the engine agree on them, see
// tests/engine/moves.test.ts), the engine's answers to malformed and facilitator actions, and the
// room's own, each rendered in English, Russian and Chinese with the session's labels in place of
// the ids it carries.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { availableMoves, applyAction, createGame, publicScenario, viewFor, type Action, type Actor, type GameState } from '@shared/engine';
import { decideBotActions } from '@shared/bots';
import { seedRng } from '@shared/engine/rng';
import { ERROR_CODES, JOIN_REFUSALS, type ErrorParams } from '@shared/protocol/errors';
import { ServerMessages, type ProtocolError } from '@shared/protocol/serverMessages';
import { loadScenario, type Scenario } from '@shared/scenario';
import { compile } from '@client/src/i18n/catalogue';
import { en } from '@client/src/i18n/en';
import { ru } from '@client/src/i18n/ru';
import { zh } from '@client/src/i18n/zh';
import { labelledParams, setErrorLabels } from '@client/src/i18n/errorParams';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const shipped = readdirSync(dir)
  .filter((f) => /^[a-z0-9-]+\.yaml$/.test(f))
  .map((f) => {
    const result = loadScenario(readFileSync(dir + f, 'utf8'), f);
    if (!result.ok) throw new Error(`${f} does not load`);
    return result.scenario;
  });

const texts = { en: compile(en, 'en').errors, ru: compile(ru, 'ru').errors, zh: compile(zh, 'zh-CN').errors };
const english = new Set(Object.values(en.errors).map(String));

/** A refusal in one language, as the client's errorText fills it (lists joined). */
function render(lang: keyof typeof texts, error: { code: string; params?: ErrorParams }): string {
  const text = texts[lang][error.code as keyof typeof texts.en] as string | ((values: object) => string);
  if (typeof text === 'string') return text;
  const values = Object.fromEntries(Object.entries(labelledParams(error.params ?? {})).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
  return text(values);
}

/** Collected refusals, one per distinct code and params shape, with where they were met. */
const met = new Map<string, { error: ProtocolError; scenario: Scenario; view: ReturnType<typeof viewFor> }>();

function meet(error: { code: string; params?: ErrorParams }, scenario: Scenario, view: ReturnType<typeof viewFor>) {
  const shape = `${error.code} ${Object.keys(error.params ?? {}).sort().join(',')} ${String(error.params?.reason ?? '')}`;
  if (!met.has(shape)) met.set(shape, { error: error as ProtocolError, scenario, view });
}

/** Every refused move in a seat's availableMoves (the objects with `available: false`). */
function refusalsIn(node: unknown, found: { code: string; params?: ErrorParams }[] = []) {
  if (node && typeof node === 'object') {
    const move = node as { available?: boolean; reason?: string; params?: ErrorParams };
    if (move.available === false) found.push(move.params ? { code: move.reason!, params: move.params } : { code: move.reason! });
    else for (const value of Object.values(node)) refusalsIn(value, found);
  }
  return found;
}

const facilitator = { kind: 'facilitator' } as const;

function play(scenario: Scenario) {
  const pub = publicScenario(scenario);
  let state: GameState = createGame(scenario, { seed: 3 });
  let now = 1_000;
  const apply = (action: Action, actor: Actor) => {
    const result = applyAction(state, action, actor, (now += 1000), scenario);
    if (result.ok) state = result.state;
    else meet(result.error, scenario, viewFor(state, scenario, facilitator));
    return result;
  };
  apply({ type: 'fillSeatsWithBots', personality: 'cooperative' }, facilitator);
  const seats = Object.values(state.seats);
  // Before the start: every seat's moves are refused (not running).
  for (const s of seats.slice(0, 3)) for (const r of refusalsIn(availableMoves(viewFor(state, scenario, { kind: 'seat', role: s.role, seat: s.seat }), pub))) meet(r, scenario, viewFor(state, scenario, { kind: 'seat', role: s.role, seat: s.seat }));
  apply({ type: 'startGame' }, facilitator);
  let rng = seedRng(7);
  for (let step = 0; step < 60 && state.status === 'running'; step++) {
    for (const s of seats) {
      const actor: Actor = { kind: 'seat', role: s.role, seat: s.seat };
      const view = viewFor(state, scenario, actor);
      for (const r of refusalsIn(availableMoves(view, pub))) meet(r, scenario, view);
      const decided = decideBotActions(view, pub, { personality: 'cooperative', rngState: rng });
      rng = decided.rngState;
      for (const action of decided.actions.slice(0, 2)) apply(action, actor);
    }
    apply({ type: 'advancePhase', round: state.round, phase: state.phaseIndex }, facilitator);
  }
  // The engine's answers to what no screen offers: made-up ids, stale clicks, the facilitator's mistakes.
  const seat = seats[0];
  const me: Actor = { kind: 'seat', role: seat.role, seat: seat.seat };
  const deal = pub.dealTypes[0];
  const bad: [Action, Actor][] = [
    [{ type: 'chat', channel: 'nowhere', text: 'hi' }, me],
    [{ type: 'draftDeal', dealType: 'made-up', parties: [seat.role], terms: {} }, me],
    [{ type: 'draftDeal', dealType: deal.id, parties: [seat.role, seat.role], terms: {} }, me],
    [{ type: 'draftDeal', dealType: deal.id, parties: ['nobody'], terms: {} }, me],
    [{ type: 'publicStatement', tone: 'made-up', text: 'x' }, me],
    [{ type: 'unilateralAction', action: 'made-up' }, me],
    [{ type: 'acceptDeal', deal: 'd999' }, me],
    [{ type: 'injectEvent', event: 'made-up' }, facilitator],
    [{ type: 'whisper', role: 'nobody', text: 'x' }, facilitator],
    [{ type: 'advancePhase', round: 1, phase: 0 }, facilitator],
    [{ type: 'startGame' }, facilitator],
    [{ type: 'chat', channel: 'public', text: 'x' }, facilitator],
    [{ type: 'advancePhase', round: 1, phase: 0 }, me],
    [{ type: 'takeSeat', seat: { role: seat.role, seat: 'nowhere' }, name: 'Ann' }, { kind: 'system' }],
    [{ type: 'deadlineReached', round: 1, phase: 0 }, { kind: 'system' }],
    [{ type: 'made-up' } as unknown as Action, facilitator],
  ];
  for (const [action, actor] of bad) apply(action, actor);
  apply({ type: 'endGame' }, facilitator);
  apply({ type: 'endGame' }, facilitator);
  apply({ type: 'revealAll' }, facilitator);
  apply({ type: 'revealAll' }, facilitator);
}

/** The room's own refusals (server/room/*.ts), as it builds them. */
const ROOM_REFUSALS: ProtocolError[] = [
  { code: 'too-large', params: { max: 8192 } },
  { code: 'rate-limited' },
  { code: 'unknown-type', params: { type: 'shout' } },
  { code: 'invalid-message', params: { reason: 'notJson' } },
  { code: 'invalid-message', params: { reason: 'schema', fields: ['action.text'] } },
  { code: 'chat-flood' },
  { code: 'duplicate-message' },
  { code: 'internal-error' },
  { code: 'read-only' },
  { code: 'no-seat' },
  { code: 'not-a-player' },
  { code: 'seat-choice-disabled' },
  { code: 'already-seated', params: { reason: 'self' } },
  { code: 'already-seated', params: { reason: 'player', player: 'p1' } },
  { code: 'unknown-player' },
  { code: 'seat-taken', params: { reason: 'player', player: 'p1' } },
  { code: 'seat-taken', params: { reason: 'occupied' } },
  { code: 'unknown-seat', params: { role: 'nasa', seat: 'nowhere' } },
  { code: 'facilitator-only' },
];

describe('refusals carry a code and params, and every language words them', () => {
  for (const scenario of shipped) play(scenario);

  it('meets most of the codes over whole games of every shipped scenario', () => {
    const codes = new Set([...met.values()].map((m) => m.error.code));
    expect(codes.size, [...codes].join(' ')).toBeGreaterThanOrEqual(20);
  });

  it('sends no sentence: a known code, and params of numbers, words and ids (no spaces but in a name)', () => {
    for (const { error } of met.values()) {
      expect(ServerMessages.error.safeParse(error).success, JSON.stringify(error)).toBe(true);
      expect(ERROR_CODES).toContain(error.code);
      for (const [key, value] of Object.entries(error.params ?? {}))
        for (const item of Array.isArray(value) ? value : [value]) if (key !== 'name') expect(String(item), `${error.code}.${key}`).not.toMatch(/\s/);
    }
  });

  it('renders every refusal met in English, Russian and Chinese, with labels for the ids', () => {
    for (const { error, scenario, view } of [...met.values(), ...ROOM_REFUSALS.map((error) => ({ error, scenario: shipped[0], view: null }))]) {
      setErrorLabels({ view, scenario: publicScenario(scenario), presence: [{ id: 'p1', name: 'Valentina', seat: null, online: true }] });
      const rendered = { en: render('en', error), ru: render('ru', error), zh: render('zh', error) };
      for (const [lang, text] of Object.entries(rendered)) {
        expect(text, `${lang} ${JSON.stringify(error)}`).not.toMatch(/[{}]/);
        expect(text.length).toBeGreaterThan(3);
      }
      // The Russian and Chinese texts are their own (the labels in them are the scenario's).
      expect(english.has(rendered.ru)).toBe(false);
      expect(rendered.ru, JSON.stringify(error)).toMatch(/[а-яё]/i);
      expect(rendered.zh, JSON.stringify(error)).toMatch(/[\u4e00-\u9fff]/);
      // A role id never shows where its name is known.
      const role = error.params?.role;
      if (typeof role === 'string' && scenario.roles.some((r) => r.id === role))
        expect(rendered.en, JSON.stringify(error)).toContain(scenario.roles.find((r) => r.id === role)!.name);
    }
  });

  it('words every join refusal in every language', () => {
    for (const reason of JOIN_REFUSALS) {
      const texts3 = (['en', 'ru', 'zh'] as const).map((lang) => render(lang, { code: 'join-refused', params: { reason } }));
      expect(new Set(texts3).size).toBe(3);
      expect(texts3[0]).not.toBe(en.errors['join-refused'].replace(/^.*other \{(.*)\}\}$/, '$1'));
    }
  });

  it('the room and the session build no refusal with a sentence (no `message` beside a code)', () => {
    const root = fileURLToPath(new URL('../../server/', import.meta.url));
    for (const file of ['room/lobby.ts', 'room/inbox.ts', 'room/sessionRoom.ts', 'room/sync.ts', 'session.ts', 'rateLimit.ts']) {
      const source = readFileSync(root + file, 'utf8');
      expect(source, file).not.toMatch(/code: '[a-z-]+', message:/);
      expect(source, file).not.toMatch(/new ServerError\(\d+, [`'"][A-Z]/);
    }
  });
});
