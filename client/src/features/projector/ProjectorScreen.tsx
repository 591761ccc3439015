// The projector: public state only (joined as a spectator), readable from across a room. In the
// lobby it shows the join code and QR code large; in play, clock, tracks, statements, deals in
// force and the timeline.
import { useEffect, useMemo } from 'react';
import classes from './Projector.module.css';
import { Alert, Badge, Center, Grid, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { t } from '../../i18n';
import { useConnection } from '../../net/useConnection';
import { useSessionByCode } from '../../net/useSessionByCode';
import { ConnectionBadge } from '../../ui/ConnectionBadge';
import { PhaseClock } from '../../ui/PhaseClock';
import { Shell } from '../../ui/Shell';
import { dealTypeOf, roleName } from '../../ui/names';
import { JoinCodePanel } from '../lobby/JoinCodePanel';
import { SeatMap } from '../lobby/SeatMap';
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
    <Shell title={scenario?.title ?? t.projector.title} right={<>{view && <PhaseClock view={view} scenario={scenario} size="xl" />}<ConnectionBadge snapshot={snapshot} /></>}>
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
  if (view.status === 'lobby')
    return (
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <JoinCodePanel joinCode={joinCode} large />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            {scenario && (
              <Paper p="lg">
                <Title order={2}>{scenario.title}</Title>
                <Text size="lg" mt="xs">
                  {scenario.summary}
                </Text>
              </Paper>
            )}
            <SeatMap view={view} />
          </Stack>
        </Grid.Col>
      </Grid>
    );
  const statements = view.timeline.filter((e) => e.kind === 'statement').slice(-6).reverse();
  const timeline = view.timeline.filter((e) => e.kind !== 'statement' && e.kind !== 'phase').slice(-10).reverse();
  const inForce = view.deals.filter((d) => d.status === 'inForce');
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">
          <Paper p="lg">
            <TrackGauges view={view} scenario={scenario} size="xl" />
          </Paper>
          <ConstraintList view={view} />
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
              {inForce.map((deal) => (
                <div key={deal.id}>
                  <Group gap="xs">
                    <Badge size="lg" color={deal.track === 2 ? 'grape' : 'teal'}>
                      {deal.track === 2 ? t.table.trackTwo : t.table.trackOne}
                    </Badge>
                    <Text size="xl" fw={600}>
                      {dealTypeOf(scenario, deal.dealType)?.label ?? deal.dealType}
                    </Text>
                  </Group>
                  <Text size="lg" c="dimmed">
                    {deal.parties.map((p) => roleName(view, p)).join(' · ')}
                  </Text>
                </div>
              ))}
            </Stack>
          </Paper>
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
          <Stack gap="lg">
            {statements.map((s, index) => (
              <blockquote key={`${s.seq}-${index}`} style={{ margin: 0, paddingLeft: 16, borderLeft: '4px solid var(--mantine-color-cyan-6)' }}>
                <Text size="xl" fw={600}>
                  {s.headline}
                </Text>
                <Text size="lg">{s.text}</Text>
              </blockquote>
            ))}
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper p="lg" component="section" aria-labelledby="timeline-title" h="100%">
          <Title order={2} size="h3" id="timeline-title" mb="md">
            {t.projector.timeline}
          </Title>
          <ScrollArea.Autosize mah="70vh">
            <Stack gap="md">
              {timeline.map((entry, index) => (
                <TimelineItem key={`${entry.seq}-${index}`} entry={entry} big />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
