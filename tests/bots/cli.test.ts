// `npx spacebridge simulate|analyze …` as a scenario author runs them: real processes.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '@server/scenarioFiles';
import { analyzeAgreementSpace } from '@shared/analysis';
import { balanceReport, simulate } from '@shared/bots';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/spacebridge.mjs');
const file = 'scenarios/handshake-in-orbit.yaml';

function spacebridge(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scenario() {
  const result = loadScenarioFile(path.join(root, file));
  if (!result.ok) throw new Error(`${file} does not load`);
  return result.scenario;
}

describe('spacebridge simulate', () => {
  it('prints the same JSON report for the same seed, with a progress counter on stderr', () => {
    const args = ['simulate', file, '--games', '3', '--seed', '5', '--json'];
    const first = spacebridge(args);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('simulated 3/3 games');
    expect(spacebridge(args).stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout);
    expect(report).toEqual(JSON.parse(JSON.stringify(simulate(scenario(), { games: 3, seed: 5 }))));
    expect(report.games).toBe(3);
  });

  it('prints a readable report by default', () => {
    const { code, stdout } = spacebridge(['simulate', file, '--games', '2', '--seed', '1', '--bots', 'cooperative']);
    expect(code).toBe(0);
    expect(stdout).toContain('Simulation of "Handshake in orbit"');
    expect(stdout).toMatch(/U\.S\. government +[-\d.]+ \(/);
    expect(stdout).toContain('Bot moves refused by the engine');
  });

  it('refuses bad options with the usage and exit code 2', () => {
    for (const args of [['--games', '0'], ['--games', 'many'], ['--seed', '1.5'], ['--bots', 'sneaky']]) {
      const { code, stderr } = spacebridge(['simulate', file, ...args]);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage: npx spacebridge simulate');
    }
  });

  it('names the problems of an invalid scenario file and exits 1', () => {
    const { code, stderr } = spacebridge(['simulate', 'tests/scenario/fixtures/does-not-exist.yaml']);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read the file');
  });
});

describe('spacebridge simulate --ablate track2', () => {
  it('plays without track II, as the older --without-track-two does', () => {
    const ablated = spacebridge(['simulate', file, '--games', '2', '--seed', '4', '--json', '--ablate', 'track2']);
    expect(ablated.code).toBe(0);
    expect(JSON.parse(ablated.stdout).dealTypes.map((d: { dealType: string }) => d.dealType)).not.toContain('docking-memorandum');
    expect(spacebridge(['simulate', file, '--games', '2', '--seed', '4', '--json', '--without-track-two']).stdout).toBe(ablated.stdout);
    const both = spacebridge(['simulate', file, '--ablate', 'track2', '--track-two-effect']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
  });
});

describe('spacebridge balance', () => {
  it('prints exactly one JSON object with --json, the report of balanceReport, and no progress off a terminal', () => {
    const { code, stdout, stderr } = spacebridge(['balance', file, '--games', '4', '--seed', '2', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(balanceReport(scenario(), { games: 4, seed: 2 }))));
  });

  it('gives the same report whatever the number of worker threads', () => {
    const args = ['balance', file, '--games', '5', '--seed', '6', '--json'];
    const one = spacebridge([...args, '--jobs', '1']);
    expect(one.code).toBe(0);
    expect(spacebridge([...args, '--jobs', '3']).stdout).toBe(one.stdout);
  });

  it('prints a table with the bands and the warnings, and exits 0 even with warnings', () => {
    const { code, stdout } = spacebridge(['balance', file, '--games', '3', '--seed', '1']);
    expect(code).toBe(0);
    expect(stdout).toContain('Balance of "Handshake in orbit" (handshake-in-orbit): 3 all-bot games, seed 1');
    expect(stdout).toMatch(/U\.S\. government +surplus +\d+%/);
    expect(stdout).toContain('Track II: share of track I agreements reached');
    expect(stdout).toMatch(/Warnings \(\d+\):\n {2}- /);
  });

  it('reports on the scenario without track II with --ablate track2', () => {
    const report = JSON.parse(spacebridge(['balance', file, '--games', '2', '--json', '--ablate', 'track2']).stdout);
    expect(report.trackTwo).toBeNull();
    expect(report.dealTypes.map((d: { id: string }) => d.id)).toEqual(['astp-agreement', 'science-accord']);
  });

  it('refuses bad arguments with a clear error, the usage and exit code 2', () => {
    const cases: [string[], string][] = [
      [[file, '--games', '0'], '--games must be a whole number of at least 1, not "0"'],
      [[file, '--seed', 'one'], '--seed must be a whole number, not "one"'],
      [[file, '--ablate', 'track1'], '--ablate must be track2'],
      [[file, '--jobs', '0'], '--jobs must be a whole number of at least 1, not "0"'],
      [[file, file], 'give exactly one scenario file'],
      [[file, '--bots', 'mixed'], "Unknown option '--bots'"],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = spacebridge(['balance', ...args]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
      expect(stderr).toContain('Usage: npx spacebridge balance <scenario.yaml>');
    }
  });

  it('names the problems of an invalid scenario file and exits 1', () => {
    const { code, stderr } = spacebridge(['balance', 'tests/scenario/fixtures/does-not-exist.yaml']);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read the file');
  });
});

describe('spacebridge analyze', () => {
  it('prints the agreement space as JSON and as text', () => {
    const json = spacebridge(['analyze', file, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(analyzeAgreementSpace(scenario()))));
    const text = spacebridge(['analyze', file]);
    expect(text.stdout).toContain('Agreement on a joint docking flight [astp-agreement, track I]: 81 possible agreements');
    expect(text.stdout).toMatch(/81 possible agreements, \d+ with consensus/);
  });
});
