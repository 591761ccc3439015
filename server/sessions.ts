// Opening a session (a stored record and its initial state) and hosting it: its room (roomId =
// session id) is opened on demand, by the first join, on the process that join reached, and
// closes when idle. A lease (server/lease.ts) keeps it on one process at a time (docs/scaling.md).
import { randomInt } from 'node:crypto';
import { ErrorCode, matchMaker, ServerError, type AuthContext } from '@colyseus/core';
import { z } from 'zod';
import { applyClassFormat, classFormatsOf, defaultClassFormat, findClassFormat } from '@shared/scenario/classFormat';
import { Id } from '@shared/scenario';
import { LibraryRef } from '@shared/protocol/studio';
import type { Scenario } from '@shared/scenario/schema';
import { HOSTED_ELSEWHERE } from './lease';
import { hashSecret, newJoinCode, newSessionId, randomToken } from './secrets';
import type { CreateOptions } from './room/sessionRoom';
import type { Services } from './services';
import { GameSession, type InitialAction } from './session';
import { JoinCodeTaken, type SessionSettings } from './store/store';

/** Draws of a join code before creating a session gives up: a clash needs a code already in use. */
const JOIN_CODE_DRAWS = 5;

export const SESSION_ROOM = 'session';

const SessionSettingsInput = z.strictObject({
  studentsChooseSeats: z.boolean().default(true),
  /** One of the scenario's class formats (default: the first, the 90-minute class). */
  classFormat: Id.optional(),
});

export const CreateSessionRequest = z
  .strictObject({
    scenarioId: z.string().min(1).max(64).optional(),
    /** A scenario of the instructors' library instead (needs an instructor key: server/studio). */
    library: LibraryRef.optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    settings: SessionSettingsInput.default({ studentsChooseSeats: true }),
  })
  .refine((r) => (r.scenarioId === undefined) !== (r.library === undefined), 'name the scenario: scenarioId, or library for a library scenario (not both)');
export type CreateSessionRequest = z.input<typeof CreateSessionRequest>;

export interface OpenedSession {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
}

export class UnknownScenarioError extends Error {
  constructor(readonly scenarioId: string) {
    super(`There is no scenario "${scenarioId}".`);
  }
}
export class UnknownClassFormatError extends Error {
  constructor(
    readonly scenarioId: string,
    readonly classFormat: string,
    readonly offered: string[],
  ) {
    super(`Scenario "${scenarioId}" has no class format "${classFormat}" (it offers: ${offered.join(', ')}).`);
  }
}

/** Opens a session of `scenario` (a library scenario, found and authorised by the caller), or of
 *  the shipped scenario the request names; `initialActions` are logged with its creation. */
export async function openSession(
  services: Services,
  request: Pick<z.output<typeof CreateSessionRequest>, 'scenarioId' | 'seed' | 'settings'>,
  scenario: Scenario | undefined = services.catalog.get(request.scenarioId ?? ''),
  initialActions: InitialAction[] = [],
): Promise<OpenedSession> {
  if (!scenario) throw new UnknownScenarioError(String(request.scenarioId));
  const facilitatorKey = randomToken(24);
  const classFormat = request.settings.classFormat ?? defaultClassFormat(scenario).id;
  if (!findClassFormat(scenario, classFormat)) {
    throw new UnknownClassFormatError(scenario.id, classFormat, classFormatsOf(scenario).map((f) => f.id));
  }
  const settings: SessionSettings = { studentsChooseSeats: request.settings.studentsChooseSeats, classFormat };
  const record = {
    id: newSessionId(),
    scenarioId: scenario.id,
    seed: request.seed ?? randomInt(2 ** 31 - 1),
    settings,
    joinCode: newJoinCode(),
    facilitatorKeyHash: hashSecret(facilitatorKey),
    createdAt: services.clock.now(),
    // The game as played in this format: stored so, a restart replays the same game.
    scenario: applyClassFormat(scenario, classFormat),
  };
  // A code already in use is drawn again (the store's unique key decides, across processes).
  for (let draw = 1; ; draw++) {
    try {
      await GameSession.create(services.store, record, initialActions);
      break;
    } catch (error) {
      if (!(error instanceof JoinCodeTaken) || draw === JOIN_CODE_DRAWS) throw error;
      record.joinCode = newJoinCode();
    }
  }
  // Its facilitator joins next: host it already, on the process with the fewest rooms.
  const processId = pickProcess(await listedRooms());
  try {
    await matchMaker.createRoom(SESSION_ROOM, { sessionId: record.id, processId } satisfies CreateOptions);
  } finally {
    placing.set(processId, placing.get(processId)! - 1);
  }
  return { sessionId: record.id, joinCode: record.joinCode, facilitatorKey };
}

/** Rooms this process is opening (on itself or another process) and that are not listed yet:
 *  sessions created at the same moment must not all pick the same "emptiest" process. */
const placing = new Map<string, number>();

/** The session rooms of each live process, counted from the room listings (Redis in a cluster: a
 *  room is listed before its creation returns, where the processes' own room counters reach Redis
 *  up to a second late). */
async function listedRooms(): Promise<Map<string, number>> {
  const rooms = new Map((await matchMaker.stats.fetchAll()).map((p) => [p.processId, 0]));
  for (const listing of await matchMaker.query({ name: SESSION_ROOM }))
    if (rooms.has(listing.processId)) rooms.set(listing.processId, rooms.get(listing.processId)! + 1);
  return rooms;
}

/** The process with the fewest rooms, counting those this process is still placing (this one on
 *  a tie), reserved at once: no await between the count and the reservation, so sessions created
 *  together here each see the others' choices. */
function pickProcess(rooms: Map<string, number>): string {
  const count = (processId: string) => (rooms.get(processId) ?? Infinity) + (placing.get(processId) ?? 0);
  let best = matchMaker.processId;
  for (const processId of rooms.keys()) if (count(processId) < count(best)) best = processId;
  placing.set(best, (placing.get(best) ?? 0) + 1);
  return best;
}

/** How often, and how long apart, a join tries again while another process opens the session's
 *  room, or while Colyseus clears the rooms of a process that stopped answering. */
const JOIN_ATTEMPTS = 50;
const JOIN_RETRY_MS = 100;

/**
 * A seat in the session's room (Colyseus' seat reservation, which names the process to connect
 * to): joined where the room is live, on this process or another (the Redis driver lists them
 * all); a session no process hosts is opened here first. When two processes open it at once, the
 * lease lets one; the other joins that room on its next try.
 */
export async function reserveSeat(services: Services, sessionId: string, options: unknown, context: AuthContext) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await matchMaker.joinById(sessionId, options as Record<string, unknown>, context);
    } catch (error) {
      // Not live (or its process is gone, or it is closing): open it below and try again.
      const notLive = (error instanceof ServerError && error.code === ErrorCode.MATCHMAKE_INVALID_ROOM_ID) || (error as Error).constructor.name === 'SeatReservationError';
      if (!notLive || attempt === JOIN_ATTEMPTS) throw error;
    }
    const hosted = await openRoomHere(services, sessionId);
    if (hosted === 'no-such-session') throw new ServerError(ErrorCode.MATCHMAKE_INVALID_ROOM_ID, `no session ${sessionId}`);
    if (hosted === 'elsewhere') await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_MS));
  }
}

/** Opens the session's room on this process, unless a room (here or elsewhere) holds its lease. */
export async function openRoomHere(services: Services, sessionId: string): Promise<'opened' | 'elsewhere' | 'no-such-session'> {
  try {
    // selectProcessIdToCreateRoom (app.ts) keeps it on this process.
    await matchMaker.createRoom(SESSION_ROOM, { sessionId });
    return 'opened';
  } catch (error) {
    if (error instanceof ServerError && error.code === HOSTED_ELSEWHERE) return 'elsewhere';
    if (error instanceof ServerError && error.code === 404) return 'no-such-session';
    throw error;
  }
}
