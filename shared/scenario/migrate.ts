// Migration of an older scenario file to the current format (SCHEMA_VERSION). The migration is
// planned on the parsed YAML Document as a few changes to its nodes (rename a key, set a number,
// make a value a list); the loader applies them to the Document to run a v1 file in memory, and
// `spacebridge migrate` applies them to the file's text at those nodes' places, so that every
// comment and all the layout around them stay as the author wrote them. Pure: no I/O.
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLSeq } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { Finding } from './problems';
import { SCHEMA_VERSION } from './schema';

export interface Migration {
  /** The version the document said it was; undefined when it says no number. */
  from: number | undefined;
  /** Whether the document is of an older version and was (or is to be) changed. */
  migrated: boolean;
  /** What the author should know: behaviour that changed, not only spelling. */
  warnings: Finding[];
}

type Change =
  | { kind: 'renameKey'; pair: Pair<Scalar>; to: string }
  | { kind: 'setNumber'; node: Scalar; value: number }
  | { kind: 'wrapInList'; pair: Pair<unknown, Scalar> };

/** The version a document says it is (`schemaVersion:`), if it says a number. */
function versionOf(doc: Document): number | undefined {
  const value = isMap(doc.contents) ? doc.contents.get('schemaVersion') : undefined;
  return typeof value === 'number' ? value : undefined;
}

/**
 * What migrating a parsed document takes. Only a version-1 document changes; any other
 * (current, newer, or not a scenario at all) is left to the validator. Nodes that are not where or
 * what v1 has them are left alone too: the validator reports them.
 */
function plan(doc: Document): Migration & { changes: Change[] } {
  const from = versionOf(doc);
  if (from !== 1 || !isMap(doc.contents)) return { from, migrated: false, warnings: [], changes: [] };
  const root = doc.contents;
  const changes: Change[] = [];
  const warnings: Finding[] = [];

  const version = root.get('schemaVersion', true);
  if (isScalar(version)) changes.push({ kind: 'setNumber', node: version, value: SCHEMA_VERSION });

  // nation: X → nations: [X]
  items(root.get('roles')).forEach((role) => {
    const pair = pairOf(role, 'nation');
    if (!pair || pairOf(role, 'nations') || !isScalar(pair.key) || !isScalar(pair.value)) return;
    changes.push({ kind: 'renameKey', pair: pair as Pair<Scalar>, to: 'nations' }, { kind: 'wrapInList', pair: pair as Pair<unknown, Scalar> });
  });

  // bansDeals: [{ between: [A, B] }] → [{ together: [A, B] }]: v1 banned any deal with both in it.
  items(root.get('constraints')).forEach((constraint) => {
    items(isMap(constraint) ? constraint.get('bansDeals') : undefined).forEach((ban) => {
      const pair = pairOf(ban, 'between');
      if (pair && isScalar(pair.key) && !pairOf(ban, 'together')) changes.push({ kind: 'renameKey', pair: pair as Pair<Scalar>, to: 'together' });
    });
  });

  // A deck card with a condition: v1 also fired it when the condition held; v2 only draws it then.
  items(root.get('events')).forEach((event, i) => {
    if (pairOf(event, 'deck') && pairOf(event, 'when')) {
      warnings.push({
        path: ['events', i, 'when'],
        message:
          'behaviour changed in v2: this deck card\'s "when" now only makes it eligible to be drawn; in v1 the card also fired when the condition held (make a separate conditional event if it must)',
      });
    }
  });

  return { from, migrated: true, warnings, changes };
}

/** Migrates a parsed document in place (its nodes keep their source positions). */
export function migrateDocument(doc: Document): Migration {
  const { changes, ...migration } = plan(doc);
  for (const change of changes) {
    if (change.kind === 'renameKey') change.pair.key.value = change.to;
    else if (change.kind === 'setNumber') change.node.value = change.value;
    else {
      const list = new YAMLSeq();
      list.flow = true;
      list.items.push(change.pair.value);
      (change.pair as Pair<unknown, unknown>).value = list;
    }
  }
  return migration;
}

/**
 * The text of a scenario file, migrated: each change is made in the text at its node's place and
 * nothing else is touched. `text` is unchanged when the file needs no migration.
 */
export function migrateText(source: string): { text: string; migration: Migration } {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return { text: source, migration: { from: versionOf(doc), migrated: false, warnings: [] } };
  const { changes, ...migration } = plan(doc);
  const edits = changes.map((change) => {
    const node = change.kind === 'renameKey' ? change.pair.key : change.kind === 'setNumber' ? change.node : change.pair.value!;
    const [start, end] = node.range!;
    const written = source.slice(start, end);
    const text = change.kind === 'renameKey' ? change.to : change.kind === 'setNumber' ? String(change.value) : `[${inList(node, written)}]`;
    return { start, end, text };
  });
  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, migration };
}

/** A scalar as written, or quoted when it would not read the same inside `[...]` (`Europe, Japan`). */
function inList(node: Scalar, written: string): string {
  const plainSafe = node.type === Scalar.PLAIN && !/[,[\]{}#\n]/.test(written);
  const quotedSafe = (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && !written.includes('\n');
  return plainSafe || quotedSafe ? written : JSON.stringify(String(node.value));
}

export function migrateData(data: unknown): { data: unknown; migration: Migration } {
  const doc = new Document(data);
  const migration = migrateDocument(doc);
  return { data: doc.toJS(), migration };
}

function items(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

function pairOf(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  return (node as YAMLMap).items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === key);
}
