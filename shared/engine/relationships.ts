// Track II relationships: sustained contact between two communities (both posting in a track II
// channel in a round, or both parties to a memorandum in force) builds a relationship, counted in
// rounds of contact. It raises their trust every round, outlives any freeze of track I, and, once
// it reaches the scenario's `trackTwo.bridge`, carries the adoption of their memorandum through
// bans and failed ratifications (deals.ts, moves.ts).
import type { Scenario } from '../scenario/schema';
import { isInForce } from './conditions';
import type { Deal, GameState } from './types';
import { clamp, put, type Work } from './work';

export const relationshipKey = (a: string, b: string): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** Rounds of track II contact between two roles. */
export const relationshipOf = (relationships: Readonly<Record<string, number>>, a: string, b: string): number =>
  relationships[relationshipKey(a, b)] ?? 0;

/** Whether every two signatories of a memorandum have a relationship of at least the bridge. */
export function bridges(trackTwo: Scenario['trackTwo'], parties: readonly string[], relationship: (a: string, b: string) => number): boolean {
  if (!trackTwo.enabled || parties.length < 2) return false;
  for (let i = 0; i < parties.length; i++)
    for (let j = i + 1; j < parties.length; j++) if (relationship(parties[i], parties[j]) < trackTwo.bridge) return false;
  return true;
}

export function bridgedMemorandum(scenario: Scenario, state: GameState, memo: Deal): boolean {
  return memo.track === 2 && bridges(scenario.trackTwo, memo.parties, (a, b) => relationshipOf(state.relationships ?? {}, a, b));
}

/** The pairs of roles in track II contact this round. Governments are never part of track II. */
function contactPairs(w: Work): Set<string> {
  const { s, ix } = w;
  const pairs = new Set<string>();
  const community = (role: string) => ix.roles.get(role)?.kind !== 'government';
  const addAll = (roles: readonly string[]) => {
    const members = roles.filter(community);
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) pairs.add(relationshipKey(members[i], members[j]));
  };
  for (const id in s.channels) {
    const channel = s.channels[id];
    if (channel.track !== 2) continue;
    const messages = s.messages[id] ?? [];
    const senders = new Set<string>();
    // Newest last: read back to the round's first message.
    for (let i = messages.length - 1; i >= 0 && messages[i].round === s.round; i--) if (messages[i].role) senders.add(messages[i].role!);
    if (senders.size > 1) addAll([...senders]);
  }
  for (const id in s.deals) {
    const deal = s.deals[id];
    if (deal.track === 2 && isInForce(deal)) addAll(deal.parties);
  }
  return pairs;
}

/** At the end of a round: every pair in contact gains a round of relationship and trust. */
export function buildRelationships(w: Work): void {
  const { trackTwo } = w.scenario;
  if (!trackTwo.enabled) return;
  const pairs = contactPairs(w);
  if (pairs.size === 0) return;
  // A snapshot stored before relationships existed has none.
  let relationships = w.s.relationships ?? {};
  const trust = { ...w.s.trust };
  const { min, max } = w.scenario.trust;
  for (const key of pairs) {
    relationships = put(relationships, key, (relationships[key] ?? 0) + 1);
    if (trackTwo.trustPerRound === 0) continue;
    const [a, b] = key.split(':');
    if (trust[a]) trust[a] = put(trust[a], b, clamp(trust[a][b] + trackTwo.trustPerRound, min, max));
    if (trust[b]) trust[b] = put(trust[b], a, clamp(trust[b][a] + trackTwo.trustPerRound, min, max));
  }
  w.s.relationships = relationships;
  if (trackTwo.trustPerRound > 0) w.s.trust = trust;
}
