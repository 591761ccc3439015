// The bots' small catalogue of canned chat lines and public statements. Lines are built from the
// scenario's own labels (deal types, issues, options), so a bot says what it wants in the game's
// words: "We can accept Androgynous common system on Docking system if Flight date is 1975."
import { nextRandom, type RngState } from '../engine/rng';

export type LineKind =
  | 'propose'
  | 'counter'
  | 'accept'
  | 'reject'
  | 'sign'
  | 'ratify'
  | 'adopt'
  | 'breach'
  | 'trackTwo'
  | 'tension';

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
  adopt: ['We adopt the scientists\' memorandum as our proposal for the {deal}.'],
  breach: ['The {deal} no longer serves us. We withdraw from it.'],
  trackTwo: [
    'Whatever the capitals say, let us keep talking through {network}.',
    'Our scientists would like a {deal} with {partner}: {keyIssue} is what we care about.',
  ],
  tension: ['With tension this high, we cannot give more ground.', 'This is not the moment for concessions.'],
};

/** Each template with the placeholders it needs, worked out once. */
const PLACEHOLDERS = Object.fromEntries(
  Object.entries(CATALOGUE).map(([kind, templates]) => [
    kind,
    templates.map((template) => ({ template, needs: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof LineValues) })),
  ]),
) as Record<LineKind, { template: string; needs: (keyof LineValues)[] }[]>;

export type LineValues = Partial<Record<'deal' | 'keyIssue' | 'keyOption' | 'giveIssue' | 'giveOption' | 'partner' | 'network', string>>;

/** A line of the kind asked, its placeholders filled; lines whose placeholders cannot all be
 *  filled are skipped. Null when none fits. */
export function line(kind: LineKind, values: LineValues, rng: RngState): [string | null, RngState] {
  const fits = PLACEHOLDERS[kind].filter(({ needs }) => needs.every((key) => values[key] !== undefined)).map((t) => t.template);
  if (fits.length === 0) return [null, rng];
  const [r, next] = nextRandom(rng);
  const template = fits[Math.floor(r * fits.length)];
  return [template.replace(/\{(\w+)\}/g, (_, key: string) => values[key as keyof LineValues]!), next];
}

/** Statement texts per mood: the tone is picked from the scenario's tones by its label. */
export const STATEMENT_TEXT = {
  calm: 'We call on everyone to lower their voices and keep cooperation in space alive.',
  proud: 'Our achievements in space speak for themselves.',
  firm: 'We will defend our interests; no one should mistake patience for weakness.',
  inform: 'We want the public to know what is at stake in these talks.',
} as const;
