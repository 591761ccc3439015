// Turns zod's issues into findings an instructor can act on: what was expected, what was found,
// and for a union (a condition, an effect) only the alternative the author meant.
import { z } from 'zod';
import type { core } from 'zod';
import { Condition, Effect } from './schema';
import type { Finding, PathKey } from './problems';
import { closestWord, didYouMean } from './suggest';

type Issue = core.$ZodIssue;

interface SchemaFinding extends Finding {
  /** For an unknown key that looks like a misspelt known one: the path of that known key. */
  meantKey?: PathKey[];
  /** A required key that is absent. */
  missing?: boolean;
}

/** Findings for the issues of `schema.safeParse(data)`. */
export function schemaFindings(schema: z.ZodType, data: unknown, issues: readonly Issue[]): Finding[] {
  const findings = issues.flatMap((issue) => explain(issue, [], schema, data));
  // `confidentalBrief: …` is both an unknown key and a missing `confidentialBrief`: say it once.
  const meant = new Set(findings.flatMap((f) => (f.meantKey ? [JSON.stringify(f.meantKey)] : [])));
  return findings
    .filter((f) => !(f.missing && meant.has(JSON.stringify(f.path))))
    .map(({ path, message, atKey }) => (atKey ? { path, message, atKey } : { path, message }));
}

function explain(issue: Issue, base: PathKey[], baseSchema: z.ZodType, data: unknown): SchemaFinding[] {
  const path = [...base, ...(issue.path as PathKey[])];
  const value = valueAt(data, path);
  const schema = schemaAt(baseSchema, valueAt(data, base), issue.path as PathKey[]);
  const missing = value === undefined && path.length > 0;
  const found = (expected: string, suggestion = ''): SchemaFinding =>
    missing
      ? { path, missing, message: `missing key "${String(path[path.length - 1])}": expected ${expected}` }
      : { path, message: `expected ${expected}, found ${describeValue(value)}${suggestion}` };

  switch (issue.code) {
    case 'invalid_type':
      return [found(schema ? nounOf(schema) : typeNoun(issue.expected))];
    case 'too_small':
    case 'too_big':
      return [sizeFinding(issue, path, value, schema)];
    case 'invalid_format':
      // The schema words its formats as nouns ("an id: lowercase letters…").
      return [found(issue.message.startsWith('Invalid') ? `text in the format ${issue.format}` : issue.message)];
    case 'invalid_value': {
      const words = issue.values.map(String);
      return [found(oneOf(issue.values), typeof value === 'string' ? didYouMean(value, words) : '')];
    }
    case 'unrecognized_keys': {
      const known = schema ? objectKeys(schema, value) : [];
      return issue.keys.map((key) => {
        const guess = closestWord(key, known);
        const hint = guess ? `; did you mean "${guess}"?` : known.length ? ` (allowed keys: ${known.join(', ')})` : '';
        return { path: [...path, key], atKey: true, message: `unknown key "${key}"${hint}`, meantKey: guess ? [...path, guess] : undefined };
      });
    }
    case 'invalid_union':
      return explainUnion(issue, path, value, schema, data);
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? 'a valid key';
      return [{ path, atKey: true, message: `invalid key "${String(path[path.length - 1])}": expected ${reason}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

/** Only the alternative the author meant: the one whose leading key (`track`, `all`, `effect: news`…) is there. */
function explainUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: PathKey[],
  value: unknown,
  schema: z.ZodType | undefined,
  data: unknown,
): SchemaFinding[] {
  const union = schema && unwrap(schema);
  const noun = union ? nounOf(union) : 'one of several forms';
  const last = String(path[path.length - 1]);

  // A discriminated union (effects) whose `effect:` names no known kind: the issue sits at `effect`.
  if (issue.errors.length === 0 && 'options' in issue && issue.options) {
    const words = issue.options.map(String);
    if (value === undefined) return [{ path, missing: true, message: `missing key "${last}": expected one of ${words.join(', ')}` }];
    return [{ path, message: `expected one of ${words.join(', ')}, found ${describeValue(value)}${typeof value === 'string' ? didYouMean(value, words) : ''}` }];
  }
  if (value === undefined) return [{ path, missing: true, message: `missing key "${last}": expected ${noun}` }];

  const options = union instanceof z.ZodUnion ? (union.options as z.ZodType[]) : [];
  const leading = options.map(leadingKey);
  if (isMap(value) && leading.every((key) => key !== undefined)) {
    const branch = leading.findIndex((key) => key! in value);
    if (branch >= 0) return issue.errors[branch].flatMap((sub) => explain(sub, path, options[branch], data));
    const keys = Object.keys(value);
    const guess = keys.map((key) => [key, closestWord(key, leading as string[])] as const).find(([, g]) => g);
    const inWhat = UNION_NOUNS.has(union!) ? ` in ${noun}` : '';
    if (guess) return [{ path: [...path, guess[0]], atKey: true, message: `unknown key "${guess[0]}"${inWhat}; did you mean "${guess[1]}"?` }];
    const found = keys.length ? `a map with the keys ${keys.join(', ')}` : 'an empty map';
    const shape = `a map with one of the keys ${leading.join(', ')}`;
    return [{ path, message: `expected ${noun === shape ? noun : `${noun} (${shape})`}, found ${found}` }];
  }
  // Alternatives that are plain values (`track: 1 | 2`): list them.
  const values = issue.errors.flatMap((branch) => branch.flatMap((sub) => (sub.code === 'invalid_value' && sub.path.length === 0 ? sub.values : [])));
  if (values.length === issue.errors.length) return [{ path, message: `expected ${oneOf(values)}, found ${describeValue(value)}` }];
  if (!isMap(value) && options.every((option) => unwrap(option) instanceof z.ZodObject)) {
    return [{ path, message: `expected ${noun}, found ${describeValue(value)}` }];
  }
  if (options.length !== issue.errors.length) return [{ path, message: `expected ${noun}, found ${describeValue(value)}` }];
  // Otherwise the alternative that came closest.
  const closest = issue.errors.reduce((best, branch, i) => (branch.length < issue.errors[best].length ? i : best), 0);
  return issue.errors[closest].flatMap((sub) => explain(sub, path, options[closest], data));
}

function sizeFinding(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, path: PathKey[], value: unknown, schema: z.ZodType | undefined): SchemaFinding {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const found = describeValue(value);
  if (issue.origin === 'array') {
    const count = Array.isArray(value) ? value.length : 0;
    const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;
    const bound = schema && unwrap(schema) instanceof z.ZodTuple ? 'exactly' : small ? 'at least' : 'at most';
    return { path, message: `expected ${bound} ${items(limit)}, found ${items(count)}` };
  }
  if (issue.origin === 'string') {
    const expected = small && limit === 1 ? 'a non-empty text' : `a text of ${small ? 'at least' : 'at most'} ${limit} characters`;
    return { path, message: `expected ${expected}, found ${found}` };
  }
  const bound = small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
  return { path, message: `expected a number ${bound} ${limit}, found ${found}` };
}

// ---------------------------------------------------------------------------------------------
// Words

function oneOf(values: readonly unknown[]): string {
  return values.length === 1 ? String(values[0]) : `one of ${values.map(String).join(', ')}`;
}

/** How a found value reads in a message: `"ten"`, `12`, `a list`, `nothing` (an empty YAML value). */
function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

function typeNoun(expected: string): string {
  const nouns: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'a text',
    boolean: 'true or false',
    array: 'a list',
    tuple: 'a list',
    object: 'a map',
    record: 'a map',
  };
  return nouns[expected] ?? `a ${expected}`;
}

const UNION_NOUNS = new Map<z.ZodType, string>([
  [unwrap(Condition), 'a condition'],
  [unwrap(Effect), 'an effect'],
]);

function nounOf(schema: z.ZodType): string {
  const inner = unwrap(schema);
  const named = UNION_NOUNS.get(inner);
  if (named) return named;
  if (inner instanceof z.ZodUnion) {
    const leading = (inner.options as z.ZodType[]).map(leadingKey);
    if (leading.every((key) => key !== undefined)) return `a map with one of the keys ${leading.join(', ')}`;
  }
  if (inner instanceof z.ZodEnum) return `one of ${inner.options.join(', ')}`;
  if (inner instanceof z.ZodLiteral) return oneOf(inner.def.values);
  if (inner instanceof z.ZodNumber) return inner.format === 'safeint' ? 'a whole number' : 'a number';
  return typeNoun(inner.def.type);
}

// ---------------------------------------------------------------------------------------------
// Walking the schema alongside the data

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** The schema under optional/default/lazy wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    const def = inner.def as { innerType?: z.ZodType; in?: z.ZodType };
    // A lazy's cached inner schema, so that the same union is found every time.
    if (inner instanceof z.ZodLazy) inner = inner._zod.innerType as z.ZodType;
    else if (def.innerType) inner = def.innerType;
    else if (inner instanceof z.ZodPipe && def.in) inner = def.in;
    else return inner;
  }
}

/** The keys an object schema allows; for a union, those of the alternative `value` is meant to be. */
function objectKeys(schema: z.ZodType, value?: unknown): string[] {
  let inner = unwrap(schema);
  if (inner instanceof z.ZodUnion) inner = unwrap(pickOption(inner, value) ?? inner);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** The key that tells the alternatives of a union apart: `all`, `track`, `channel`… */
function leadingKey(option: z.ZodType): string | undefined {
  return objectKeys(option)[0];
}

/** The alternative of a union that `value` is meant to be. */
function pickOption(union: z.ZodUnion, value: unknown): z.ZodType | undefined {
  if (!isMap(value)) return undefined;
  const options = union.options as z.ZodType[];
  const discriminator = (union.def as { discriminator?: string }).discriminator;
  if (discriminator) {
    return options.find((option) => {
      const tag = unwrap(option) instanceof z.ZodObject ? (unwrap(option) as z.ZodObject).shape[discriminator] : undefined;
      return tag instanceof z.ZodLiteral && tag.def.values.includes(value[discriminator] as never);
    });
  }
  return options.find((option) => {
    const key = leadingKey(option);
    return key !== undefined && key in value;
  });
}

/** The schema that describes `value` at `path` below `schema`. */
function schemaAt(schema: z.ZodType, value: unknown, path: readonly PathKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    let inner = unwrap(current);
    if (inner instanceof z.ZodUnion) {
      const option = pickOption(inner, value);
      if (!option) return undefined;
      inner = unwrap(option);
    }
    if (inner instanceof z.ZodObject) current = inner.shape[key as string];
    else if (inner instanceof z.ZodArray) current = inner.element as z.ZodType;
    else if (inner instanceof z.ZodTuple) current = inner.def.items[key as number] as z.ZodType | undefined;
    else if (inner instanceof z.ZodRecord) current = inner.valueType as z.ZodType;
    else return undefined;
    if (!current) return undefined;
    value = isMap(value) || Array.isArray(value) ? (value as Record<PathKey, unknown>)[key] : undefined;
  }
  return current;
}
