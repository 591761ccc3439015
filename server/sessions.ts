// Opening a session: a stored record, its initial state, and its room (roomId = session id).
import { randomInt } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { z } from 'zod';
import { applyClassFormat, classFormatsOf, defaultClassFormat, findClassFormat } from '@shared/scenario/classFormat';
import { Id } from '@shared/scenario';
import { LibraryRef } from '@shared/protocol/studio';
import type { Scenario } from '@shared/scenario/schema';
import { hashSecret, newJoinCode, newSessionId, randomToken } from './secrets';
import type { Services } from './services';
import { GameSession, type InitialAction } from './session';
import type { SessionSettings } from './store/store';

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

export class UnknownScenarioError extends Error {}
export class UnknownClassFormatError extends Error {}

/** Opens a session of `scenario` (a library scenario, found and authorised by the caller), or of
 *  the shipped scenario the request names; `initialActions` are logged with its creation. */
export async function openSession(
  services: Services,
  request: Pick<z.output<typeof CreateSessionRequest>, 'scenarioId' | 'seed' | 'settings'>,
  scenario: Scenario | undefined = services.catalog.get(request.scenarioId ?? ''),
  initialActions: InitialAction[] = [],
): Promise<OpenedSession> {
  if (!scenario) throw new UnknownScenarioError(`There is no scenario "${request.scenarioId}".`);
  const facilitatorKey = randomToken(24);
  const classFormat = request.settings.classFormat ?? defaultClassFormat(scenario).id;
  if (!findClassFormat(scenario, classFormat)) {
    const offered = classFormatsOf(scenario).map((f) => f.id).join(', ');
    throw new UnknownClassFormatError(`Scenario "${scenario.id}" has no class format "${classFormat}" (it offers: ${offered}).`);
  }
  const settings: SessionSettings = { studentsChooseSeats: request.settings.studentsChooseSeats, classFormat };
  let joinCode = newJoinCode();
  while (await services.store.sessionByJoinCode(joinCode)) joinCode = newJoinCode();
  const record = {
    id: newSessionId(),
    scenarioId: scenario.id,
    seed: request.seed ?? randomInt(2 ** 31 - 1),
    settings,
    joinCode,
    facilitatorKeyHash: hashSecret(facilitatorKey),
    createdAt: services.clock.now(),
    // The game as played in this format: stored so, a restart replays the same game.
    scenario: applyClassFormat(scenario, classFormat),
  };
  const session = await GameSession.create(services.store, record, initialActions);
  services.sessions.set(session.id, session);
  await openRoom(services, session.id);
  return { sessionId: session.id, joinCode, facilitatorKey };
}

export async function openRoom(services: Services, sessionId: string): Promise<void> {
  await matchMaker.createRoom(SESSION_ROOM, { sessionId, internalKey: services.internalKey });
}
