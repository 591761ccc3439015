// A server rejection shown where it happened, as a sentence.
import { Alert } from '@mantine/core';
import { errorText } from '../i18n';
import type { ConnectionError } from '../net/connection';

export function ActionErrorText({ error, onClose }: { error: ConnectionError | null; onClose?: () => void }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" p="xs" withCloseButton={!!onClose} onClose={onClose} data-testid="action-error" data-code={error.code}>
      {errorText(error)}
    </Alert>
  );
}
