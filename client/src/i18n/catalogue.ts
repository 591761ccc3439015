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

/** A message the build has already parsed (client/vite.config.ts), so the page ships without
 *  the ICU parser. Unit tests read the catalogues' source strings instead. */
export type Precompiled = { readonly ast: ReturnType<IntlMessageFormat['getAst']> };

export function isPrecompiled(node: unknown): node is Precompiled {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && 'ast' in node;
}

/** Whether a catalogue entry is a message with arguments (the same test as the types above:
 *  a string without a brace is plain text). */
export const hasArguments = (message: string | Precompiled) => typeof message !== 'string' || message.includes('{');

/** The catalogue for one locale. Each message is set up the first time it is shown, then kept. */
export function compile<T>(catalogue: T, locale: string): Compiled<T> {
  return mapMessages(catalogue, (message) => (hasArguments(message) ? formatter(message, locale) : message)) as Compiled<T>;
}

/** The catalogue with `change` applied to each of its messages, keeping its shape. */
export function mapMessages(node: unknown, change: (message: string | Precompiled) => unknown): unknown {
  if (typeof node === 'string' || isPrecompiled(node)) return change(node);
  if (Array.isArray(node)) return node.map((item) => mapMessages(item, change));
  return Object.fromEntries(Object.entries(node as object).map(([key, value]) => [key, mapMessages(value, change)]));
}

/** The parsed form of a message. */
export function astOf(message: string | Precompiled): Precompiled['ast'] {
  return typeof message === 'string' ? new IntlMessageFormat(message, 'en').getAst() : message.ast;
}

function formatter(message: string | Precompiled, locale: string) {
  let format: IntlMessageFormat | null = null;
  return (values: Record<string, Value>) => {
    format ??= new IntlMessageFormat(typeof message === 'string' ? message : message.ast, locale);
    const strings = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, typeof value === 'boolean' ? String(value) : value]),
    );
    return String(format.format(strings));
  };
}
