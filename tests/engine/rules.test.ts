// The rules, one story each, played on the shipped scenario "Handshake in orbit".
import { describe, expect, test } from 'vitest';
import { evaluateProposal, score, viewFor } from '@shared/engine';
import { facilitator, fullRoster, seat, shipped, system, Table, memoTerms, signDockingMemorandum } from './helpers';

const handshake = shipped('handshake-in-orbit');
// Seed 4: round 1 draws Apollo 11 and round 2 the Apollo cuts, so tension stays at 6.
const CALM = 4;

/** A game in round 1's news phase with tension at 8: the Cold War freeze (two hostile speeches). */
function frozenGame(): Table {
  const t = new Table(handshake, { seed: CALM }).start();
  t.do(seat('us-gov'), { type: 'publicStatement', tone: 'hostile', text: 'We will not be pushed around.' });
  t.do(seat('soviet-gov'), { type: 'publicStatement', tone: 'hostile', text: 'Nor will we.' });
  return t;
}

const walkAway = (role: string, dealType: string) => handshake.roles.find((r) => r.id === role)!.pointTables[dealType].walkAway;

/** In 1970-1971 at the earliest (formal talks never open in 1969), the U.S. government adopts
 *  the memorandum; the Soviets counter on publicity; the U.S. accepts. */
function agreeOnFlight(t: Table, memo: string): string {
  t.goTo(Math.max(2, t.state.round), 'track-i');
  t.do(seat('us-gov'), { type: 'adoptMemorandum', deal: memo, parties: ['us-gov', 'soviet-gov'] });
  const deal = t.lastDeal;
  t.do(seat('soviet-gov'), { type: 'counterDeal', deal, terms: { ...memoTerms, publicity: 'controlled' } });
  t.do(seat('us-gov'), { type: 'acceptDeal', deal });
  return deal;
}

describe('starting and phases', () => {
  test('a new game waits in the lobby; startGame opens round 1, phase 1 with its deadline', () => {
    const t = new Table(handshake, { seed: CALM });
    expect(t.state.status).toBe('lobby');
    t.fails(seat('nasa'), { type: 'chat', channel: 'public', text: 'hello' }, 'not-running');
    t.start();
    expect(t.state).toMatchObject({ status: 'running', round: 1, phaseIndex: 0 });
    expect(t.state.clock.deadline).toBe(t.state.clock.phaseStartedAt! + 3 * 60_000);
    t.fails(facilitator, { type: 'startGame' }, 'already-done');
  });

  test('a scheduled event fires at the start of its phase, and the deck draws one card at news', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    expect(t.state.firedEvents).toEqual(['kennedy-offer', 'apollo-11']);
    expect(t.state.resources['us-gov'].prestige).toBe(60 + 4);
    t.goTo(1, 'track-ii');
    expect(t.state.firedEvents).toContain('marooned');
    expect(t.state.trust.nasa['soviet-academy']).toBe(45 + 5 + 8);
  });

  test('the deck draws without replacement and the same seed draws the same cards', () => {
    const play = (seed: number) => {
      const t = new Table(handshake, { seed }).start();
      while (t.state.status !== 'ended') t.do(facilitator, { type: 'advancePhase', round: t.state.round, phase: t.state.phaseIndex });
      const deckCards = new Set(handshake.events.filter((e) => e.deck).map((e) => e.id));
      return t.state.firedEvents.filter((id) => deckCards.has(id));
    };
    const drawn = play(7);
    expect(drawn.length).toBeGreaterThanOrEqual(4);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(play(7)).toEqual(drawn);
  });

  test('a stale or duplicate deadline tick is rejected: a phase resolves once', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const deadline = t.state.clock.deadline!;
    t.now = deadline - 10_000;
    t.fails(system, { type: 'deadlineReached', round: 1, phase: 0 }, 'stale-deadline');
    t.now = deadline;
    t.do(system, { type: 'deadlineReached', round: 1, phase: 0 });
    expect(t.state.phaseIndex).toBe(1);
    t.fails(system, { type: 'deadlineReached', round: 1, phase: 0 }, 'stale-deadline');
    t.fails(facilitator, { type: 'deadlineReached', round: 1, phase: 1 }, 'system-only');
  });

  test('extending a phase moves its deadline; the old timer no longer ends it', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const deadline = t.state.clock.deadline!;
    t.do(facilitator, { type: 'extendPhase', minutes: 2, round: t.state.round, phase: t.state.phaseIndex });
    expect(t.state.clock.deadline).toBe(deadline + 120_000);
    t.now = deadline;
    t.fails(system, { type: 'deadlineReached', round: 1, phase: 0 }, 'stale-deadline');
    t.now = deadline + 120_000;
    t.do(system, { type: 'deadlineReached', round: 1, phase: 0 });
    expect(t.phase).toBe('track-ii');
  });

  test('pausing keeps the remaining time; moves wait but talk goes on; resuming restarts the clock', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const deadline = t.state.clock.deadline!;
    t.now = deadline - 100_000;
    t.do(facilitator, { type: 'pauseGame', round: t.state.round, phase: t.state.phaseIndex });
    expect(t.state.clock).toMatchObject({ deadline: null, remainingMs: 100_000 });
    t.fails(system, { type: 'deadlineReached', round: 1, phase: 0 }, 'stale-deadline');
    t.fails(seat('us-gov'), { type: 'publicStatement', tone: 'informative', text: 'Hello' }, 'not-running');
    t.do(seat('us-gov'), { type: 'chat', channel: 'public', text: 'We wait.' });
    t.now += 600_000;
    const resumedAt = t.now;
    t.do(facilitator, { type: 'resumeGame', round: t.state.round, phase: t.state.phaseIndex });
    expect(t.state.clock.deadline).toBe(resumedAt + 100_000);
  });

  test('the server pauses for recovery instead of resolving a phase behind everyone\'s back', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.now = t.state.clock.deadline! + 30_000;
    t.do(system, { type: 'pauseForRecovery' });
    expect(t.state).toMatchObject({ status: 'paused', phaseIndex: 0, clock: { remainingMs: 0 } });
    t.fails(facilitator, { type: 'pauseForRecovery' }, 'system-only');
  });

  test('when every occupied seat is ready the phase ends; empty seats do not count', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const heads = handshake.roles.map((r) => r.id);
    for (const role of heads.slice(0, -1)) t.do(seat(role), { type: 'ready', ready: true });
    expect(t.state.phaseIndex).toBe(0);
    t.do(seat(heads[heads.length - 1]), { type: 'ready', ready: true });
    expect(t.state.phaseIndex).toBe(1);
    expect(Object.values(t.state.seats).every((s) => !s.ready)).toBe(true);
  });

  test('after the last phase of the last round the game ends and is scored', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    while (t.state.status !== 'ended') t.do(facilitator, { type: 'advancePhase', round: t.state.round, phase: t.state.phaseIndex });
    expect(t.state.round).toBe(4);
    expect(t.state.outcome).toEqual({ reason: 'completed', at: expect.any(Number) });
    expect(t.state.history.map((h) => h.round)).toEqual([1, 2, 3, 4]);
    // formal-talks fires by round 3 even without a memorandum.
    expect(t.state.firedEvents).toContain('formal-talks');
    expect(t.state.unlockedDealTypes).toContain('astp-agreement');
    t.fails(seat('nasa'), { type: 'chat', channel: 'public', text: 'too late' }, 'game-over');
  });
});

describe('authority', () => {
  test('a seat acts only with its powers, and the message names who can', () => {
    const t = new Table(handshake, { seed: CALM, roster: fullRoster(handshake) }).start();
    const memo = signDockingMemorandum(t);
    agreeOnFlight(t, memo);
    t.goTo(2, 'signature');
    const msg = t.fails(seat('us-gov', 'negotiator'), { type: 'signDeal', deal: 'd2' }, 'no-power');
    expect(msg).toEqual({ verb: 'sign', role: 'us-gov', seats: ['head'], seatCount: 1 });
    t.goTo(2, 'resolution');
    t.fails(seat('us-gov', 'analyst'), { type: 'publicStatement', tone: 'hostile', text: 'No.' }, 'no-power');
    t.do(seat('us-gov', 'press'), { type: 'publicStatement', tone: 'hostile', text: 'No.' });
  });

  test('players cannot run the clock and the facilitator cannot play a seat', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.fails(seat('us-gov'), { type: 'advancePhase', round: t.state.round, phase: t.state.phaseIndex }, 'facilitator-only');
    t.fails(facilitator, { type: 'chat', channel: 'public', text: 'hi' }, 'not-your-seat');
    t.fails(seat('us-gov'), { type: 'takeSeat', seat: { role: 'nasa', seat: 'engineer' }, name: 'Eve' }, 'system-only');
    // An empty seat cannot act.
    t.fails(seat('nasa', 'engineer'), { type: 'chat', channel: 'public', text: 'hi' }, 'not-your-seat');
    t.fails(seat('nasa', 'nobody'), { type: 'chat', channel: 'public', text: 'hi' }, 'unknown-seat');
  });

  test('a move outside its phase is rejected with the phases where it is allowed', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const msg = t.fails(
      seat('nasa'),
      { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms: { 'lunar-samples': 'loan', 'data-sharing': 'reciprocal', 'scientist-exchange': 'short-visits' } },
      'wrong-phase',
    );
    expect(msg).toMatchObject({ move: 'draft', phase: 'news' });
    expect(msg.phases).not.toContain('news');
  });

  test('seats: a student takes an empty seat, the facilitator hands one to a bot or frees it', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.do(system, { type: 'takeSeat', seat: { role: 'nasa', seat: 'engineer' }, name: 'Ada' });
    t.do(seat('nasa', 'engineer'), { type: 'chat', channel: 'team:nasa', text: 'Engineer here.' });
    expect(t.state.messages['team:nasa'][0]).toMatchObject({ name: 'Ada', seat: 'engineer' });
    t.do(facilitator, { type: 'assignSeat', seat: { role: 'nasa', seat: 'engineer' }, occupant: { kind: 'bot', personality: 'cooperative' } });
    expect(viewFor(t.state, handshake, { kind: 'spectator' }).seats.find((s) => s.seat === 'engineer' && s.role === 'nasa')!.occupant).toEqual({
      kind: 'bot',
      name: 'Bot',
    });
    t.do(facilitator, { type: 'assignSeat', seat: { role: 'nasa', seat: 'engineer' }, occupant: null });
    t.fails(seat('nasa', 'engineer'), { type: 'chat', channel: 'team:nasa', text: 'still here?' }, 'not-your-seat');
    expect(t.state.participation['nasa/engineer'].messages).toBe(1);
  });

  test('a message says whether a bot wrote it, whatever name the seat shows', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.do(system, { type: 'takeSeat', seat: { role: 'nasa', seat: 'engineer' }, name: 'Ada' });
    t.do(seat('nasa', 'engineer'), { type: 'chat', channel: 'team:nasa', text: 'Ada here.' });
    t.do(facilitator, { type: 'assignSeat', seat: { role: 'nasa', seat: 'engineer' }, occupant: { kind: 'bot', personality: 'cooperative' } });
    t.do(seat('nasa', 'engineer'), { type: 'chat', channel: 'team:nasa', text: 'Bot here.' });
    expect(t.state.messages['team:nasa'].map((m) => [m.name, m.bot])).toEqual([
      ['Ada', false],
      ['Bot (Docking engineer)', true],
    ]);
  });

  test('a student cannot take a name that poses as a bot', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const engineer = { role: 'nasa', seat: 'engineer' };
    for (const name of ['Bot (Docking engineer)', 'bot', 'BOT 2', '  Bot-x'])
      expect(t.fails(system, { type: 'takeSeat', seat: engineer, name }, 'reserved-name')).toEqual({ name });
    t.fails(facilitator, { type: 'assignSeat', seat: engineer, occupant: { kind: 'human', name: 'bOt (Head)' } }, 'reserved-name');
    // A name that merely starts with the letters is a name.
    t.do(system, { type: 'takeSeat', seat: engineer, name: 'Botond K.' });
    t.do(facilitator, { type: 'assignSeat', seat: engineer, occupant: { kind: 'human', name: 'Abbot' } });
  });
});

describe('channels', () => {
  test('tension closes the official U.S.-Soviet channel but the astronauts\' network stays open', () => {
    const t = frozenGame();
    expect(t.state.tracks.tension).toBe(8);
    const msg = t.fails(seat('us-gov'), { type: 'chat', channel: 'bilateral:soviet-gov:us-gov', text: 'Can we talk?' }, 'channel-closed');
    expect(msg).toEqual({ reason: 'channel', channel: 'bilateral:soviet-gov:us-gov', constraint: 'cold-war-freeze' });
    t.do(seat('nasa'), { type: 'chat', channel: 'network:astronauts-and-academicians', text: 'We still talk.' });
    const view = viewFor(t.state, handshake, { kind: 'seat', role: 'us-gov', seat: 'head' });
    expect(view.channels.find((c) => c.id === 'bilateral:soviet-gov:us-gov')).toMatchObject({ open: false, closedBy: 'Cold War freeze' });
    expect(view.constraints.map((c) => c.id)).toEqual(['cold-war-freeze', 'rocket-secrecy', 'academy-caution']);
  });

  test('calmer times reopen the channel: a constraint with a condition follows the state', () => {
    const t = frozenGame();
    t.do(seat('us-gov'), { type: 'publicStatement', tone: 'conciliatory', text: 'We seek peace.' });
    expect(t.state.tracks.tension).toBe(7);
    expect(t.state.activeConstraints).toEqual(['rocket-secrecy', 'academy-caution']);
    t.do(seat('us-gov'), { type: 'chat', channel: 'bilateral:soviet-gov:us-gov', text: 'Can we talk now?' });
    expect(t.state.timeline.filter((e) => e.code === 'constraintLifted').map((e) => e.params)).toEqual([{ constraint: 'cold-war-freeze' }]);
  });

  test('a role cannot write in a channel it is not a member of', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.fails(seat('us-gov'), { type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Let me in' }, 'not-a-member');
    t.fails(seat('us-gov'), { type: 'chat', channel: 'team:nasa', text: 'Psst' }, 'not-a-member');
    t.fails(seat('us-gov'), { type: 'chat', channel: 'group:9', text: 'Hm' }, 'unknown-channel');
  });

  test('groups: the opener and its invitees, up to maxMembers, and no way around a closed channel', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.do(seat('nasa'), { type: 'openGroup', label: 'Docking', members: ['soviet-academy', 'us-gov'] });
    expect(t.state.channels['group:1']).toMatchObject({ members: ['us-gov', 'nasa', 'soviet-academy'], track: 1 });
    t.do(seat('us-gov'), { type: 'chat', channel: 'group:1', text: 'Hello all' });
    t.fails(seat('soviet-gov'), { type: 'chat', channel: 'group:1', text: 'Me too' }, 'not-a-member');
    // Rocket secrecy closes NASA - Kremlin talks, in a group too.
    t.fails(seat('nasa'), { type: 'openGroup', label: 'Everyone', members: ['us-gov', 'soviet-gov'] }, 'channel-closed');
    t.fails(seat('nasa'), { type: 'openGroup', label: 'Too many', members: ['us-gov', 'soviet-gov', 'soviet-academy', 'nasa', 'x'] }, 'unknown-role');
    t.fails(seat('nasa'), { type: 'openGroup', label: 'Alone', members: ['nasa'] }, 'bad-parties');
  });

  test('the facilitator whispers to one delegation only', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.do(facilitator, { type: 'whisper', role: 'nasa', text: 'Try the Academy.' });
    expect(viewFor(t.state, handshake, { kind: 'seat', role: 'nasa', seat: 'head' }).me!.whispers.map((w) => w.text)).toEqual(['Try the Academy.']);
    expect(viewFor(t.state, handshake, { kind: 'seat', role: 'us-gov', seat: 'head' }).me!.whispers).toEqual([]);
  });
});

describe('deals and memoranda', () => {
  test('track II to track I: a memorandum\'s groundwork opens formal talks in 1970-1971; a government adopts it; both ratify', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.goTo(1, 'track-ii');
    t.fails(seat('us-gov'), { type: 'draftDeal', dealType: 'astp-agreement', parties: ['us-gov', 'soviet-gov'], terms: memoTerms }, 'deal-type-locked');
    const memo = signDockingMemorandum(t);
    expect(t.state.deals[memo].status).toBe('inForce');
    // Never in 1969: formal talks began in late 1970 (§3).
    expect(t.state.firedEvents).not.toContain('formal-talks');
    t.goTo(2, 'news');
    expect(t.state.firedEvents).toContain('formal-talks');
    expect(t.state.unlockedDealTypes).toEqual(['astp-agreement']);

    const deal = agreeOnFlight(t, memo);
    expect(t.state.deals[memo].status).toBe('adopted');
    expect(t.state.deals[deal]).toMatchObject({ status: 'accepted', author: 'us-gov', adoptedFrom: memo, acceptedBy: ['soviet-gov', 'us-gov'] });
    expect(t.state.deals[deal].versions.map((v) => v.by)).toEqual(['us-gov', 'soviet-gov']);

    t.goTo(2, 'signature');
    t.do(seat('us-gov'), { type: 'signDeal', deal });
    t.fails(seat('us-gov'), { type: 'signDeal', deal }, 'already-done');
    t.do(seat('soviet-gov'), { type: 'signDeal', deal });
    expect(t.state.deals[deal].status).toBe('signed');
    t.do(seat('us-gov'), { type: 'ratifyDeal', deal });
    const tension = t.state.tracks.tension;
    t.do(seat('soviet-gov'), { type: 'ratifyDeal', deal });
    expect(t.state.deals[deal].status).toBe('inForce');
    expect(t.state.tracks.tension).toBe(tension - 2);
    expect(t.state.activeConstraints).not.toContain('rocket-secrecy');
    expect(t.state.timeline.filter((e) => e.code === 'dealInForce').map((e) => e.params)).toContainEqual({
      deal,
      dealType: 'astp-agreement',
      parties: ['us-gov', 'soviet-gov'],
      terms: t.state.deals[deal].versions.at(-1)!.terms,
    });

    // At the end of the round, the agreement's each-round effects apply: joint engineering.
    const readiness = t.state.tracks['docking-readiness'];
    const nasaBudget = t.state.resources.nasa.budget;
    t.goTo(3, 'news');
    // Read at the end of round 2, before round 3's card is drawn.
    expect(t.state.history.at(-1)!.tracks['docking-readiness']).toBeGreaterThan(readiness);
    expect(t.state.resources.nasa.budget).toBeLessThan(nasaBudget);
    expect(t.state.history.at(-1)!.round).toBe(2);
  });

  test('the author withdraws a proposal before it is in force; the other party cannot', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    // The Academy's caution: it negotiates an accord once it trusts NASA (58, + 10 from a memorandum).
    signDockingMemorandum(t);
    t.goTo(1, 'track-i');
    const terms = { 'lunar-samples': 'loan', 'data-sharing': 'reciprocal', 'scientist-exchange': 'short-visits' };
    t.do(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms });
    const d = t.lastDeal;
    t.do(seat('nasa'), { type: 'proposeDeal', deal: d });
    t.fails(seat('soviet-academy'), { type: 'withdrawDeal', deal: d }, 'not-a-party');
    t.do(seat('nasa'), { type: 'withdrawDeal', deal: d });
    expect(t.state.deals[d].status).toBe('withdrawn');
    expect(viewFor(t.state, handshake, { kind: 'seat', role: 'soviet-academy', seat: 'head' }).deals.find((x) => x.id === d)!.status).toBe('withdrawn');
  });

  test('a counter-proposal resets acceptances and keeps the history', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    // The Academy's caution: it negotiates an accord once it trusts NASA (58, + 10 from a memorandum).
    signDockingMemorandum(t);
    t.goTo(1, 'track-i');
    const terms = { 'lunar-samples': 'loan', 'data-sharing': 'reciprocal', 'scientist-exchange': 'short-visits' };
    t.do(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms });
    const d = t.lastDeal;
    t.do(seat('nasa'), { type: 'proposeDeal', deal: d });
    t.do(seat('soviet-academy'), { type: 'counterDeal', deal: d, terms: { ...terms, 'lunar-samples': 'swap' } });
    expect(t.state.deals[d].acceptedBy).toEqual(['soviet-academy']);
    t.fails(seat('nasa'), { type: 'counterDeal', deal: d, terms: { ...terms, 'lunar-samples': 'swap' } }, 'bad-terms');
    t.fails(seat('nasa'), { type: 'counterDeal', deal: d, terms: { ...terms, 'lunar-samples': 'moon' } }, 'bad-terms');
    t.do(seat('nasa'), { type: 'counterDeal', deal: d, terms: { ...terms, 'lunar-samples': 'none' } });
    expect(t.state.deals[d].versions).toHaveLength(3);
    t.do(seat('soviet-academy'), { type: 'rejectDeal', deal: d });
    expect(t.state.deals[d].status).toBe('rejected');
    t.fails(seat('soviet-academy'), { type: 'acceptDeal', deal: d }, 'wrong-status');
  });

  test('drafts are the author team\'s own; others cannot see or touch them; a discarded draft is gone', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.goTo(1, 'track-i');
    const terms = { 'lunar-samples': 'loan', 'data-sharing': 'reciprocal', 'scientist-exchange': 'short-visits' };
    t.do(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms });
    const d = t.lastDeal;
    t.fails(seat('soviet-academy'), { type: 'acceptDeal', deal: d }, 'unknown-deal');
    expect(viewFor(t.state, handshake, { kind: 'seat', role: 'soviet-academy', seat: 'head' }).deals).toEqual([]);
    t.do(seat('nasa'), { type: 'editDraft', deal: d, parties: ['nasa', 'soviet-academy'], terms: { ...terms, 'data-sharing': 'open' } });
    t.do(seat('nasa'), { type: 'withdrawDeal', deal: d });
    expect(t.state.deals[d]).toBeUndefined();
  });

  test('parties must fit the deal type', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.goTo(1, 'track-i');
    const terms = { 'lunar-samples': 'loan', 'data-sharing': 'reciprocal', 'scientist-exchange': 'short-visits' };
    t.fails(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'us-gov'], terms }, 'bad-parties');
    t.fails(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'nasa'], terms }, 'bad-parties');
    // The type is for the two agencies: a government may not even draft one.
    t.fails(seat('us-gov'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms }, 'not-your-kind');
    t.fails(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'mars'], terms }, 'unknown-role');
    t.fails(seat('nasa'), { type: 'draftDeal', dealType: 'moon-base', parties: ['nasa', 'soviet-academy'], terms }, 'unknown-deal-type');
  });

  test('a government whose domestic support is too low fails to ratify', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    // Six conciliatory statements cost the White House 12 points of domestic support (50 -> 38,
    // then 41 when the Apollo cuts please Congress in round 2)...
    for (let i = 0; i < 6; i++) t.do(seat('us-gov'), { type: 'publicStatement', tone: 'conciliatory', text: `Peace, ${i}` });
    const memo = signDockingMemorandum(t);
    const deal = agreeOnFlight(t, memo);
    t.goTo(2, 'signature');
    t.do(seat('us-gov'), { type: 'signDeal', deal });
    t.do(seat('soviet-gov'), { type: 'signDeal', deal });
    // ...which still ratifies, but losing 2 more does not.
    expect(t.state.resources['us-gov']['domestic-support']).toBe(41);
    t.do(seat('soviet-gov'), { type: 'ratifyDeal', deal });
    t.goTo(3, 'news');
    t.do(seat('us-gov'), { type: 'publicStatement', tone: 'conciliatory', text: 'Even more peace' });
    t.goTo(3, 'signature');
    t.do(seat('us-gov'), { type: 'ratifyDeal', deal });
    expect(t.state.deals[deal].status).toBe('failed');
    expect(t.state.timeline.at(-1)).toMatchObject({ code: 'ratificationFails', params: { deal, dealType: 'astp-agreement', role: 'us-gov', parties: ['soviet-gov'] } });
    expect(t.state.unlockedDealTypes).toContain('astp-agreement');
  });

  test('breaking a deal in force applies its breach effects and costs the breaker 20 trust', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const deal = agreeOnFlight(t, signDockingMemorandum(t));
    t.goTo(2, 'signature');
    t.do(seat('us-gov'), { type: 'signDeal', deal });
    t.do(seat('soviet-gov'), { type: 'signDeal', deal });
    t.do(seat('us-gov'), { type: 'ratifyDeal', deal });
    t.do(seat('soviet-gov'), { type: 'ratifyDeal', deal });
    t.goTo(2, 'resolution');
    const before = t.state;
    t.do(seat('soviet-gov'), { type: 'breachDeal', deal });
    expect(t.state.deals[deal]).toMatchObject({ status: 'breached', breachedBy: 'soviet-gov' });
    expect(t.state.trust['us-gov']['soviet-gov']).toBe(before.trust['us-gov']['soviet-gov'] - handshake.trust.breachLoss);
    expect(t.state.tracks.tension).toBe(before.tracks.tension + 3);
    expect(t.state.resources['soviet-gov'].prestige).toBe(before.resources['soviet-gov'].prestige - 15);
    const sovietScore = score(t.state, handshake).find((s) => s.role === 'soviet-gov')!;
    expect(sovietScore).toMatchObject({ breachCount: 1, breaches: -8 });
    t.fails(seat('soviet-gov'), { type: 'breachDeal', deal }, 'wrong-status');
  });

  test('a ban by an active constraint blocks a proposal between the two governments', () => {
    const t = frozenGame();
    const memo = signDockingMemorandum(t);
    // Formal talks open in 1970-1971; the freeze still holds (nothing has calmed it).
    t.goTo(2, 'track-i');
    const msg = t.fails(seat('us-gov'), { type: 'adoptMemorandum', deal: memo, parties: ['us-gov', 'soviet-gov'] }, 'banned-by-constraint');
    expect(msg).toMatchObject({ constraint: 'cold-war-freeze' });
    // Only a government of a signatory's nation can adopt.
    t.fails(seat('nasa'), { type: 'adoptMemorandum', deal: memo, parties: ['us-gov', 'soviet-gov'] }, 'not-a-party');
  });

  test('what a proposal is worth against the walk-away', () => {
    const value = evaluateProposal(handshake, 'us-gov', 'astp-agreement', memoTerms)!;
    expect(value).toEqual({
      role: 'us-gov',
      dealType: 'astp-agreement',
      points: 5 + 6 + 4 + 8,
      walkAway: walkAway('us-gov', 'astp-agreement'),
      beatsWalkAway: true,
      perIssue: { 'docking-system': 5, 'flight-date': 6, 'tech-exchange': 4, publicity: 8 },
    });
    expect(evaluateProposal(handshake, 'soviet-gov', 'astp-agreement', { ...memoTerms, 'docking-system': 'us-probe-drogue', 'tech-exchange': 'full-access' })!.beatsWalkAway).toBe(false);
    expect(evaluateProposal(handshake, 'nasa', 'astp-agreement', memoTerms)).toBeNull();
  });
});

describe('statements, actions, events, collapse', () => {
  test('unilateral actions cost resources, respect maxUses, roles and requirements', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.goTo(1, 'resolution');
    const budget = t.state.resources.nasa.budget;
    t.do(seat('nasa'), { type: 'unilateralAction', action: 'host-engineers' });
    t.do(seat('nasa'), { type: 'unilateralAction', action: 'host-engineers' });
    expect(t.state.resources.nasa.budget).toBe(budget - 8);
    expect(t.fails(seat('nasa'), { type: 'unilateralAction', action: 'host-engineers' }, 'max-uses')).toEqual({ action: 'host-engineers', used: 2 });
    t.fails(seat('nasa'), { type: 'unilateralAction', action: 'missile-test' }, 'not-your-kind');
    // Its requirement (no rocket secrecy) does not hold at the start.
    t.fails(seat('soviet-academy'), { type: 'unilateralAction', action: 'open-star-city' }, 'action-unavailable');
    t.fails(seat('nasa'), { type: 'unilateralAction', action: 'warp-drive' }, 'unknown-action');
    t.do(seat('nasa'), { type: 'unilateralAction', action: 'national-station' });
    t.do(seat('soviet-academy'), { type: 'unilateralAction', action: 'national-station' });
    expect(t.state.resources['soviet-academy'].budget).toBe(35 - 15);
    expect(t.state.participation['nasa/head'].actions).toBe(3);
  });

  test('an action the role cannot afford is refused', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    // 24 conciliatory statements cost the White House 48 domestic support: 50 -> 2.
    for (let i = 0; i < 24; i++) t.do(seat('us-gov'), { type: 'publicStatement', tone: 'conciliatory', text: `Peace ${i}` });
    expect(t.state.resources['us-gov']['domestic-support']).toBe(2);
    expect(t.state.tracks.tension).toBe(0);
    t.goTo(1, 'resolution');
    const msg = t.fails(seat('us-gov'), { type: 'unilateralAction', action: 'back-channel' }, 'insufficient-resources');
    expect(msg).toEqual({ action: 'back-channel', amount: 4, resource: 'domestic-support', role: 'us-gov', has: 2 });
  });

  test('public statements publish on the timeline and apply their tone', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.do(seat('soviet-gov'), { type: 'publicStatement', tone: 'triumphant', text: 'Salyut leads the way.' });
    expect(t.state.timeline.at(-1)).toMatchObject({ kind: 'statement', code: 'statementMade', params: { role: 'soviet-gov', tone: 'triumphant', text: 'Salyut leads the way.' } });
    expect(t.state.tracks.tension).toBe(7);
    t.fails(seat('soviet-gov'), { type: 'publicStatement', tone: 'sarcastic', text: 'Hm' }, 'unknown-tone');
  });

  test('the facilitator injects a deck card (once) and a news item', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.do(facilitator, { type: 'injectEvent', event: 'luna-16' });
    expect(t.state.deck).not.toContain('luna-16');
    t.fails(facilitator, { type: 'injectEvent', event: 'luna-16' }, 'already-done');
    t.fails(facilitator, { type: 'injectEvent', event: 'alien-contact' }, 'unknown-event');
    t.do(facilitator, { type: 'injectNews', headline: 'Sputnik anniversary', text: '' });
    expect(t.state.timeline.at(-1)).toMatchObject({ kind: 'news', code: 'newsPublished', params: { headline: 'Sputnik anniversary', text: '' } });
  });

  test('a conditional event fires once, the first time it holds', () => {
    const t = frozenGame();
    expect(t.state.firedEvents.filter((id) => id === 'freeze')).toHaveLength(1);
    t.do(seat('us-gov'), { type: 'publicStatement', tone: 'conciliatory', text: 'Calm' });
    t.do(seat('us-gov'), { type: 'publicStatement', tone: 'hostile', text: 'Storm' });
    expect(t.state.tracks.tension).toBe(8);
    expect(t.state.firedEvents.filter((id) => id === 'freeze')).toHaveLength(1);
  });

  test('a commons collapse ends the game at once and costs everyone', () => {
    const t = frozenGame();
    t.do(seat('us-gov'), { type: 'publicStatement', tone: 'hostile', text: 'Never!' });
    t.do(seat('soviet-gov'), { type: 'publicStatement', tone: 'hostile', text: 'Never ever!' });
    expect(t.state.status).toBe('ended');
    expect(t.state.outcome!.reason).toBe('collapse');
    expect(t.state.timeline.slice(-2)).toMatchObject([
      { kind: 'collapse', code: 'commonsCollapsed', params: { title: 'Crisis on the brink' } },
      { kind: 'game', code: 'gameOver', params: { reason: 'collapse' } },
    ]);
    for (const s of score(t.state, handshake)) expect(s.collapse).toBe(-15);
  });

  test('facilitator ends the game; reveal shows every secret to every viewer', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.do(facilitator, { type: 'endGame' });
    t.fails(facilitator, { type: 'endGame' }, 'game-over');
    expect(viewFor(t.state, handshake, { kind: 'spectator' }).debrief).toBeUndefined();
    t.do(facilitator, { type: 'revealAll' });
    const debrief = viewFor(t.state, handshake, { kind: 'spectator' }).debrief!;
    expect(debrief.roles.map((r) => r.id)).toEqual(['us-gov', 'soviet-gov', 'nasa', 'soviet-academy']);
    expect(debrief.roles[0].pointTables['astp-agreement'].walkAway).toBe(walkAway('us-gov', 'astp-agreement'));
    expect(debrief.scores).toHaveLength(4);
  });
});

describe('scoring', () => {
  test('with no deal each role scores its walk-away, its objectives, resource terms and shared objectives', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const [us] = score(t.state, handshake);
    // walk-away; hawks-quiet (support 50 >= 50) 4; prestige 64 (Apollo 11) -> 6.4; support 50 -> 5; detente? tension 6 > 5: no.
    const w = walkAway('us-gov', 'astp-agreement');
    expect(us.deals).toEqual([{ deal: null, dealType: 'astp-agreement', points: w, walkAway: true }]);
    expect(us.objectives.map((o) => o.met)).toEqual([false, true]);
    expect(us.resources).toEqual([
      { resource: 'prestige', points: 6.4 },
      { resource: 'domestic-support', points: 5 },
    ]);
    expect(us.total).toBe(w + 4 + 6.4 + 5);
  });
});
