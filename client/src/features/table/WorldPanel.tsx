// The shared gauges (tracks with their thresholds), constraints in force, the trust the viewer
// can see, and the viewer's resources.
import { Badge, Group, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { formatNumber, t } from '../../i18n';
import { WarningIcon } from '../../ui/icons';
import { resourceLabel, roleName } from '../../ui/names';

export function TrackGauges({ view, scenario, size = 'md' }: { view: GameView; scenario: PublicScenario | null; size?: 'md' | 'xl' }) {
  const tracks = scenario?.tracks ?? [];
  const big = size === 'xl';
  return (
    <Stack gap={big ? 'lg' : 'sm'}>
      {tracks.map((track) => {
        const value = view.tracks[track.id] ?? track.start;
        const share = ((value - track.min) / (track.max - track.min || 1)) * 100;
        const passed = track.thresholds.filter((th) => value >= th.at).at(-1);
        const danger = passed !== undefined && track.id === 'tension';
        return (
          <div key={track.id} data-testid={`track-${track.id}`}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Tooltip label={track.description} disabled={!track.description} multiline w={260}>
                <Text size={big ? 'xl' : 'sm'} fw={500} tabIndex={track.description ? 0 : undefined} data-text="scenario">
                  {track.label}
                </Text>
              </Tooltip>
              <Group gap={6} wrap="nowrap">
                {passed && (
                  <Badge size={big ? 'lg' : 'sm'} color={danger ? 'red' : 'space'} variant="light" data-text="scenario">
                    {passed.label}
                  </Badge>
                )}
                <Text size={big ? 'xl' : 'sm'} fw={700} className="tabular">
                  {t.format.ofMax({ value, max: track.max })}
                </Text>
              </Group>
            </Group>
            <Progress
              value={share}
              size={big ? 'xl' : 'md'}
              mt={4}
              color={danger ? 'red.7' : 'space.7'}
              aria-label={t.format.labelled({ label: track.label, value: t.format.ofMax({ value, max: track.max }) })}
            />
            {track.thresholds.length > 0 && !big && (
              <Text size="xs" c="dimmed" mt={2}>
                {track.thresholds.map((th) => t.format.labelled({ label: formatNumber(th.at), value: th.label })).join(' · ')}
              </Text>
            )}
          </div>
        );
      })}
    </Stack>
  );
}

export function ConstraintList({ view }: { view: GameView }) {
  if (view.constraints.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t.table.constraints}
      </Text>
      {view.constraints.map((c) => (
        <Paper key={c.id} p="xs" bg="orange.0" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
          <Text size="sm" fw={600} data-text="scenario">
            <WarningIcon /> {c.label}
          </Text>
          <Text size="xs" data-text="scenario">
            {c.description}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

function TrustBar({ value, label }: { value: number | undefined; label: string }) {
  if (value === undefined) return <Text size="xs">–</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={value} w={60} size="sm" color={value < 35 ? 'red.6' : value < 60 ? 'yellow.6' : 'teal.6'} aria-label={t.format.labelled({ label, value: formatNumber(value) })} />
      <Text size="xs" className="tabular" fw={600} w={24}>
        {formatNumber(value)}
      </Text>
    </Group>
  );
}

function TrustTable({ view }: { view: GameView }) {
  const me = view.me?.role.id;
  if (!me) return null;
  const others = view.roles.filter((r) => r.id !== me);
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t.table.trust}
      </Text>
      <Table fz="xs" verticalSpacing={4} horizontalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t.table.trustMine}</Table.Th>
            <Table.Th>{t.table.trustTheirs}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {others.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td data-text="scenario">{r.name}</Table.Td>
              <Table.Td>
                <TrustBar value={view.trust[me]?.[r.id]} label={t.table.trustIn({ role: r.name })} />
              </Table.Td>
              <Table.Td>
                <TrustBar value={view.trust[r.id]?.[me]} label={t.table.trustOf({ role: r.name })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t.table.trustHint}
      </Text>
    </div>
  );
}

function MyResources({ view, scenario }: { view: GameView; scenario: PublicScenario | null }) {
  const me = view.me?.role.id;
  if (!me) return null;
  const resources = view.resources[me] ?? {};
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t.table.resources} · <span data-text="scenario">{roleName(view, me)}</span>
      </Text>
      <Group gap="lg">
        {Object.entries(resources).map(([id, value]) => (
          <div key={id}>
            <Text size="xs" c="dimmed" data-text="scenario">
              {resourceLabel(scenario, id)}
            </Text>
            <Text fw={700} className="tabular">
              {formatNumber(value)}
            </Text>
          </div>
        ))}
      </Group>
    </div>
  );
}

export function WorldPanel({ view, scenario }: { view: GameView; scenario: PublicScenario | null }) {
  return (
    <Paper p="md" component="section" aria-labelledby="world-title">
      <Stack gap="md">
        <Title order={2} size="h5" id="world-title">
          {t.table.tracks}
        </Title>
        <TrackGauges view={view} scenario={scenario} />
        <ConstraintList view={view} />
        <MyResources view={view} scenario={scenario} />
        <TrustTable view={view} />
      </Stack>
    </Paper>
  );
}
