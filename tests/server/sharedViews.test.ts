// The session builds one view per role and copies it for the role's other seats (a load-test
// optimisation). That is only right while a seat's view depends on its seat for `viewer` and
// `me.seat` alone: this checks the copies against `viewFor` itself, in every shipped scenario.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { viewFor, type Action, type Actor, type Viewer } from '../../shared/engine';
import { PROJECT_ROOT } from '../../server/config';
import { loadCatalog } from '../../server/scenarios';
import { GameSession } from '../../server/session';
import { Store } from '../../server/store';
import { tempDir } from './harness';

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const catalog = loadCatalog(path.join(PROJECT_ROOT, 'scenarios'));

describe('seat views copied from the role view', () => {
  for (const scenario of catalog.list()) {
    it(`equal viewFor for every seat of ${scenario.id}`, () => {
      const store = new Store(tempDir());
      stores.push(store);
      const session = GameSession.create(store, {
        id: `shared-${scenario.id}`.slice(0, 32),
        scenarioId: scenario.id,
        seed: 3,
        settings: { studentsChooseSeats: true },
        joinCode: 'ABCDEF',
        facilitatorKeyHash: 'x',
        createdAt: 0,
        scenario,
      });
      let now = 1_000;
      const submit = (action: Action, actor: Actor) => {
        const outcome = session.submit({ principal: 'test', actor, action, clientId: null, now: (now += 1000) });
        expect(outcome).toMatchObject({ ok: true });
      };
      const seats: Viewer[] = scenario.roles.flatMap((r) => r.seats.map((s) => ({ kind: 'seat' as const, role: r.id, seat: s.id })));
      for (const seat of seats) if (seat.kind === 'seat') submit({ type: 'takeSeat', seat: { role: seat.role, seat: seat.seat }, name: `P ${seat.seat}` }, { kind: 'system' });
      submit({ type: 'startGame' }, { kind: 'facilitator' });
      const [first, second] = scenario.roles;
      submit({ type: 'chat', channel: `team:${first.id}`, text: 'our line holds' }, { kind: 'seat', role: first.id, seat: first.seats[1]?.id ?? first.seats[0].id });
      submit({ type: 'whisper', role: second.id, text: 'a word in private' }, { kind: 'facilitator' });
      submit({ type: 'ready', ready: true }, { kind: 'seat', role: second.id, seat: second.seats.at(-1)!.id });

      // Last seats first, so copies are made before and after their role's own view.
      for (const viewer of [...seats].reverse()) expect(session.view(viewer)).toEqual(viewFor(session.state, scenario, viewer));
      for (const viewer of [{ kind: 'facilitator' }, { kind: 'spectator' }] as Viewer[])
        expect(session.view(viewer)).toEqual(viewFor(session.state, scenario, viewer));
    });
  }
});
