// Engine benchmark: prints one JSON line per measure, {"name", "ops_per_s", "median_us"}.
// Run with `npm run bench`. The workload is a 3-hour, 12-player session of "Handshake in orbit"
// (13,000 accepted actions, mostly chat, with the deal moves of a scripted game).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { applyAction, replay, viewFor, type GameState, type LoggedAction, type Viewer } from '@shared/engine';
import { loadScenario } from '@shared/scenario';
import { playScripted } from '../engine/plan';

const file = fileURLToPath(new URL('../../scenarios/handshake-in-orbit.yaml', import.meta.url));
const loaded = loadScenario(readFileSync(file, 'utf8'), file);
if (!loaded.ok) throw new Error('handshake-in-orbit does not load');
const scenario = loaded.scenario;

// 12 players: the first three seats of each of the four delegations.
const roster = {
  seats: scenario.roles.flatMap((r) => r.seats.slice(0, 3).map((s) => ({ role: r.id, seat: s.id, occupant: { kind: 'human' as const, name: `${r.id}-${s.id}` } }))),
};
const SEED = 7;
const LOG_LENGTH = 13_000;
const full = playScripted(scenario, { seed: SEED, roster, chatPerSeat: 60 });
if (full.log.length < LOG_LENGTH) throw new Error(`the scripted session has only ${full.log.length} actions`);
const log: LoggedAction[] = full.log.slice(0, LOG_LENGTH);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(name: string, medianUs: number, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ name, ops_per_s: Math.round(1e6 / medianUs), median_us: Number(medianUs.toFixed(3)), ...extra }));
}

/** Times `batches` runs of `run` (each doing `perBatch` operations) after a warm-up. */
function measure(run: () => void, perBatch: number, batches: number): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < batches; i++) {
    const start = performance.now();
    run();
    times.push(((performance.now() - start) * 1000) / perBatch);
  }
  return median(times);
}

// The mid-game state: half the session played.
const MID = LOG_LENGTH / 2;
const mid: GameState = replay(scenario, SEED, log.slice(0, MID), roster);
const nextActions = log.slice(MID, MID + 2000);
const dealMoves = nextActions.filter((l) => l.action.type !== 'chat').length;

// applyAction: the next 2,000 logged actions from the mid-game state, in order.
const applyUs = measure(
  () => {
    let state = mid;
    for (const { action, actor, now } of nextActions) {
      const result = applyAction(state, action, actor, now, scenario);
      if (!result.ok) throw new Error(`bench: ${action.type} rejected: ${JSON.stringify(result.error)}`);
      state = result.state;
    }
  },
  nextActions.length,
  25,
);
report('applyAction (mid-game, logged mix)', applyUs, { actions: nextActions.length, non_chat: dealMoves });

// applyAction: a chat message alone (the commonest action).
const chat = nextActions.find((l) => l.action.type === 'chat')!;
const chatUs = measure(
  () => {
    for (let i = 0; i < 5000; i++) applyAction(mid, chat.action, chat.actor, chat.now, scenario);
  },
  5000,
  25,
);
report('applyAction (chat)', chatUs);

const viewers: [string, Viewer][] = [
  ['viewFor (seat)', { kind: 'seat', role: 'nasa', seat: scenario.roles.find((r) => r.id === 'nasa')!.seats[0].id }],
  ['viewFor (spectator)', { kind: 'spectator' }],
  ['viewFor (facilitator)', { kind: 'facilitator' }],
];
for (const [name, viewer] of viewers) {
  const us = measure(
    () => {
      for (let i = 0; i < 2000; i++) viewFor(mid, scenario, viewer);
    },
    2000,
    25,
  );
  report(name, us);
}

const replayUs = measure(() => void replay(scenario, SEED, log, roster), 1, 15);
console.log(
  JSON.stringify({ name: `replay (${LOG_LENGTH} actions)`, ops_per_s: Number((1e6 / replayUs).toFixed(2)), median_us: Math.round(replayUs), median_ms: Number((replayUs / 1000).toFixed(1)) }),
);

// The studio's live check: the CLI's loader on the largest shipped scenario (what the studio's
// check worker runs after each pause in typing; the goal is diagnostics within 200 ms of it).
const largest = readFileSync(fileURLToPath(new URL('../../scenarios/wolf-amendment-and-mars.yaml', import.meta.url)), 'utf8');
const checkUs = measure(() => void loadScenario(largest, 'wolf-amendment-and-mars.yaml'), 1, 15);
report(`studio check: loadScenario, ${largest.split('\n').length}-line file`, checkUs, { median_ms: Number((checkUs / 1000).toFixed(1)) });
