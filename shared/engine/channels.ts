// Channels: which exist at the start, who is in them, and which constraints close them. Only a
// group has a name in the state (its opener's words): readers name the others (wording.ts).
import type { Scenario } from '../scenario/schema';
import type { ScenarioIndex } from './scenarioIndex';
import type { Channel } from './types';

export const bilateralId = (a: string, b: string): string => (a < b ? `bilateral:${a}:${b}` : `bilateral:${b}:${a}`);

/** Official (track I) when a government or a state agency takes part (the Wolf Amendment binds
 *  NASA), informal (track II) among scientists, industry and press. Networks say their own track. */
export function channelTrack(roles: ReadonlyMap<string, { kind: string }>, members: readonly string[]): 1 | 2 {
  return members.some((m) => {
    const kind = roles.get(m)?.kind;
    return kind === 'government' || kind === 'agency';
  })
    ? 1
    : 2;
}

const trackOf = (ix: ScenarioIndex, members: string[]): 1 | 2 => channelTrack(ix.roles, members);

export function initialChannels(scenario: Scenario, ix: ScenarioIndex): Record<string, Channel> {
  const channels: Record<string, Channel> = {};
  const add = (c: Channel) => (channels[c.id] = c);
  const roles = scenario.roles;
  if (scenario.channels.public) add({ id: 'public', kind: 'public', members: [...ix.roleIds], track: 1 });
  if (scenario.channels.team)
    for (const r of roles) add({ id: `team:${r.id}`, kind: 'team', members: [r.id], track: trackOf(ix, [r.id]) });
  if (scenario.channels.bilateral)
    for (let i = 0; i < roles.length; i++)
      for (let j = i + 1; j < roles.length; j++) {
        const [a, b] = [roles[i], roles[j]];
        const members = [a.id, b.id].sort();
        add({ id: bilateralId(a.id, b.id), kind: 'bilateral', members, track: trackOf(ix, members) });
      }
  for (const n of scenario.channels.networks)
    add({ id: `network:${n.id}`, kind: 'network', members: [...n.members], track: n.track });
  return channels;
}

/** What a constraint closes (a constraint's definition and its view both carry it). */
export interface ChannelRules {
  id: string;
  label: string;
  closesChannels: ({ channel: string } | { between: [string, string] })[];
}

/** The first active constraint that closes the channel, or null when it is open.
 *  `between: [a, b]` closes a and b's bilateral channel and any group holding both: a coalition
 *  is no way around a ban on talking. A track II channel is never closed. */
export function closingConstraint<C extends ChannelRules>(channel: Pick<Channel, 'id' | 'kind' | 'members' | 'track'>, constraints: readonly C[]): C | null {
  // Freezes close track I channels, never track II: that is what keeps contact alive.
  if (channel.track === 2) return null;
  for (const constraint of constraints) {
    for (const target of constraint.closesChannels) {
      if ('channel' in target) {
        if (channel.id === target.channel || channel.id === `network:${target.channel}`) return constraint;
      } else if (channel.kind === 'bilateral' || channel.kind === 'group') {
        const [a, b] = target.between;
        if (channel.members.includes(a) && channel.members.includes(b)) return constraint;
      }
    }
  }
  return null;
}

/** The label of the first active constraint that closes the channel, or null when it is open. */
export function closedBy(channel: Pick<Channel, 'id' | 'kind' | 'members' | 'track'>, constraints: readonly ChannelRules[]): string | null {
  return closingConstraint(channel, constraints)?.label ?? null;
}

export function groupTrack(ix: ScenarioIndex, members: string[]): 1 | 2 {
  return trackOf(ix, members);
}
