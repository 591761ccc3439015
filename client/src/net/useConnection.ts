// React access to a SessionConnection: one per mounted screen, closed on unmount.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { SessionConnection, type ConnectionOptions, type ConnectionSnapshot } from './connection';

export function useConnection(options: ConnectionOptions | null): [ConnectionSnapshot | null, SessionConnection | null] {
  const [connection, setConnection] = useState<SessionConnection | null>(null);
  const key = options ? `${options.sessionId}|${options.outboxKey}` : null;

  useEffect(() => {
    if (!options) return;
    const created = new SessionConnection(options);
    setConnection(created);
    return () => {
      created.close();
      setConnection(null);
    };
    // The options object changes identity on every render; the key says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const snapshot = useSyncExternalStore(
    connection ? connection.subscribe : noopSubscribe,
    connection ? connection.getSnapshot : nullSnapshot,
  );
  return [snapshot, connection];
}

const noopSubscribe = () => () => {};
const nullSnapshot = () => null;
