// Who has not acted in this phase, and the live scores.
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { awaitingReady } from '@shared/engine/ready';
import { formatNumber, t } from '../../i18n';
import { useSession } from '../../net/SessionContext';
import { roleName } from '../../ui/names';
import { Explain } from '../help/Explain';
import { occupantLabel } from '../lobby/SeatMap';

export function NotActed() {
  const { view } = useSession();
  // The seats the engine's Ready rule waits for: "every seat has acted" exactly when Ready ends the phase.
  const idle = awaitingReady(view.seats);
  return (
    <Paper p="md" component="section" aria-labelledby="not-acted-title">
      <Title order={2} size="h5" id="not-acted-title">
        {t.facilitator.notActed}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t.facilitator.notActedHint}
      </Text>
      {view.status !== 'running' || idle.length === 0 ? (
        <Text size="sm">{view.status === 'running' ? `✓ ${t.facilitator.everyoneActed}` : '–'}</Text>
      ) : (
        <Stack gap={4} data-testid="not-acted">
          {idle.map((s) => (
            <Group key={`${s.role}/${s.seat}`} gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600} style={{ flexShrink: 0 }} data-text={s.occupant?.kind === 'human' ? 'player' : undefined}>
                {occupantLabel(s)}
              </Text>
              <Text size="xs" c="dimmed" truncate data-text="scenario">
                {s.title} · {roleName(view, s.role)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function LiveScores() {
  const { view } = useSession();
  const scores = (view.facilitator?.scores ?? []).slice().sort((a, b) => b.total - a.total);
  return (
    <Paper p="md" component="section" aria-labelledby="scores-title">
      <Title order={2} size="h5" id="scores-title" mb="xs">
        {t.facilitator.scores}
      </Title>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Tbody>
          {scores.map((s) => (
            <Table.Tr key={s.role}>
              <Table.Td data-text="scenario">{roleName(view, s.role)}</Table.Td>
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {s.deals.some((d) => !d.walkAway) && (
                    <Explain text={t.help.agreementsBadge}>
                      <Badge component="span" size="xs" variant="light" color="teal">
                        {t.debrief.deals}
                      </Badge>
                    </Explain>
                  )}
                  <Text fw={700} className="tabular">
                    {formatNumber(s.total)}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
