// The inbox: every client message passes these checks, in this order, before anything else sees
// it: its size, the connection's rate, its type, its schema. What passes comes out parsed; what
// fails gets an error code for the sender (in `result` when it carried an action id).
import type { z, ZodError } from 'zod';
import { ClientMessages, MAX_MESSAGE_BYTES, type ClientMessageType } from '@shared/protocol/messages';
import type { ProtocolError } from '@shared/protocol/serverMessages';
import type { Connection } from './connection';

/** A checked client message: its type and its parsed payload. */
export type ClientMessage = { [K in ClientMessageType]: { type: K } & z.infer<(typeof ClientMessages)[K]> }[ClientMessageType];

export type Refused = { error: ProtocolError; id?: string };

export function checkMessage(conn: Connection, type: string | number, message: unknown, now: number): ClientMessage | Refused {
  const id = actionIdOf(message);
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(message ?? null), 'utf8');
  } catch {
    return { id, error: { code: 'invalid-message', params: { reason: 'notJson' } } };
  }
  if (size > MAX_MESSAGE_BYTES) return { id, error: { code: 'too-large', params: { max: MAX_MESSAGE_BYTES } } };
  if (!conn.bucket.take(now)) return { id, error: { code: 'rate-limited' } };
  if (typeof type !== 'string' || !Object.hasOwn(ClientMessages, type)) {
    return { id, error: { code: 'unknown-type', params: { type: String(type).slice(0, 40) } } };
  }
  const messageType = type as ClientMessageType;
  const parsed = ClientMessages[messageType].safeParse(message);
  if (!parsed.success) return { id, error: { code: 'invalid-message', params: { reason: 'schema', fields: zodPaths(parsed.error) } } };
  return { type: messageType, ...parsed.data } as ClientMessage;
}

/** The action id of a message that may not have parsed, to answer it by id. */
function actionIdOf(message: unknown): string | undefined {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length >= 8 && id.length <= 64 ? id : undefined;
}

/** Where a failed parse went wrong, for the sender: the paths of its first few problems
 *  ("action.terms.crew"), no sentences (the client words the refusal). */
function zodPaths(error: ZodError): string[] {
  return [...new Set(error.issues.slice(0, 3).map((i) => i.path.join('.') || '(message)'))];
}
