// Two server shortcuts found by the load test, checked against what they replace:
// - the session builds one view per role and copies it for the role's other seats. That is only
//   right while a seat's view depends on its seat for `viewer` and `me.seat` alone: the copies are
//   compared with `viewFor` itself, in every shipped scenario;
// - `diffViews` patches must turn each view into the next exactly as fast-json-patch's `compare`.
import path from 'node:path';
import jsonPatch from 'fast-json-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { viewFor, type Action, type Actor, type Viewer } from '@shared/engine';
import { PROJECT_ROOT } from '@server/config';
import { loadCatalog } from '@server/scenarios';
import { GameSession } from '@server/session';
import { openStore } from '@server/store/openStore';
import type { Store } from '@server/store/store';
import { diffViews } from '@server/viewDiff';
import { tempDir } from './harness';

const opened: { store: Store; session: GameSession }[] = [];
afterEach(async () => {
  for (const { store, session } of opened.splice(0)) {
    await session.writer.durable();
    await store.close();
  }
});

/** As it travels (JSON has no -0, no undefined). */
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

const catalog = loadCatalog(path.join(PROJECT_ROOT, 'scenarios'));

describe('seat views copied from the role view', () => {
  for (const scenario of catalog.list()) {
    it(`equal viewFor for every seat of ${scenario.id}`, async () => {
      const store = await openStore({ dataDir: tempDir() });
      const session = await GameSession.create(store, {
        id: `shared-${scenario.id}`.slice(0, 32),
        scenarioId: scenario.id,
        seed: 3,
        settings: { studentsChooseSeats: true },
        joinCode: 'ABCDEF',
        facilitatorKeyHash: 'x',
        createdAt: 0,
        scenario,
      });
      opened.push({ store, session });
      let now = 1_000;
      const viewers: Viewer[] = [{ kind: 'facilitator' }, { kind: 'spectator' }, ...scenario.roles.map((r) => ({ kind: 'seat' as const, role: r.id, seat: r.seats.at(-1)!.id }))];
      let views = viewers.map((v) => session.view(v));
      const submit = (action: Action, actor: Actor) => {
        const outcome = session.submit({ principal: 'test', actor, action, clientId: null, now: (now += 1000) });
        expect(outcome).toMatchObject({ ok: true });
        // Every move: the patch of each viewer leads from its last view to its new one.
        const next = viewers.map((v) => session.view(v));
        next.forEach((view, i) => {
          const patched = jsonPatch.applyPatch(jsonPatch.deepClone(views[i]), diffViews(views[i], view), true, false).newDocument;
          expect(json(patched)).toEqual(json(view));
        });
        views = next;
      };
      const seats: Viewer[] = scenario.roles.flatMap((r) => r.seats.map((s) => ({ kind: 'seat' as const, role: r.id, seat: s.id })));
      for (const seat of seats) if (seat.kind === 'seat') submit({ type: 'takeSeat', seat: { role: seat.role, seat: seat.seat }, name: `P ${seat.seat}` }, { kind: 'system' });
      submit({ type: 'startGame' }, { kind: 'facilitator' });
      const [first, second] = scenario.roles;
      submit({ type: 'chat', channel: `team:${first.id}`, text: 'our line holds' }, { kind: 'seat', role: first.id, seat: first.seats[1]?.id ?? first.seats[0].id });
      submit({ type: 'whisper', role: second.id, text: 'a word in private' }, { kind: 'facilitator' });
      submit({ type: 'ready', ready: true }, { kind: 'seat', role: second.id, seat: second.seats.at(-1)!.id });
      submit({ type: 'advancePhase', round: session.state.round, phase: session.state.phaseIndex }, { kind: 'facilitator' });
      submit({ type: 'revealAll' }, { kind: 'facilitator' });

      // Last seats first, so copies are made before and after their role's own view.
      for (const viewer of [...seats].reverse()) expect(session.view(viewer)).toEqual(viewFor(session.state, scenario, viewer));
      for (const viewer of [{ kind: 'facilitator' }, { kind: 'spectator' }] as Viewer[])
        expect(session.view(viewer)).toEqual(viewFor(session.state, scenario, viewer));
    });
  }
});

describe('diffViews', () => {
  const cases: [string, object, object][] = [
    ['appended items', { list: [1, 2] }, { list: [1, 2, 3, 4] }],
    ['a list that shrank', { list: [1, 2, 3] }, { list: [1] }],
    ['a list changed in the middle', { list: [{ a: 1 }, { a: 2 }, { a: 3 }] }, { list: [{ a: 1 }, { a: 9 }, { a: 3 }, { a: 4 }] }],
    ['keys added, removed and replaced', { a: 1, b: { c: 2 }, d: 'x' }, { a: 2, b: { c: 2, e: [] }, f: null }],
    ['undefined counts as absent', { a: undefined, b: 1 }, { a: 1, b: undefined }],
    ['keys that need escaping', { 'us-gov/head': { 'a~b': 1 } }, { 'us-gov/head': { 'a~b': 2 } }],
    ['an object that became a list', { a: { x: 1 } }, { a: [1] }],
  ];
  for (const [name, from, to] of cases)
    it(name, () => {
      const ops = diffViews(from, to);
      const patched = jsonPatch.applyPatch(jsonPatch.deepClone(from), ops, true, false).newDocument;
      expect(json(patched)).toEqual(json(to));
    });

  it('sends one add per new item of a list that grew at the end', () => {
    const shared = { seq: 1, text: 'kept' };
    expect(diffViews({ m: [shared] }, { m: [shared, { seq: 2, text: 'new' }] })).toEqual([{ op: 'add', path: '/m/1', value: { seq: 2, text: 'new' } }]);
  });
});
