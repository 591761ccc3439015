// Unguessable identifiers: session ids, facilitator keys, seat tokens, join codes. Keys and tokens
// are stored only as SHA-256 hashes, so a copy of the database does not let anyone act.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { FailureLimiter } from './rateLimit';

/** Letters and digits a student cannot confuse when copying from a projector (no 0/O, 1/I/L). */
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const JOIN_CODE_LENGTH = 6;

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

/** How a guessed secret (a join code, a facilitator key) from one client address fares. */
export type Guess = 'right' | 'wrong' | 'blocked';

/**
 * Judges a guess after checking the secret: a right one always passes, so wrong guesses by
 * others behind the same address (a school's NAT, a prankster) never lock out a valid key or
 * code. A wrong one counts against the address in `failures`; once the address is over its
 * budget, wrong guesses answer `blocked` and are no longer counted (the block ends as the window
 * slides). Where the secret is short enough to guess (a join code looked up without a session id),
 * the caller also paces lookups while the address is blocked (docs/security.md, item 2).
 */
export async function judgeGuess(failures: FailureLimiter, address: string, now: number, right: boolean): Promise<Guess> {
  if (right) return 'right';
  // One atomic count (shared by a cluster's processes): the guess past the budget is refused.
  return (await failures.fail(address, now)) > failures.max ? 'blocked' : 'wrong';
}
