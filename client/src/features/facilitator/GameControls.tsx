// Start, pause, resume, extend, next phase, end, reveal: each with its rejection shown beside it.
import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Text } from '@mantine/core';
import type { FacilitatorAction } from '@shared/protocol/actions';
import { decimalSeparator, t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';

export function GameControls({ onDebrief }: { sessionId: string; facilitatorKey: string; joinCode?: string; onDebrief: () => void }) {
  const { view } = useSession();
  const action = useAction();
  const [minutes, setMinutes] = useState<number | string>(2);
  const run = (a: FacilitatorAction) => action.submit(a);
  const status = view.status;
  // The phase on screen when the button is clicked: a second click after the game moved on is
  // refused as stale, so a double click acts once.
  const phase = { round: view.round, phase: view.phaseIndex };
  return (
    <Paper p="sm" className="no-print" component="section" aria-label={t.facilitator.controls}>
      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          {status === 'lobby' && (
            <Button onClick={() => run({ type: 'startGame' })} data-testid="start-game">
              {t.facilitator.start}
            </Button>
          )}
          {status === 'running' && (
            <Button variant="default" onClick={() => run({ type: 'pauseGame', ...phase })} data-testid="pause-game">
              {t.facilitator.pause}
            </Button>
          )}
          {status === 'paused' && (
            <Button onClick={() => run({ type: 'resumeGame', ...phase })} data-testid="resume-game">
              {t.facilitator.resume}
            </Button>
          )}
          {(status === 'running' || status === 'paused') && (
            <>
              <Group gap={4} wrap="nowrap">
                <NumberInput
                  aria-label={t.facilitator.extendBy}
                  value={minutes}
                  onChange={setMinutes}
                  min={0.5}
                  max={60}
                  step={1}
                  w={80}
                  size="sm"
                  suffix={t.format.minutesSuffix}
                  decimalSeparator={decimalSeparator()}
                />
                <Button variant="default" onClick={() => run({ type: 'extendPhase', minutes: Number(minutes) || 1, ...phase })}>
                  {t.facilitator.extend}
                </Button>
              </Group>
              <Button variant="default" onClick={() => run({ type: 'advancePhase', ...phase })} data-testid="advance-phase">
                {t.facilitator.skip}
              </Button>
            </>
          )}
        </Group>
        <Group gap="xs">
          {status !== 'ended' && status !== 'lobby' && (
            <Button color="red" variant="light" onClick={() => window.confirm(t.facilitator.confirmEnd) && run({ type: 'endGame' })}>
              {t.facilitator.end}
            </Button>
          )}
          {!view.revealed && status !== 'lobby' && (
            <Button variant="light" onClick={() => window.confirm(t.facilitator.confirmReveal) && run({ type: 'revealAll' })}>
              {t.facilitator.reveal}
            </Button>
          )}
          {status !== 'lobby' && (
            <Button variant="subtle" onClick={onDebrief}>
              {t.facilitator.debrief}
            </Button>
          )}
        </Group>
      </Group>
      {action.error && (
        <Text component="div" mt="xs">
          <ActionErrorText error={action.error} onClose={action.reset} />
        </Text>
      )}
    </Paper>
  );
}
