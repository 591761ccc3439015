// A catalogue is a nested object of ICU MessageFormat strings. `compile` turns it into what the
// screens use: a string stays a string, a message with arguments becomes a function of them.
// The argument names and types are read from the English strings by the types below, so a call
// site that forgets an argument or misspells one does not compile.
import { IntlMessageFormat } from 'intl-messageformat';

/** Another language's catalogue: the same keys as English, any strings. */
export type Shape<T> = T extends string ? string : { readonly [K in keyof T]: Shape<T[K]> };

/** What a value passed to a message may be. Booleans are for `select` on true/false. */
type Value = string | number | boolean | Date;

/** A catalogue as the screens use it. */
export type Compiled<T> = T extends string ? Message<T> : { readonly [K in keyof T]: Compiled<T[K]> };

type Message<S extends string> = keyof Arguments<S> extends never
  ? string
  : (values: { [K in keyof Arguments<S>]: Arguments<S>[K] }) => string;

// A small reader of ICU syntax, enough for our catalogues: it walks from brace to brace, switching
// between message text, an argument, and a plural's or select's options (whose `{…}` bodies are
// message text again). Apostrophe quoting is not read: the catalogues do not quote braces.
type Arguments<S extends string> = InText<S, Record<never, never>>;

type Trim<S extends string> = S extends ` ${infer R}` | `\n${infer R}` ? Trim<R> : S extends `${infer R} ` | `${infer R}\n` ? Trim<R> : S;

type ArgumentType<Kind extends string> = Kind extends 'plural' | 'selectordinal' | 'number'
  ? number
  : Kind extends 'date' | 'time'
    ? Date | number
    : Kind extends 'select'
      ? string | boolean
      : string | number;

type InText<S extends string, Found> = S extends `${infer Before}{${infer After}`
  ? Before extends `${string}}${infer Rest}`
    ? InOptions<`${Rest}{${After}`, Found> // a branch body ends before the next argument
    : InArgument<After, Found>
  : S extends `${string}}${infer Rest}`
    ? InOptions<Rest, Found>
    : Found;

type InArgument<S extends string, Found> = S extends `${infer Name},${infer Rest}`
  ? Name extends `${string}}${string}`
    ? Simple<S, Found>
    : Rest extends `${infer Kind},${infer Options}`
      ? Trim<Kind> extends 'plural' | 'select' | 'selectordinal'
        ? InOptions<Options, Found & { [K in Trim<Name>]: ArgumentType<Trim<Kind>> }>
        : Styled<Name, Rest, Found>
      : Styled<Name, Rest, Found>
  : Simple<S, Found>;

type Simple<S extends string, Found> = S extends `${infer Name}}${infer Rest}`
  ? InText<Rest, Found & { [K in Trim<Name>]: ArgumentType<''> }>
  : Found;

/** `{n, number}`, `{d, date, short}`: the kind is before the next comma or brace. */
type Styled<Name extends string, Rest extends string, Found> = Rest extends `${infer Head}}${infer After}`
  ? InText<After, Found & { [K in Trim<Name>]: ArgumentType<Trim<Head extends `${infer Kind},${string}` ? Kind : Head>> }>
  : Found;

type InOptions<S extends string, Found> = S extends `${infer Key}{${infer Body}`
  ? Key extends `${string}}${infer Rest}`
    ? InText<`${Rest}{${Body}`, Found> // the argument ends before the next option
    : InText<Body, Found>
  : S extends `${string}}${infer Rest}`
    ? InText<Rest, Found>
    : Found;

/** Whether a catalogue string is a message with arguments (the same test as the types above:
 *  a string without a brace is plain text). */
export const hasArguments = (text: string) => text.includes('{');

/** The message with `change` applied to its text, not to its arguments or plural keywords
 *  (`{n, plural, one {# seat} other {# seats}}` changes `# seat` and `# seats`). */
export function mapText(message: string, change: (text: string) => string): string {
  let at = 0;
  const until = (stops: string) => {
    const start = at;
    while (at < message.length && !stops.includes(message[at]!)) at++;
    return message.slice(start, at);
  };
  const text = (): string => {
    let out = '';
    for (;;) {
      out += change(until('{}'));
      if (message[at] !== '{') return out; // a branch's closing brace, or the end
      out += argument();
    }
  };
  const argument = (): string => {
    at++; // {
    let out = `{${until(',}')}`;
    if (message[at] === '}') return `${out}${message[at++]}`;
    at++; // ,
    const kind = until(',}');
    out += `,${kind}`;
    if (!['plural', 'select', 'selectordinal'].includes(kind.trim())) return `${out}${until('}')}${message[at++] ?? ''}`;
    for (;;) {
      out += until('{}');
      if (message[at] !== '{') return `${out}${message[at++] ?? ''}`;
      at++;
      out += `{${text()}${message[at++] ?? ''}`;
    }
  };
  return text();
}

/** The catalogue for one locale. Each message is parsed the first time it is shown, then kept. */
export function compile<T>(catalogue: T, locale: string): Compiled<T> {
  return mapMessages(catalogue, (message) => (hasArguments(message) ? formatter(message, locale) : message)) as Compiled<T>;
}

/** The catalogue with `change` applied to each of its strings, keeping its shape. */
export function mapMessages(node: unknown, change: (message: string) => unknown): unknown {
  if (typeof node === 'string') return change(node);
  if (Array.isArray(node)) return node.map((item) => mapMessages(item, change));
  return Object.fromEntries(Object.entries(node as object).map(([key, value]) => [key, mapMessages(value, change)]));
}

function formatter(message: string, locale: string) {
  let format: IntlMessageFormat | null = null;
  return (values: Record<string, Value>) => {
    format ??= new IntlMessageFormat(message, locale);
    const strings = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, typeof value === 'boolean' ? String(value) : value]),
    );
    return String(format.format(strings));
  };
}
