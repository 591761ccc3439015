// The connection state in the header: a word and a dot (never colour alone), and how many
// actions wait in the outbox. Announced politely to screen readers when it changes.
import { Badge, Tooltip } from '@mantine/core';
import type { ConnectionSnapshot } from '../net/connection';
import { t } from '../i18n';

// Keys into t.connection, not its texts: `t` changes with the reader's language after this module loads.
const LOOK = {
  connecting: { color: 'gray', text: 'connecting' },
  connected: { color: 'teal', text: 'connected' },
  reconnecting: { color: 'orange', text: 'reconnecting' },
  failed: { color: 'red', text: 'failed' },
  closed: { color: 'gray', text: 'offline' },
} as const;

export function ConnectionBadge({ snapshot }: { snapshot: ConnectionSnapshot | null }) {
  const status = snapshot?.status ?? 'connecting';
  const look = LOOK[status];
  const pending = snapshot?.pending.length ?? 0;
  const badge = (
    <Badge
      color={look.color}
      variant={status === 'connected' ? 'light' : 'filled'}
      size="lg"
      leftSection={<span aria-hidden="true">●</span>}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      styles={{ root: { flexShrink: 0, maxWidth: "none" }, label: { overflow: "visible" } }}
      data-status={status}
      tt="none"
    >
      {status === 'connected' && pending > 0 ? t.connection.pending({ n: pending }) : t.connection[look.text]}
    </Badge>
  );
  return pending > 0 && status !== 'connected' ? <Tooltip label={t.connection.pending({ n: pending })}>{badge}</Tooltip> : badge;
}
