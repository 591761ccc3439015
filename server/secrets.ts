// Unguessable identifiers: session ids, facilitator keys, seat tokens, join codes. Keys and tokens
// are stored only as SHA-256 hashes, so a copy of the database does not let anyone act.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits a student cannot confuse when copying from a projector (no 0/O, 1/I/L). */
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export function newSessionId(): string {
  return randomToken(12);
}

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Join codes are typed by students: accept lower case and surrounding spaces. */
export function normaliseJoinCode(code: string): string {
  return code.trim().toUpperCase();
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
