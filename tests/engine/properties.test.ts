// Properties over random games of every shipped scenario (fast-check, fixed seed): the engine
// never throws, rejections change nothing, the input is never mutated, values stay in bounds,
// replay equals the live game, and no view carries another role's secrets.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyAction, closedBy, createGame, isInForce, replay, score, viewFor, type GameState, type LoggedAction } from '@shared/engine';
import { groupTrack } from '@shared/engine/channels';
import { indexScenario } from '@shared/engine/scenarioIndex';
import type { Scenario } from '@shared/scenario';
import { actionAt, arbSteps, type Step } from './arbitrary';
import { deepFreeze, headsRoster, shipped } from './helpers';

const names = readdirSync(fileURLToPath(new URL('../../scenarios/', import.meta.url)))
  .filter((f) => /^[^.]+\.yaml$/.test(f)) // scenarios, not their translations (<id>.<language>.yaml)
  .map((f) => f.replace(/\.yaml$/, ''));

interface Played {
  state: GameState;
  log: LoggedAction[];
  accepted: number;
}

/** Plays the steps after startGame, checking the per-action properties as it goes. */
function play(scenario: Scenario, seed: number, steps: Step[]): Played {
  const roster = headsRoster(scenario);
  let state = deepFreeze(createGame(scenario, { seed, roster }));
  let now = 1_700_000_000_000;
  const log: LoggedAction[] = [{ action: { type: 'startGame' }, actor: { kind: 'facilitator' }, now }];
  const started = applyAction(state, log[0].action, log[0].actor, now, scenario);
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  state = deepFreeze(started.state);
  let accepted = 1;
  for (const step of steps) {
    now += step.dt;
    // Frozen: any write into the input state throws in strict mode.
    const action = actionAt(step, state);
    const result = applyAction(state, action, step.actor, now, scenario);
    if (result.ok) {
      expect(result.state.seq).toBe(state.seq + 1);
      state = deepFreeze(result.state);
      log.push({ action, actor: step.actor, now });
      accepted++;
    } else {
      expect(typeof result.error.code).toBe('string');
      // A code and its details for a reader's text, never a sentence.
      expect(Object.keys(result.error).every((k) => k === 'code' || k === 'params')).toBe(true);
    }
  }
  return { state, log, accepted };
}

function checkBounds(scenario: Scenario, state: GameState): void {
  for (const t of scenario.tracks) {
    expect(state.tracks[t.id]).toBeGreaterThanOrEqual(t.min);
    expect(state.tracks[t.id]).toBeLessThanOrEqual(t.max);
  }
  for (const from in state.trust)
    for (const to in state.trust[from]) {
      expect(state.trust[from][to]).toBeGreaterThanOrEqual(scenario.trust.min);
      expect(state.trust[from][to]).toBeLessThanOrEqual(scenario.trust.max);
    }
  for (const r of scenario.resources)
    for (const role of scenario.roles) {
      expect(state.resources[role.id][r.id]).toBeGreaterThanOrEqual(r.min);
      expect(state.resources[role.id][r.id]).toBeLessThanOrEqual(r.max);
    }
}

function checkSecrets(scenario: Scenario, state: GameState): void {
  if (state.revealed) return;
  const publicText = new Set(scenario.roles.flatMap((r) => [r.publicBrief, r.name]));
  for (const viewer of scenario.roles) {
    const view = viewFor(state, scenario, { kind: 'seat', role: viewer.id, seat: viewer.seats[0].id });
    const json = JSON.stringify(view);
    const own = new Set([viewer.confidentialBrief, ...viewer.objectives.map((o) => o.description)]);
    for (const other of scenario.roles) {
      if (other.id === viewer.id) continue;
      for (const secret of [other.confidentialBrief, ...other.objectives.map((o) => o.description)])
        if (!own.has(secret) && !publicText.has(secret)) expect(json, `${viewer.id} sees a secret of ${other.id}`).not.toContain(secret);
    }
    expect(json.match(/"pointTables"/g) ?? []).toHaveLength(1);
    for (const channel of view.channels) expect(channel.kind === 'public' || channel.members.includes(viewer.id)).toBe(true);
    for (const deal of view.deals) {
      const mine = deal.status === 'draft' ? deal.author === viewer.id : deal.parties.includes(viewer.id);
      expect(mine || ['inForce', 'adopted', 'breached'].includes(deal.status)).toBe(true);
    }
    expect(view.me!.whispers.every((w) => w.role === viewer.id)).toBe(true);
  }
  const spectator = JSON.stringify(viewFor(state, scenario, { kind: 'spectator' }));
  expect(spectator).not.toContain('"pointTables"');
  expect(spectator).not.toContain('"confidentialBrief"');
}

/** One deal per type in force per role, and scores count deals in force only (never a
 *  superseded one). */
function checkOneDealPerType(scenario: Scenario, state: GameState): void {
  const inForce = Object.values(state.deals).filter(isInForce);
  for (const role of scenario.roles)
    for (const type of scenario.dealTypes)
      expect(inForce.filter((d) => d.dealType === type.id && d.parties.includes(role.id)).length, `${role.id} ${type.id}`).toBeLessThanOrEqual(1);
  for (const s of score(state, scenario)) {
    for (const d of s.deals) if (d.deal) expect(isInForce(state.deals[d.deal]), `${s.role} scores ${d.deal}`).toBe(true);
    expect(s.keptDealCount).toBe(inForce.filter((d) => d.parties.includes(s.role)).length);
  }
}

describe.each(names)('a freeze never closes a track II channel: %s', (name) => {
  const scenario = shipped(name);
  const ix = indexScenario(scenario);

  test('with every constraint of the scenario active, no track II channel or group is closed (fast-check)', () => {
    const game = createGame(scenario, { seed: 1, roster: headsRoster(scenario) });
    const all = scenario.constraints;
    const trackTwo = Object.values(game.channels).filter((c) => c.track === 2);
    for (const channel of trackTwo) expect(closedBy(channel, all), channel.id).toBeNull();
    // Every constraint active in a game: each seat sees its track II channels open.
    const frozen: GameState = { ...game, status: 'running', round: 1, activeConstraints: all.map((c) => c.id) };
    for (const role of scenario.roles)
      for (const channel of viewFor(frozen, scenario, { kind: 'seat', role: role.id, seat: role.seats[0].id }).channels)
        if (channel.track === 2) expect(channel.open, `${role.id} ${channel.id}`).toBe(true);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ix.roleIds), { minLength: 2, maxLength: 6 }), (members) => {
        const track = groupTrack(ix, members);
        const closed = closedBy({ id: 'group:1', kind: 'group', members, track }, all);
        if (track === 2) expect(closed).toBeNull();
      }),
      { seed: 20260102, numRuns: 200 },
    );
  });
});

describe.each(names)('random games of %s', (name) => {
  const scenario = shipped(name);

  test('never throw, never mutate, stay in bounds, replay exactly, leak nothing', () => {
    let progressed = 0;
    fc.assert(
      fc.property(arbSteps(scenario, 150), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
        const { state, log, accepted } = play(scenario, seed, steps);
        if (accepted > 5) progressed++;
        checkBounds(scenario, state);
        checkSecrets(scenario, state);
        checkOneDealPerType(scenario, state);
        expect(replay(scenario, seed, log, headsRoster(scenario))).toEqual(state);
      }),
      { seed: 20260101, numRuns: 60 },
    );
    // The generator must produce games that actually move, or the test proves nothing.
    expect(progressed).toBeGreaterThan(30);
  });

  test('the frozen input really is read-only (so a mutation in the reducer would throw)', () => {
    const state = deepFreeze(createGame(scenario, { seed: 1, roster: headsRoster(scenario) }));
    expect(() => {
      (state.tracks as Record<string, number>).extra = 1;
    }).toThrow(TypeError);
    expect(() => {
      state.timeline.push(state.timeline[0]);
    }).toThrow(TypeError);
  });
});
