#!/usr/bin/env node
// `npm run balance:report [-- --games N --seeds 1,2,3 --out docs/balance.md]` (tsx, for the bands
// of shared/bots/balance.ts): runs
// `spacebridge balance --json` on every shipped scenario (scenarios/*.yaml) for each seed and
// rewrites docs/balance.md: a summary ("all targets met" or the misses), then a table per
// scenario with every figure for each seed and whether it is in its band. The bands and the
// definitions are those of shared/bots/balance.ts. The runs are separate processes (one thread
// each), as many at once as there are cores; the file depends only on the scenarios, the bots and
// the engine.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { BALANCE_BANDS } from '@shared/bots/balance';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/spacebridge.mjs');

const SURPLUS = BALANCE_BANDS.surplusRate;
const EFFECT_MIN = BALANCE_BANDS.trackTwoEffect.min;

const { values } = parseArgs({
  options: {
    games: { type: 'string', default: '500' },
    seeds: { type: 'string', default: '1,2,3' },
    out: { type: 'string', default: 'docs/balance.md' },
  },
});
const games = Number(values.games);
const seeds = values.seeds.split(',').map(Number);
if (!Number.isInteger(games) || games < 1 || seeds.some((s) => !Number.isInteger(s))) {
  console.error('balance-report: --games must be a whole number of at least 1 and --seeds whole numbers separated by commas');
  process.exit(2);
}

const files = fs
  .readdirSync(path.join(ROOT, 'scenarios'))
  .filter((name) => /^[^.]+\.yaml$/.test(name)) // scenarios, not their translations (<id>.<language>.yaml)
  .sort()
  .map((name) => `scenarios/${name}`);

// Build dist/ once, before the parallel runs (each would otherwise check and maybe rebuild it).
const built = spawnSync(process.execPath, [BIN, 'help'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) process.exit(built.status ?? 1);

/** One `balance --json` run: its report, or a rejection with its stderr. */
function balance(file, seed) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'balance', file, '--games', String(games), '--seed', String(seed), '--json', '--jobs', '1'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout));
      else reject(new Error(`spacebridge balance ${file} --seed ${seed} failed (exit ${code}):\n${stderr}`));
    });
  });
}

/** Runs the jobs, at most `limit` at a time, keeping their order. */
async function inParallel(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const started = performance.now();
      results[i] = await jobs[i].run();
      console.error(`${jobs[i].name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

const jobs = files.flatMap((file) => seeds.map((seed) => ({ name: `${file} seed ${seed}`, run: () => balance(file, seed) })));
const started = performance.now();
const reports = await inParallel(jobs, os.availableParallelism());
console.error(`${jobs.length} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// --- docs/balance.md ------------------------------------------------------------------------------

const pct = (x) => `${Math.round(x * 100)}%`;
const signed = (x) => `${x > 0 ? '+' : ''}${x}`;
const OUT = ' **out**';
const surplusOk = (x) => x >= SURPLUS.min && x <= SURPLUS.max;
const metOk = (x) => x > 0 && x < 1;
const effectOk = (t) => t.effect >= EFFECT_MIN && t.ci95[0] > 0;
/** Table cells may not hold a pipe. */
const cell = (text) => String(text).replaceAll('|', '\\|');

const misses = [];
const sections = files.map((file, f) => {
  const scenario = parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const runs = seeds.map((_, s) => reports[f * seeds.length + s]);
  const roleName = (id) => scenario.roles.find((r) => r.id === id)?.name ?? id;
  const rows = [];
  const row = (figure, target, values) => rows.push(`| ${cell(figure)} | ${target} | ${values.join(' | ')} |`);
  const miss = (s, text) => misses.push(`${runs[s].scenario}, seed ${seeds[s]}: ${text}`);

  runs[0].roles.forEach((role, i) => {
    row(`${roleName(role.role)}: surplus`, `${pct(SURPLUS.min)}–${pct(SURPLUS.max)}`, runs.map((r, s) => {
      const x = r.roles[i].surplusRate;
      if (!surplusOk(x)) miss(s, `${roleName(role.role)} surplus ${pct(x)}`);
      return `${pct(x)}${surplusOk(x) ? '' : OUT}`;
    }));
  });
  runs[0].roles.forEach((role, i) => {
    row(`${roleName(role.role)}: mean score (lowest in)`, '', runs.map((r) => `${r.roles[i].meanScore} (${pct(r.roles[i].lowestRate)})`));
  });
  runs[0].objectives.forEach((o, j) => {
    row(`${roleName(o.role)}: objective ${o.id}`, 'not 0%, not 100%', runs.map((r, s) => {
      const x = r.objectives[j].met;
      if (!metOk(x)) miss(s, `${roleName(o.role)}'s objective ${o.id} met in ${pct(x)}`);
      return `${pct(x)}${metOk(x) ? '' : OUT}`;
    }));
  });
  runs[0].dealTypes.forEach((d, j) => {
    const type = scenario.dealTypes.find((t) => t.id === d.id);
    const consensus = d.consensusCount === null ? 'not analysed' : `consensus ${d.consensusCount}`;
    row(`${type?.label ?? d.id} [${d.id}, track ${type?.track === 2 ? 'II' : 'I'}, ${consensus}]: in force at the end`, '', runs.map((r) => pct(r.dealTypes[j].inForceRate)));
  });
  row('Track I agreements reached, with / without track II', '', runs.map((r) => `${pct(r.trackTwo.withRate)} / ${pct(r.trackTwo.withoutRate)}`));
  row('Track II effect (95% interval)', `≥ +${EFFECT_MIN}, interval > 0`, runs.map((r, s) => {
    const t = r.trackTwo;
    if (!effectOk(t)) miss(s, `track II effect ${signed(t.effect)} (${signed(t.ci95[0])} to ${signed(t.ci95[1])})`);
    return `${signed(t.effect)} (${signed(t.ci95[0])} to ${signed(t.ci95[1])})${effectOk(t) ? '' : OUT}`;
  }));
  row('Games where track I froze: number, effect there', '', runs.map((r) => {
    const t = r.trackTwo;
    return t.frozenGames === 0 ? '0' : `${t.frozenGames}, ${signed(t.frozenEffect)} (${signed(t.frozenCi95[0])} to ${signed(t.frozenCi95[1])})`;
  }));

  return [
    `## ${scenario.title} (\`${file}\`)`,
    '',
    `| Figure | Target | ${seeds.map((s) => `Seed ${s}`).join(' | ')} |`,
    `|---|---|${seeds.map(() => '---|').join('')}`,
    ...rows,
    '',
  ].join('\n');
});

const summary = misses.length === 0 ? ['**All targets met.**'] : [`**${misses.length} figures out of band:**`, '', ...misses.map((m) => `- ${m}`)];
const doc = [
  '# Balance of the shipped scenarios',
  '',
  `Generated by \`npm run balance:report\` (scripts/balance-report.mjs): \`npx spacebridge balance\` on every`,
  `scenario in scenarios/, ${games} all-bot games each, seeds ${seeds.join(', ')}. Do not edit by hand: run the script again`,
  'after changing a scenario, the bots or the rules. How to read each figure and what to change when it is out of',
  'band: [docs/scenario-authoring.md, "Reading the balance report"](scenario-authoring.md#reading-the-balance-report);',
  'the exact definitions are at the top of shared/bots/balance.ts.',
  '',
  `Targets (issue 11): every role's surplus between ${pct(SURPLUS.min)} and ${pct(SURPLUS.max)} of games; no objective met in 0% or`,
  `100% of games; the track II effect at least +${EFFECT_MIN} with its 95% interval above 0. **out** marks a figure outside its band.`,
  '',
  ...summary,
  '',
  ...sections,
].join('\n');
fs.writeFileSync(path.resolve(ROOT, values.out), doc);
console.error(`wrote ${values.out}: ${misses.length === 0 ? 'all targets met' : `${misses.length} figures out of band`}`);
