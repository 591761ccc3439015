// Who may talk to whom, on which track: a matrix of roles where each cell lists the channels the
// two share (the bilateral channel, track I; every network with both as members, its track), and
// what a constraint active at the start closes. The switches and the membership boxes below edit
// `channels` in the YAML.
import { memo } from 'react';
import { Badge, Checkbox, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import type { RawScenario } from './check';
import { isObj, list, rawRoles, str } from './raw';
import type { Edit } from './StudioScreen';
import { st, useStudioText } from './text';
import classes from './Studio.module.css';

/** Drawn again only when the views' data changes (not on every verdict). */
export const ChannelsView = memo(function ChannelsView({ raw, edit }: { raw: RawScenario; edit: Edit }) {
  useStudioText(); // memo: re-drawn when the studio's words change too
  const channels = isObj(raw.channels) ? raw.channels : {};
  const roles = rawRoles(raw);
  const networks = list(channels.networks);
  const flag = (key: string) => channels[key] !== false;
  // Constraints active from the start that close everything between two roles.
  const closedAtStart = new Map<string, string>();
  for (const c of list(raw.constraints)) {
    if (c.active !== true) continue;
    for (const target of list(c.closesChannels)) {
      if (Array.isArray(target.between)) closedAtStart.set([...target.between].map((x) => str(x)).sort().join('|'), str(c.label, str(c.id)));
    }
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="xs">
          {(['public', 'team', 'bilateral'] as const).map((key) => (
            <Switch key={key} label={st.channels[key]} checked={flag(key)} onChange={(e) => edit(['channels', key], e.currentTarget.checked)} />
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="md" style={{ overflowX: 'auto' }}>
        <Title order={3} size="h5" mb="xs">
          {st.channels.heading}
        </Title>
        <Table className={classes.grid} verticalSpacing={4} horizontalSpacing="xs" withColumnBorders data-testid="channel-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {roles.map((r) => (
                <Table.Th key={r.index} data-text="scenario">
                  {r.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.map((a) => (
              <Table.Tr key={a.index}>
                <Table.Th data-text="scenario">{a.name}</Table.Th>
                {roles.map((b) => {
                  if (a.index === b.index) return <Table.Td key={b.index} bg="gray.1" />;
                  const shared = networks.filter((n) => Array.isArray(n.members) && n.members.includes(a.id) && n.members.includes(b.id));
                  const closed = closedAtStart.get([a.id, b.id].sort().join('|'));
                  return (
                    <Table.Td key={b.index} data-pair={`${a.id}|${b.id}`}>
                      <Group gap={4}>
                        {flag('bilateral') && (
                          <Badge size="xs" color="blue" variant={closed ? 'outline' : 'filled'} td={closed ? 'line-through' : undefined} title={closed ? st.channels.closedAtStart({ label: closed }) : undefined}>
                            {st.channels.bilateralCell} · {st.channels.track({ n: '1' })}
                          </Badge>
                        )}
                        {shared.map((n) => (
                          <Badge key={str(n.id)} size="xs" color={n.track === 1 ? 'blue' : 'teal'} variant="light">
                            <span data-text="scenario">{str(n.label, str(n.id))}</span> · {st.channels.track({ n: String(n.track === 1 ? 1 : 2) })}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      {networks.length > 0 && (
        <Paper withBorder p="md" style={{ overflowX: 'auto' }}>
          <Title order={3} size="h5" mb="xs">
            {st.channels.networks}
          </Title>
          <Table className={classes.grid} verticalSpacing={4} horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {roles.map((r) => (
                  <Table.Th key={r.index} ta="center" data-text="scenario">
                    {r.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {networks.map((n, i) => {
                const members = Array.isArray(n.members) ? n.members.map((m) => str(m)) : [];
                const label = str(n.label, str(n.id));
                return (
                  <Table.Tr key={i}>
                    <Table.Th>
                      <span data-text="scenario">{label}</span>{' '}
                      <Text span size="xs" c="dimmed">
                        ({st.channels.track({ n: String(n.track === 1 ? 1 : 2) })})
                      </Text>
                    </Table.Th>
                    {roles.map((r) => (
                      <Table.Td key={r.index} ta="center">
                        <Checkbox
                          mx="auto"
                          w="fit-content"
                          aria-label={st.channels.member({ network: label, role: r.name })}
                          checked={members.includes(r.id)}
                          onChange={(e) => {
                            const next = e.currentTarget.checked ? roles.map((x) => x.id).filter((id) => id === r.id || members.includes(id)) : members.filter((m) => m !== r.id);
                            edit(['channels', 'networks', i, 'members'], next);
                          }}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
});
