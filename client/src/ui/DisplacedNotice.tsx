// Shown when the server stopped this page acting for its player (the `displaced` message): the
// seat token joined from another device, or the facilitator revoked it. Nothing reconnects by
// itself: two devices would take the seat from each other in turn.
import { Alert, Button, Stack, Text } from '@mantine/core';
import type { DisplacedReason } from '@shared/protocol/serverMessages';
import { t } from '../i18n';

export function DisplacedNotice({ reason, onRejoin }: { reason: DisplacedReason; onRejoin: () => void }) {
  return (
    <Alert color="orange" role="alert" title={t.connection.displacedTitle} mb="md" data-testid="displaced-notice" data-reason={reason}>
      <Stack gap="xs">
        <Text size="sm">{reason === 'revoked' ? t.connection.displacedRevoked : t.connection.displacedElsewhere}</Text>
        <Button variant="white" w="fit-content" onClick={onRejoin}>
          {reason === 'revoked' ? t.connection.joinAgain : t.connection.useThisDevice}
        </Button>
      </Stack>
    </Alert>
  );
}
