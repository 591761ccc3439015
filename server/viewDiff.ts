// The JSON Patch (RFC 6902) from one view of a viewer to the next: same result as
// fast-json-patch's `compare`, cheaper on how views change. Unchanged parts of a view are the very
// objects of the previous one, and message lists and the timeline grow at the end: items are
// compared by reference before any path is built, so a long list costs a loop of comparisons,
// not (as in `compare`) a path string and a call per item: most of its time in a long game.
import jsonPatch, { type Operation } from 'fast-json-patch';

export function diffViews(from: object, to: object): Operation[] {
  const ops: Operation[] = [];
  if (from !== to) diff(from as Json, to as Json, '', ops);
  return ops;
}

type Json = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function diff(a: Json, b: Json, path: string, ops: Operation[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    // A shorter list: leave the index shuffling of removals to `compare`.
    if (b.length < a.length) {
      for (const op of jsonPatch.compare(a, b)) ops.push({ ...op, path: path + op.path });
      return;
    }
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) change(a[i], b[i], `${path}/${i}`, ops);
    for (let i = a.length; i < b.length; i++) ops.push({ op: 'add', path: `${path}/${i}`, value: b[i] });
    return;
  }
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  // As `compare`: an own key whose value is undefined counts as absent.
  for (const key in before) {
    const old = before[key];
    const now = after[key];
    if (old === now || old === undefined) continue;
    const keyPath = `${path}/${jsonPatch.escapePathComponent(key)}`;
    if (now === undefined || !Object.hasOwn(after, key)) ops.push({ op: 'remove', path: keyPath });
    else change(old, now, keyPath, ops);
  }
  for (const key in after) {
    if (after[key] !== undefined && (before[key] === undefined || !Object.hasOwn(before, key)))
      ops.push({ op: 'add', path: `${path}/${jsonPatch.escapePathComponent(key)}`, value: after[key] });
  }
}

/** `old` and `now` differ (not the same object): walk into them, or replace. */
function change(old: unknown, now: unknown, path: string, ops: Operation[]): void {
  if (isContainer(old) && isContainer(now) && Array.isArray(old) === Array.isArray(now)) diff(old, now, path, ops);
  else ops.push({ op: 'replace', path, value: now });
}
