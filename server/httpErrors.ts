// The HTTP API's error answers, for its routes and the studio's: `{ error: { code, params? } }`, a
// code and its details, never a sentence (shared/protocol/apiErrors.ts; docs/api.md, "Errors").
import type { Response } from 'express';
import type { ZodError } from 'zod';
import type { ApiError } from '@shared/protocol/apiErrors';
import type { UnknownClassFormatError } from './sessions';

export type Fail = (res: Response, status: number, error: ApiError) => void;

export function fail(res: Response, status: number, error: ApiError): void {
  res.status(status).json({ error });
}

/** A body that fails its schema: the paths of its first few problems ("settings.classFormat";
 *  `body` for the body as a whole), not zod's English. */
export function invalidRequest(error: ZodError): Extract<ApiError, { code: 'invalid-request' }> {
  return { code: 'invalid-request', params: { fields: [...new Set(error.issues.slice(0, 3).map((i) => i.path.join('.') || 'body'))] } };
}

export function unknownClassFormat(error: UnknownClassFormatError): Extract<ApiError, { code: 'unknown-class-format' }> {
  return { code: 'unknown-class-format', params: { classFormat: error.classFormat.slice(0, 64), offered: error.offered } };
}
