// The events laid out by round: scheduled events in their round (and phase), then the
// conditional events and the deck cards with the rounds they may happen in. A scheduled event's
// round is changed here; the YAML's `at.round` follows.
import { memo } from 'react';
import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RawScenario } from './check';
import { isObj, str, type Obj } from './raw';
import type { Edit } from './StudioScreen';
import { st, useStudioText } from './text';

/** Drawn again only when the views' data changes (not on every verdict). */
export const EventsView = memo(function EventsView({ raw, edit }: { raw: RawScenario; edit: Edit }) {
  useStudioText(); // memo: re-drawn when the studio's words change too
  const rounds = isObj(raw.rounds) ? raw.rounds : {};
  const count = typeof rounds.count === 'number' && rounds.count > 0 ? Math.min(rounds.count, 50) : 1;
  const labels = Array.isArray(rounds.labels) ? rounds.labels.map((l) => str(l)) : [];
  const events = (Array.isArray(raw.events) ? raw.events : []).map((event, index) => ({ index, event: event as Obj })).filter(({ event }) => isObj(event));
  if (events.length === 0) return <Text c="dimmed">{st.events.none}</Text>;
  const scheduled = events.filter(({ event }) => isObj(event.at));
  const conditional = events.filter(({ event }) => !isObj(event.at) && event.deck === undefined);
  const deck = events.filter(({ event }) => !isObj(event.at) && event.deck !== undefined);
  const roundOptions = Array.from({ length: count }, (_, i) => ({ value: String(i + 1), label: roundName(i + 1, labels[i]) }));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {Array.from({ length: count }, (_, r) => {
          const here = scheduled.filter(({ event }) => (event.at as Obj).round === r + 1);
          return (
            <Paper key={r} withBorder p="sm" component="section" aria-label={roundName(r + 1, labels[r])} data-testid={`round-${r + 1}`}>
              <Title order={3} size="h6" mb={4}>
                {roundName(r + 1, labels[r])}
              </Title>
              <Stack gap={6}>
                {here.map(({ index, event }) => {
                  const title = str(event.title, str(event.id));
                  return (
                    <Group key={index} gap="xs" wrap="nowrap" justify="space-between">
                      <Text size="sm">
                        <span data-text="scenario">{title}</span>{' '}
                        <Text span size="xs" c="dimmed" data-text="code">
                          ({str((event.at as Obj).phase)})
                        </Text>
                      </Text>
                      <NativeSelect
                        size="xs"
                        aria-label={st.events.moveTo({ title })}
                        value={String((event.at as Obj).round)}
                        data={roundOptions}
                        onChange={(e) => edit(['events', index, 'at', 'round'], Number(e.currentTarget.value))}
                      />
                    </Group>
                  );
                })}
                {windowed([...conditional, ...deck], r + 1).map(({ index, event }) => (
                  <Group key={index} gap={4}>
                    <Badge size="xs" variant="outline" color={event.deck !== undefined ? 'grape' : 'orange'}>
                      {event.deck !== undefined ? st.events.deck : st.events.conditional}
                    </Badge>
                    <Text size="xs" c="dimmed" data-text="scenario">
                      {str(event.title, str(event.id))}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      {[
        [st.events.conditional, conditional],
        [st.events.deck, deck],
      ].map(([heading, items]) =>
        (items as typeof events).length === 0 ? null : (
          <Paper key={heading as string} withBorder p="sm">
            <Title order={3} size="h6" mb={4}>
              {heading as string}
            </Title>
            <Stack gap={2}>
              {(items as typeof events).map(({ index, event }) => (
                <Text key={index} size="sm">
                  <span data-text="scenario">{str(event.title, str(event.id))}</span>{' '}
                  <Text span size="xs" c="dimmed">
                    ({windowText(event)}
                    {event.deck !== undefined ? ` · ${st.events.weight({ n: str(event.deck) })}` : ''})
                  </Text>
                </Text>
              ))}
            </Stack>
          </Paper>
        ),
      )}
    </Stack>
  );
});

function windowOf(event: Obj): { from?: number; to?: number } | null {
  return isObj(event.rounds) ? { from: event.rounds.from as number | undefined, to: event.rounds.to as number | undefined } : null;
}

function windowText(event: Obj): string {
  const w = windowOf(event);
  return w ? st.events.window({ from: w.from ?? 1, to: w.to ?? '…' }) : st.events.anyRound;
}

function roundName(n: number, label: string | undefined): string {
  return label ? st.events.roundLabelled({ n, label }) : st.events.round({ n });
}

/** Conditional events and deck cards that may happen in this round (their window holds it). */
function windowed<T extends { event: Obj }>(items: T[], round: number): T[] {
  return items.filter(({ event }) => {
    const w = windowOf(event);
    return w !== null && (w.from ?? 1) <= round && round <= (w.to ?? Infinity);
  });
}
