// How a reader words the timeline and names the channels. The state holds codes and ids
// (TimelineMessage, Channel); each reader brings its language's messages (the client's catalogue,
// client/src/i18n; the server's for the exports, server/i18n) and the scenario in its language
// (a translated public scenario, or the scenario itself), so one Russian student reads
// «Вступило в силу: …» while her American partner reads "In force: …". Pure: no I/O, no clock.
import type { Channel, TimelineEntry } from './types';

type Message<V> = (values: V) => string;
/** A message without arguments: a string in the client's compiled catalogue, a function of
 *  nothing in the server's. */
type Constant = string | (() => string);

/** The timeline's messages in one language. A message named `…Text` is an entry's second line. */
export interface TimelineWords {
  gameBegins: Message<{ title: string }>;
  phaseBegins: Message<{ round: number; phase: string }>;
  /** A round the scenario names (a year, a summit): "Round 2 (1972): Negotiation". */
  phaseBeginsLabelled: Message<{ round: number; roundLabel: string; phase: string }>;
  constraintInForce: Message<{ constraint: string }>;
  constraintLifted: Message<{ constraint: string }>;
  constraintLiftedText: Message<{ description: string }>;
  statementMade: Message<{ role: string; tone: string }>;
  actionTaken: Message<{ role: string; action: string }>;
  dealTypeOpened: Message<{ dealType: string }>;
  dealInForce: Message<{ dealType: string }>;
  memorandumSigned: Message<{ dealType: string }>;
  dealInForceText: Message<{ parties: string }>;
  /** One term of a deal, as a sentence: "Crew: a mixed crew." */
  term: Message<{ issue: string; option: string }>;
  /** Two sentences one after the other (a space in English and Russian, none in Chinese). */
  sentences: Message<{ first: string; second: string }>;
  dealSuperseded: Message<{ dealType: string; deal: string }>;
  dealSupersededText: Message<{ dealType: string; parties: string; by: string }>;
  ratificationFails: Message<{ dealType: string }>;
  ratificationFailsText: Message<{ role: string; parties: string }>;
  dealBroken: Message<{ dealType: string }>;
  dealBrokenText: Message<{ role: string; parties: string }>;
  memorandumLeft: Message<{ dealType: string }>;
  memorandumLeftText: Message<{ role: string; parties: string }>;
  proposalWithdrawn: Message<{ dealType: string }>;
  proposalWithdrawnText: Message<{ role: string; parties: string }>;
  memorandumAdopted: Message<{ role: string; memorandum: string }>;
  memorandumAdoptedText: Message<{ dealType: string }>;
  bridged: Message<{ parties: string }>;
  gameCompleted: Constant;
  gameCollapsed: Constant;
  gameEndedByFacilitator: Constant;
  secretsRevealed: Constant;
}

/** The channels' names in one language (networks and groups have their own). */
export interface ChannelWords {
  public: Constant;
  team: Message<{ role: string }>;
  bilateral: Message<{ a: string; b: string }>;
}

/** What a reader words with: its messages and its language's lists ("A, B and C"). */
export interface Wording {
  timeline: TimelineWords;
  channels: ChannelWords;
  list(items: readonly string[]): string;
}

/** The scenario's texts a reader needs, in its language: a PublicScenario or a Scenario. */
export interface WordingScenario {
  title: string;
  summary: string;
  roles: readonly { id: string; name: string }[];
  constraints: readonly { id: string; label: string; description: string }[];
  dealTypes: readonly {
    id: string;
    label: string;
    description: string;
    track: 1 | 2;
    issues: readonly { id: string; label: string; options: readonly { id: string; label: string }[] }[];
  }[];
  statements: readonly { id: string; label: string }[];
  actions: readonly { id: string; label: string; description: string }[];
  rounds: { labels?: readonly string[]; phases: readonly { id: string; label: string; description?: string }[] };
  channels: { networks: readonly { id: string; label: string }[] };
}

/** Where a worded text comes from: the reader's catalogue (a message with the scenario's labels
 *  in it), the scenario itself (an event, a description), or a person (a player's statement, the
 *  facilitator's news). A screen marks the last two as not its own (the pseudo-language pass). */
export type TextSource = 'catalogue' | 'scenario' | 'player';

/** An entry as its reader reads it: a headline and a second line (empty when there is none). */
export interface Worded {
  headline: string;
  text: string;
  from: { headline: TextSource; text: TextSource };
}

const constant = (message: Constant): string => (typeof message === 'string' ? message : message());

/** A thing's label by id; the id itself when the scenario has no such thing (never a blank). */
const labelOf = <T extends { id: string }>(items: readonly T[], id: string, field: (item: T) => string): string => {
  const item = items.find((i) => i.id === id);
  return item ? field(item) : id;
};

export function wordTimeline(entry: TimelineEntry, scenario: WordingScenario, wording: Wording): Worded {
  const w = wording.timeline;
  const role = (id: string) => labelOf(scenario.roles, id, (r) => r.name);
  const roles = (ids: readonly string[]) => wording.list(ids.map(role));
  const dealType = (id: string) => scenario.dealTypes.find((d) => d.id === id);
  const dealLabel = (id: string) => dealType(id)?.label ?? id;
  const sentences = (...parts: string[]) => parts.filter(Boolean).reduce((first, second) => w.sentences({ first, second }));
  /** The terms as sentences, in the deal type's order of issues. */
  const terms = (typeId: string, chosen: Record<string, string>) => {
    const issues = dealType(typeId)?.issues ?? Object.keys(chosen).map((id) => ({ id, label: id, options: [] }));
    return issues
      .filter((issue) => chosen[issue.id] !== undefined)
      .map((issue) => w.term({ issue: issue.label, option: labelOf(issue.options, chosen[issue.id], (o) => o.label) }));
  };

  const worded = (headline: string, text: string, from: TextSource = 'scenario', headlineFrom: TextSource = 'catalogue'): Worded => ({
    headline,
    text,
    from: { headline: headlineFrom, text: from },
  });

  switch (entry.code) {
    case 'gameBegins':
      return worded(w.gameBegins({ title: scenario.title }), scenario.summary);
    case 'phaseBegins': {
      const { round } = entry.params;
      const phase = scenario.rounds.phases.find((p) => p.id === entry.params.phase);
      const roundLabel = scenario.rounds.labels?.[round - 1];
      const label = phase?.label ?? entry.params.phase;
      return worded(roundLabel ? w.phaseBeginsLabelled({ round, roundLabel, phase: label }) : w.phaseBegins({ round, phase: label }), phase?.description ?? '');
    }
    case 'constraintInForce':
    case 'constraintLifted': {
      const c = scenario.constraints.find((x) => x.id === entry.params.constraint);
      const constraint = c?.label ?? entry.params.constraint;
      const description = c?.description ?? '';
      // A lifted constraint's text says so: its description alone reads as if it still held.
      return entry.code === 'constraintInForce'
        ? worded(w.constraintInForce({ constraint }), description)
        : worded(w.constraintLifted({ constraint }), description && w.constraintLiftedText({ description }), 'catalogue');
    }
    case 'eventFired':
    case 'commonsCollapsed':
      return worded(entry.params.title, entry.params.text, 'scenario', 'scenario');
    case 'newsPublished':
      // A news effect's words or the facilitator's own: not the reader's catalogue either way.
      return worded(entry.params.headline, entry.params.text, 'scenario', 'scenario');
    case 'statementMade': {
      const tone = labelOf(scenario.statements, entry.params.tone, (s) => s.label).toLowerCase();
      return worded(w.statementMade({ role: role(entry.params.role), tone }), entry.params.text, 'player');
    }
    case 'actionTaken': {
      const action = scenario.actions.find((a) => a.id === entry.params.action);
      return worded(w.actionTaken({ role: role(entry.params.role), action: action?.label ?? entry.params.action }), action?.description ?? '');
    }
    case 'dealTypeOpened':
      return worded(w.dealTypeOpened({ dealType: dealLabel(entry.params.dealType) }), dealType(entry.params.dealType)?.description ?? '');
    case 'dealInForce': {
      const p = entry.params;
      const signed = dealType(p.dealType)?.track === 2 ? w.memorandumSigned : w.dealInForce;
      return worded(signed({ dealType: dealLabel(p.dealType) }), sentences(w.dealInForceText({ parties: roles(p.parties) }), ...terms(p.dealType, p.terms)), 'catalogue');
    }
    case 'dealSuperseded': {
      const p = entry.params;
      return worded(
        w.dealSuperseded({ dealType: dealLabel(p.dealType), deal: p.deal }),
        w.dealSupersededText({ dealType: dealLabel(p.dealType), parties: roles(p.parties), by: p.by }),
        'catalogue',
      );
    }
    case 'ratificationFails':
    case 'dealBroken': {
      const p = entry.params;
      const [headline, text] = entry.code === 'dealBroken' ? [w.dealBroken, w.dealBrokenText] : [w.ratificationFails, w.ratificationFailsText];
      return worded(headline({ dealType: dealLabel(p.dealType) }), text({ role: role(p.role), parties: roles(p.parties) }), 'catalogue');
    }
    case 'dealWithdrawn': {
      const p = entry.params;
      const [headline, text] = p.left ? [w.memorandumLeft, w.memorandumLeftText] : [w.proposalWithdrawn, w.proposalWithdrawnText];
      return worded(headline({ dealType: dealLabel(p.dealType) }), text({ role: role(p.role), parties: roles(p.parties) }), 'catalogue');
    }
    case 'memorandumAdopted': {
      const p = entry.params;
      const text = sentences(
        w.memorandumAdoptedText({ dealType: dealLabel(p.dealType) }),
        ...terms(p.dealType, p.terms),
        p.bridgedBy ? w.bridged({ parties: roles(p.bridgedBy) }) : '',
      );
      return worded(w.memorandumAdopted({ role: role(p.role), memorandum: dealLabel(p.memorandumType) }), text, 'catalogue');
    }
    case 'gameOver': {
      const { reason } = entry.params;
      const headline = reason === 'completed' ? w.gameCompleted : reason === 'collapse' ? w.gameCollapsed : w.gameEndedByFacilitator;
      return worded(constant(headline), '', 'catalogue');
    }
    case 'secretsRevealed':
      return worded(constant(w.secretsRevealed), '', 'catalogue');
  }
}

/** Where a channel's name comes from (see TextSource): a network's is the scenario's, a group's
 *  its opener's, the others' the reader's catalogue. */
export function channelNameSource(channel: { kind: string }): TextSource {
  return channel.kind === 'network' ? 'scenario' : channel.kind === 'group' ? 'player' : 'catalogue';
}

/** A channel's name in the reader's language: "Public", "NASA team", "NASA – Soviet Academy of
 *  Sciences" (in the scenario's order of roles), a network's own name, a group's as typed. */
export function channelName(channel: Pick<Channel, 'id' | 'kind' | 'members' | 'label'>, scenario: Pick<WordingScenario, 'roles' | 'channels'>, wording: Pick<Wording, 'channels'>): string {
  const words = wording.channels;
  const role = (id: string) => labelOf(scenario.roles, id, (r) => r.name);
  switch (channel.kind) {
    case 'public':
      return constant(words.public);
    case 'team':
      return words.team({ role: role(channel.members[0] ?? '') });
    case 'bilateral': {
      const [a, b] = scenario.roles.filter((r) => channel.members.includes(r.id)).map((r) => r.name);
      return a && b ? words.bilateral({ a, b }) : words.bilateral({ a: role(channel.members[0] ?? ''), b: role(channel.members[1] ?? '') });
    }
    case 'network':
      return labelOf(scenario.channels.networks, channel.id.replace(/^network:/, ''), (n) => n.label);
    case 'group':
      return channel.label ?? channel.id;
  }
}
