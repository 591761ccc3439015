// The classroom rules of the engine: Ready ends a phase once every student is ready (bots count
// as ready beside students); a facilitator's clock action names its phase and a stale one changes
// nothing; every empty seat gets a bot in one action.
import { describe, expect, test } from 'vitest';
import { awaitingReady, viewFor } from '@shared/engine';
import { facilitator, seat, shipped, Table } from './helpers';

const handshake = shipped('handshake-in-orbit');
const bot = { kind: 'bot', personality: 'cooperative' } as const;
const human = (name: string) => ({ kind: 'human', name }) as const;

describe('Ready', () => {
  /** Two students (NASA and the Academy heads) and bots in two other delegations. */
  const mixed = () =>
    new Table(handshake, {
      roster: {
        seats: [
          { role: 'nasa', seat: 'head', occupant: human('Ada') },
          { role: 'nasa', seat: 'astronaut', occupant: bot },
          { role: 'soviet-academy', seat: 'head', occupant: human('Boris') },
          { role: 'us-gov', seat: 'head', occupant: bot },
          { role: 'soviet-gov', seat: 'head', occupant: bot },
        ],
      },
    }).start();

  test('ends the phase when every student is ready, whatever the bots did', () => {
    const t = mixed();
    t.do(seat('nasa'), { type: 'ready', ready: true });
    expect(t.state.phaseIndex).toBe(0);
    expect(awaitingReady(Object.values(t.state.seats)).map((s) => `${s.role}/${s.seat}`)).toEqual(['soviet-academy/head']);
    t.do(seat('soviet-academy'), { type: 'ready', ready: true });
    expect(t.state.phaseIndex).toBe(1);
    // Ready resets with the new phase: the phase waits for both students again.
    expect(awaitingReady(Object.values(t.state.seats))).toHaveLength(2);
  });

  test('a student who takes it back keeps the phase open', () => {
    const t = mixed();
    t.do(seat('nasa'), { type: 'ready', ready: true });
    t.do(seat('nasa'), { type: 'ready', ready: false });
    t.do(seat('soviet-academy'), { type: 'ready', ready: true });
    expect(t.state.phaseIndex).toBe(0);
  });

  test('with no student seated, every bot must be ready (an all-bot game)', () => {
    const t = new Table(handshake, {
      roster: { seats: [{ role: 'nasa', seat: 'head', occupant: bot }, { role: 'soviet-academy', seat: 'head', occupant: bot }] },
    }).start();
    t.do(seat('nasa'), { type: 'ready', ready: true });
    expect(t.state.phaseIndex).toBe(0);
    t.do(seat('soviet-academy'), { type: 'ready', ready: true });
    expect(t.state.phaseIndex).toBe(1);
  });

  test('the views carry what the console needs to say the same', () => {
    const t = mixed();
    t.do(seat('nasa'), { type: 'ready', ready: true });
    const seats = viewFor(t.state, handshake, { kind: 'facilitator' }).seats;
    expect(awaitingReady(seats).map((s) => s.occupant)).toEqual([{ kind: 'human', name: 'Boris' }]);
    expect(seats.find((s) => s.role === 'us-gov' && s.seat === 'head')!.occupant).toEqual({ kind: 'bot', name: 'Bot' });
  });
});

describe('clock actions name their phase', () => {
  test('a double click on next phase moves one phase; the second is refused and changes nothing', () => {
    const t = new Table(handshake).start();
    const click = { type: 'advancePhase', round: 1, phase: 0 } as const;
    t.do(facilitator, click);
    expect([t.state.round, t.state.phaseIndex]).toEqual([1, 1]);
    expect(t.fails(facilitator, click, 'stale-phase')).toEqual({ round: 1, phase: 1, nowRound: 1, nowPhase: 2 });
    expect([t.state.round, t.state.phaseIndex]).toEqual([1, 1]);
  });

  test('extend, pause and resume are refused for a phase that is over, accepted for the current one', () => {
    const t = new Table(handshake).start();
    t.do(facilitator, { type: 'advancePhase', round: 1, phase: 0 });
    t.fails(facilitator, { type: 'extendPhase', minutes: 2, round: 1, phase: 0 }, 'stale-phase');
    t.fails(facilitator, { type: 'pauseGame', round: 1, phase: 0 }, 'stale-phase');
    t.fails(facilitator, { type: 'advancePhase', round: 2, phase: 1 }, 'stale-phase'); // a phase still to come
    const deadline = t.state.clock.deadline!;
    t.do(facilitator, { type: 'extendPhase', minutes: 2, round: 1, phase: 1 });
    expect(t.state.clock.deadline).toBe(deadline + 120_000);
    t.do(facilitator, { type: 'pauseGame', round: 1, phase: 1 });
    t.fails(facilitator, { type: 'resumeGame', round: 1, phase: 0 }, 'stale-phase');
    expect(t.state.status).toBe('paused');
    t.do(facilitator, { type: 'resumeGame', round: 1, phase: 1 });
    expect(t.state.status).toBe('running');
  });

  test('a game not running says so before anything about phases', () => {
    const t = new Table(handshake);
    t.fails(facilitator, { type: 'advancePhase', round: 0, phase: 0 }, 'not-running');
  });
});

describe('fill every empty seat with bots', () => {
  test('seats a bot in every empty seat and nowhere else, in one action', () => {
    const t = new Table(handshake, { roster: { seats: [{ role: 'nasa', seat: 'head', occupant: human('Ada') }] } });
    const seq = t.state.seq;
    t.do(facilitator, { type: 'fillSeatsWithBots', personality: 'hard-nosed' });
    expect(t.state.seq).toBe(seq + 1);
    const seats = Object.values(t.state.seats);
    expect(seats.filter((s) => s.occupant === null)).toEqual([]);
    expect(t.state.seats['nasa/head'].occupant).toEqual(human('Ada'));
    expect(seats.filter((s) => s.occupant?.kind === 'bot')).toHaveLength(seats.length - 1);
    expect(seats.every((s) => s.occupant?.kind !== 'bot' || s.occupant.personality === 'hard-nosed')).toBe(true);
    // Nothing left to fill: refused, nothing changes.
    expect(t.fails(facilitator, { type: 'fillSeatsWithBots', personality: 'cooperative' }, 'already-done')).toEqual({ reason: 'seatsTaken' });
  });

  test('works during the game, not after it; only the facilitator may', () => {
    const t = new Table(handshake).start();
    t.fails(seat('nasa'), { type: 'fillSeatsWithBots', personality: 'cooperative' }, 'facilitator-only');
    t.do(facilitator, { type: 'fillSeatsWithBots', personality: 'cooperative' });
    t.do(facilitator, { type: 'assignSeat', seat: { role: 'nasa', seat: 'engineer' }, occupant: null });
    t.do(facilitator, { type: 'endGame' });
    t.fails(facilitator, { type: 'fillSeatsWithBots', personality: 'cooperative' }, 'game-over');
  });
});
