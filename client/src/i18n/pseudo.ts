// The pseudo-language, for tests only (`?lang=pseudo`): English with accented letters, about 40%
// longer, each message wrapped in ⟦ ⟧. Visible text without the brackets was not drawn from the
// catalogue (hard-coded), and a layout that breaks here breaks with longer languages.
import { mapMessages, mapText, type Shape } from './catalogue';

const accents: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'àƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][i]!,
  ]),
);

/** One message in the pseudo-language. */
export function pseudoMessage(message: string): string {
  let letters = 0;
  const accented = mapText(message, (text) => {
    letters += text.length;
    return [...text].map((c) => accents[c] ?? c).join('');
  });
  // Padding in words of five, so the longer text still wraps like a sentence.
  const padding = 'ẋ'.repeat(Math.ceil(letters * 0.4)).replace(/(.{5})(?=.)/g, '$1 ');
  return `⟦${accented}${padding ? ` ${padding}` : ''}⟧`;
}

/** A whole catalogue in the pseudo-language. */
export function pseudo<T>(catalogue: T): Shape<T> {
  return mapMessages(catalogue, pseudoMessage) as Shape<T>;
}
