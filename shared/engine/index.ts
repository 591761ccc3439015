// The Spacebridge game engine: pure, deterministic functions over plain-data game states.
export { createGame, type CreateOptions } from './create';
export { applyAction, DEADLINE_TOLERANCE_MS } from './reducer';
export { awaitingReady } from './ready';
export { viewFor, publicScenario, type GameView, type PublicScenario, type ChannelView, type SeatView, type RolePublic, type ConstraintView, type Debrief } from './view';
export { score, scoreRole, evaluateProposal } from './score';
export { replay, type LoggedAction } from './replay';
export { holds, resolveRoles, isInForce, type RoleContext } from './conditions';
export { bilateralId, closedBy } from './channels';
export { availableMoves, banForbids, keptApart, type AvailableMoves, type Move, type Refused } from './moves';
export { relationshipKey, relationshipOf } from './relationships';
export { errorSummary } from './work';
export { seedRng, nextRandom, type RngState } from './rng';
export * from './types';
