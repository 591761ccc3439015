// "Did you mean …?" for misspelt keys and ids: instructors write scenarios by hand.
import { distance } from 'fastest-levenshtein';

/** The known word closest to `word`, if it is close enough to be a likely typo. */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // One edit for short words; two (a swap of letters) or a third of the letters for longer ones.
  const allowed = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** `; did you mean "x"?` or nothing. */
export function didYouMean(word: string, known: readonly string[]): string {
  const guess = closestWord(word, known);
  return guess === undefined ? '' : `; did you mean "${guess}"?`;
}
