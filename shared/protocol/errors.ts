// Every error code a client can receive from the server, in `result` and `error` messages: the
// engine's rejections and the room's own. The client keeps a text for each (client/src/i18n/en.ts
// is written `satisfies Record<ErrorCode, …>`), so a code without a text does not compile.
import type { ErrorCode as EngineErrorCode } from '../engine/types';

export type { ErrorParams } from '../engine/types';

/** The engine's rejections, one entry per code of its `ErrorCode`: tsc refuses a missing or
 *  unknown one, so this list follows shared/engine/types.ts. */
const ENGINE_ERROR_CODES: Record<EngineErrorCode, true> = {
  'invalid-action': true,
  'not-running': true,
  'game-over': true,
  'wrong-phase': true,
  'not-your-seat': true,
  'no-power': true,
  'facilitator-only': true,
  'system-only': true,
  'unknown-channel': true,
  'channel-closed': true,
  'not-a-member': true,
  'unknown-deal': true,
  'unknown-deal-type': true,
  'deal-type-locked': true,
  'deal-type-in-force': true,
  'not-a-party': true,
  'bad-parties': true,
  'bad-terms': true,
  'banned-by-constraint': true,
  'wrong-status': true,
  'already-done': true,
  'unknown-action': true,
  'action-unavailable': true,
  'max-uses': true,
  'not-your-kind': true,
  'insufficient-resources': true,
  'unknown-role': true,
  'unknown-seat': true,
  'unknown-event': true,
  'unknown-tone': true,
  'stale-deadline': true,
  'stale-phase': true,
  'groups-disabled': true,
  'reserved-name': true,
};

/** Sent by the room itself: the checks every message passes before the engine (size, rate, type,
 *  schema), the chat flood rule, an engine crash, who may act, and seating in the lobby. (The room
 *  also sends the engine's `facilitator-only` and `unknown-seat`.) */
const ROOM_ERROR_CODES = [
  'too-large',
  'rate-limited',
  'unknown-type',
  'invalid-message',
  'chat-flood',
  'duplicate-message',
  'internal-error',
  'read-only',
  'no-seat',
  'not-a-player',
  'seat-choice-disabled',
  'already-seated',
  'unknown-player',
  'seat-taken',
] as const;

export type ErrorCode = EngineErrorCode | (typeof ROOM_ERROR_CODES)[number];

/** Why the server refused to let a client join a session room: the message of the refusal
 *  (Colyseus' ServerError carries one string), a code the client words as `join-refused`. */
export const JOIN_REFUSALS = ['invalidJoinOptions', 'tooManyAttempts', 'wrongFacilitatorKey', 'wrongJoinCode', 'tooManyWaiting', 'lobbyFull', 'unknownSession'] as const;
export type JoinRefusal = (typeof JOIN_REFUSALS)[number];

export const ERROR_CODES: readonly ErrorCode[] = [...(Object.keys(ENGINE_ERROR_CODES) as EngineErrorCode[]), ...ROOM_ERROR_CODES];
