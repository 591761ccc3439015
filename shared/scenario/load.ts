// Loads a scenario from YAML text: parse (keeping source positions), check the schema, then the
// cross references. Reports every problem found, each at its place in the file. Pure: no I/O.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import { crossCheck } from './crossref';
import type { Finding, PathKey, Problem } from './problems';
import { pathToString } from './problems';
import { Scenario } from './schema';
import { schemaFindings } from './schemaFindings';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** Parses and validates one scenario file's text. `file` is only used to label the problems. */
export function loadScenario(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problemAt = (offset: number, message: string, path: string): Problem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message, path };
  };

  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((error) => problemAt(error.pos[0], `invalid YAML: ${yamlMessage(error)}`, '')) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [problemAt(0, `invalid YAML: ${(error as Error).message}`, '')] };
  }

  const parsed = Scenario.safeParse(data);
  const findings: Finding[] = parsed.success ? crossCheck(parsed.data) : schemaFindings(Scenario, data, parsed.error.issues);
  if (parsed.success && findings.length === 0) return { ok: true, scenario: parsed.data };

  const problems = findings.map((finding) =>
    problemAt(offsetOf(doc, finding.path, finding.atKey ?? false), finding.message, pathToString(finding.path)),
  );
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
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

function yamlMessage(error: YAMLError): string {
  if (error.code === 'MULTIPLE_DOCS') return 'a scenario file holds one YAML document; remove the "---" line';
  return error.message;
}
