// Bots in a delegation with a student advise and never act: which mode a bot is in, what it may
// submit there, and what it says (from its delegation's own point table, once a phase unless the
// table changes): codes and ids each client words in its reader's language (tests/client/advice.test.ts),
// with the English wording as the line's text. Pure: the engine and the bots' functions, no server.
import { describe, expect, test } from 'vitest';
import { publicScenario, viewFor, type GameState } from '@shared/engine';
import { adviseDelegation, adviserMay, botMode, MAX_ADVICE_PER_PHASE } from '@shared/bots/advice';
import type { PlayerAction } from '@shared/protocol/actions';
import type { Scenario } from '@shared/scenario';
import { Advice } from '@shared/protocol/actions';
import { facilitator, seat, shipped, Table } from '../engine/helpers';

/** Handshake with what these tests read pinned, so the scenario's own balance may change: NASA's
 *  table for the science accord, no constraint in the way of one at the start, and governments
 *  that ratify only with domestic support of at least 40. */
function pinned(): Scenario {
  const scenario = shipped('handshake-in-orbit');
  const blocksAccord = (c: Scenario['constraints'][number]) => c.bansDeals.some((ban) => !ban.dealTypes || ban.dealTypes.includes('science-accord'));
  return {
    ...scenario,
    constraints: scenario.constraints.map((c) => (blocksAccord(c) ? { ...c, active: false, activeWhen: undefined } : c)),
    dealTypes: scenario.dealTypes.map((d) => ({ ...d, locked: false })),
    roles: scenario.roles.map((role) => ({
      ...role,
      ...(role.kind === 'government' ? { ratifyWhen: { resource: 'domestic-support', role: '@self', atLeast: 40 } } : {}),
      pointTables:
        role.id === 'nasa'
          ? {
              ...role.pointTables,
              'science-accord': {
                walkAway: 8,
                issues: { 'lunar-samples': { swap: 2, loan: 5, none: 0 }, 'data-sharing': { open: 7, reciprocal: 3, none: 0 }, 'scientist-exchange': { 'long-stays': 0, 'short-visits': 4, none: 1 } },
              },
            }
          : role.pointTables,
    })),
  };
}
const handshake = pinned();
const pub = publicScenario(handshake);

/** NASA: a student at the head, a bot as its astronaut. The Academy: a student at its head. The
 *  Academy proposes a science accord to NASA in the track I phase. */
function proposalToNasa(terms: Record<string, string>) {
  const t = new Table(handshake, {
    roster: {
      seats: [
        { role: 'nasa', seat: 'head', occupant: { kind: 'human', name: 'Ada' } },
        { role: 'nasa', seat: 'astronaut', occupant: { kind: 'bot', personality: 'cooperative' } },
        { role: 'soviet-academy', seat: 'head', occupant: { kind: 'human', name: 'Boris' } },
      ],
    },
  }).start();
  t.goTo(1, 'track-i');
  t.do(seat('soviet-academy'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms });
  t.do(seat('soviet-academy'), { type: 'proposeDeal', deal: t.lastDeal });
  return t;
}

const adviserView = (state: GameState) => viewFor(state, handshake, { kind: 'seat', role: 'nasa', seat: 'astronaut' });

describe('a bot in a delegation with a student', () => {
  test('advises where a student sits, plays where none does', () => {
    const t = proposalToNasa({ 'lunar-samples': 'loan', 'data-sharing': 'open', 'scientist-exchange': 'short-visits' });
    const seats = Object.values(t.state.seats);
    expect(botMode(seats, 'nasa')).toBe('advise');
    expect(botMode(seats, 'soviet-gov')).toBe('play');
    // The student leaves: the bot plays the delegation again.
    t.do(facilitator, { type: 'assignSeat', seat: { role: 'nasa', seat: 'head' }, occupant: null });
    expect(botMode(Object.values(t.state.seats), 'nasa')).toBe('play');
  });

  test('may post in its own team channel and nothing else', () => {
    const binding: PlayerAction[] = [
      { type: 'acceptDeal', deal: 'd1' },
      { type: 'proposeDeal', deal: 'd1' },
      { type: 'counterDeal', deal: 'd1', terms: {} },
      { type: 'rejectDeal', deal: 'd1' },
      { type: 'withdrawDeal', deal: 'd1' },
      { type: 'signDeal', deal: 'd1' },
      { type: 'ratifyDeal', deal: 'd1' },
      { type: 'breachDeal', deal: 'd1' },
      { type: 'adoptMemorandum', deal: 'd1', parties: ['nasa', 'soviet-academy'] },
      { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms: {} },
      { type: 'editDraft', deal: 'd1', parties: ['nasa', 'soviet-academy'], terms: {} },
      { type: 'publicStatement', tone: 'calm', text: 'Hello' },
      { type: 'unilateralAction', action: 'x' },
      { type: 'openGroup', label: 'Us', members: ['soviet-academy'] },
      { type: 'chat', channel: 'public', text: 'Hello' },
      { type: 'chat', channel: 'team:soviet-academy', text: 'Hello' },
    ];
    for (const action of binding) expect(adviserMay(action, 'nasa'), action.type).toBe(false);
    expect(adviserMay({ type: 'chat', channel: 'team:nasa', text: 'Accept d1.' }, 'nasa')).toBe(true);
  });

  test('suggests accepting a proposal worth more than the walk-away, with the figures of its table', () => {
    // NASA's table: loan 5 + open 7 + short visits 4 = 16, walk-away 8.
    const t = proposalToNasa({ 'lunar-samples': 'loan', 'data-sharing': 'open', 'scientist-exchange': 'short-visits' });
    const advice = adviseDelegation(adviserView(t.state), pub, 'cooperative');
    expect(advice).toEqual([
      {
        type: 'chat',
        channel: 'team:nasa',
        text: `Our table values the Science and applications accord ${t.lastDeal} at 16 against a walk-away of 8: I would accept ${t.lastDeal}.`,
        advice: [{ code: 'accept', deal: t.lastDeal, dealType: 'science-accord', points: { value: 16, walkAway: 8 } }],
      },
    ]);
  });

  test('suggests a counter-proposal, naming the terms to change, for a proposal below the walk-away', () => {
    // swap 2 + none 0 + long stays 0 = 2, below 8.
    const t = proposalToNasa({ 'lunar-samples': 'swap', 'data-sharing': 'none', 'scientist-exchange': 'long-stays' });
    const [advice] = adviseDelegation(adviserView(t.state), pub, 'cooperative');
    expect(advice).toMatchObject({ type: 'chat', channel: 'team:nasa' });
    expect((advice as { text: string }).text).toMatch(new RegExp(`^Counter ${t.lastDeal} with .*(Lunar samples|Data sharing|Scientist exchange).*\\(worth \\d+ to us, walk-away 8\\)\\.$`));
    // The codes: only the terms to change, each an option of its issue, and the figures of NASA's table for the counter.
    const [counter] = (advice as { advice: Advice[] }).advice;
    if (counter.code !== 'counter') throw new Error(`a counter-proposal, not ${counter.code}`);
    expect(counter).toMatchObject({ deal: t.lastDeal, dealType: 'science-accord', points: { walkAway: 8 } });
    const proposed = { 'lunar-samples': 'swap', 'data-sharing': 'none', 'scientist-exchange': 'long-stays' } as Record<string, string>;
    expect(Object.keys(counter.terms).length).toBeGreaterThan(0);
    for (const [issue, option] of Object.entries(counter.terms)) expect(option).not.toBe(proposed[issue]);
    expect(counter.points!.value).toBeGreaterThanOrEqual(8);
    expect(Advice.safeParse(counter).success).toBe(true);
  });

  test('only a bot posts advice: a student\'s line with advice codes is refused and changes nothing', () => {
    const t = proposalToNasa({ 'lunar-samples': 'loan', 'data-sharing': 'open', 'scientist-exchange': 'short-visits' });
    const [line] = adviseDelegation(adviserView(t.state), pub, 'cooperative');
    // From the student's seat, the same line is refused; from the bot's, it is posted with its codes.
    expect(t.fails(seat('nasa'), line, 'invalid-action')).toEqual({ reason: 'advice' });
    t.do(seat('nasa', 'astronaut'), line);
    const posted = t.state.messages['team:nasa'].at(-1)!;
    expect(posted).toMatchObject({ bot: true, advice: (line as { advice: Advice[] }).advice, text: (line as { text: string }).text });
  });

  test('says it once a phase, and again only when the deals on the table change', () => {
    const t = proposalToNasa({ 'lunar-samples': 'swap', 'data-sharing': 'none', 'scientist-exchange': 'long-stays' });
    const say = () => adviseDelegation(adviserView(t.state), pub, 'cooperative');
    const first = say();
    expect(first).toHaveLength(1);
    t.do(seat('nasa', 'astronaut'), first[0]);
    // Talk around it changes nothing on the table: it keeps quiet, however often it is asked.
    t.do(seat('nasa'), { type: 'chat', channel: 'team:nasa', text: 'Thanks, thinking.' });
    t.do(seat('soviet-academy'), { type: 'chat', channel: 'public', text: 'We wait for NASA.' });
    expect(say()).toEqual([]);
    // The student counters; the Academy moves again: the table changed, so there is news to give.
    const deal = t.lastDeal;
    t.do(seat('nasa'), { type: 'counterDeal', deal, terms: { 'lunar-samples': 'loan', 'data-sharing': 'open', 'scientist-exchange': 'none' } });
    t.do(seat('soviet-academy'), { type: 'counterDeal', deal, terms: { 'lunar-samples': 'loan', 'data-sharing': 'open', 'scientist-exchange': 'short-visits' } });
    const second = say();
    expect(second).toHaveLength(1);
    expect(second[0]).not.toEqual(first[0]);
    expect((second[0] as { text: string }).text).toContain(`I would accept ${deal}`);
    expect(MAX_ADVICE_PER_PHASE).toBeGreaterThan(1);
  });

  test('suggests ratifying only when the government\'s own ratifyWhen holds, as its bot would', () => {
    const t = new Table(handshake, {
      roster: {
        seats: [
          { role: 'us-gov', seat: 'head', occupant: { kind: 'human', name: 'Henry' } },
          { role: 'us-gov', seat: 'negotiator', occupant: { kind: 'bot', personality: 'cooperative' } },
          { role: 'soviet-gov', seat: 'head', occupant: { kind: 'human', name: 'Anatoly' } },
        ],
      },
    }).start();
    t.state = { ...t.state, tracks: { ...t.state.tracks, tension: 2 } };
    const type = handshake.dealTypes.find((d) => d.id === 'astp-agreement')!;
    const terms = Object.fromEntries(type.issues.map((i) => [i.id, i.options[0].id]));
    while (!handshake.rounds.phases[t.state.phaseIndex].allows.includes('propose')) t.do(facilitator, { type: 'advancePhase', round: t.state.round, phase: t.state.phaseIndex });
    t.do(seat('soviet-gov'), { type: 'draftDeal', dealType: type.id, parties: ['us-gov', 'soviet-gov'], terms });
    t.do(seat('soviet-gov'), { type: 'proposeDeal', deal: t.lastDeal });
    const deal = t.lastDeal;
    t.do(seat('us-gov'), { type: 'acceptDeal', deal });
    while (!handshake.rounds.phases[t.state.phaseIndex].allows.includes('ratify')) t.do(facilitator, { type: 'advancePhase', round: t.state.round, phase: t.state.phaseIndex });
    t.do(seat('us-gov'), { type: 'signDeal', deal });
    t.do(seat('soviet-gov'), { type: 'signDeal', deal });
    const advice = (support: number) => {
      const state = { ...t.state, resources: { ...t.state.resources, 'us-gov': { ...t.state.resources['us-gov'], 'domestic-support': support } } };
      return adviseDelegation(viewFor(state, handshake, { kind: 'seat', role: 'us-gov', seat: 'negotiator' }), pub, 'cooperative').map((a) => (a as { text: string }).text).join(' ');
    };
    expect(advice(39)).not.toContain(`I would ratify ${deal}`);
    expect(advice(40)).toContain(`I would ratify ${deal}`);
  });

  test('is quiet with nothing to suggest, and outside a running game', () => {
    const t = new Table(handshake, {
      roster: {
        seats: [
          { role: 'nasa', seat: 'head', occupant: { kind: 'human', name: 'Ada' } },
          { role: 'nasa', seat: 'astronaut', occupant: { kind: 'bot', personality: 'cooperative' } },
        ],
      },
    });
    expect(adviseDelegation(adviserView(t.state), pub, 'cooperative')).toEqual([]); // the lobby
    t.start();
    // The news phase allows talk and statements only: there is no deal move to suggest.
    expect(adviseDelegation(adviserView(t.state), pub, 'cooperative')).toEqual([]);
  });
});
