// Plain-text rendering of the agreement-space report, for the CLI and for authors' terminals.
import type { Scenario } from '../scenario/schema';
import type { AgreementSpaceReport, Terms } from './agreementSpace';
import type { DealInSpace, LabelledTerm } from './placement';

/** "Docking system: Androgynous common system; Flight date: 1975" */
function describeTerms(scenario: Scenario, dealTypeId: string, terms: Terms): string {
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

/** "Lunar samples: Samples lent for study and returned; Data: …" */
export function describeLabelledTerms(terms: LabelledTerm[]): string {
  return terms.map((t) => `${t.issueLabel}: ${t.optionLabel}`).join('; ');
}

/** One deal against its agreement space, in plain English (the Markdown report). */
export function describePlacement(p: DealInSpace, name: (role: string) => string): string[] {
  if (p.note === 'no-point-tables') return ['Not scored: no party has a point table for it.'];
  const valueList = (values: Record<string, number>) =>
    Object.entries(values)
      .map(([role, v]) => `${name(role)} ${v}`)
      .join(', ');
  const lines = [
    `1 of ${p.combinations} possible agreements; ${p.consensus} meet every walk-away.`,
    `Points: ${Object.entries(p.values)
      .map(([role, v]) => `${name(role)} ${v} (walk-away ${p.walkAways[role]})`)
      .join(', ')}.`,
    `${p.acceptableToAll ? 'Met every walk-away' : 'Below some walk-away'}; ${
      p.paretoEfficient ? 'Pareto-efficient: no agreement was better for one party without being worse for another.' : `${p.paretoBetterCount} Pareto-better agreement(s).`
    }`,
  ];
  for (const a of p.paretoBetter) lines.push(`Better: ${describeLabelledTerms(a.terms)} -> ${valueList(a.values)}${a.acceptableToAll ? '' : ' (below some walk-away)'}`);
  if (p.paretoBetterCount > p.paretoBetter.length) lines.push(`(${p.paretoBetterCount - p.paretoBetter.length} more not listed)`);
  return lines;
}
