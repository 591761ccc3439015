// Every error code the server can send is in `ErrorCode` (so the client has a text for it: the
// catalogue is `satisfies Record<ErrorCode, …>`), and every code is documented. The room's and
// the engine's codes are typed `ErrorCode`, so tsc already refuses an unknown one; this scan also
// catches a code written where the type does not reach (a plain string, an `as` cast).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '@shared/protocol/apiErrors';
import { ERROR_CODES } from '@shared/protocol/errors';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The HTTP API answers with codes of its own (shared/protocol/apiErrors.ts, docs/api.md), never
 *  over the WebSocket. */
const isHttp = (file: string) => file === 'server/http.ts' || file === 'server/httpErrors.ts' || file.startsWith('server/studio/');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(rel);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/** `code: 'x'` and `code: 'x' | 'y'` (the room's refusals), and `reject('x', …)` / `refuse('x', …)`
 *  (the engine's rejections). */
function codesIn(text: string): string[] {
  const codes: string[] = [];
  for (const m of text.matchAll(/\bcode\??:\s*((?:'[a-z0-9-]+'\s*\|?\s*)+)/g)) codes.push(...Array.from(m[1].matchAll(/'([a-z0-9-]+)'/g), (c) => c[1]));
  for (const m of text.matchAll(/\b(?:reject|refuse)\(\s*'([a-z0-9-]+)'/g)) codes.push(m[1]);
  return codes;
}

describe('error codes', () => {
  it('the scan finds the codes it looks for', () => {
    expect(codesIn(`return { code: 'seat-taken', message }; type V = { code: 'chat-flood' | 'duplicate-message' }; reject('wrong-phase', 'x'); refuse( 'bad-terms', y)`)).toEqual([
      'seat-taken',
      'chat-flood',
      'duplicate-message',
      'wrong-phase',
      'bad-terms',
    ]);
  });

  it('every code written in server/ and shared/engine/ is an ErrorCode, or in the HTTP API an API error code', () => {
    const found = new Map<string, string>();
    for (const file of [...sources('server'), ...sources('shared/engine')]) {
      for (const code of codesIn(fs.readFileSync(path.join(ROOT, file), 'utf8'))) found.set(`${code} (${file})`, file);
    }
    // The scan sees the room's refusals, the engine's rejections and the API's errors, or it scans nothing.
    const codes = [...found.keys()].map((key) => key.split(' ')[0]);
    expect(codes.includes('seat-taken') && codes.includes('wrong-phase') && codes.includes('version-conflict')).toBe(true);
    const known = (key: string, file: string) => ((isHttp(file) ? API_ERROR_CODES : ERROR_CODES) as readonly string[]).includes(key.split(' ')[0]);
    expect([...found].filter(([key, file]) => !known(key, file)).map(([key]) => key)).toEqual([]);
  });

  it('every ErrorCode is documented in docs/protocol.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/protocol.md'), 'utf8');
    expect(ERROR_CODES.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });

  it('lists each code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
