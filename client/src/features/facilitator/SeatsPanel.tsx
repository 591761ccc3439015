// Seats: who sits where, seat a connected player, replace an absent student by a bot, free a seat,
// revoke a player's seat link (their devices are closed; they join again by code and are re-seated).
import { Button, CloseButton, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import type { PresencePlayer } from '@shared/protocol/serverMessages';
import type { SeatView } from '@shared/engine/view';
import { t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';
import { BotIcon } from '../../ui/icons';
import { SeatMap } from '../lobby/SeatMap';

export function SeatsPanel() {
  const { view, snapshot, connection } = useSession();
  const action = useAction();
  const unseated = snapshot.presence.filter((p) => !p.seat);
  const holderOf = (seat: SeatView) => snapshot.presence.find((p) => p.seat?.role === seat.role && p.seat.seat === seat.seat);
  const revoke = (player: PresencePlayer) => window.confirm(t.facilitator.revokeHint(player.name)) && connection.revokeToken(player.id);

  const controls = (seat: SeatView) => {
    const holder = holderOf(seat);
    return (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="subtle" aria-label={`${t.facilitator.assign}: ${seat.title}`} data-testid={`assign-${seat.role}-${seat.seat}`}>
            {t.facilitator.assign} ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {unseated.length > 0 && <Menu.Label>{t.lobby.unseated}</Menu.Label>}
          {unseated.map((p) => (
            <Menu.Item key={p.id} onClick={() => connection.seatPlayer(p.id, { role: seat.role, seat: seat.seat })}>
              {p.name}
            </Menu.Item>
          ))}
          <Menu.Label>{t.facilitator.assignBot}</Menu.Label>
          <Menu.Item leftSection={<BotIcon />} onClick={() => action.submit({ type: 'assignSeat', seat: { role: seat.role, seat: seat.seat }, occupant: { kind: 'bot', personality: 'cooperative' } })}>
            {t.facilitator.cooperative}
          </Menu.Item>
          <Menu.Item leftSection={<BotIcon />} onClick={() => action.submit({ type: 'assignSeat', seat: { role: seat.role, seat: seat.seat }, occupant: { kind: 'bot', personality: 'hard-nosed' } })}>
            {t.facilitator.hardNosed}
          </Menu.Item>
          {seat.occupant && (
            <>
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => action.submit({ type: 'assignSeat', seat: { role: seat.role, seat: seat.seat }, occupant: null })}>
                {t.facilitator.free}
              </Menu.Item>
            </>
          )}
          {holder && (
            <Menu.Item color="red" onClick={() => revoke(holder)} data-testid={`revoke-${seat.role}-${seat.seat}`}>
              {t.facilitator.revoke}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    );
  };

  return (
    <Stack gap="sm">
      <ActionErrorText error={action.error} onClose={action.reset} />
      <ActionErrorText error={snapshot.error} />
      <Paper p="md">
        <Title order={2} size="h5" mb={4}>
          {t.lobby.connectedPlayers}
        </Title>
        <Group gap="xs">
          {snapshot.presence.length === 0 && <Text size="sm" c="dimmed">–</Text>}
          {snapshot.presence.map((p) => (
            <Group key={p.id} gap={2} px="xs" py={2} wrap="nowrap" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
              <Text size="sm">
                {p.name}
                {p.seat ? ` · ${p.seat.role}/${p.seat.seat}` : ` · ${t.lobby.unseated}`}
              </Text>
              <CloseButton size="xs" aria-label={`${t.facilitator.revoke}: ${p.name}`} title={t.facilitator.revoke} onClick={() => revoke(p)} />
            </Group>
          ))}
        </Group>
      </Paper>
      <SeatMap view={view} seatControls={controls} columns={{ base: 1, sm: 2, xl: 4 }} />
    </Stack>
  );
}
