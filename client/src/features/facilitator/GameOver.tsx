// After the game ends, the console says what happens next in place of the last phase's banner:
// reveal everything (students are waiting for it), then open the debrief with the class.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';

export function GameOver({ onDebrief }: { onDebrief: () => void }) {
  const { view } = useSession();
  const reveal = useAction();
  return (
    <Alert color="space" variant="light" title={t.facilitator.gameOverTitle} className="no-print" data-testid="game-over">
      <Stack gap="xs">
        <Text size="sm">{view.revealed ? t.facilitator.gameOverRevealed : t.facilitator.gameOverNext}</Text>
        <Group gap="xs">
          {!view.revealed && (
            <Button size="xs" onClick={() => window.confirm(t.facilitator.confirmReveal) && reveal.submit({ type: 'revealAll' })} loading={reveal.pending}>
              {t.facilitator.reveal}
            </Button>
          )}
          <Button size="xs" variant={view.revealed ? 'filled' : 'default'} onClick={onDebrief}>
            {t.facilitator.debrief}
          </Button>
        </Group>
        <ActionErrorText error={reveal.error} onClose={reveal.reset} />
      </Stack>
    </Alert>
  );
}
