// Roles and their seats, with each seat's powers as checkboxes: ticking one rewrites that seat's
// `powers` list in the YAML, and nothing else.
import { memo } from 'react';
import { Badge, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { RawScenario } from './check';
import { list, rawRoles, str } from './raw';
import { SEAT_POWERS } from './schema';
import type { Edit } from './StudioScreen';
import { st, useStudioText } from './text';

const POWERS = SEAT_POWERS;

/** Drawn again only when the views' data changes (not on every verdict). */
export const RolesView = memo(function RolesView({ raw, edit }: { raw: RawScenario; edit: Edit }) {
  useStudioText(); // memo: re-drawn when the studio's words change too
  const roles = rawRoles(raw);
  if (roles.length === 0) return <Text c="dimmed">{st.roles.none}</Text>;
  return (
    <Stack gap="md">
      {roles.map(({ index, role, id, name }) => {
        const nations = Array.isArray(role.nations) ? role.nations.map((n) => str(n)).join(', ') : '';
        return (
          <Paper key={index} p="md" withBorder component="section" aria-labelledby={`studio-role-${index}`}>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5" id={`studio-role-${index}`}>
                {/* The draft's own texts and ids (docs/translating.md): not the catalogue's. */}
                <span data-text="scenario">{name}</span>{' '}
                <Text span c="dimmed" size="sm" data-text="code">
                  ({id})
                </Text>
              </Title>
              <Group gap={4}>
                {role.kind !== undefined && <Badge variant="light" data-text="code">{str(role.kind)}</Badge>}
                {nations && <Badge variant="outline" data-text="scenario">{nations}</Badge>}
              </Group>
            </Group>
            <Table className="tabular" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st.roles.seat}</Table.Th>
                  {POWERS.map((power) => (
                    <Table.Th key={power} ta="center">
                      {(st.roles.power as Record<string, string>)[power] ?? power}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list(role.seats).map((seat, s) => {
                  const powers = Array.isArray(seat.powers) ? seat.powers.map((p) => str(p)) : [];
                  const title = str(seat.title, str(seat.id));
                  return (
                    <Table.Tr key={s}>
                      <Table.Td data-text="scenario">{title}</Table.Td>
                      {POWERS.map((power) => (
                        <Table.Td key={power} ta="center">
                          <Checkbox
                            mx="auto"
                            w="fit-content"
                            aria-label={st.roles.powerLabel({ seat: `${name}, ${title}`, power: (st.roles.power as Record<string, string>)[power] ?? power })}
                            checked={powers.includes(power)}
                            onChange={(e) => {
                              const next = e.currentTarget.checked ? POWERS.filter((p) => p === power || powers.includes(p)) : powers.filter((p) => p !== power);
                              edit(['roles', index, 'seats', s, 'powers'], next);
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
        );
      })}
    </Stack>
  );
});
