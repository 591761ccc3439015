// Whatever an instructor types, the loader answers with located problems, never a crash.
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '@shared/scenario';

const lines = fs.readFileSync(new URL('./fixtures/base.yaml', import.meta.url), 'utf8').split('\n');
const values = ['', 'x', 'Bad Id', '0', '-5', '2.5', '[a, b]', '{}', '{ x: 1 }', 'null', '"@self"', '"@parties"', 'true', 'us-gov', 'talks', '[nasa]'];

type Edit = { kind: 'drop' | 'repeat'; line: number } | { kind: 'set'; line: number; value: string };

/** One edit of the base scenario: drop a line, repeat a line, or give a key another value. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('repeat' as const), line: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('set' as const), line: fc.nat(lines.length - 1), value: fc.constantFrom(...values) }),
);

function apply(edits: Edit[]): string {
  const out = [...lines];
  for (const e of edits) {
    const line = e.line % out.length;
    if (e.kind === 'set') out[line] = out[line].replace(/:\s.*$/, `: ${e.value}`);
    else if (e.kind === 'drop') out.splice(line, 1);
    else out.splice(line, 0, out[line]);
  }
  return out.join('\n');
}

describe('loadScenario on mangled scenarios', () => {
  it('reports problems with a position and a message, or loads', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = apply(edits);
        const result = loadScenario(text, 'mangled.yaml');
        if (result.ok) return;
        expect(result.problems.length).toBeGreaterThan(0);
        const lineCount = text.split('\n').length;
        for (const problem of result.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount);
          expect(problem.column).toBeGreaterThanOrEqual(1);
          expect(problem.message).toMatch(/^[a-z"@]/);
          expect(problem.message).not.toMatch(/undefined|\[object|Invalid input/);
        }
      }),
      { numRuns: 400, seed: 20251 },
    );
  });
});
