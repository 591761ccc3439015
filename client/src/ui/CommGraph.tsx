// Who talks to whom: delegations on a circle, one line per pair that shares a channel, thicker
// with more messages; track II lines dashed (and labelled in the legend), so colour is not the
// only signal. Counts come from the facilitator's per-channel counts (private channels included,
// without their text), else from the messages the viewer can read.
import { Group, Stack, Text } from '@mantine/core';
import type { Message } from '@shared/engine/types';
import type { GameView } from '@shared/engine/view';
import { list, t } from '../i18n';

interface Edge {
  a: string;
  b: string;
  track: 1 | 2;
  messages: number;
}

function sentBy(messages: Message[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) if (m.role !== null) counts[m.role] = (counts[m.role] ?? 0) + 1;
  return counts;
}

export function communicationEdges(view: GameView): Edge[] {
  const edges = new Map<string, Edge>();
  for (const channel of view.channels) {
    if (channel.kind === 'public' || channel.kind === 'team') continue;
    const members = channel.members;
    const sent = channel.messagesBy ?? sentBy(channel.messages ?? []);
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [members[i], members[j]].sort();
        const key = `${a}|${b}|${channel.track}`;
        const edge = edges.get(key) ?? { a, b, track: channel.track, messages: 0 };
        // In a group, a message from one member reaches every other member.
        edge.messages += (sent[a] ?? 0) + (sent[b] ?? 0);
        edges.set(key, edge);
      }
  }
  return [...edges.values()].filter((e) => e.messages > 0);
}

export function CommGraph({ view, size = 360 }: { view: GameView; size?: number }) {
  const roles = view.roles;
  const edges = communicationEdges(view);
  const r = size / 2 - 60;
  const center = size / 2;
  // Labels sit under the nodes (above the top one): leave room for them at the sides.
  const rx = size / 2 - 75;
  const position = new Map(
    roles.map((role, i) => {
      const angle = (2 * Math.PI * i) / roles.length - Math.PI / 2;
      return [role.id, { x: center + rx * Math.cos(angle), y: center + r * Math.sin(angle) }];
    }),
  );
  const max = Math.max(1, ...edges.map((e) => e.messages));
  const description = list(
    edges.map((e) =>
      t.format.pairTalk({ a: roles.find((x) => x.id === e.a)?.name ?? e.a, b: roles.find((x) => x.id === e.b)?.name ?? e.b, n: e.messages, track: e.track === 2 ? t.table.trackTwo : t.table.trackOne }),
    ),
  );
  return (
    <Stack gap="xs" align="center">
      <svg width="100%" viewBox={`0 0 ${size} ${size}`} style={{ maxWidth: size }} role="img" aria-label={t.format.sentences({ first: t.facilitator.graph, second: description })} data-testid="comm-graph">
        {edges.map((e) => {
          const p = position.get(e.a)!;
          const q = position.get(e.b)!;
          const offset = e.track === 2 ? 6 : -6;
          return (
            <g key={`${e.a}-${e.b}-${e.track}`}>
              <line
                x1={p.x + offset}
                y1={p.y + offset}
                x2={q.x + offset}
                y2={q.y + offset}
                stroke={e.track === 2 ? '#9c36b5' : '#1c3f8f'}
                strokeWidth={1.5 + (6 * e.messages) / max}
                strokeDasharray={e.track === 2 ? '7 5' : undefined}
                strokeLinecap="round"
                opacity={0.75}
              />
              <text x={(p.x + q.x) / 2 + offset * 2} y={(p.y + q.y) / 2 + offset * 2} fontSize="11" textAnchor="middle" fill="#495057">
                {e.messages}
              </text>
            </g>
          );
        })}
        {roles.map((role) => {
          const p = position.get(role.id)!;
          return (
            <g key={role.id}>
              <circle cx={p.x} cy={p.y} r={10} fill="white" stroke="#1c3f8f" strokeWidth={2} />
              <text x={p.x} y={p.y < center - 1 ? p.y - 16 : p.y + 28} fontSize="12" fontWeight={600} textAnchor="middle" fill="#212529" data-text="scenario">
                {role.name.length > 18 ? `${role.name.slice(0, 17)}…` : role.name}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="lg">
        <Group gap={6}>
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="28" y2="4" stroke="#1c3f8f" strokeWidth="3" />
          </svg>
          <Text size="xs">{t.debrief.trackOneLegend}</Text>
        </Group>
        <Group gap={6}>
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="28" y2="4" stroke="#9c36b5" strokeWidth="3" strokeDasharray="7 5" />
          </svg>
          <Text size="xs">{t.debrief.trackTwoLegend}</Text>
        </Group>
      </Group>
    </Stack>
  );
}
