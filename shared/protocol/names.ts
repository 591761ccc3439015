// What a student types as a name or a chat line, made safe to show: no invisible or
// direction-changing characters, one form per letter (NFKC), and no look-alike of the word that
// marks bots ("Bot (Head of delegation)"). Plain functions without zod, so the web client can use
// them too. Decisions: docs/security.md, item 5.

/** Characters that show nothing by themselves: controls, format characters (zero-width space and
 *  joiners, bidi embeddings and isolates, byte-order mark, tags), line separators, Unicode's
 *  default-ignorable characters (soft hyphen, Hangul fillers, variation selectors, …) and the
 *  braille blank. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Letters (and a digit) that pass for the Latin letters of "bot" once lower-cased: other scripts,
 *  small capitals. NFKC already folds full-width and mathematical letters. */
const LOOK_ALIKES: Record<string, string> = {
  b: 'вьβʙƅᏼ',
  o: 'оοᴏօ0øⲟ',
  t: 'тτᴛꭲ',
};
const LATIN_OF = new Map(Object.entries(LOOK_ALIKES).flatMap(([latin, others]) => [...others].map((c) => [c, latin] as const)));

/** A name as others will see it: invisible characters removed, NFKC, runs of spaces as one, trimmed.
 *  Empty when nothing visible is left. */
export function cleanName(raw: string): string {
  return raw.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** True when the text shows something besides spaces, invisible characters and lone accents. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').replace(/[\s\p{M}]/gu, '') !== '';
}

/** True when a name reads as the word "Bot" first, however it is spelt: bots are shown as
 *  "Bot (seat)". Only the first word counts, so "Botond" and "Abbot" are names. */
export function isReservedName(name: string): boolean {
  const skeleton = [...cleanName(name).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()].map((c) => LATIN_OF.get(c) ?? c).join('');
  return /^bot(?!\p{L})/u.test(skeleton);
}
