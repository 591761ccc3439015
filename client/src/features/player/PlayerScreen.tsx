// A student's screen for one session: resolves the join code, keeps the connection, and shows
// the lobby, the briefing or the negotiation table (UI state kept here, game state from the view).
import { lazy, useMemo, useState } from 'react';
import { Alert, Button, Center, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { Redirect } from 'wouter';
import { errorText, t } from '../../i18n';
import { useConnection } from '../../net/useConnection';
import { useSessionByCode } from '../../net/useSessionByCode';
import { SessionContext } from '../../net/SessionContext';
import { storage } from '../../storage';
import { ConnectionBadge } from '../../ui/ConnectionBadge';
import { DisplacedNotice } from '../../ui/DisplacedNotice';
import { PhaseClock } from '../../ui/PhaseClock';
import { Shell } from '../../ui/Shell';
import { Briefing } from '../briefing/Briefing';
import { Lobby } from '../lobby/Lobby';
import { TableScreen } from '../table/TableScreen';

const DebriefView = lazy(() => import('../debrief/DebriefView'));

type Screen = 'briefing' | 'table' | 'debrief';

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

  if (!identity?.name) return <Redirect to={`/join/${joinCode}`} />;

  const seated = !!view?.me;
  const current: Screen | 'lobby' = !seated ? 'lobby' : (screen ?? (view!.status === 'lobby' ? 'briefing' : view!.revealed ? 'debrief' : 'table'));

  const right = (
    <>
      {view && view.status !== 'lobby' && <PhaseClock view={view} scenario={scenario} />}
      <ConnectionBadge snapshot={snapshot} />
    </>
  );

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
        {seated && (
          <Group justify="center" mb="sm" className="no-print">
            <SegmentedControl
              value={current}
              onChange={(v) => setScreen(v as Screen)}
              data={[
                { value: 'briefing', label: t.table.briefing },
                { value: 'table', label: t.table.title },
                ...(view.revealed ? [{ value: 'debrief', label: t.debrief.title }] : []),
              ]}
              aria-label={t.table.title}
            />
          </Group>
        )}
        {current === 'lobby' && (
          <Lobby view={view} joinCode={joinCode} error={snapshot.error} onChooseSeat={(seat) => connection.chooseSeat(seat)} onOpenBriefing={() => setScreen('briefing')} />
        )}
        {current === 'briefing' && <Briefing view={view} scenario={scenario} onToTable={() => setScreen('table')} />}
        {current === 'table' && <TableScreen sessionKey={`${sessionId}`} />}
        {current === 'debrief' && <DebriefView view={view} scenario={scenario} />}
      </SessionContext.Provider>
    );

  const title = view?.me ? `${view.roles.find((r) => r.id === view.me!.role.id)?.name} · ${identity.name}` : scenario?.title;
  return (
    <Shell title={title} right={right}>
      {snapshot?.displaced && connection && <DisplacedNotice reason={snapshot.displaced} onRejoin={() => connection.rejoin()} />}
      {body}
    </Shell>
  );
}
