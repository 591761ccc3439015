import { describe, expect, it } from 'vitest';
import { loadScenarioDir, loadScenarioFile } from '@server/scenarioFiles';
import { decideBotActions, seedBotRng, valuationFor, type Personality } from '@shared/bots';
import { playBotGame, simulate, trackTwoEffect, withoutTrackTwo } from '@shared/bots/simulate';
import { applyAction, createGame, publicScenario, viewFor } from '@shared/engine';
import type { Action, Actor, GameState } from '@shared/engine/types';
import type { Scenario } from '@shared/scenario/schema';

const { scenarios } = loadScenarioDir('scenarios');

function handshake(): Scenario {
  const result = loadScenarioFile('scenarios/handshake-in-orbit.yaml');
  if (!result.ok) throw new Error('handshake-in-orbit.yaml does not load');
  return result.scenario;
}

describe('bots in every shipped scenario', () => {
  it('ships scenarios to play', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
  });

  for (const { scenario } of scenarios) {
    describe(scenario.id, () => {
      const report = simulate(scenario, { games: 20, seed: 7 });

      it('the engine refuses under 5% of the bots\' moves', () => {
        expect(report.botActions.submitted).toBeGreaterThan(20 * 50);
        expect(report.botActions.rejected / report.botActions.submitted).toBeLessThan(0.05);
      });

      it('bots reach at least one agreement in most games', () => {
        expect(report.agreements).toBeGreaterThanOrEqual(0.6);
      });

      it('every game runs to its end', () => {
        expect(report.length.rounds.min).toBeGreaterThanOrEqual(1);
        expect(report.length.rounds.max).toBeLessThanOrEqual(scenario.rounds.count);
      });
    });
  }
});

describe('bots in every seat', () => {
  it('act only by their own seat\'s powers: the engine refuses (almost) nothing', () => {
    for (const { scenario } of scenarios) {
      const personalities = scenario.roles.map((_, i): Personality => (i % 2 ? 'hard-nosed' : 'cooperative'));
      const game = playBotGame(scenario, 21, personalities, { everySeat: true });
      const refused = Object.values(game.rejected).reduce((s, n) => s + n, 0);
      expect(game.state.status).toBe('ended');
      expect(refused / game.submitted).toBeLessThan(0.05);
      expect(Object.keys(game.rejected).filter((code) => code === 'no-power' || code === 'wrong-phase')).toEqual([]);
      expect(Object.values(game.state.deals).some((d) => d.status === 'inForce' || d.status === 'adopted')).toBe(true);
    }
  });
});

describe('a bot sees only its own view', () => {
  const scenario = handshake();
  /** Round 3, track I: the Soviet government has just proposed a joint-flight agreement to the
   *  U.S. government, whose bot must now answer it. */
  function midGame(): GameState {
    const heads = scenario.roles.map((r) => ({ role: r.id, seat: 'head', occupant: { kind: 'bot' as const, personality: 'cooperative' as const } }));
    let state = createGame(scenario, { seed: 3, roster: { seats: heads } });
    let now = 0;
    const act = (action: Action, actor: Actor) => {
      const result = applyAction(state, action, actor, (now += 1000), scenario);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
    };
    act({ type: 'startGame' }, { kind: 'facilitator' });
    while (state.round < 3 || state.phaseIndex < 2) act({ type: 'advancePhase', round: state.round, phase: state.phaseIndex }, { kind: 'facilitator' });
    const soviets = { kind: 'seat', role: 'soviet-gov', seat: 'head' } as const;
    const terms = { 'docking-system': 'soviet-pin-cone', 'flight-date': 'date-1973', 'tech-exchange': 'minimal', publicity: 'controlled' };
    act({ type: 'draftDeal', dealType: 'astp-agreement', parties: ['us-gov', 'soviet-gov'], terms }, soviets);
    act({ type: 'proposeDeal', deal: Object.keys(state.deals).at(-1)! }, soviets);
    return state;
  }

  /** The same game with more secrets of other roles: a draft, team talk, a whisper, and other
   *  point tables, objectives and briefs in the scenario. */
  function withMoreSecrets(state: GameState): { state: GameState; scenario: Scenario } {
    const secretScenario: Scenario = {
      ...scenario,
      roles: scenario.roles.map((role) =>
        role.id === 'us-gov'
          ? role
          : {
              ...role,
              confidentialBrief: 'A different secret.',
              objectives: [],
              pointTables: Object.fromEntries(
                Object.entries(role.pointTables).map(([type, table]) => [
                  type,
                  { walkAway: table.walkAway + 7, issues: Object.fromEntries(Object.entries(table.issues).map(([i, o]) => [i, Object.fromEntries(Object.keys(o).map((k) => [k, 1]))])) },
                ]),
              ),
            },
      ),
    };
    const secretState: GameState = {
      ...state,
      deals: {
        ...state.deals,
        d999: {
          id: 'd999', dealType: 'science-accord', track: 1, author: 'nasa', parties: ['nasa', 'soviet-academy'], status: 'draft',
          versions: [{ version: 1, by: 'nasa', terms: { 'lunar-samples': 'swap', 'data-sharing': 'open', 'scientist-exchange': 'none' } }],
          acceptedBy: [], signedBy: [], ratifiedBy: [], breachedBy: null, adoptedFrom: null, supersedes: null, bridged: false, round: 3,
        },
      },
      messages: {
        ...state.messages,
        'team:soviet-gov': [{ seq: 1, channel: 'team:soviet-gov', role: 'soviet-gov', seat: 'head', name: 'x', bot: false, text: 'our real bottom line', at: 0, round: 3 }],
      },
      whispers: [...state.whispers, { seq: 2, role: 'soviet-gov', text: 'hold firm', at: 0 }],
    };
    return { state: secretState, scenario: secretScenario };
  }

  it('decides the same with or without other roles\' secrets in the game', () => {
    const state = midGame();
    const secret = withMoreSecrets(state);
    const viewer = { kind: 'seat', role: 'us-gov', seat: 'head' } as const;
    for (const personality of ['cooperative', 'hard-nosed'] as const) {
      const plain = decideBotActions(viewFor(state, scenario, viewer), publicScenario(scenario), { personality, rngState: seedBotRng(5) });
      // Even handed the full scenario with other roles' tables, it reads only public parts.
      const noisy = decideBotActions(viewFor(secret.state, secret.scenario, viewer), secret.scenario, { personality, rngState: seedBotRng(5) });
      expect(noisy).toEqual(plain);
      // It did answer the proposal (a real decision that other tables could have swayed).
      expect(plain.actions.some((a) => a.type === 'counterDeal' || a.type === 'acceptDeal')).toBe(true);
    }
  });

  it('is deterministic for its PRNG state, and the state moves on', () => {
    const state = midGame();
    const view = viewFor(state, scenario, { kind: 'seat', role: 'nasa', seat: 'head' });
    const a = decideBotActions(view, publicScenario(scenario), { personality: 'cooperative', rngState: seedBotRng(3) });
    const b = decideBotActions(view, publicScenario(scenario), { personality: 'cooperative', rngState: seedBotRng(3) });
    expect(b).toEqual(a);
  });

  it('does nothing outside a running game', () => {
    const { state } = playBotGame(scenario, 2, ['cooperative', 'cooperative', 'cooperative', 'cooperative']);
    const view = viewFor(state, scenario, { kind: 'seat', role: 'nasa', seat: 'head' });
    expect(decideBotActions(view, scenario, { personality: 'cooperative', rngState: seedBotRng(1) }).actions).toEqual([]);
  });

  it('is seated as a bot, and says what it wants in the scenario\'s words', () => {
    const { state } = playBotGame(scenario, 4, ['cooperative', 'cooperative', 'cooperative', 'cooperative']);
    const view = viewFor(state, scenario, { kind: 'spectator' });
    expect(view.seats.find((s) => s.role === 'nasa' && s.seat === 'head')?.occupant).toEqual({ kind: 'bot', name: 'Bot' });
    const lines = Object.values(state.messages).flat().map((m) => m.text);
    const labels = scenario.dealTypes.flatMap((d) => d.issues.flatMap((i) => [i.label, ...i.options.map((o) => o.label)]));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((text) => labels.some((label) => text.includes(label)))).toBe(true);
  });
});

describe('a bot values deals by its own tables and objectives', () => {
  it('values a memorandum by its own point table, plus its objectives about the agreement it may become', () => {
    const scenario = handshake();
    const academy = scenario.roles.find((r) => r.id === 'soviet-academy')!;
    const memorandum = scenario.dealTypes.find((d) => d.id === 'docking-memorandum')!;
    const valuation = valuationFor(academy, memorandum)!;
    const table = academy.pointTables['docking-memorandum'];
    // equal-design: +6 for a flight agreement, -6 if it uses the American probe (inside a `not`);
    // flight-flown is about an event, not a deal.
    expect(valuation.fromTable).toBe(true);
    expect(valuation.walkAway).toBe(table.walkAway);
    expect(valuation.bonus).toBe(6);
    expect(valuation.issues['docking-system']).toEqual({ ...table.issues['docking-system'], 'us-probe-drogue': table.issues['docking-system']['us-probe-drogue'] - 6 });
  });
});

describe('bots under rules v2', () => {
  it('supersede a deal in force when a new one pays; never hold two of a type; never break a memorandum', () => {
    let superseded = 0;
    for (const { scenario } of scenarios)
      for (let g = 0; g < 6; g++) {
        const personalities = scenario.roles.map((_, i): Personality => ((i + g) % 2 ? 'hard-nosed' : 'cooperative'));
        const { state, rejected } = playBotGame(scenario, 100 + g, personalities);
        expect(rejected['deal-type-in-force'] ?? 0, scenario.id).toBe(0);
        const deals = Object.values(state.deals);
        superseded += deals.filter((d) => d.status === 'superseded').length;
        for (const d of deals) if (d.track === 2) expect(d.status).not.toBe('breached');
        for (const role of scenario.roles)
          for (const type of scenario.dealTypes)
            expect(deals.filter((d) => d.dealType === type.id && d.parties.includes(role.id) && (d.status === 'inForce' || d.status === 'adopted')).length).toBeLessThanOrEqual(1);
      }
    expect(superseded).toBeGreaterThan(0);
  });

  it('a hard-nosed scientist signs no memorandum while its hostile cost would apply', () => {
    const scenario = handshake();
    const memo = scenario.dealTypes.find((d) => d.id === 'docking-memorandum')!;
    const terms = Object.fromEntries(memo.issues.map((i) => [i.id, i.options[i.options.length - 1].id]));
    let state = createGame(scenario, { seed: 2, roster: { seats: scenario.roles.map((r) => ({ role: r.id, seat: 'head', occupant: { kind: 'bot' as const, personality: 'hard-nosed' as const } })) } });
    const act = (action: Action, actor: Actor) => {
      const result = applyAction(state, action, actor, 0, scenario);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
    };
    act({ type: 'startGame' }, { kind: 'facilitator' });
    for (const role of ['us-gov', 'soviet-gov', 'nasa', 'soviet-academy'])
      if (state.tracks.tension < 8) act({ type: 'publicStatement', tone: 'hostile', text: 'No.' }, { kind: 'seat', role, seat: 'head' });
    while (scenario.rounds.phases[state.phaseIndex].id !== 'track-ii') act({ type: 'advancePhase', round: state.round, phase: state.phaseIndex }, { kind: 'facilitator' });
    act({ type: 'draftDeal', dealType: memo.id, parties: ['nasa', 'soviet-academy'], terms }, { kind: 'seat', role: 'nasa', seat: 'head' });
    act({ type: 'proposeDeal', deal: 'd1' }, { kind: 'seat', role: 'nasa', seat: 'head' });
    const view = viewFor(state, scenario, { kind: 'seat', role: 'soviet-academy', seat: 'head' });
    expect(view.me!.hostile).toContain(memo.id);
    const { actions } = decideBotActions(view, publicScenario(scenario), { personality: 'hard-nosed', rngState: seedBotRng(1) });
    expect(actions.some((a) => a.type === 'acceptDeal')).toBe(false);
  });
});

describe('the simulator', () => {
  it('measures track II by playing the same games without it', () => {
    const scenario = handshake();
    const off = withoutTrackTwo(scenario);
    expect(off.dealTypes.every((d) => d.track === 1)).toBe(true);
    expect(off.channels.networks.every((n) => n.track === 1)).toBe(true);
    expect(off.trackTwo.enabled).toBe(false);
    const { state } = playBotGame(off, 3, scenario.roles.map((): Personality => 'cooperative'));
    expect(state.relationships).toEqual({});
    const effect = trackTwoEffect(scenario, { games: 3, seed: 5 });
    expect(effect.roles.map((r) => r.role)).toEqual(scenario.roles.map((r) => r.id));
    for (const r of effect.roles) expect(r.change).toBeCloseTo(r.with - r.without, 2);
  });

  it('gives identical reports for the same seed, different ones for another', () => {
    const scenario = handshake();
    const a = simulate(scenario, { games: 4, seed: 42 });
    expect(simulate(scenario, { games: 4, seed: 42 })).toEqual(a);
    expect(simulate(scenario, { games: 4, seed: 43 })).not.toEqual(a);
  });

  it('rejects a nonsensical request with a clear error', () => {
    expect(() => simulate(handshake(), { games: 0, seed: 1 })).toThrow('at least 1');
    expect(() => simulate(handshake(), { games: 2, seed: 1.5 })).toThrow('seed');
  });
});
