// The studio's structured views edit the YAML text in place: only the changed node's text
// changes, comments and the layout of everything else are kept, and a missing key is written
// at its map's indentation.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { setIn, YamlEditError } from '@client/src/features/studio/yamlEdit';

const handshake = fs.readFileSync('scenarios/handshake-in-orbit.yaml', 'utf8');

/** The lines of `after` that are not in `before`, in order. */
function changedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
}

describe('editing the YAML in place', () => {
  it('replaces a scalar and nothing else', () => {
    const path = ['roles', 0, 'pointTables', 'astp-agreement', 'walkAway'];
    const { text } = setIn(handshake, path, 17);
    expect(parseDocument(text).getIn(path)).toBe(17);
    expect(text.split('\n').length).toBe(handshake.split('\n').length);
    expect(changedLines(handshake, text)).toHaveLength(1);
    expect(changedLines(handshake, text)[0]).toBe('        walkAway: 17            # détente without a flight: still worth something');
  });

  it('adds a missing key at its map\'s indentation, keeping comments', () => {
    const text = 'a:\n  # the points\n  x: 1 # one\n  y: 2\nb: 3\n';
    const { text: out } = setIn(text, ['a', 'z'], 5);
    expect(out).toBe('a:\n  # the points\n  x: 1 # one\n  y: 2\n  z: 5\nb: 3\n');
  });

  it('adds a nested missing key and a list item', () => {
    const text = 'roles:\n  - id: a\n    seats:\n      - id: head\n  - id: b\n';
    expect(setIn(text, ['roles', 0, 'pointTables', 'deal', 'walkAway'], 4).text).toBe(
      'roles:\n  - id: a\n    seats:\n      - id: head\n    pointTables:\n      deal:\n        walkAway: 4\n  - id: b\n',
    );
    expect(setIn(text, ['roles', 0, 'seats', 1], { id: 'deputy' }).text).toBe('roles:\n  - id: a\n    seats:\n      - id: head\n      - id: deputy\n  - id: b\n');
  });

  it('rewrites a flow list in flow style and a block list as a block', () => {
    expect(setIn('powers: [propose, sign] # head\nx: 1\n', ['powers'], ['propose']).text).toBe('powers: [ propose ] # head\nx: 1\n');
    expect(setIn('p:\n  - a\n  - b\nx: 1\n', ['p'], ['a', 'c', 'd']).text).toBe('p:\n  - a\n  - c\n  - d\nx: 1\n');
    expect(setIn('m: { min: 2, max: 4 }\n', ['m', 'max'], 6).text).toBe('m: { min: 2, max: 6 }\n');
  });

  it('refuses to edit a file that is not valid YAML', () => {
    expect(() => setIn('a: [1, 2\n', ['a'], 3)).toThrow(YamlEditError);
  });
});

describe('a point table written in flow style', () => {
  it('changes one cell, or adds a missing option, on the same line and keeps its comment', () => {
    const path = ['roles', 0, 'pointTables', 'astp-agreement', 'issues', 'docking-system'];
    const cell = setIn(handshake, [...path, 'androgynous'], 7).text;
    expect(changedLines(handshake, cell)).toEqual(['          docking-system: { us-probe-drogue: 8, androgynous: 7, soviet-pin-cone: -6 }   # -6: deal-breaker']);
    const without = handshake.replace('us-probe-drogue: 8, androgynous: 5, ', 'us-probe-drogue: 8, ');
    const added = setIn(without, [...path, 'androgynous'], 2).text;
    expect(changedLines(without, added)).toEqual(['          docking-system: { us-probe-drogue: 8, soviet-pin-cone: -6, androgynous: 2 }   # -6: deal-breaker']);
  });
});
