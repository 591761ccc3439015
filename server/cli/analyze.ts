// `spacebridge analyze <scenario.yaml> [--json]`: the agreement space of every deal type (how many
// possible agreements, how many beat every walk-away, which are Pareto-efficient) and warnings
// about point tables that make a deal pointless or a role dominant or hopeless.
import { parseArgs } from 'node:util';
import { analyzeAgreementSpace, formatAgreementSpace } from '@shared/analysis';
import { scenarioFromArgs } from './scenarioArg';

export function run(args: string[]): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const scenario = scenarioFromArgs(positionals);
  if (!scenario) return 1;
  const report = analyzeAgreementSpace(scenario);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatAgreementSpace(report, scenario)}\n`);
  return 0;
}
