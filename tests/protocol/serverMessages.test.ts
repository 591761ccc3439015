// The schemas of the server's messages accept what the engine and the room really produce, for
// every shipped scenario and every kind of viewer, and refuse what a client must not trust.
import { describe, expect, it } from 'vitest';
import { applyAction, createGame, publicScenario, viewFor, type GameState, type GameView, type Viewer } from '@shared/engine';
import { playBotGame } from '@shared/bots/simulate';
import { ERROR_CODES } from '@shared/protocol/errors';
import { ServerMessages, SERVER_MESSAGES } from '@shared/protocol/serverMessages';
import type { Scenario } from '@shared/scenario';
import { shipped } from '../engine/helpers';

const SCENARIOS = ['handshake-in-orbit', 'freedom-to-iss', 'sanctions-and-the-station', 'wolf-amendment-and-mars', 'war-and-the-seat-swap'];

function viewers(scenario: Scenario): Viewer[] {
  return [
    { kind: 'facilitator' },
    { kind: 'spectator' },
    ...scenario.roles.flatMap((r) => r.seats.map((s): Viewer => ({ kind: 'seat', role: r.id, seat: s.id }))),
  ];
}

/** A `view` message as the room builds it, through JSON as on the wire. */
function viewMessage(state: GameState, scenario: Scenario, viewer: Viewer) {
  const view = viewFor(state, scenario, viewer);
  return JSON.parse(JSON.stringify({ seq: view.seq, view, scenario: publicScenario(scenario) })) as { seq: number; view: GameView };
}

function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('view messages', () => {
  for (const id of SCENARIOS) {
    it(`${id}: every viewer's view, in the lobby, at the end of a whole bot game and after the reveal, passes`, () => {
      const scenario = shipped(id);
      const lobby = createGame(scenario, { seed: 3 });
      const played = playBotGame(scenario, 3, scenario.roles.map(() => 'cooperative')).state;
      const revealed = applyAction(played, { type: 'revealAll' }, { kind: 'facilitator' }, 1e9, scenario);
      if (!revealed.ok) throw new Error(JSON.stringify(revealed.error));
      for (const state of [lobby, played, revealed.state]) {
        for (const viewer of viewers(scenario)) {
          expect(problems(ServerMessages.view.safeParse(viewMessage(state, scenario, viewer))), `${state.status} ${JSON.stringify(viewer)}`).toEqual([]);
        }
      }
    });
  }

  it('keeps every field of the view, not only the ones it checks', () => {
    const scenario = shipped('handshake-in-orbit');
    const message = viewMessage(createGame(scenario, { seed: 1 }), scenario, { kind: 'seat', role: 'nasa', seat: 'head' });
    const parsed = ServerMessages.view.parse(message);
    expect(parsed).toEqual(message);
  });

  it('refuses a view at another seq than its message, a missing viewer or a wrong status', () => {
    const scenario = shipped('handshake-in-orbit');
    const good = viewMessage(createGame(scenario, { seed: 1 }), scenario, { kind: 'spectator' });
    expect(problems(ServerMessages.view.safeParse({ ...good, seq: good.seq + 1 }))).toEqual(['view.seq: the view is not at the message seq']);
    const { viewer: _viewer, ...noViewer } = good.view;
    expect(problems(ServerMessages.view.safeParse({ ...good, view: noViewer }))[0]).toMatch(/^view\.viewer: /);
    expect(problems(ServerMessages.view.safeParse({ ...good, view: { ...good.view, status: 'sleeping' } }))[0]).toMatch(/^view\.status: /);
    expect(problems(ServerMessages.view.safeParse({ ...good, view: { ...good.view, seats: [{ role: 'nasa' }] } }))[0]).toMatch(/^view\.seats\.0\./);
  });
});

describe('the other messages', () => {
  it('patch: RFC 6902 operations only', () => {
    const ops = [
      { op: 'add', path: '/timeline/3', value: { seq: 4 } },
      { op: 'replace', path: '/seq', value: 4 },
      { op: 'remove', path: '/me/whispers/0' },
      { op: 'move', path: '/a', from: '/b' },
    ];
    expect(ServerMessages.patch.safeParse({ seq: 4, ops }).success).toBe(true);
    expect(problems(ServerMessages.patch.safeParse({ seq: 4, ops: [{ op: 'merge', path: '/seq', value: 4 }] }))[0]).toMatch(/^ops\.0\.op/);
    expect(problems(ServerMessages.patch.safeParse({ seq: 4, ops: [{ op: 'replace', path: 'seq', value: 4 }] }))[0]).toMatch(/^ops\.0\.path/);
    expect(problems(ServerMessages.patch.safeParse({ seq: -1, ops: [] }))[0]).toMatch(/^seq/);
  });

  it('result: accepted with a seq, or rejected with a known code', () => {
    expect(ServerMessages.result.safeParse({ id: 'a1b2c3d4', ok: true, seq: 12 }).success).toBe(true);
    for (const code of ERROR_CODES) expect(ServerMessages.result.safeParse({ id: 'a1b2c3d4', ok: false, error: { code } }).success).toBe(true);
    expect(problems(ServerMessages.result.safeParse({ id: 'a1b2c3d4', ok: false, error: { code: 'made-up' } }))[0]).toMatch(/^error\.code/);
    expect(ServerMessages.result.safeParse({ id: 'a1b2c3d4', ok: true }).success).toBe(false);
    expect(ServerMessages.result.safeParse({ ok: true, seq: 1 }).success).toBe(false);
  });

  it('error: a known code and its details (strings, numbers, lists of ids), never a sentence', () => {
    expect(ServerMessages.error.safeParse({ code: 'seat-taken' }).success).toBe(true);
    expect(ServerMessages.error.safeParse({ code: 'too-large', params: { max: 8192 } }).success).toBe(true);
    expect(ServerMessages.error.safeParse({ code: 'wrong-phase', params: { move: 'draft', phase: 'news', phases: ['track-ii'], allowedCount: 1 } }).success).toBe(true);
    expect(ServerMessages.error.safeParse({ code: 'seat-taken', message: 'That seat is taken.' }).success).toBe(false);
    expect(ServerMessages.error.safeParse({ code: 'seat-taken', params: { nested: { a: 1 } } }).success).toBe(false);
    expect(ServerMessages.error.safeParse({ code: 'oops' }).success).toBe(false);
  });

  it('identity: a player has an id and a name; the facilitator and spectators have neither', () => {
    const player = { role: 'player', playerId: 'p1', name: 'Valentina', seat: { role: 'nasa', seat: 'head' }, seatToken: null };
    expect(ServerMessages.identity.safeParse(player).success).toBe(true);
    expect(ServerMessages.identity.safeParse({ ...player, playerId: null }).success).toBe(false);
    expect(ServerMessages.identity.safeParse({ role: 'facilitator', playerId: null, seat: null, seatToken: null }).success).toBe(true);
    expect(ServerMessages.identity.safeParse({ role: 'spectator', playerId: 'p1', seat: null, seatToken: null }).success).toBe(false);
    expect(ServerMessages.identity.safeParse({ role: 'teacher', playerId: null, seat: null, seatToken: null }).success).toBe(false);
  });

  it('presence: every player with a seat or null and whether they are online', () => {
    expect(ServerMessages.presence.safeParse({ players: [{ id: 'p1', name: 'Yuri', seat: null, online: true }] }).success).toBe(true);
    expect(ServerMessages.presence.safeParse({ players: [{ id: 'p1', name: 'Yuri', seat: null }] }).success).toBe(false);
  });

  it('has a schema for every message name and a name for every schema', () => {
    expect(Object.keys(ServerMessages).sort()).toEqual(Object.keys(SERVER_MESSAGES).sort());
  });
});
