// The projector: public state only (joined as a spectator), readable from across a room. In the
// lobby it shows the join code and QR code large, and every seat; in play, clock, tracks,
// statements, deals in force and the timeline; after the reveal, the final scores above them.
import { useEffect, useMemo } from 'react';
import classes from './Projector.module.css';
import { Alert, Badge, Center, Grid, Group, List, Loader, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { formatNumber, t } from '../../i18n';
import { useConnection } from '../../net/useConnection';
import { useSessionByCode } from '../../net/useSessionByCode';
import { PlanLine, sessionPlan, TimeBudget } from '../../ui/ClassPlan';
import { ConnectionBadge } from '../../ui/ConnectionBadge';
import { PhaseClock } from '../../ui/PhaseClock';
import { Shell } from '../../ui/Shell';
import { dealTypeOf, roleName } from '../../ui/names';
import { own, timelineText } from '../../ui/wording';
import { JoinCodePanel } from '../lobby/JoinCodePanel';
import { occupantLabel } from '../lobby/SeatMap';
import { ConstraintList, TrackGauges } from '../table/WorldPanel';
import { TimelineItem } from '../table/NewsFeed';

export function ProjectorScreen({ joinCode: rawCode }: { joinCode: string }) {
  const joinCode = rawCode.toUpperCase();
  const { sessionId, lookupError } = useSessionByCode(joinCode);
  const options = useMemo(
    () =>
      sessionId
        ? { sessionId, outboxKey: `spacebridge.outbox.projector.${sessionId}`, joinOptions: () => ({ as: 'spectator' as const, joinCode }) }
        : null,
    [sessionId, joinCode],
  );
  const [snapshot] = useConnection(options);
  const view = snapshot?.view ?? null;
  const scenario = snapshot?.scenario ?? null;

  useEffect(() => {
    // Everything in rem grows with the root font size: readable from the back of the room.
    document.documentElement.classList.add(classes.projectorRoot);
    return () => document.documentElement.classList.remove(classes.projectorRoot);
  }, []);

  return (
    <Shell title={scenario ? <span data-text="scenario">{scenario.title}</span> : t.projector.title} right={<>{view && <PhaseClock view={view} scenario={scenario} size="xl" />}<ConnectionBadge snapshot={snapshot} /></>}>
      {lookupError ? (
        <Alert color="red" role="alert">
          {lookupError}
        </Alert>
      ) : !view ? (
        <Center h="60vh">
          <Loader />
        </Center>
      ) : (
        <ProjectorBody view={view} scenario={scenario} joinCode={joinCode} />
      )}
    </Shell>
  );
}

function ProjectorBody({ view, scenario, joinCode }: { view: GameView; scenario: PublicScenario | null; joinCode: string }) {
  const plan = sessionPlan(scenario);
  if (view.status === 'lobby')
    return (
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <JoinCodePanel joinCode={joinCode} large />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {scenario && (
              <Paper p="md">
                <Title order={2} data-text="scenario">
                  {scenario.title}
                </Title>
                <Text size="lg" mt={4} lineClamp={3} data-text="scenario">
                  {scenario.summary}
                </Text>
                {plan && (
                  <Stack gap={4} mt="sm">
                    <PlanLine plan={plan} size="lg" />
                    <TimeBudget view={view} scenario={scenario} plan={plan} size="lg" />
                  </Stack>
                )}
              </Paper>
            )}
            <SeatList view={view} />
          </Stack>
        </Grid.Col>
      </Grid>
    );
  const statements = view.timeline.filter((e) => e.kind === 'statement').slice(-6).reverse();
  const timeline = view.timeline.filter((e) => e.kind !== 'statement' && e.kind !== 'phase').slice(-10).reverse();
  return (
    <Stack gap="lg">
      {view.debrief && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: scenario?.discussionPrompts.length ? 7 : 12 }}>
            <FinalScores view={view} debrief={view.debrief} />
          </Grid.Col>
          {scenario && scenario.discussionPrompts.length > 0 && (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Paper p="lg" component="section" aria-labelledby="prompts-title" h="100%">
                <Title order={2} size="h3" id="prompts-title" mb="sm">
                  {t.debrief.prompts}
                </Title>
                <List size="lg" spacing="xs">
                  {scenario.discussionPrompts.map((prompt) => (
                    <List.Item key={prompt} data-text="scenario">
                      {prompt}
                    </List.Item>
                  ))}
                </List>
              </Paper>
            </Grid.Col>
          )}
        </Grid>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {plan && scenario && (
              <Paper p="lg">
                <TimeBudget view={view} scenario={scenario} plan={plan} size="lg" />
              </Paper>
            )}
            <Paper p="lg">
              <TrackGauges view={view} scenario={scenario} size="xl" />
            </Paper>
            <ConstraintList view={view} />
            <AgreementsInForce view={view} scenario={scenario} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper p="lg" component="section" aria-labelledby="statements-title" h="100%">
            <Title order={2} size="h3" id="statements-title" mb="md">
              {t.projector.statements}
            </Title>
            {statements.length === 0 && (
              <Text size="lg" c="dimmed">
                {t.projector.noStatements}
              </Text>
            )}
            {/* The newest first; a long one is cut to a few lines, and the column scrolls. */}
            <ScrollArea.Autosize mah="70vh" type="auto" offsetScrollbars>
              <Stack gap="lg">
                {statements.map((s, index) => {
                  const { headline, text, from } = timelineText(s, scenario);
                  return (
                    <blockquote key={`${s.seq}-${index}`} className={classes.statement} data-testid="projector-statement">
                      <Text size="xl" fw={600} lineClamp={2}>
                        {headline}
                      </Text>
                      <Text size="lg" lineClamp={5} data-text={own(from.text)}>
                        {text}
                      </Text>
                    </blockquote>
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper p="lg" component="section" aria-labelledby="timeline-title" h="100%">
            <Title order={2} size="h3" id="timeline-title" mb="md">
              {t.projector.timeline}
            </Title>
            <ScrollArea.Autosize mah="70vh" type="auto" offsetScrollbars>
              <Stack gap="md" className={classes.wrap}>
                {timeline.map((entry, index) => (
                  <TimelineItem key={`${entry.seq}-${index}`} entry={entry} scenario={scenario} big />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Every delegation's seats, compact and packed in columns (a short delegation leaves no gap),
 *  so the whole class fits above the fold at 1920×1080. */
function SeatList({ view }: { view: GameView }) {
  return (
    <section aria-label={t.lobby.seats} className={view.roles.length > 4 ? `${classes.seatColumns} ${classes.many}` : classes.seatColumns}>
      {view.roles.map((role) => (
        <Paper key={role.id} p="sm" data-testid={`projector-role-${role.id}`}>
          <Title order={3} size="h5" data-text="scenario">
            {role.name}
          </Title>
          <ul className={classes.seats}>
            {view.seats
              .filter((seat) => seat.role === role.id)
              .map((seat) => (
                <li key={seat.seat} data-testid={`projector-seat-${seat.role}-${seat.seat}`}>
                  <Text span size="sm" data-text="scenario">
                    {seat.title}
                  </Text>
                  <Text span size="sm" fw={seat.occupant ? 700 : 400} c={seat.occupant ? undefined : 'dimmed'} fs={seat.occupant ? undefined : 'italic'} data-text={seat.occupant?.kind === 'human' ? 'player' : undefined}>
                    {occupantLabel(seat)}
                  </Text>
                </li>
              ))}
          </ul>
        </Paper>
      ))}
    </section>
  );
}

/** Deals that count as in force: agreements in force and adopted memoranda (which still count),
 *  each saying where it came from or what it became. */
function AgreementsInForce({ view, scenario }: { view: GameView; scenario: PublicScenario | null }) {
  const inForce = view.deals.filter((d) => d.status === 'inForce' || d.status === 'adopted');
  const label = (dealType: string) => dealTypeOf(scenario, dealType)?.label ?? dealType;
  return (
    <Paper p="lg" component="section" aria-labelledby="in-force-title">
      <Title order={2} size="h3" id="in-force-title" mb="sm">
        {t.projector.dealsInForce}
      </Title>
      {inForce.length === 0 && (
        <Text size="lg" c="dimmed">
          {t.deals.noneInForce}
        </Text>
      )}
      <Stack gap="sm">
        {inForce.map((deal) => {
          const memorandum = deal.adoptedFrom ? view.deals.find((d) => d.id === deal.adoptedFrom) : undefined;
          const adoptAs = deal.status === 'adopted' ? dealTypeOf(scenario, deal.dealType)?.adoptAs : undefined;
          return (
            <div key={deal.id} data-testid="projector-deal" data-status={deal.status}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge size="lg" color={deal.track === 2 ? 'grape' : 'teal'} style={{ flexShrink: 0 }}>
                  {deal.track === 2 ? t.table.trackTwo : t.table.trackOne}
                </Badge>
                <Text size="xl" fw={600} data-text="scenario">
                  {label(deal.dealType)}
                </Text>
                {deal.status === 'adopted' && (
                  <Badge size="lg" variant="light" color="grape" style={{ flexShrink: 0 }}>
                    {t.projector.adopted}
                  </Badge>
                )}
              </Group>
              <Text size="lg" c="dimmed" data-text="scenario">
                {deal.parties.map((p) => roleName(view, p)).join(' · ')}
              </Text>
              {adoptAs && <Text size="md">{t.projector.adoptedAs({ agreement: label(adoptAs) })}</Text>}
              {memorandum && <Text size="md">{t.projector.fromMemorandum({ memorandum: label(memorandum.dealType) })}</Text>}
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** After the reveal: the final scores, largest first, each delegation's secret objectives met,
 *  and the outcome, for the whole room (the scenario's discussion prompts beside them). */
function FinalScores({ view, debrief }: { view: GameView; debrief: NonNullable<GameView['debrief']> }) {
  const scores = debrief.scores.slice().sort((a, b) => b.total - a.total);
  const objectives = new Map(debrief.roles.map((r) => [r.id, r.objectives]));
  return (
    <Paper p="lg" component="section" aria-labelledby="final-scores-title" data-testid="projector-scores" h="100%">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h2" id="final-scores-title">
          {t.projector.scores}
        </Title>
        <Text size="xl" c="dimmed">
          {view.outcome ? `${t.debrief.outcome[view.outcome.reason]} ` : ''}
          {t.projector.debriefNext}
        </Text>
      </Group>
      <Table fz="xl" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.debrief.role}</Table.Th>
            <Table.Th>{t.briefing.objectives}</Table.Th>
            <Table.Th ta="right">{t.debrief.total}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scores.map((s) => {
            const own = objectives.get(s.role) ?? [];
            return (
              <Table.Tr key={s.role}>
                <Table.Td fw={600} data-text="scenario">
                  {roleName(view, s.role)}
                </Table.Td>
                <Table.Td>{t.projector.objectivesMet({ met: own.filter((o) => o.met).length, total: own.length })}</Table.Td>
                <Table.Td ta="right" fw={700} className="tabular">
                  {formatNumber(s.total)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
