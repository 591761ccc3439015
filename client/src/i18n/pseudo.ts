// The pseudo-language, for tests only (`?lang=pseudo`): English with accented letters, about 40%
// longer, each message wrapped in ⟦ ⟧. Visible text without the brackets was not drawn from the
// catalogue (hard-coded), and a layout that breaks here breaks with longer languages.
import { astOf, hasArguments, mapMessages, type Precompiled, type Shape } from './catalogue';

type Element = Precompiled['ast'][number];

const plain = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const accented = [...'àƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'];
const accent = (text: string) => [...text].map((c) => accented[plain.indexOf(c)] ?? c).join('');

/** About 40% of `letters` more, in words of five, so the longer text still wraps like a sentence. */
const padding = (letters: number) => ` ${'ẋ'.repeat(Math.ceil(letters * 0.4)).replace(/(.{5})(?=.)/g, '$1 ')}`;

/** One message in the pseudo-language: its text accented, not its arguments or plural keywords. */
function pseudoMessage(message: string | Precompiled): string | Precompiled {
  if (!hasArguments(message)) return `⟦${accent(message as string)}${padding((message as string).length)}⟧`;
  let letters = 0;
  const walk = (elements: readonly Element[]): Element[] =>
    elements.map((e) => {
      if (e.type === 0) {
        letters += e.value.length;
        return { ...e, value: accent(e.value) };
      }
      if ('options' in e) {
        const options = Object.entries(e.options).map(([key, option]) => [key, { ...option, value: walk(option.value) }]);
        return { ...e, options: Object.fromEntries(options) } as Element;
      }
      return e;
    });
  const body = walk(astOf(message));
  return { ast: [{ type: 0, value: '⟦' }, ...body, { type: 0, value: `${padding(letters)}⟧` }] as Element[] };
}

/** A whole catalogue in the pseudo-language. */
export function pseudo<T>(catalogue: T): Shape<T> {
  return mapMessages(catalogue, pseudoMessage) as Shape<T>;
}
