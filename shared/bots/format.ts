// Plain-text rendering of a simulation report and of a balance report, for the CLI.
import type { Scenario } from '../scenario/schema';
import { BALANCE_BANDS, type BalanceReport } from './balance';
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

/** The balance report as tables, each figure with its band, then the warnings. `scenario` gives
 *  the names (the report itself has only ids). */
export function formatBalance(r: BalanceReport, scenario: Pick<Scenario, 'title' | 'roles' | 'dealTypes'>): string {
  const pc = (x: number) => `${Math.round(x * 100)}%`;
  const signed = (x: number) => `${x > 0 ? '+' : ''}${x}`;
  const mark = (ok: boolean) => (ok ? 'ok' : 'OUT OF BAND');
  const roleName = (id: string) => scenario.roles.find((role) => role.id === id)?.name ?? id;
  const { surplusRate: band, trackTwoEffect } = BALANCE_BANDS;
  const ablated = r.trackTwo === null;
  const lines: string[] = [
    `Balance of "${scenario.title}" (${r.scenario}): ${r.games} all-bot games, seed ${r.seed}` +
      (ablated ? ', track II switched off (--ablate track2)' : ', each also played without track II'),
    '',
    `Roles: a deal in force worth more than the walk-away (surplus, target ${pc(band.min)}–${pc(band.max)} of games), mean score, lowest score`,
  ];
  const width = Math.max(...r.roles.map((role) => roleName(role.role).length));
  for (const role of r.roles) {
    const ok = role.surplusRate >= band.min && role.surplusRate <= band.max;
    lines.push(`  ${roleName(role.role).padEnd(width)}  surplus ${pc(role.surplusRate).padStart(4)} ${mark(ok).padEnd(11)}  mean ${num(role.meanScore)}   lowest ${pc(role.lowestRate).padStart(4)}`);
  }
  lines.push('', 'Objectives: games where it is met at the end (target: neither 0% nor 100%)');
  for (const o of r.objectives) {
    const description = scenario.roles.find((role) => role.id === o.role)?.objectives.find((x) => x.id === o.id)?.description ?? o.id;
    lines.push(`  ${pc(o.met).padStart(4)} ${mark(o.met > 0 && o.met < 1).padEnd(11)}  ${roleName(o.role)}: ${description}`);
  }
  lines.push('', 'Deal types: games ending with one in force; combinations of terms that meet every walk-away (widest party set)');
  for (const d of r.dealTypes) {
    const type = scenario.dealTypes.find((t) => t.id === d.id);
    const consensus = d.consensusCount === null ? 'not analysed' : `${d.consensusCount} with consensus`;
    lines.push(`  ${pc(d.inForceRate).padStart(4)}  ${type?.label ?? d.id} [${d.id}, track ${type?.track === 2 ? 'II' : 'I'}]: ${consensus}`);
  }
  const t = r.trackTwo;
  if (t) {
    const ok = t.effect >= trackTwoEffect.min && t.ci95[0] > 0;
    lines.push(
      '',
      `Track II: share of track I agreements reached (entered into force), with and without track II (target: effect at least +${trackTwoEffect.min}, interval above 0)`,
      `  with ${pc(t.withRate)}, without ${pc(t.withoutRate)}: effect ${signed(t.effect)}, 95% interval ${signed(t.ci95[0])} to ${signed(t.ci95[1])}  ${mark(ok)}`,
      t.frozenGames === 0
        ? '  Track I never froze (no freeze between governments in any game).'
        : `  In the ${t.frozenGames} games where track I froze: effect ${signed(t.frozenEffect!)}, 95% interval ${signed(t.frozenCi95![0])} to ${signed(t.frozenCi95![1])}`,
    );
  }
  lines.push('');
  if (r.warnings.length) {
    lines.push(`Warnings (${r.warnings.length}):`);
    for (const w of r.warnings) lines.push(`  - ${w}`);
  } else {
    lines.push('All figures are in their bands.');
  }
  return lines.join('\n');
}
