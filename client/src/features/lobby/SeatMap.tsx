// Every delegation and its seats, who sits where. Players may take a free seat; the facilitator
// gets extra controls per seat through `seatControls`.
import type { ReactNode } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { GameView, SeatView } from '@shared/engine/view';
import type { SeatRef } from '@shared/protocol/actions';
import { list, t } from '../../i18n';

export function occupantLabel(seat: SeatView): string {
  if (!seat.occupant) return t.lobby.emptySeat;
  return seat.occupant.kind === 'human' ? seat.occupant.name : t.lobby.bot;
}

export function SeatMap({
  view,
  mySeat,
  onChoose,
  seatControls,
  columns = { base: 1, sm: 2 },
}: {
  view: GameView;
  mySeat?: SeatRef | null;
  onChoose?: (seat: SeatRef) => void;
  seatControls?: (seat: SeatView) => ReactNode;
  columns?: Record<string, number>;
}) {
  return (
    <SimpleGrid cols={columns} spacing="md">
      {view.roles.map((role) => (
        <Card key={role.id} padding="md" component="section" aria-labelledby={`role-${role.id}`} data-testid={`role-card-${role.id}`}>
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Title order={3} size="h5" id={`role-${role.id}`} data-text="scenario">
                  {role.name}
                </Title>
                <Text size="xs" c="dimmed">
                  <span data-text="scenario">{role.nations.join(' / ')}</span> · {t.roleKinds[role.kind] ?? role.kind}
                </Text>
              </div>
            </Group>
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {view.seats
                .filter((s) => s.role === role.id)
                .map((seat) => {
                  const mine = mySeat?.role === seat.role && mySeat.seat === seat.seat;
                  return (
                    <Group
                      key={seat.seat}
                      component="li"
                      justify="space-between"
                      wrap="nowrap"
                      gap="xs"
                      p={6}
                      style={{
                        borderRadius: 6,
                        background: mine ? 'var(--mantine-color-space-0)' : undefined,
                        border: mine ? '1px solid var(--mantine-color-space-3)' : '1px solid transparent',
                      }}
                      data-testid={`seat-${seat.role}-${seat.seat}`}
                    >
                      <div style={{ minWidth: 0, flex: 1 }}>
                        {/* The whole title, wrapped, and what the seat may do, in plain words. */}
                        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-label="seat-title" data-text="scenario">
                          {seat.title}
                        </Text>
                        <Text size="xs" c="dimmed" data-testid="seat-powers">
                          {t.lobby.seatPowers({ count: seat.powers.length, powers: list(seat.powers.map((p) => t.powers[p] ?? p)) })}
                        </Text>
                        <Text size="xs" c={seat.occupant ? undefined : 'dimmed'} fs={seat.occupant ? undefined : 'italic'}>
                          <span data-text={seat.occupant?.kind === 'human' ? 'player' : undefined}>{occupantLabel(seat)}</span>
                          {mine && ` (${t.lobby.you})`}
                          {/* Under the title, not beside the buttons: a narrow card keeps the badge whole and its buttons on the card. */}
                          {seat.ready && view.status === 'running' && (
                            <Badge component="span" size="xs" color="teal" variant="light" ml={6} style={{ verticalAlign: 'middle' }}>
                              {t.table.ready}
                            </Badge>
                          )}
                        </Text>
                      </div>
                      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                        {onChoose && !seat.occupant && !mine && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => onChoose({ role: seat.role, seat: seat.seat })}
                            aria-label={t.format.labelled({ label: t.lobby.takeSeat, value: t.format.seatOf({ seat: seat.title, role: role.name }) })}
                          >
                            {t.lobby.takeSeat}
                          </Button>
                        )}
                        {seatControls?.(seat)}
                      </Group>
                    </Group>
                  );
                })}
            </Stack>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
