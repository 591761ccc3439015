// Edits the scenario's YAML text in place, the way an author would by hand: the `yaml` library's
// Document API finds the node a structured view changes and writes the new value, and only that
// node's text is replaced. Re-serializing the whole document would keep the comments but reflow
// every long paragraph of the briefs, so a one-cell edit would rewrite half the file.
import { Document, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node, ParsedNode } from 'yaml';

export type YamlPath = readonly (string | number)[];

/** A change to the text: replace [from, to) with `insert` (what CodeMirror dispatches). */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** Thrown when a path cannot be edited (the file is not valid YAML, or a parent is a scalar). */
export class YamlEditError extends Error {}

function parse(text: string, lineCounter?: LineCounter): Document.Parsed {
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) throw new YamlEditError('fix the YAML syntax errors first');
  return doc;
}

/** The plain value at `path`, or undefined. Aliases count toward the loader's limit. */
export function valueAt(text: string, path: YamlPath): unknown {
  const node = parse(text).getIn(path, true) as Node | undefined;
  return node === undefined ? undefined : isScalar(node) ? node.value : (node as Node).toJSON();
}

/**
 * The text change that sets `path` to `value`: a scalar's text is replaced where it stands; a
 * missing key (or list item) is written at the end of the deepest map (or list) that exists,
 * at its indentation; a collection is rewritten in its own style (flow or block).
 */
export function setChange(text: string, path: YamlPath, value: unknown): TextChange {
  if (path.length === 0) throw new YamlEditError('nothing to set');
  const lines = new LineCounter();
  const doc = parse(text, lines);
  const columnOf = (offset: number) => lines.linePos(offset).col - 1;
  const target = doc.getIn(path, true) as ParsedNode | undefined;
  if (target?.range) {
    if (isCollection(target) && !target.flow && typeof value === 'object' && value !== null) {
      // A block collection replaced by another: written as a block at the same indentation.
      return { from: target.range[0], to: blockEnd(text, target.range[1]), insert: block(doc, value, columnOf(target.range[0])) };
    }
    return { from: target.range[0], to: target.range[1], insert: inline(doc, value) };
  }

  // The deepest existing collection on the path gets the rest of the path as a new entry.
  let depth = path.length - 1;
  while (depth > 0 && doc.getIn(path.slice(0, depth), true) === undefined) depth--;
  const parent = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as ParsedNode | null;
  if (!parent || !isCollection(parent) || !parent.range) throw new YamlEditError(`cannot add ${path.join('.')}: its parent is not a map or a list`);
  const key = path[depth];
  const rest = path.slice(depth + 1).reduceRight<unknown>((inner, k) => (typeof k === 'number' ? [inner] : { [k]: inner }), value);
  if (isSeq(parent) && key !== parent.items.length) throw new YamlEditError(`cannot add item ${String(key)} to a list of ${parent.items.length}`);
  if (isMap(parent) && typeof key !== 'string') throw new YamlEditError(`cannot add item ${key} to a map`);

  if (parent.flow || parent.items.length === 0) {
    // A flow collection ({ a: 1 }, [x, y]) or an empty one: rewritten whole, in flow style.
    const old = parent.toJSON() as unknown[] | Record<string, unknown>;
    const merged = Array.isArray(old) ? [...old, rest] : { ...old, [key]: rest };
    return { from: parent.range[0], to: parent.range[1], insert: inline(doc, merged) };
  }
  const column = columnOf(parent.range[0]);
  const at = blockEnd(text, parent.range[1]);
  const entry = block(doc, isSeq(parent) ? [rest] : { [key]: rest }, column);
  // The new entry starts on a line of its own, after the collection's last line.
  const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return { from: at, to: at, insert: `${before}${' '.repeat(column)}${entry}` };
}

/** Applies a change to a text. */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}

/**
 * The text with `path` set to `value`, checked: the result parses and holds the value there.
 * Throws a YamlEditError otherwise (the caller keeps the old text).
 */
export function setIn(text: string, path: YamlPath, value: unknown): { text: string; change: TextChange } {
  const change = setChange(text, path, value);
  const next = applyChange(text, change);
  const check = parseDocument(next);
  if (check.errors.length > 0 || JSON.stringify(check.getIn(path)) !== JSON.stringify(toPlain(value))) {
    throw new YamlEditError(`could not write ${path.join('.')} in place`);
  }
  return { text: next, change };
}

function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

/** A value on one line (a scalar, or a collection in flow style). */
function inline(doc: Document, value: unknown): string {
  const node = doc.createNode(value, { flow: true }) as Node;
  return new Document(node).toString({ lineWidth: 0 }).trimEnd();
}

/**
 * A value as a block at `column`: the first line without indentation (it goes where the old
 * node started), the others indented; ends with a newline.
 */
function block(doc: Document, value: unknown, column: number): string {
  const node = doc.createNode(value) as Node;
  const out = new Document(node).toString({ lineWidth: 0 });
  const pad = ' '.repeat(column);
  return out
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n')
    .concat('\n');
}

/** A block collection's text ends at the end of its last line (the parser's range may stop
 *  before the newline, or after trailing blank lines). */
function blockEnd(text: string, end: number): number {
  let at = end;
  // Back over trailing blank lines that belong to whatever follows.
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === ' ')) at--;
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}
