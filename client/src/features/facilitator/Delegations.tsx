// Every delegation as its players see it, for the facilitator during play: public and
// confidential brief, secret objectives (met so far or not) and walk-away values per deal type.
// The data comes from the facilitator's own view; players' views never carry other roles' secrets.
import { Badge, Group, Paper, SimpleGrid, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { formatNumber, t } from '../../i18n';
import { useSession } from '../../net/SessionContext';
import { LockIcon } from '../../ui/icons';
import { dealTypeOf } from '../../ui/names';

export function Delegations() {
  const { view, scenario } = useSession();
  const secrets = view.facilitator?.delegations ?? [];
  const scores = view.facilitator?.scores ?? [];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="delegations">
      {view.roles.map((role) => {
        const secret = secrets.find((s) => s.id === role.id);
        const objectives = scores.find((s) => s.role === role.id)?.objectives ?? [];
        const tables = Object.entries(secret?.pointTables ?? {});
        return (
          <Paper key={role.id} p="md" component="section" aria-labelledby={`delegation-${role.id}`}>
            <Stack gap="sm">
              <div>
                <Text size="xs" c="dimmed">
                  <span data-text="scenario">{role.nations.join(' / ')}</span> · {t.roleKinds[role.kind] ?? role.kind}
                </Text>
                <Title order={2} size="h4" id={`delegation-${role.id}`} data-text="scenario">
                  {role.name}
                </Title>
              </div>
              <div>
                <Text size="sm" fw={600}>
                  {t.briefing.publicBrief}
                </Text>
                <Spoiler maxHeight={66} showLabel={t.facilitator.showMore} hideLabel={t.facilitator.showLess}>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-text="scenario">
                    {role.publicBrief}
                  </Text>
                </Spoiler>
              </div>
              {secret && (
                <div>
                  <Group gap={6}>
                    <LockIcon />
                    <Text size="sm" fw={600}>
                      {t.briefing.confidentialBrief}
                    </Text>
                  </Group>
                  <Spoiler maxHeight={66} showLabel={t.facilitator.showMore} hideLabel={t.facilitator.showLess}>
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-text="scenario">
                      {secret.confidentialBrief}
                    </Text>
                  </Spoiler>
                </div>
              )}
              {objectives.length > 0 && (
                <div>
                  <Text size="sm" fw={600} mb={4}>
                    {t.briefing.objectives}
                  </Text>
                  <Stack gap={4}>
                    {objectives.map((o) => (
                      <Group key={o.id} gap={6} wrap="nowrap" align="flex-start">
                        <Badge size="sm" color={o.met ? 'teal' : 'gray'} variant={o.met ? 'filled' : 'outline'} style={{ flexShrink: 0 }} leftSection={<span aria-hidden="true">{o.met ? '✓' : '✗'}</span>}>
                          {o.met ? t.facilitator.metNow : t.facilitator.notMetNow}
                        </Badge>
                        <Text size="sm">
                          <span data-text="scenario">{o.description}</span>{' '}
                          <Text span c="dimmed">
                            ({t.briefing.points({ n: o.points })})
                          </Text>
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                </div>
              )}
              {tables.length > 0 && (
                <Table fz="sm" withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.deals.dealType}</Table.Th>
                      <Table.Th ta="right">{t.briefing.walkAway}</Table.Th>
                      <Table.Th ta="right">{t.facilitator.bestPossible}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {tables.map(([dealTypeId, table]) => (
                      <Table.Tr key={dealTypeId}>
                        <Table.Td data-text="scenario">{dealTypeOf(scenario, dealTypeId)?.label ?? dealTypeId}</Table.Td>
                        <Table.Td ta="right" className="tabular" fw={600}>
                          {formatNumber(table.walkAway)}
                        </Table.Td>
                        <Table.Td ta="right" className="tabular">
                          {formatNumber(Object.values(table.issues).reduce((sum, options) => sum + Math.max(0, ...Object.values(options)), 0))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
