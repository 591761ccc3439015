// Replay: a game is its scenario, its seed and its action log. Folding the log over a new game
// rebuilds the state exactly, field for field (the log carries the server time of each action).
import type { Scenario } from '../scenario/schema';
import { createGame } from './create';
import { applyAction } from './reducer';
import type { Action, Actor, GameState, Roster } from './types';
import { errorSummary } from './work';

export interface LoggedAction {
  action: Action;
  actor: Actor;
  now: number;
}

/** Rebuilds the state from an action log of ACCEPTED actions; a rejected one means the log does
 *  not belong to this scenario and seed, and throws with its position. */
export function replay(scenario: Scenario, seed: number, log: readonly LoggedAction[], roster?: Roster): GameState {
  let state = createGame(scenario, { seed, roster });
  for (let i = 0; i < log.length; i++) {
    const { action, actor, now } = log[i];
    const result = applyAction(state, action, actor, now, scenario);
    if (!result.ok) throw new Error(`replay: action ${i + 1} (${action.type}) was rejected: ${errorSummary(result.error)}`);
    state = result.state;
  }
  return state;
}
