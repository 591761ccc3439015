// Round, phase and the countdown to the phase's deadline, on the server's clock (corrected for this
// browser's clock offset, net/serverClock.ts). Large on the projector.
import { Group, Stack, Text } from '@mantine/core';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { locale, t } from '../i18n';
import { useServerNow } from './useNow';

function remainingMs(view: GameView, now: number): number | null {
  if (view.status === 'paused') return view.clock.remainingMs;
  if (view.status !== 'running' || view.clock.deadline === null) return null;
  return Math.max(0, view.clock.deadline - now);
}

function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${seconds.toString().padStart(2, '0')}`;
}

/** The time left in words, for a screen reader: "4 minutes, 12 seconds", "4 минуты 12 секунд". */
function spokenDuration(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const unit = (unit: 'minute' | 'second', n: number) =>
    new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'long' }).format(n);
  const parts = total >= 60 ? [unit('minute', Math.floor(total / 60)), unit('second', total % 60)] : [unit('second', total)];
  return new Intl.ListFormat(locale(), { style: 'long', type: 'unit' }).format(parts);
}

export function PhaseClock({ view, scenario, size = 'md' }: { view: GameView; scenario: PublicScenario | null; size?: 'md' | 'xl' }) {
  const now = useServerNow();
  const left = remainingMs(view, now);
  const big = size === 'xl';
  const phaseText =
    view.status === 'lobby' ? t.clock.notStarted : view.status === 'ended' ? t.clock.ended : (view.phase?.label ?? '');
  // The phase's name and the round's label ("1969") are the scenario's, not the catalogue's.
  const phaseFromScenario = view.status !== 'lobby' && view.status !== 'ended';
  const roundText = view.round > 0 && scenario ? t.clock.round({ round: view.round, count: scenario.rounds.count }) : null;
  const urgent = left !== null && left < 60_000 && view.status === 'running';
  return (
    <Group gap={big ? "xl" : "md"} wrap="nowrap" data-testid="phase-clock" style={{ maxWidth: '100%' }}>
      {/* On a narrow screen the phase's name wraps rather than pushing the page wider. */}
      <Stack gap={0} align="flex-end" style={{ minWidth: 0, textAlign: 'right' }}>
        <Text fw={700} size={big ? '2.2rem' : 'md'} lh={1.15} data-testid="phase-label" data-text={phaseFromScenario ? 'scenario' : undefined}>
          {phaseText}
        </Text>
        {roundText && (
          <Text size={big ? 'xl' : 'xs'} c="dimmed" lh={1.2}>
            {roundText}
            {view.roundLabel && (
              <>
                {' · '}
                <span data-text="scenario">{view.roundLabel}</span>
              </>
            )}
          </Text>
        )}
      </Stack>
      {left !== null && (
        <Stack gap={0} align="center">
          <Text
            className="tabular"
            fw={700}
            size={big ? '3.6rem' : '1.5rem'}
            lh={1}
            c={view.status === 'paused' ? 'gray.6' : urgent ? 'red.8' : 'space.9'}
            aria-label={t.format.labelled({ label: t.clock.remaining, value: spokenDuration(left) })}
            role="timer"
          >
            {formatDuration(left)}
          </Text>
          {view.status === 'paused' && (
            <Text size={big ? 'lg' : 'xs'} fw={700} c="gray.7" tt="uppercase">
              {t.clock.paused}
            </Text>
          )}
        </Stack>
      )}
    </Group>
  );
}
