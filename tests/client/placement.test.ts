// The debrief's placement of deals, computed in the browser: only from a revealed view (the point
// tables arrive with the debrief), with readable counts.
import { expect, test } from 'vitest';
import { publicScenario, viewFor } from '@shared/engine';
import { dealsInSpace, paretoSummary, spaceSummary, valuesText } from '@client/src/features/debrief/placement';
import { facilitator, seat, shipped, signDockingMemorandum, Table } from '../engine/helpers';

const handshake = shipped('handshake-in-orbit');
const pub = publicScenario(handshake);

/** NASA and the Academy put a science accord (d2) in force; the game is not revealed yet. */
function accordInForce(): Table {
  const t = new Table(handshake, { seed: 2 }).start();
  // The Academy's caution: it negotiates an accord once a docking memorandum (d1) raised its trust in NASA.
  signDockingMemorandum(t);
  t.goTo(1, 'track-i');
  t.do(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms: { 'lunar-samples': 'loan', 'data-sharing': 'reciprocal', 'scientist-exchange': 'none' } });
  t.do(seat('nasa'), { type: 'proposeDeal', deal: 'd2' });
  t.do(seat('soviet-academy'), { type: 'acceptDeal', deal: 'd2' });
  t.goTo(1, 'signature');
  t.do(seat('nasa'), { type: 'signDeal', deal: 'd2' });
  t.do(seat('soviet-academy'), { type: 'signDeal', deal: 'd2' });
  return t;
}

test('nothing is placed before the reveal: the view has no point tables to place with', () => {
  const t = accordInForce();
  expect(t.state.deals.d2.status).toBe('inForce');
  for (const viewer of [{ kind: 'facilitator' }, { kind: 'seat', role: 'us-gov', seat: 'head' }, { kind: 'spectator' }] as const)
    expect(dealsInSpace(viewFor(t.state, handshake, viewer), pub)).toEqual([]);
});

test('after the reveal every viewer sees the accord placed, in words', () => {
  const t = accordInForce();
  t.do(facilitator, { type: 'revealAll' });
  const view = viewFor(t.state, handshake, { kind: 'spectator' });
  const placed = dealsInSpace(view, pub).find((p) => p.deal === 'd2')!;
  // Below both walk-aways (10 each since the corrected scenario): only samples lent, reciprocal data and
  // short visits meet them, one of the three Pareto-better accords.
  expect(placed).toMatchObject({ deal: 'd2', values: { nasa: 9, 'soviet-academy': 8 }, walkAways: { nasa: 10, 'soviet-academy': 10 }, acceptableToAll: false });
  expect(spaceSummary(placed)).toBe('1 of 27 possible agreements; 1 meets every walk-away');
  expect(paretoSummary(placed)).toBe('3 Pareto-better agreements');
  expect(valuesText(view, placed.paretoBetter[0].values)).toBe('NASA 12, Soviet Academy of Sciences 11');
});

test('the counts read well in the singular too', () => {
  const one = { combinations: 1, consensus: 1, paretoEfficient: false, paretoBetterCount: 1 } as Parameters<typeof spaceSummary>[0];
  expect(spaceSummary(one)).toBe('1 of 1 possible agreement; 1 meets every walk-away');
  expect(paretoSummary(one)).toBe('1 Pareto-better agreement');
  expect(paretoSummary({ ...one, paretoEfficient: true })).toContain('Pareto-efficient');
});
