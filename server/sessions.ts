// Opening a session: a stored record, its initial state, and its room (roomId = session id).
import { randomInt } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { z } from 'zod';
import { hashSecret, newJoinCode, newSessionId, randomToken } from './secrets';
import type { Services } from './services';
import { GameSession } from './session';
import type { SessionSettings } from './store';

export const SESSION_ROOM = 'session';

const SessionSettingsInput = z.strictObject({
  studentsChooseSeats: z.boolean().default(true),
});

export const CreateSessionRequest = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  settings: SessionSettingsInput.default({ studentsChooseSeats: true }),
});
export type CreateSessionRequest = z.input<typeof CreateSessionRequest>;

export interface OpenedSession {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
}

export class UnknownScenarioError extends Error {}

export async function openSession(services: Services, request: z.output<typeof CreateSessionRequest>): Promise<OpenedSession> {
  const scenario = services.catalog.get(request.scenarioId);
  if (!scenario) throw new UnknownScenarioError(`There is no scenario "${request.scenarioId}".`);
  const facilitatorKey = randomToken(24);
  const settings: SessionSettings = { studentsChooseSeats: request.settings.studentsChooseSeats };
  let joinCode = newJoinCode();
  while (services.store.sessionByJoinCode(joinCode)) joinCode = newJoinCode();
  const session = GameSession.create(services.store, {
    id: newSessionId(),
    scenarioId: scenario.id,
    seed: request.seed ?? randomInt(2 ** 31 - 1),
    settings,
    joinCode,
    facilitatorKeyHash: hashSecret(facilitatorKey),
    createdAt: services.clock.now(),
    scenario,
  });
  services.sessions.set(session.id, session);
  await openRoom(services, session.id);
  return { sessionId: session.id, joinCode, facilitatorKey };
}

export async function openRoom(services: Services, sessionId: string): Promise<void> {
  await matchMaker.createRoom(SESSION_ROOM, { sessionId, internalKey: services.internalKey });
}
