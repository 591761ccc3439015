// What every screen inside a session needs: the live view, the connection to act through and
// the public scenario. Screens read game state from here and keep their own UI state locally.
import { createContext, useContext, useState } from 'react';
import type { GameView, PublicScenario } from '@shared/engine/view';
import type { ConnectionSnapshot, SessionConnection } from './connection';
import type { ClientAction } from './outbox';

export interface Session {
  snapshot: ConnectionSnapshot;
  connection: SessionConnection;
  view: GameView;
  scenario: PublicScenario | null;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a session screen');
  return session;
}

/** Submits actions from one control and follows the last one: pending until the server answers,
 *  then its error (shown next to the control) or done. */
export function useAction() {
  const { connection, snapshot } = useSession();
  const [id, setId] = useState<string | null>(null);
  const result = id ? snapshot.results[id] : undefined;
  const pending = id !== null && snapshot.pending.some((e) => e.id === id);
  return {
    submit: (action: ClientAction) => setId(connection.submit(action)),
    pending,
    error: result && !result.ok ? result.error : null,
    done: result?.ok === true,
    reset: () => setId(null),
  };
}
