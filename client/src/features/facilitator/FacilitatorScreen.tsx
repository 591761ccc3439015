// The facilitator console (a lazy chunk): game controls, injects, whispers, seats and bots, every
// channel and deal, every delegation's secrets, who has not acted, live scores, the communication
// graph, end and reveal.
import { lazy, useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Center, Grid, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { errorText, t } from '../../i18n';
import { setErrorLabels } from '../../i18n/errorParams';
import { SessionContext } from '../../net/SessionContext';
import { useConnection } from '../../net/useConnection';
import { codeFromFragment, keyFromFragment, storage } from '../../storage';
import { CommGraph } from '../../ui/CommGraph';
import { ConnectionBadge } from '../../ui/ConnectionBadge';
import { PhaseClock } from '../../ui/PhaseClock';
import { Shell } from '../../ui/Shell';
import { JoinCodePanel } from '../lobby/JoinCodePanel';
import { Channels } from '../table/Channels';
import { DealList } from '../table/DealBoard';
import { NewsFeed } from '../table/NewsFeed';
import { PhaseBanner } from '../table/TableScreen';
import { ConstraintList, TrackGauges } from '../table/WorldPanel';
import { ClassPlanPanel } from '../../ui/ClassPlan';
import { Delegations } from './Delegations';
import { GameOver } from './GameOver';
import { GameControls } from './GameControls';
import { Guide } from './Guide';
import { InjectPanel, WhisperPanel } from './InjectPanel';
import { LiveScores, NotActed } from './Monitor';
import { SeatsPanel } from './SeatsPanel';

const DebriefView = lazy(() => import('../debrief/DebriefView'));

export default function FacilitatorScreen({ sessionId }: { sessionId: string }) {
  const facilitatorKey = keyFromFragment() ?? storage.facilitatorKey(sessionId);
  const joinCode = codeFromFragment() ?? storage.facilitated().find((s) => s.sessionId === sessionId)?.joinCode;
  const options = useMemo(
    () =>
      facilitatorKey
        ? { sessionId, outboxKey: `spacebridge.outbox.facilitator.${sessionId}`, joinOptions: () => ({ as: 'facilitator' as const, facilitatorKey }) }
        : null,
    [sessionId, facilitatorKey],
  );
  const [snapshot, connection] = useConnection(options);
  const view = snapshot?.view ?? null;
  const scenario = snapshot?.scenario ?? null;
  const [tab, setTab] = useState<string | null>('overview');

  useEffect(() => {
    // Remember the key so the console can be reopened from the home page.
    if (facilitatorKey && joinCode && scenario && !storage.facilitatorKey(sessionId))
      storage.rememberFacilitated({ sessionId, facilitatorKey, joinCode, title: scenario.title, createdAt: Date.now() });
  }, [facilitatorKey, joinCode, scenario, sessionId]);

  // Refusals name roles, deals and phases by id: the texts show this session's labels.
  setErrorLabels({ view, scenario, presence: snapshot?.presence ?? [] });
  let body;
  if (!facilitatorKey) body = <Alert color="red" role="alert">{t.facilitator.missingKey}</Alert>;
  else if (snapshot?.status === 'failed')
    body = (
      <Alert color="red" role="alert" title={t.connection.failed}>
        {snapshot.error ? errorText(snapshot.error) : ''}
      </Alert>
    );
  else if (!view || !snapshot || !connection)
    body = (
      <Center h="50vh">
        <Loader />
      </Center>
    );
  else
    body = (
      <SessionContext.Provider value={{ snapshot, connection, view, scenario }}>
        <Stack gap="sm">
          <GameControls sessionId={sessionId} facilitatorKey={facilitatorKey} joinCode={joinCode} onDebrief={() => setTab('debrief')} />
          {view.status === 'ended' ? <GameOver onDebrief={() => setTab('debrief')} /> : <PhaseBanner />}
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List className="no-print">
              <Tabs.Tab value="overview">{t.facilitator.overview}</Tabs.Tab>
              <Tabs.Tab value="delegations">{t.facilitator.delegations}</Tabs.Tab>
              <Tabs.Tab value="seats">{t.facilitator.seats}</Tabs.Tab>
              <Tabs.Tab value="channels">{t.facilitator.allChannels}</Tabs.Tab>
              <Tabs.Tab value="deals">{t.facilitator.deals}</Tabs.Tab>
              {view.status !== 'lobby' && <Tabs.Tab value="debrief">{t.debrief.title}</Tabs.Tab>}
              <Tabs.Tab value="guide">{t.guide.tab}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview" pt="sm">
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
                  <Stack gap="sm">
                    {view.status === 'lobby' && joinCode && <JoinCodePanel joinCode={joinCode} />}
                    <ClassPlanPanel view={view} scenario={scenario} />
                    <NotActed />
                    <Paper p="md">
                      <Title order={2} size="h5" mb="sm">
                        {t.table.tracks}
                      </Title>
                      <TrackGauges view={view} scenario={scenario} />
                      <ConstraintList view={view} />
                    </Paper>
                    <LiveScores />
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
                  <Stack gap="sm">
                    <InjectPanel />
                    <WhisperPanel />
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 12, lg: 4 }}>
                  <Stack gap="sm">
                    <Paper p="md">
                      <Title order={2} size="h5">
                        {t.facilitator.graph}
                      </Title>
                      <Text size="xs" c="dimmed" mb="xs">
                        {t.facilitator.graphHint}
                      </Text>
                      <CommGraph view={view} size={340} />
                    </Paper>
                    <NewsFeed timeline={view.timeline} height={360} />
                  </Stack>
                </Grid.Col>
              </Grid>
            </Tabs.Panel>
            <Tabs.Panel value="delegations" pt="sm">
              <Delegations />
            </Tabs.Panel>
            <Tabs.Panel value="seats" pt="sm">
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, lg: 9 }}>
                  <SeatsPanel />
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 3 }}>{joinCode && <JoinCodePanel joinCode={joinCode} />}</Grid.Col>
              </Grid>
            </Tabs.Panel>
            <Tabs.Panel value="channels" pt="sm">
              <Channels height={640} storageKey={`spacebridge.seen.facilitator.${sessionId}`} readOnly />
            </Tabs.Panel>
            <Tabs.Panel value="deals" pt="sm">
              <DealList deals={view.deals.slice().reverse()} onEdit={() => undefined} />
            </Tabs.Panel>
            <Tabs.Panel value="guide" pt="sm">
              <Guide sessionId={sessionId} facilitatorKey={facilitatorKey} scenarioId={scenario?.id ?? ''} />
            </Tabs.Panel>
            <Tabs.Panel value="debrief" pt="sm">
              <DebriefView view={view} scenario={scenario} sessionId={sessionId} facilitatorKey={facilitatorKey} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </SessionContext.Provider>
    );

  return (
    <Shell
      title={scenario ? <>{t.facilitator.title} · <span data-text="scenario">{scenario.title}</span></> : t.facilitator.title}
      right={
        <>
          {joinCode && (
            <Anchor href={`/projector/${joinCode}`} target="_blank" size="sm" visibleFrom="md">
              {t.facilitator.projector} ↗
            </Anchor>
          )}
          {view && <PhaseClock view={view} scenario={scenario} />}
          <ConnectionBadge snapshot={snapshot} />
        </>
      }
    >
      {body}
      {joinCode && view?.status === 'lobby' && tab === 'overview' && (
        <Group mt="md" className="no-print">
          <Text size="sm" c="dimmed">
            {t.facilitator.consoleLink}
          </Text>
        </Group>
      )}
    </Shell>
  );
}
