// Loads a scenario from YAML text: parse (keeping source positions), migrate an older version in
// memory, check the schema, then the cross references. Reports every problem found, each at its
// place in the file, and warnings (a migrated file) beside them. Pure: no I/O.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import { crossCheck } from './crossref';
import { migrateDocument } from './migrate';
import type { Finding, PathKey, Problem } from './problems';
import { pathToString } from './problems';
import { Scenario, SCHEMA_VERSION, TranslationFile } from './schema';
import type { ScenarioLanguage, TranslatedTexts } from './schema';
import { schemaFindings } from './schemaFindings';
import { translationFindings } from './translations';

/** Where a path of the document is in the file (for checks made after loading, e.g. a duplicate id). */
export type Locate = (path: readonly PathKey[]) => { line: number; column: number };

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: Problem[]; locate: Locate }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/** Parses and validates one scenario file's text. `file` is only used to label the problems. */
export function loadScenario(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problemAt = (offset: number, message: string, path: string): Problem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message, path };
  };
  const located = (finding: Finding): Problem => ({
    ...problemAt(offsetOf(doc, finding.path, finding.atKey ?? false), finding.message, pathToString(finding.path)),
    ...(finding.warning ? { warning: true } : {}),
  });

  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((error) => problemAt(...yamlProblem(doc, error), '')), warnings: [] };
  }

  // An older file runs as if migrated; the author is told, and how to migrate it for good.
  const migration = migrateDocument(doc);
  const warnings = migration.migrated
    ? [
        {
          path: ['schemaVersion'],
          warning: true,
          message: `schemaVersion ${migration.from} is read as ${SCHEMA_VERSION} (migrated in memory); run  npx spacebridge migrate ${file}  to update the file`,
        },
        ...migration.warnings.map((w) => ({ ...w, warning: true })),
      ].map(located)
    : [];

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [problemAt(0, `invalid YAML: ${(error as Error).message}`, '')], warnings };
  }

  const parsed = Scenario.safeParse(data);
  const findings: Finding[] = parsed.success
    ? [...crossCheck(parsed.data), ...inFileTranslationFindings(parsed.data)]
    : schemaFindings(Scenario, data, parsed.error.issues);
  const problems = findings.filter((f) => !f.warning).map(located);
  warnings.push(...findings.filter((f) => f.warning).map(located));
  byPlace(warnings);
  if (parsed.success && problems.length === 0) {
    const locate: Locate = (path) => {
      const { line, column } = problemAt(offsetOf(doc, path, false), '', '');
      return { line, column };
    };
    return { ok: true, scenario: parsed.data, warnings, locate };
  }
  return { ok: false, problems: byPlace(problems), warnings };
}

function inFileTranslationFindings(scenario: Scenario): Finding[] {
  return Object.entries(scenario.translations ?? {}).flatMap(([language, texts]) =>
    translationFindings(scenario, language as ScenarioLanguage, texts, ['translations', language]),
  );
}

export type TranslationLoadResult =
  | { ok: true; language: ScenarioLanguage; texts: TranslatedTexts; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/**
 * Parses and checks a translation file (`<id>.<language>.yaml`) of `scenario`: its form, that it
 * translates this scenario, and its keys (translationFindings), each at its place in the file.
 */
export function loadTranslation(text: string, file: string, scenario: Scenario): TranslationLoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const located = (finding: Finding): Problem => {
    const { line, col } = lineCounter.linePos(offsetOf(doc, finding.path, finding.atKey ?? false));
    return { file, line, column: col, message: finding.message, path: pathToString(finding.path), ...(finding.warning ? { warning: true } : {}) };
  };
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const [offset, message] = yamlProblem(doc, error);
      const { line, col } = lineCounter.linePos(offset);
      return { file, line, column: col, message, path: '' };
    });
    return { ok: false, problems, warnings: [] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ file, line: 1, column: 1, message: `invalid YAML: ${(error as Error).message}`, path: '' }], warnings: [] };
  }
  const parsed = TranslationFile.safeParse(data);
  const findings: Finding[] = !parsed.success
    ? schemaFindings(TranslationFile, data, parsed.error.issues)
    : parsed.data.translationOf !== scenario.id
      ? [{ path: ['translationOf'], message: `this file translates "${parsed.data.translationOf}", but it sits beside the scenario "${scenario.id}"` }]
      : scenario.translations?.[parsed.data.language]
        ? [{ path: ['language'], message: `the scenario file already has a "${parsed.data.language}" translation (translations.${parsed.data.language}): keep one of the two` }]
        : translationFindings(scenario, parsed.data.language, parsed.data.texts, ['texts']);
  const problems = byPlace(findings.filter((f) => !f.warning).map(located));
  const warnings = byPlace(findings.filter((f) => f.warning).map(located));
  if (parsed.success && problems.length === 0) return { ok: true, language: parsed.data.language, texts: parsed.data.texts, warnings };
  return { ok: false, problems, warnings };
}

function byPlace(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Where `path` is in the document: its value (or its key when `atKey`), else the deepest part of
 * the path that is there (a missing key is reported at the map that should hold it).
 */
function offsetOf(doc: Document, path: readonly PathKey[], atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const [i, key] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(key));
      if (!pair) break;
      if (atKey && i === path.length - 1) return startOf(pair.key) ?? offset;
      offset = startOf(pair.value) ?? startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
      node = node.items[key];
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** Where a YAML syntax error is and what it says, in the author's terms. */
function yamlProblem(doc: Document, error: YAMLError): [offset: number, message: string] {
  const at = error.pos[0];
  if (error.code === 'MULTIPLE_DOCS') return [at, 'invalid YAML: a scenario file holds one YAML document; remove the "---" line'];
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    // The parser notices where the file (or the flow) ends; the mistake is where the quote opens.
    const open = nodeWhere(doc, (node) => isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && node.range?.[1] === at);
    if (open) {
      const quote = (open as Scalar).type === Scalar.QUOTE_DOUBLE ? '"' : "'";
      return [open.range![0], `invalid YAML: the quoted text opened here is never closed (add the closing ${quote})`];
    }
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = nodeWhere(doc, (node) => isScalar(node) && node.range?.[0] === at, true);
    if (key) return [at, `invalid YAML: duplicate key "${String((key as Scalar).value)}": this map already has it (keep one)`];
  }
  return [at, `invalid YAML: ${error.message}`];
}

/** The first node (or, with `keys`, map key) of the document that matches. */
function nodeWhere(doc: Document, match: (node: Node) => boolean, keys = false): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (keys && isPair(pair) && match(pair.key as Node)) {
        found = pair.key as Node;
        return visit.BREAK;
      }
    },
    Scalar(_, node) {
      if (!keys && match(node)) {
        found = node;
        return visit.BREAK;
      }
    },
  });
  return found;
}
