// Simulator benchmark: prints one JSON line per shipped scenario,
// {"name": "simulate <scenario>", "games_per_s", "ms_per_game", "actions_per_game"}.
// Run with `npm run bench`. Each game is a full all-bot game through the engine (viewFor for
// every bot decision, applyAction for every move), single-threaded, after a warm-up.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadScenarioDir } from '@server/scenarioFiles';
import { simulate } from '@shared/bots';

const dir = fileURLToPath(new URL('../../scenarios', import.meta.url));
const GAMES = 60;

for (const { scenario } of loadScenarioDir(dir).scenarios) {
  simulate(scenario, { games: 10, seed: 99 });
  const times: number[] = [];
  let actions = 0;
  for (let batch = 0; batch < 3; batch++) {
    const start = performance.now();
    const report = simulate(scenario, { games: GAMES, seed: batch + 1 });
    times.push(performance.now() - start);
    actions += report.length.actions.mean;
  }
  const best = Math.min(...times);
  console.log(
    JSON.stringify({
      name: `simulate ${scenario.id}`,
      games_per_s: Number(((GAMES * 1000) / best).toFixed(1)),
      ms_per_game: Number((best / GAMES).toFixed(2)),
      actions_per_game: Math.round(actions / 3),
    }),
  );
}
