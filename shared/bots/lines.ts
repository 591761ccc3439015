// What bots say: chat lines and the text of their public statements. A role's own `phrases` in
// the scenario come first (a Soviet academician does not talk like a U.S. senator); kinds the
// scenario leaves out use the plain lines below. Lines are filled from the scenario's own labels
// (deal types, issues, options), so a bot says what it wants in the game's words: "We can accept
// Androgynous common system on Docking system if Flight date is 1975."
import { nextRandom, type RngState } from '../engine/rng';
import type { LINE_KINDS, LINE_PLACEHOLDERS, Role } from '../scenario/schema';

export type LineKind = (typeof LINE_KINDS)[number];
export type LineValues = Partial<Record<(typeof LINE_PLACEHOLDERS)[number], string>>;

/** Placeholders: {deal} deal type label, {keyIssue}/{keyOption} what the bot insists on,
 *  {giveIssue}/{giveOption} where it moves, {partner} the other party, {network} a track II network. */
const CATALOGUE: Record<LineKind, string[]> = {
  propose: [
    'We can accept {giveOption} on {giveIssue} if {keyIssue} is {keyOption}.',
    'Our proposal for the {deal}: {keyOption} on {keyIssue} matters most to us.',
    'We put a {deal} on the table. {keyIssue}: {keyOption} is where we start.',
  ],
  counter: [
    'Not quite. We need {keyOption} on {keyIssue}; we have moved to {giveOption} on {giveIssue}.',
    'We can live with {giveOption} on {giveIssue}, but {keyIssue} must be {keyOption}.',
    'A counter-proposal: {keyOption} on {keyIssue}, and we meet you on {giveIssue}.',
  ],
  accept: ['These terms for the {deal} work for us. We accept.', 'Agreed: we accept the {deal} as it stands.'],
  reject: ['We cannot accept the {deal} on these terms.', 'This {deal} is worse for us than no deal at all.'],
  sign: ['We sign the {deal}.', 'Our signature is on the {deal}.'],
  ratify: ['We ratify the {deal} at home.'],
  waitRatify: ['We cannot get the {deal} ratified at home yet. Give us time.'],
  adopt: ['We adopt the scientists\' memorandum as our proposal for the {deal}.'],
  breach: ['The {deal} no longer serves us. We withdraw from it.'],
  trackTwo: [
    'Whatever the capitals say, let us keep talking through {network}.',
    'Our scientists would like a {deal} with {partner}: {keyIssue} is what we care about.',
  ],
  tension: ['With tension this high, we cannot give more ground.', 'This is not the moment for concessions.'],
  conciliatory: ['We call on everyone to lower their voices and keep cooperation in space alive.'],
  neutral: ['We want the public to know what is at stake in these talks.'],
  hostile: ['We will defend our interests; no one should mistake patience for weakness.'],
};

/** A statement's text when no line fits (the catalogue's own). */
export const STATEMENT_TEXT = { conciliatory: CATALOGUE.conciliatory[0], neutral: CATALOGUE.neutral[0], hostile: CATALOGUE.hostile[0] } as const;

const needsOf = new Map<string, (keyof LineValues)[]>();
function needs(template: string): (keyof LineValues)[] {
  let keys = needsOf.get(template);
  if (!keys) needsOf.set(template, (keys = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof LineValues)));
  return keys;
}

/** A line of the kind asked, its placeholders filled: from the role's phrases for that kind if
 *  one fits, else from the plain catalogue. Lines whose placeholders cannot all be filled are
 *  skipped. Null when none fits. */
export function line(kind: LineKind, values: LineValues, rng: RngState, phrases?: Role['phrases']): [string | null, RngState] {
  const fill = (templates: readonly string[] | undefined) => (templates ?? []).filter((t) => needs(t).every((key) => values[key] !== undefined));
  const own = fill(phrases?.[kind]);
  const fits = own.length > 0 ? own : fill(CATALOGUE[kind]);
  if (fits.length === 0) return [null, rng];
  const [r, next] = nextRandom(rng);
  const template = fits[Math.floor(r * fits.length)];
  return [template.replace(/\{(\w+)\}/g, (_, key: string) => values[key as keyof LineValues]!), next];
}
