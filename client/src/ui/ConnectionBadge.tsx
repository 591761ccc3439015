// The connection state in the header: a word and a dot (never colour alone), and how many
// actions wait in the outbox. Announced politely to screen readers when it changes.
import { Badge, Tooltip } from '@mantine/core';
import type { ConnectionSnapshot } from '../net/connection';
import { t } from '../i18n';

const LOOK = {
  connecting: { color: 'gray', text: t.connection.connecting },
  connected: { color: 'teal', text: t.connection.connected },
  reconnecting: { color: 'orange', text: t.connection.reconnecting },
  failed: { color: 'red', text: t.connection.failed },
  closed: { color: 'gray', text: t.connection.offline },
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
      {status === 'connected' && pending > 0 ? t.connection.pending({ n: pending }) : look.text}
    </Badge>
  );
  return pending > 0 && status !== 'connected' ? <Tooltip label={t.connection.pending({ n: pending })}>{badge}</Tooltip> : badge;
}
