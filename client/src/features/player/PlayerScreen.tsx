// A student's screen for one session: resolves the join code, keeps the connection, and shows
// the lobby, the briefing or the negotiation table (UI state kept here, game state from the view).
// Once the game is over the table gives way to what happens next: wait for the debrief, then it.
import { lazy, useEffect, useMemo, useState } from 'react';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { Alert, Button, Center, Grid, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Redirect } from 'wouter';
import { errorText, t } from '../../i18n';
import { setErrorLabels } from '../../i18n/errorParams';
import { useConnection } from '../../net/useConnection';
import { useSessionByCode } from '../../net/useSessionByCode';
import { SessionContext } from '../../net/SessionContext';
import { storage } from '../../storage';
import { ConnectionBadge } from '../../ui/ConnectionBadge';
import { DisplacedNotice } from '../../ui/DisplacedNotice';
import { PhaseClock } from '../../ui/PhaseClock';
import { Shell } from '../../ui/Shell';
import { Briefing } from '../briefing/Briefing';
import { HowToPlayButton } from '../help/HowToPlay';
import { Lobby } from '../lobby/Lobby';
import { NewsFeed } from '../table/NewsFeed';
import { TableScreen } from '../table/TableScreen';
import { WorldPanel } from '../table/WorldPanel';
import classes from './PlayerScreen.module.css';

const DebriefView = lazy(() => import('../debrief/DebriefView'));

type Screen = 'briefing' | 'table' | 'debrief';

/** After "Game over": no phase banner and no move forms, but what happens next, and the record. */
function GameOver({ view, scenario, onDebrief }: { view: GameView; scenario: PublicScenario | null; onDebrief: () => void }) {
  const g = t.gameOver;
  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Paper p="lg" component="section" aria-labelledby="game-over-title" data-testid="game-over" bg="space.0">
        <Stack gap="xs">
          <Title order={2} size="h3" id="game-over-title">
            {g.title}
          </Title>
          {view.outcome && <Text>{t.debrief.outcome[view.outcome.reason]}</Text>}
          <Text>{view.revealed ? g.debriefOpen : g.waiting}</Text>
          {view.me && <Text fw={600}>{g.yourScore({ points: view.me.score.total })}</Text>}
          {view.revealed && (
            <Button onClick={onDebrief} w="fit-content">
              {g.openDebrief}
            </Button>
          )}
        </Stack>
      </Paper>
      <Title order={2} size="h4">
        {g.record}
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <NewsFeed timeline={view.timeline} height="60vh" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <WorldPanel view={view} scenario={scenario} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function PlayerScreen({ joinCode: rawCode }: { joinCode: string }) {
  const joinCode = rawCode.toUpperCase();
  const identity = storage.player(joinCode);
  const { sessionId, lookupError } = useSessionByCode(joinCode);

  const options = useMemo(
    () =>
      sessionId && identity
        ? {
            sessionId,
            outboxKey: `spacebridge.outbox.${sessionId}`,
            joinOptions: () => {
              const latest = storage.player(joinCode) ?? identity;
              return { as: 'player' as const, joinCode, name: latest.name, ...(latest.seatToken ? { seatToken: latest.seatToken } : {}) };
            },
            onIdentity: (id: { seatToken: string | null }) => {
              if (id.seatToken) storage.rememberPlayer(joinCode, { ...(storage.player(joinCode) ?? identity), seatToken: id.seatToken });
            },
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sessionId, joinCode],
  );
  const [snapshot, connection] = useConnection(options);
  const view = snapshot?.view ?? null;
  const scenario = snapshot?.scenario ?? null;
  const [screen, setScreen] = useState<Screen | null>(null);
  // When the instructor opens the debrief, every student's screen shows it (the default then).
  const revealed = view?.revealed ?? false;
  useEffect(() => {
    if (revealed) setScreen(null);
  }, [revealed]);

  // The home page offers the way back to this seat (after the browser's Back, or another day).
  const mySeatLabel = view?.me ? `${view.roles.find((r) => r.id === view.me!.role.id)?.name} · ${identity?.name}` : undefined;
  useEffect(() => {
    if (scenario && identity?.name) storage.rememberLastSession({ joinCode, title: scenario.title, ...(mySeatLabel ? { seat: mySeatLabel } : {}) });
  }, [scenario, joinCode, identity?.name, mySeatLabel]);

  if (!identity?.name) return <Redirect to={`/join/${joinCode}`} />;

  const seated = !!view?.me;
  const current: Screen | 'lobby' = !seated ? 'lobby' : (screen ?? (view!.status === 'lobby' ? 'briefing' : view!.revealed ? 'debrief' : 'table'));

  const right = (
    <>
      {view && view.status !== 'lobby' && <PhaseClock view={view} scenario={scenario} />}
      <ConnectionBadge snapshot={snapshot} />
    </>
  );

  // Refusals name roles, deals and phases by id: the texts show this session's labels.
  setErrorLabels({ view, scenario, presence: snapshot?.presence ?? [] });
  let body;
  if (lookupError) body = <Alert color="red" role="alert">{lookupError}</Alert>;
  else if (snapshot?.status === 'failed')
    body = (
      <Alert color="red" role="alert" title={t.connection.failed}>
        <Stack gap="xs">
          <Text size="sm">{snapshot.error ? errorText(snapshot.error) : ''}</Text>
          <Button component="a" href={`/join/${joinCode}`} variant="white" w="fit-content">
            {t.app.back}
          </Button>
        </Stack>
      </Alert>
    );
  else if (!view || !snapshot || !connection)
    body = (
      <Center h="50vh">
        <Group>
          <Loader size="sm" />
          <Text c="dimmed">{t.connection.connecting}</Text>
        </Group>
      </Center>
    );
  else
    body = (
      <SessionContext.Provider value={{ snapshot, connection, view, scenario }}>
        {/* On paper the header and the tabs are gone: the handout says what it is. */}
        <Title order={1} size="h3" className={classes.printTitle}>
          {[scenario?.title, mySeatLabel].filter(Boolean).join(' · ')}
        </Title>
        {seated && (
          <Group justify="center" gap="xs" mb="sm" className="no-print">
            <SegmentedControl
              value={current}
              onChange={(v) => setScreen(v as Screen)}
              data={[
                { value: 'briefing', label: t.table.briefing },
                { value: 'table', label: t.table.title },
                ...(view.revealed ? [{ value: 'debrief', label: t.debrief.title }] : []),
              ]}
              aria-label={t.table.title}
              classNames={{ root: classes.screens }}
            />
            <HowToPlayButton />
          </Group>
        )}
        {current === 'lobby' && (
          <Lobby view={view} joinCode={joinCode} error={snapshot.error} onChooseSeat={(seat) => connection.chooseSeat(seat)} onOpenBriefing={() => setScreen('briefing')} />
        )}
        {current === 'briefing' && <Briefing view={view} scenario={scenario} onToTable={() => setScreen('table')} />}
        {current === 'table' &&
          (view.status === 'ended' ? <GameOver view={view} scenario={scenario} onDebrief={() => setScreen('debrief')} /> : <TableScreen sessionKey={`${sessionId}`} />)}
        {current === 'debrief' && <DebriefView view={view} scenario={scenario} />}
      </SessionContext.Provider>
    );

  const title = mySeatLabel ?? scenario?.title;
  return (
    <Shell title={title && <span data-text="scenario">{title}</span>} right={right}>
      {snapshot?.displaced && connection && <DisplacedNotice reason={snapshot.displaced} onRejoin={() => connection.rejoin()} />}
      {body}
    </Shell>
  );
}
