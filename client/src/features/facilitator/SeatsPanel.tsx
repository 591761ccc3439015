// Seats: who sits where. Every empty seat to bots at once; a waiting student into a seat; per seat:
// seat a waiting student, give it to a bot, free it, revoke a player's seat link (their devices
// are closed; they join again by code and are re-seated). People and seats are named as the class
// sees them (a student's name, a seat's title, a delegation's name), never by id.
import { Badge, Button, CloseButton, Group, Menu, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { PresencePlayer } from '@shared/protocol/serverMessages';
import type { SeatView } from '@shared/engine/view';
import { t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';
import { BotIcon } from '../../ui/icons';
import { roleName, seatTitle } from '../../ui/names';
import { occupantLabel, SeatMap } from '../lobby/SeatMap';

const seatKey = (seat: { role: string; seat: string }) => `${seat.role}/${seat.seat}`;

export function SeatsPanel() {
  const { view, snapshot, connection } = useSession();
  const action = useAction();
  const fill = useAction();
  const waiting = snapshot.presence.filter((p) => !p.seat);
  const seated = snapshot.presence.filter((p) => p.seat);
  const empty = view.seats.filter((s) => !s.occupant);
  const holderOf = (seat: SeatView) => seated.find((p) => seatKey(p.seat!) === seatKey(seat));
  const revoke = (player: PresencePlayer) => window.confirm(t.facilitator.revokeHint({ name: player.name })) && connection.revokeToken(player.id);
  const fillWithBots = () => window.confirm(t.facilitator.fillConfirm({ n: empty.length })) && fill.submit({ type: 'fillSeatsWithBots', personality: 'cooperative' });
  // A student can go to any seat no other student holds: an empty one, or a bot's (it steps aside).
  const open = view.seats.filter((s) => !holderOf(s));
  const seatChoices = view.roles
    .map((role) => ({
      group: role.name,
      items: open.filter((s) => s.role === role.id).map((s) => ({ value: seatKey(s), label: `${s.title} · ${occupantLabel(s)}` })),
    }))
    .filter((g) => g.items.length > 0);
  const seatPlayer = (player: PresencePlayer, key: string | null) => {
    const seat = open.find((s) => seatKey(s) === key);
    if (seat) connection.seatPlayer(player.id, { role: seat.role, seat: seat.seat });
  };

  const controls = (seat: SeatView) => {
    const holder = holderOf(seat);
    const ref = { role: seat.role, seat: seat.seat };
    return (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="subtle" aria-label={t.format.labelled({ label: t.facilitator.assign, value: t.format.seatOf({ seat: seat.title, role: roleName(view, seat.role) }) })} data-testid={`assign-${seat.role}-${seat.seat}`}>
            {t.facilitator.assign} ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {!holder && waiting.length > 0 && <Menu.Label>{t.facilitator.seatWaiting}</Menu.Label>}
          {!holder &&
            waiting.map((p) => (
              <Menu.Item key={p.id} onClick={() => connection.seatPlayer(p.id, ref)}>
                {p.name}
              </Menu.Item>
            ))}
          <Menu.Label>{seat.occupant ? t.facilitator.replaceBot : t.facilitator.assignBot}</Menu.Label>
          <Menu.Item leftSection={<BotIcon />} onClick={() => action.submit({ type: 'assignSeat', seat: ref, occupant: { kind: 'bot', personality: 'cooperative' } })}>
            {t.facilitator.cooperative}
          </Menu.Item>
          <Menu.Item leftSection={<BotIcon />} onClick={() => action.submit({ type: 'assignSeat', seat: ref, occupant: { kind: 'bot', personality: 'hard-nosed' } })}>
            {t.facilitator.hardNosed}
          </Menu.Item>
          {seat.occupant && (
            <>
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => action.submit({ type: 'assignSeat', seat: ref, occupant: null })}>
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
      <Paper p="md" component="section" aria-labelledby="seating-title">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm">
            <div>
              <Title order={2} size="h5" id="seating-title">
                {t.facilitator.seating}
              </Title>
              <Text size="sm" c="dimmed">
                {t.facilitator.emptySeats({ empty: empty.length, total: view.seats.length })}
              </Text>
            </div>
            <Button leftSection={<BotIcon />} variant="light" onClick={fillWithBots} disabled={empty.length === 0} loading={fill.pending} data-testid="fill-with-bots">
              {t.facilitator.fillWithBots}
            </Button>
          </Group>
          <ActionErrorText error={fill.error} onClose={fill.reset} />
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t.facilitator.waitingStudents}
            </Text>
            {waiting.length === 0 && (
              <Text size="sm" c="dimmed">
                {t.facilitator.noneWaiting}
              </Text>
            )}
            <Stack gap={6}>
              {waiting.map((p) => (
                <Group key={p.id} gap="xs" wrap="nowrap" data-testid={`waiting-${p.name}`}>
                  <Text size="sm" fw={500} style={{ minWidth: 0, flex: 1 }} truncate>
                    <span data-text="player">{p.name}</span>
                    {!p.online && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t.format.inParens({ text: t.facilitator.offline })}
                      </Text>
                    )}
                  </Text>
                  <Select
                    size="xs"
                    w={260}
                    maw="60%"
                    placeholder={t.facilitator.putInSeat}
                    aria-label={t.facilitator.putInSeatOf({ name: p.name })}
                    data={seatChoices}
                    value={null}
                    onChange={(key) => seatPlayer(p, key)}
                    searchable
                    comboboxProps={{ withinPortal: true }}
                  />
                  <CloseButton size="sm" aria-label={t.format.labelled({ label: t.facilitator.revoke, value: p.name })} title={t.facilitator.revoke} onClick={() => revoke(p)} />
                </Group>
              ))}
            </Stack>
          </div>
          {seated.length > 0 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t.facilitator.seatedStudents}
              </Text>
              <Group gap="xs">
                {seated.map((p) => (
                  <Group key={p.id} gap={4} px="xs" py={2} wrap="nowrap" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, maxWidth: '100%' }}>
                    <Text size="sm" truncate>
                      <span data-text="player">{p.name}</span> · {t.format.seatOf({ seat: seatTitle(view, p.seat!.role, p.seat!.seat), role: roleName(view, p.seat!.role) })}
                    </Text>
                    {!p.online && (
                      <Badge size="xs" color="gray" variant="light" style={{ flexShrink: 0 }}>
                        {t.facilitator.offline}
                      </Badge>
                    )}
                    <CloseButton size="xs" aria-label={t.format.labelled({ label: t.facilitator.revoke, value: p.name })} title={t.facilitator.revoke} onClick={() => revoke(p)} />
                  </Group>
                ))}
              </Group>
            </div>
          )}
        </Stack>
      </Paper>
      <SeatMap view={view} seatControls={controls} columns={{ base: 1, sm: 2, xl: 4 }} />
    </Stack>
  );
}
