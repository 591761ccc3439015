// Plain-text rendering of a simulation report, for the CLI.
import type { SimulationReport, Stat, TrackTwoEffect } from './simulate';

const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(4);
const num = (x: number) => String(x).padStart(6);
const stat = (s: Stat) => `${num(s.mean)} (${s.min} to ${s.max})`;

export function formatSimulation(r: SimulationReport): string {
  const lines: string[] = [
    `Simulation of "${r.title}" (${r.scenario}): ${r.games} all-bot games, seed ${r.seed}, bots ${r.personality}`,
    '',
    'Scores per role (mean, min to max); how often it ended at or above its walk-away, got a deal, scored lowest:',
  ];
  const width = Math.max(...r.roles.map((role) => role.name.length));
  for (const role of r.roles) {
    lines.push(
      `  ${role.name.padEnd(width)}  ${stat(role.score)}   walk-away met ${pct(role.metWalkAway)}   deal ${pct(role.gotDeal)}   lowest ${pct(role.lowest)}`,
    );
    for (const o of role.objectives) lines.push(`  ${''.padEnd(width)}    objective met ${pct(o.met)}: ${o.description}`);
  }
  lines.push('', 'Deal types (games where one entered into force; per game: in force, failed ratification, breached):');
  for (const d of r.dealTypes) {
    lines.push(`  ${pct(d.enteredIntoForce)}  ${d.label}  (${d.perGame} in force, ${d.failedRatification} failed, ${d.breached} breached)`);
  }
  if (r.sharedObjectives.length) {
    lines.push('', 'Shared objectives:');
    for (const o of r.sharedObjectives) lines.push(`  ${pct(o.met)}  ${o.description}`);
  }
  lines.push('', 'Events (games where it fired):');
  for (const e of r.events) lines.push(`  ${pct(e.fired)}  ${e.title}`);
  lines.push(
    '',
    `Games with at least one agreement in force: ${pct(r.agreements).trim()}`,
    `Commons collapses: ${r.collapses} of ${r.games} games`,
    `Game length: ${stat(r.length.actions)} actions, ${stat(r.length.rounds)} rounds, ${stat(r.length.messages)} chat messages`,
    `Bot moves refused by the engine: ${r.botActions.rejected} of ${r.botActions.submitted} (${pct(r.botActions.rejectedShare).trim()})` +
      (r.botActions.rejected ? `: ${Object.entries(r.botActions.byCode).map(([code, n]) => `${code} ${n}`).join(', ')}` : ''),
    '',
  );
  if (r.warnings.length) {
    lines.push('Warnings:');
    for (const w of r.warnings) lines.push(`  - ${w}`);
  } else {
    lines.push('No balance warnings.');
  }
  return lines.join('\n');
}

/** The track II ablation: mean score per role with and without track II, and the change. */
export function formatTrackTwoEffect(e: TrackTwoEffect): string {
  const width = Math.max(...e.roles.map((role) => role.name.length));
  const signed = (x: number) => `${x > 0 ? '+' : ''}${x}`.padStart(7);
  return [
    `Track II effect in "${e.scenario}": the same ${e.games} all-bot games (seed ${e.seed}) with and without track II`,
    '(without: no memoranda, no track II networks, no relationships)',
    '',
    `  ${'Role'.padEnd(width)}    with  without   change   of which track I agreements`,
    ...e.roles.map((r) => `  ${r.name.padEnd(width)}  ${num(r.with)}   ${num(r.without)}  ${signed(r.change)}   ${signed(r.trackOneChange)}`),
    '',
    `Mean absolute change per role: ${e.meanAbsoluteChange} points (track I agreements: ${e.meanAbsoluteTrackOneChange})`,
    `Track I agreements in force per game: ${e.trackOneAgreements.with} with track II, ${e.trackOneAgreements.without} without`,
    '',
  ].join('\n');
}
