// The student's lobby: the join code, every delegation's seats, and a free seat to take.
import { Alert, Button, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import type { GameView } from '@shared/engine/view';
import type { SeatRef } from '@shared/protocol/actions';
import { errorText, t } from '../../i18n';
import type { ConnectionError } from '../../net/connection';
import { roleName } from '../../ui/names';
import { JoinCodePanel } from './JoinCodePanel';
import { SeatMap } from './SeatMap';

export function Lobby({
  view,
  joinCode,
  error,
  onChooseSeat,
  onOpenBriefing,
}: {
  view: GameView;
  joinCode: string;
  error: ConnectionError | null;
  onChooseSeat: (seat: SeatRef) => void;
  onOpenBriefing: () => void;
}) {
  const mySeat = view.me ? { role: view.me.role.id, seat: view.me.seat } : null;
  const myTitle = mySeat ? view.seats.find((s) => s.role === mySeat.role && s.seat === mySeat.seat)?.title : null;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <Paper p="lg">
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t.lobby.title}
              </Title>
              <Text>{t.lobby.waiting}</Text>
              {mySeat && myTitle ? (
                <Alert color="space" variant="light" title={t.lobby.yourSeat({ title: myTitle, role: roleName(view, mySeat.role) })}>
                  <Button mt="xs" onClick={onOpenBriefing}>
                    {t.lobby.readBriefing}
                  </Button>
                </Alert>
              ) : (
                <Text c="dimmed">
                  {t.lobby.notSeated} {t.lobby.chooseSeatHint}
                </Text>
              )}
              {error && (
                <Alert color="red" role="alert">
                  {errorText(error)}
                </Alert>
              )}
            </Stack>
          </Paper>
          <section aria-label={t.lobby.seats}>
            <SeatMap view={view} mySeat={mySeat} onChoose={view.status === 'lobby' || !mySeat ? onChooseSeat : undefined} />
          </section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <JoinCodePanel joinCode={joinCode} />
      </Grid.Col>
    </Grid>
  );
}
