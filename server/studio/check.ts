// What the validator says about a scenario text sent to the studio: the CLI's own loader
// (shared/scenario), nothing else. A text the loader cannot even read safely (an alias bomb,
// nesting deeper than the parser's stack) is refused; anything else is a version, valid or a draft.
import { parseDocument } from 'yaml';
import { loadScenario } from '@shared/scenario/load';
import type { Problem } from '@shared/scenario/problems';
import type { Scenario } from '@shared/scenario/schema';
import { STUDIO_LIMITS } from '@shared/protocol/limits';
import type { ApiError } from '@shared/protocol/apiErrors';
import type { Diagnostic } from '@shared/protocol/studio';

export interface Checked {
  scenario: Scenario | null;
  scenarioId: string | null;
  title: string;
  problems: Diagnostic[];
  warnings: Diagnostic[];
  problemCount: number;
  warningCount: number;
}

/** A text refused before it is a version (nothing is saved): the API error to answer. */
export interface Refused {
  refused: Extract<ApiError, { code: 'too-many-aliases' | 'unreadable-yaml' }>;
}

/** The loader's words for an alias bomb: the `yaml` library's refusal past `maxAliasCount`. */
const ALIAS_BOMB = /excessive alias count/i;
/** A text nested deeper than the parser's stack (e.g. 20,000 `[`). */
const TOO_DEEP = /maximum call stack size exceeded/i;

export function checkScenarioText(yaml: string): Checked | Refused {
  let result;
  try {
    result = loadScenario(yaml, 'scenario.yaml');
  } catch (error) {
    return { refused: { code: 'unreadable-yaml', params: { reason: 'parser' } } };
  }
  if (!result.ok) {
    if (result.problems.some((p) => ALIAS_BOMB.test(p.message))) {
      return { refused: { code: 'too-many-aliases' } };
    }
    if (result.problems.some((p) => TOO_DEEP.test(p.message))) {
      return { refused: { code: 'unreadable-yaml', params: { reason: 'tooDeep' } } };
    }
  }
  const problems = result.ok ? [] : result.problems;
  const header = result.ok ? { scenarioId: result.scenario.id, title: result.scenario.title } : headerOf(yaml);
  return {
    scenario: result.ok ? result.scenario : null,
    scenarioId: header.scenarioId,
    title: bounded(header.title),
    problems: problems.slice(0, STUDIO_LIMITS.listedProblems).map(diagnostic),
    warnings: result.warnings.slice(0, STUDIO_LIMITS.listedProblems).map(diagnostic),
    problemCount: problems.length,
    warningCount: result.warnings.length,
  };
}

export function isRefused(checked: Checked | Refused): checked is Refused {
  return 'refused' in checked;
}

function diagnostic(p: Problem): Diagnostic {
  return { line: p.line, column: p.column, message: p.message, path: p.path };
}

/** A draft's `id:` and `title:`, read without the schema (which the draft may not meet), so the
 *  library can name it. Only plain top-level scalars: no alias is expanded. */
function headerOf(yaml: string): { scenarioId: string | null; title: string } {
  try {
    const doc = parseDocument(yaml);
    const id = doc.get('id');
    const title = doc.get('title');
    return {
      scenarioId: typeof id === 'string' && /^[a-z][a-z0-9-]{0,47}$/.test(id) ? id : null,
      title: typeof title === 'string' && title.trim() !== '' ? title : 'Untitled draft',
    };
  } catch {
    return { scenarioId: null, title: 'Untitled draft' };
  }
}

function bounded(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= STUDIO_LIMITS.titleChars ? line : `${line.slice(0, STUDIO_LIMITS.titleChars - 1)}…`;
}
