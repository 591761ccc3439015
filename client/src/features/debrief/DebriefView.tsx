// The debrief (a lazy chunk): revealed objectives and scores, agreements and where each stands in
// the space of possible agreements, tracks and trust over
// the rounds (charts, lazy too), the communication graph, participation per seat, the scenario's
// discussion prompts, exports and a print stylesheet for a clean handout.
import { lazy, Suspense, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, List, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { api, apiErrorText, type ApiError } from '../../api';
import { currentLanguage, formatNumber, t } from '../../i18n';
import { CommGraph } from '../../ui/CommGraph';
import { dealTypeOf, roleName } from '../../ui/names';
import { occupantLabel } from '../lobby/SeatMap';
import { TermsTable } from '../table/DealBoard';
import classes from './Debrief.module.css';
import { TimelineItem } from '../table/NewsFeed';
import { DealsInSpace } from './DealsInSpace';

const DebriefCharts = lazy(() => import('./DebriefCharts'));

export default function DebriefView({
  view,
  scenario,
  sessionId,
  facilitatorKey,
}: {
  view: GameView;
  scenario: PublicScenario | null;
  sessionId?: string;
  facilitatorKey?: string;
}) {
  const debrief = view.debrief;
  if (!debrief)
    return (
      <Alert color="space" variant="light">
        {view.facilitator ? t.debrief.notYetFacilitator : view.status === 'ended' ? t.debrief.notYetEnded : t.debrief.notYet}
      </Alert>
    );
  const scores = debrief.scores.slice().sort((a, b) => b.total - a.total);
  const inForce = view.deals.filter((d) => d.status === 'inForce' || d.status === 'adopted' || d.status === 'breached');
  const participation = view.facilitator?.participation;
  return (
    <Stack gap="lg" data-testid="debrief">
      {/* The title and outcome head the printed handout too; the buttons do not print. */}
      <Group justify="space-between">
        <div>
          <Title order={2}>{t.debrief.title}</Title>
          {view.outcome && <Text c="dimmed">{t.debrief.outcome[view.outcome.reason]}</Text>}
        </div>
        <Group gap="xs" className="no-print">
          {sessionId && facilitatorKey && <ExportButtons sessionId={sessionId} facilitatorKey={facilitatorKey} />}
          <Button variant="default" onClick={() => window.print()}>
            {t.debrief.print}
          </Button>
        </Group>
      </Group>

      <Paper p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="scores-heading">
        <Title order={3} size="h4" id="scores-heading" mb="sm">
          {t.debrief.scores}
        </Title>
        {/* Every column, Total too, fits a phone: smaller type and padding there (Debrief.module.css). */}
        <Table striped className={classes.scores}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.debrief.role}</Table.Th>
              <Table.Th ta="right">{t.debrief.dealsPoints}</Table.Th>
              <Table.Th ta="right">{t.debrief.objectivesPoints}</Table.Th>
              <Table.Th ta="right">{t.debrief.other}</Table.Th>
              <Table.Th ta="right">{t.debrief.total}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scores.map((s) => {
              const deals = s.deals.reduce((sum, d) => sum + d.points, 0);
              const objectives = s.objectives.reduce((sum, o) => sum + (o.met ? o.points : 0), 0);
              return (
                <Table.Tr key={s.role}>
                  <Table.Td fw={600} data-text="scenario">
                    {roleName(view, s.role)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {formatNumber(deals)}
                    {s.deals.some((d) => d.walkAway) && (
                      <Text span size="xs" c="dimmed" className={classes.note}>
                        {' '}
                        {t.format.inParens({ text: t.debrief.walkAway })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {formatNumber(objectives)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {formatNumber(s.total - deals - objectives, { maximumFractionDigits: 2 })}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} className="tabular">
                    {formatNumber(s.total)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>

      <section aria-labelledby="objectives-heading">
        <Title order={3} size="h4" id="objectives-heading" mb="sm">
          {t.debrief.objectives}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {debrief.roles.map((role) => (
            <Paper key={role.id} p="md">
              <Text fw={600} mb={4} data-text="scenario">
                {roleName(view, role.id)}
              </Text>
              <Text size="xs" c="dimmed" mb="xs" lineClamp={4} data-text="scenario">
                {role.confidentialBrief}
              </Text>
              <Stack gap={4}>
                {role.objectives.map((o) => (
                  <Group key={o.id} gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="sm" color={o.met ? 'teal' : 'gray'} variant={o.met ? 'filled' : 'outline'} style={{ flexShrink: 0 }} leftSection={<span aria-hidden="true">{o.met ? '✓' : '✗'}</span>}>
                      {o.met ? t.debrief.met : t.debrief.notMet}
                    </Badge>
                    <Text size="sm">
                      <span data-text="scenario">{o.description}</span> <Text span c="dimmed">({t.briefing.points({ n: o.points })})</Text>
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </section>

      <Paper p="lg" component="section" aria-labelledby="agreements-heading">
        <Title order={3} size="h4" id="agreements-heading" mb="sm">
          {t.debrief.deals}
        </Title>
        {inForce.length === 0 && <Text c="dimmed">{t.deals.noneInForce}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {inForce.map((deal) => (
            <div key={deal.id}>
              <Text fw={600}>
                <span data-text="scenario">{dealTypeOf(scenario, deal.dealType)?.label ?? deal.dealType}</span> · {t.deals.statuses[deal.status]}
              </Text>
              <Text size="sm" c="dimmed" data-text="scenario">
                {deal.parties.map((p) => roleName(view, p)).join(' · ')}
              </Text>
              <TermsTable deal={deal} scenario={scenario} />
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      <DealsInSpace view={view} scenario={scenario} />

      <Suspense fallback={<Loader size="sm" />}>
        <DebriefCharts view={view} scenario={scenario} />
      </Suspense>

      <Grid gap="lg" className="print-break">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper p="lg" component="section" aria-labelledby="graph-heading" h="100%">
            <Title order={3} size="h4" id="graph-heading" mb="sm">
              {t.debrief.graph}
            </Title>
            <CommGraph view={view} size={380} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper p="lg" component="section" aria-labelledby="prompts-heading" h="100%">
            <Title order={3} size="h4" id="prompts-heading" mb="sm">
              {t.debrief.prompts}
            </Title>
            <List spacing="sm" type="ordered">
              {(scenario?.discussionPrompts ?? []).map((p) => (
                <List.Item key={p} data-text="scenario">
                  {p}
                </List.Item>
              ))}
            </List>
          </Paper>
        </Grid.Col>
      </Grid>

      {participation && (
        <Paper p="lg" component="section" aria-labelledby="participation-heading">
          <Title order={3} size="h4" id="participation-heading" mb="sm">
            {t.debrief.participation}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.debrief.student}</Table.Th>
                  <Table.Th>{t.debrief.seat}</Table.Th>
                  <Table.Th ta="right">{t.debrief.messages}</Table.Th>
                  <Table.Th ta="right">{t.debrief.proposals}</Table.Th>
                  <Table.Th ta="right">{t.debrief.responses}</Table.Th>
                  <Table.Th ta="right">{t.debrief.signatures}</Table.Th>
                  <Table.Th ta="right">{t.debrief.statements}</Table.Th>
                  <Table.Th ta="right">{t.debrief.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.seats
                  .filter((s) => s.occupant)
                  .map((s) => {
                    const p = participation[`${s.role}/${s.seat}`];
                    return (
                      <Table.Tr key={`${s.role}/${s.seat}`}>
                        <Table.Td data-text={s.occupant?.kind === 'human' ? 'player' : undefined}>{occupantLabel(s)}</Table.Td>
                        <Table.Td data-text="scenario">
                          {s.title} · {roleName(view, s.role)}
                        </Table.Td>
                        {(['messages', 'proposals', 'responses', 'signatures', 'statements', 'actions'] as const).map((k) => (
                          <Table.Td key={k} ta="right" className="tabular">
                            {formatNumber(p?.[k] ?? 0)}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    );
                  })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <Paper p="lg" component="section" aria-labelledby="timeline-heading" className="print-break">
        <Title order={3} size="h4" id="timeline-heading" mb="sm">
          {t.debrief.timeline}
        </Title>
        <Stack gap="sm">
          {view.timeline
            .filter((e) => e.kind !== 'phase')
            .map((entry, index) => (
              <Group key={`${entry.seq}-${index}`} gap="sm" wrap="nowrap" align="flex-start">
                <Text size="xs" c="dimmed" w={70} style={{ flexShrink: 0 }}>
                  {t.deals.round({ n: entry.round })}
                </Text>
                <TimelineItem entry={entry} scenario={scenario} />
              </Group>
            ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

function ExportButtons({ sessionId, facilitatorKey }: { sessionId: string; facilitatorKey: string }) {
  const [error, setError] = useState<string | null>(null);
  const download = (format: 'json' | 'csv' | 'md') => {
    setError(null);
    api.download(sessionId, facilitatorKey, format, currentLanguage()).catch((e: ApiError) => setError(apiErrorText(e)));
  };
  return (
    <Group gap={4}>
      <Text size="sm" fw={500}>
        {t.format.lead({ label: t.debrief.export })}
      </Text>
      <Button size="xs" variant="light" onClick={() => download('json')}>
        {t.debrief.exportJson}
      </Button>
      <Button size="xs" variant="light" onClick={() => download('csv')}>
        {t.debrief.exportCsv}
      </Button>
      <Button size="xs" variant="light" onClick={() => download('md')}>
        {t.debrief.exportMd}
      </Button>
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}
