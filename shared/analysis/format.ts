// Plain-text rendering of the agreement-space report, for the CLI and for authors' terminals.
import type { Scenario } from '../scenario/schema';
import type { AgreementSpaceReport, Terms } from './agreementSpace';

/** "Docking system: Androgynous common system; Flight date: 1975" */
export function describeTerms(scenario: Scenario, dealTypeId: string, terms: Terms): string {
  const dealType = scenario.dealTypes.find((d) => d.id === dealTypeId);
  if (!dealType) return JSON.stringify(terms);
  return dealType.issues
    .map((issue) => `${issue.label}: ${issue.options.find((o) => o.id === terms[issue.id])?.label ?? terms[issue.id]}`)
    .join('; ');
}

export function formatAgreementSpace(report: AgreementSpaceReport, scenario: Scenario): string {
  const name = (id: string) => scenario.roles.find((r) => r.id === id)?.name ?? id;
  const lines: string[] = [`Agreement space of "${report.title}" (${report.scenario})`, ''];
  for (const d of report.dealTypes) {
    lines.push(`${d.label} [${d.dealType}, track ${d.track === 1 ? 'I' : 'II'}]: ${d.combinations} possible agreements`);
    if (d.note) {
      lines.push(`  Not analysed: ${d.note}.`, '');
      continue;
    }
    for (const p of d.partySets) {
      lines.push(`  Parties: ${p.parties.map(name).join(' + ')}`);
      if (p.unvalued.length) lines.push(`    (no point table, not counted: ${p.unvalued.map(name).join(', ')})`);
      if (p.bannedAtStart) lines.push(`    (banned at the start by "${p.bannedAtStart}")`);
      lines.push(
        `    ${d.combinations} possible agreements, ${p.acceptableToAll} with consensus (beat every walk-away), ` +
          `${p.paretoEfficient} Pareto-efficient (${p.paretoEfficientAcceptable} of them with consensus)`,
      );
      for (const r of p.roles) {
        lines.push(`    ${name(r.role).padEnd(28)} walk-away ${pad(r.walkAway)}  best ${pad(r.best)}  worst ${pad(r.worst)}  acceptable to it: ${r.acceptable}`);
      }
      if (p.frontier.length) {
        lines.push('    Pareto-efficient agreements (consensus first):');
        for (const a of p.frontier) {
          const values = Object.entries(a.values)
            .map(([role, v]) => `${name(role)} ${v}`)
            .join(', ');
          lines.push(`      ${a.acceptableToAll ? '*' : ' '} ${describeTerms(scenario, d.dealType, a.terms)}  -> ${values}`);
        }
      }
    }
    if (d.partySetsOmitted) lines.push(`  (${d.partySetsOmitted} more party sets not shown)`);
    lines.push('');
  }
  if (report.warnings.length) {
    lines.push('Warnings:');
    for (const w of report.warnings) lines.push(`  - ${w}`);
  } else {
    lines.push('No balance warnings.');
  }
  return lines.join('\n');
}

function pad(n: number): string {
  return String(n).padStart(4);
}
