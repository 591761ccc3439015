// A role's briefing: public brief, and clearly marked as confidential, the confidential brief,
// secret objectives, point tables and walk-away values.
import { Badge, Button, Grid, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { formatNumber, t } from '../../i18n';
import { LockIcon } from '../../ui/icons';
import { dealTypeOf, resourceLabel, seatTitle } from '../../ui/names';
import { Explain } from '../help/Explain';
import classes from './Briefing.module.css';

export function Briefing({ view, scenario, onToTable }: { view: GameView; scenario: PublicScenario | null; onToTable?: () => void }) {
  const me = view.me;
  if (!me) return null;
  const role = me.role;
  const seat = role.seats.find((s) => s.id === me.seat);
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text c="dimmed" size="sm">
            <span data-text="scenario">{role.nations.join(' / ')}</span> · {t.roleKinds[role.kind] ?? role.kind}
          </Text>
          <Title order={2} data-text="scenario">
            {role.name}
          </Title>
        </div>
        {onToTable && (
          <Button onClick={onToTable} size="md">
            {t.briefing.toTable}
          </Button>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Paper p="lg">
              <Title order={3} size="h5">
                {t.briefing.yourSeat}
              </Title>
              <Text fw={600} mt={4} data-text="scenario">
                {seat?.title ?? seatTitle(view, role.id, me.seat)}
              </Text>
              <Text size="sm" mt="xs" fw={500}>
                {t.briefing.powers}
              </Text>
              {seat && seat.powers.length > 0 ? (
                <Group gap={6} mt={4}>
                  {seat.powers.map((p) => (
                    <Explain key={p} text={t.help.powers[p]} testId={`power-${p}`}>
                      <Badge component="span" variant="light">
                        {t.powers[p] ?? p}
                      </Badge>
                    </Explain>
                  ))}
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t.briefing.noPowers}
                </Text>
              )}
            </Paper>
            <Paper p="lg">
              <Title order={3} size="h5">
                {t.briefing.publicBrief}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                {t.briefing.publicHint}
              </Text>
              <Text style={{ whiteSpace: 'pre-line' }} data-text="scenario">
                {role.publicBrief}
              </Text>
            </Paper>
            {Object.keys(role.resources).length > 0 && (
              <Paper p="lg">
                <Title order={3} size="h5" mb="xs">
                  {t.briefing.resources}
                </Title>
                <Group gap="lg">
                  {Object.entries(view.resources[role.id] ?? role.resources).map(([id, value]) => (
                    <div key={id}>
                      <Text size="xs" c="dimmed" data-text="scenario">
                        {resourceLabel(scenario, id)}
                      </Text>
                      <Text fw={700} size="lg" className="tabular">
                        {formatNumber(value)}
                      </Text>
                    </div>
                  ))}
                </Group>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <section className={classes.confidential} aria-labelledby="confidential-title" data-testid="confidential-brief">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4" id="confidential-title">
                {t.briefing.confidentialBrief}
              </Title>
              <Badge color="red" variant="filled" size="lg" leftSection={<LockIcon />}>
                {t.briefing.confidential}
              </Badge>
            </Group>
            <Text size="sm" c="red.9" mb="md" fw={500}>
              {t.briefing.confidentialHint}
            </Text>
            <Text style={{ whiteSpace: 'pre-line' }} mb="lg" data-text="scenario">
              {role.confidentialBrief}
            </Text>
            {role.objectives.length > 0 && (
              <>
                <Title order={4} size="h5" mb="xs">
                  {t.briefing.objectives}
                </Title>
                <List spacing={6} mb="lg">
                  {role.objectives.map((o) => (
                    <List.Item key={o.id}>
                      <Text span data-text="scenario">
                        {o.description}
                      </Text>{' '}
                      <Badge variant="outline" color="dark" size="sm">
                        {t.briefing.points({ n: o.points })}
                      </Badge>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            <Title order={4} size="h5" mb="xs">
              {t.briefing.pointTables}
            </Title>
            <Stack gap="md">
              {Object.entries(role.pointTables).map(([dealTypeId, table]) => {
                const dealType = dealTypeOf(scenario, dealTypeId);
                return (
                  <div key={dealTypeId}>
                    <Group justify="space-between" mb={4}>
                      <Text fw={600} data-text="scenario">
                        {dealType?.label ?? dealTypeId}
                      </Text>
                      <Explain text={t.briefing.walkAwayHint}>
                        <Badge component="span" color="dark" variant="light">
                          {t.format.labelled({ label: t.briefing.walkAway, value: formatNumber(table.walkAway) })}
                        </Badge>
                      </Explain>
                    </Group>
                    <Table withTableBorder withColumnBorders fz="sm" bg="white">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t.briefing.issue}</Table.Th>
                          <Table.Th>{t.briefing.option}</Table.Th>
                          <Table.Th ta="right">{t.briefing.pointsHeader}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {Object.entries(table.issues).flatMap(([issueId, options]) => {
                          const issue = dealType?.issues.find((i) => i.id === issueId);
                          const entries = Object.entries(options);
                          return entries.map(([optionId, points], index) => (
                            <Table.Tr key={`${issueId}-${optionId}`}>
                              {index === 0 && (
                                <Table.Td rowSpan={entries.length} fw={500} data-text="scenario">
                                  {issue?.label ?? issueId}
                                </Table.Td>
                              )}
                              <Table.Td data-text="scenario">{issue?.options.find((o) => o.id === optionId)?.label ?? optionId}</Table.Td>
                              <Table.Td ta="right" className="tabular" fw={600}>
                                {formatNumber(points)}
                              </Table.Td>
                            </Table.Tr>
                          ));
                        })}
                      </Table.Tbody>
                    </Table>
                  </div>
                );
              })}
            </Stack>
          </section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
