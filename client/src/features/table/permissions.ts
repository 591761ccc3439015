// What the viewer's seat may do, as the engine rules it (shared/engine/moves.ts): the table's
// screens offer these moves and show the engine's own reason for the others. Nothing here decides
// a permission: it only reads availableMoves once per view.
import { availableMoves, concerns, type AvailableMoves, type Move } from '@shared/engine/moves';
import type { GameView } from '@shared/engine/view';
import { useSession } from '../../net/SessionContext';
import type { ConnectionError } from '../../net/connection';

export { concerns };

/** One answer per view: the deal board, its cards, the moves panel and the chat all ask. */
const cache = new WeakMap<GameView, AvailableMoves | null>();

/** The viewer's moves now; null for a spectator, the facilitator, or until the scenario arrives. */
export function useMoves(): AvailableMoves | null {
  const { view, scenario } = useSession();
  if (!scenario) return null;
  let moves = cache.get(view);
  if (moves === undefined) cache.set(view, (moves = availableMoves(view, scenario)));
  return moves;
}

/** A refused move as the error the server would answer, to show next to the control. */
export function refusalOf(move: Move | null | undefined): ConnectionError | null {
  if (!move || move.available) return null;
  const params = move.params;
  return params ? { code: move.reason, params } : { code: move.reason };
}
