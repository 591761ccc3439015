// What the studio knows about the draft after each pause in typing, computed in the check worker
// (check.worker.ts): the CLI's own loader (`spacebridge validate` runs the same loadScenario), the
// data as written (for the structured views, which edit what the file says, not the defaults),
// the scenario with its defaults once the schema accepts it (cross-reference problems may
// remain), and the live agreement counts of the point-table grid. The page imports only the
// types: the loader and zod stay in the worker's bundle, out of the page's chunks.
import { parseDocument } from 'yaml';
import { analyzeAgreementSpace, combinationCount } from '@shared/analysis/agreementSpace';
import { loadScenario, type LoadResult } from '@shared/scenario/load';
import type { Problem } from '@shared/scenario/problems';
import { Scenario } from '@shared/scenario/schema';

/** The loader's limit on aliases (shared/scenario/load.ts): a YAML bomb stops there. */
const MAX_ALIASES = 100;

/** What the loader says: the diagnostics, sent to the page first. */
export interface Verdict {
  text: string;
  /** Problems then warnings, in file order, as the CLI prints them. */
  problems: Problem[];
  warnings: Problem[];
  /** The valid scenario, when there is no problem. */
  valid: Scenario | null;
  /** How long the loader took, in milliseconds (in the worker). */
  ms: number;
}

/** What the structured views read, sent right after the verdict. */
export interface Views {
  /** The document as written (no defaults), or null when it is not readable YAML. */
  raw: RawScenario | null;
  /** The scenario with its defaults when the schema accepts it, even with cross-reference problems. */
  scenario: Scenario | null;
  /** Per deal type: how many agreements beat every party's walk-away, per set of parties. */
  live: Record<string, LiveCount>;
}

export type LiveCount =
  | { combinations: number; note: string | null; partySets: { parties: string[]; acceptableToAll: number }[] }
  | { combinations: number; tooMany: true };

/** Deal types with more combinations than this are counted in the Analyze tab, not on every pause. */
const LIVE_COMBINATIONS = 20_000;

/** The parts of the file as written that the structured views read. Anything may be missing. */
export interface RawScenario {
  [key: string]: unknown;
}

export function verdictOf(text: string, file: string): { verdict: Verdict; loaded: LoadResult } {
  const started = performance.now();
  const loaded = loadScenario(text, file);
  const verdict = {
    text,
    problems: loaded.ok ? [] : loaded.problems,
    warnings: loaded.warnings,
    valid: loaded.ok ? loaded.scenario : null,
    ms: performance.now() - started,
  };
  return { verdict, loaded };
}

export function viewsOf(text: string, loaded: LoadResult): Views {
  let raw: RawScenario | null = null;
  let scenario: Scenario | null = loaded.ok ? loaded.scenario : null;
  const doc = parseDocument(text);
  if (doc.errors.length === 0) {
    try {
      const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
      if (data && typeof data === 'object' && !Array.isArray(data)) raw = data as RawScenario;
    } catch {
      // Too many aliases: the loader said so; the views have nothing to show.
    }
  }
  if (!scenario && raw) {
    const parsed = Scenario.safeParse(raw);
    if (parsed.success) scenario = parsed.data;
  }
  return { raw, scenario, live: scenario ? liveCounts(scenario) : {} };
}

function liveCounts(scenario: Scenario): Record<string, LiveCount> {
  const live: Record<string, LiveCount> = {};
  for (const dealType of scenario.dealTypes) {
    const combinations = combinationCount(dealType);
    if (combinations > LIVE_COMBINATIONS) {
      live[dealType.id] = { combinations, tooMany: true };
      continue;
    }
    try {
      const space = analyzeAgreementSpace({ ...scenario, dealTypes: [dealType] }).dealTypes[0];
      live[dealType.id] = { combinations, note: space.note, partySets: space.partySets.map((p) => ({ parties: p.parties, acceptableToAll: p.acceptableToAll })) };
    } catch {
      // A table naming an unknown issue can trip the analysis: the diagnostics say what to fix.
    }
  }
  return live;
}
