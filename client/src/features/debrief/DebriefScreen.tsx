// The debrief as its own page, for the facilitator (key from the URL fragment or this browser).
import { useMemo } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { t } from '../../i18n';
import { useConnection } from '../../net/useConnection';
import { keyFromFragment, storage } from '../../storage';
import { ConnectionBadge } from '../../ui/ConnectionBadge';
import { Shell } from '../../ui/Shell';
import DebriefView from './DebriefView';

export default function DebriefScreen({ sessionId }: { sessionId: string }) {
  const facilitatorKey = keyFromFragment() ?? storage.facilitatorKey(sessionId);
  const options = useMemo(
    () =>
      facilitatorKey
        ? { sessionId, outboxKey: `spacebridge.outbox.debrief.${sessionId}`, joinOptions: () => ({ as: 'facilitator' as const, facilitatorKey }) }
        : null,
    [sessionId, facilitatorKey],
  );
  const [snapshot] = useConnection(options);
  const view = snapshot?.view ?? null;
  const scenario = snapshot?.scenario ?? null;
  return (
    <Shell title={scenario ? <>{t.debrief.title} · <span data-text="scenario">{scenario.title}</span></> : t.debrief.title} right={<ConnectionBadge snapshot={snapshot} />} fluid={false}>
      {!facilitatorKey ? (
        <Alert color="red">{t.debrief.exportNeedsKey}</Alert>
      ) : !view ? (
        <Center h="50vh">
          <Loader />
        </Center>
      ) : (
        <DebriefView view={view} scenario={scenario} sessionId={sessionId} facilitatorKey={facilitatorKey} />
      )}
    </Shell>
  );
}
