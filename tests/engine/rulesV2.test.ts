// Rules v2, one story each on the shipped scenario "Handshake in orbit": one deal per type
// (superseding), memoranda with stakes, track II relationships, and defection with consequences.
import { describe, expect, test } from 'vitest';
import { availableMoves, publicScenario, relationshipKey, score, viewFor } from '@shared/engine';
import type { Scenario } from '@shared/scenario';
import { seat, shipped, Table, memoTerms, signDockingMemorandum } from './helpers';

const handshake = shipped('handshake-in-orbit');
const CALM = 4; // Apollo 11, then the Apollo cuts: tension stays at 6 in rounds 1 and 2
const memoType = handshake.dealTypes.find((d) => d.id === 'docking-memorandum')!;
const PAIR = relationshipKey('nasa', 'soviet-academy');
/** A head of delegation as a viewer. */
const as = (role: string) => ({ kind: 'seat' as const, role, seat: 'head' });

/** The two communities talk in their track II network this round. */
function talk(t: Table): void {
  t.do(seat('nasa'), { type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Docking rings, again?' });
  t.do(seat('soviet-academy'), { type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Androgynous, this time.' });
}

/** Hostile statements until tension reaches the Cold War freeze (8). */
function freeze(t: Table): void {
  t.goTo(t.state.round, 'news');
  for (const role of ['us-gov', 'soviet-gov', 'nasa', 'soviet-academy']) {
    if (t.state.tracks.tension >= 8) break;
    t.do(seat(role), { type: 'publicStatement', tone: 'hostile', text: 'We will not be pushed around.' });
  }
  expect(t.state.activeConstraints).toContain('cold-war-freeze');
}

describe('one deal per type', () => {
  test('a second memorandum is refused until it supersedes the first; then the first ends and no longer scores', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const first = signDockingMemorandum(t);
    t.goTo(2, 'track-ii');
    const better = { ...memoTerms, 'tech-exchange': 'full-access' };
    t.do(seat('nasa'), { type: 'draftDeal', dealType: 'docking-memorandum', parties: ['nasa', 'soviet-academy'], terms: better });
    const second = t.lastDeal;
    const msg = t.fails(seat('nasa'), { type: 'proposeDeal', deal: second }, 'deal-type-in-force');
    expect(msg).toEqual({ role: 'nasa', dealType: 'docking-memorandum', deal: first });
    // availableMoves says the same, from NASA's own view.
    const moves = availableMoves(viewFor(t.state, handshake, as('nasa')), publicScenario(handshake))!;
    expect(moves.deals[second].proposeDeal).toMatchObject({ available: false, reason: 'deal-type-in-force' });

    t.fails(seat('nasa'), { type: 'editDraft', deal: second, parties: ['nasa', 'soviet-academy'], terms: better, supersedes: 'd99' }, 'wrong-status');
    t.do(seat('nasa'), { type: 'editDraft', deal: second, parties: ['nasa', 'soviet-academy'], terms: better, supersedes: first });
    t.do(seat('nasa'), { type: 'proposeDeal', deal: second });
    t.do(seat('soviet-academy'), { type: 'acceptDeal', deal: second });
    t.do(seat('nasa'), { type: 'signDeal', deal: second });
    expect(t.state.deals[first].status).toBe('inForce');
    t.do(seat('soviet-academy'), { type: 'signDeal', deal: second });
    expect(t.state.deals[first].status).toBe('superseded');
    expect(t.state.deals[second].status).toBe('inForce');
    expect(t.state.timeline.find((e) => e.code === 'dealSuperseded')).toMatchObject({
      params: { deal: first, dealType: 'docking-memorandum', parties: ['nasa', 'soviet-academy'], by: second },
      roles: ['nasa', 'soviet-academy'],
    });
    const nasa = score(t.state, handshake).find((s) => s.role === 'nasa')!;
    expect(nasa.deals.filter((d) => d.dealType === 'docking-memorandum').map((d) => d.deal)).toEqual([second]);
    expect(nasa.keptDealCount).toBe(1);
  });

  test('a deal that supersedes another keeps all its parties', () => {
    // A variant where the memorandum takes two or three parties of any kind.
    const scenario: Scenario = {
      ...handshake,
      dealTypes: handshake.dealTypes.map((d) => (d.id === memoType.id ? { ...d, parties: { min: 2, max: 3 } } : d)),
    };
    const t = new Table(scenario, { seed: CALM }).start();
    const first = signDockingMemorandum(t);
    const draft = { type: 'draftDeal', dealType: memoType.id, terms: memoTerms, supersedes: first } as const;
    const msg = t.fails(seat('nasa'), { ...draft, parties: ['nasa', 'us-gov'] }, 'bad-parties');
    expect(msg).toEqual({ reason: 'keepParties', deal: first, role: 'soviet-academy' });
    t.do(seat('nasa'), { ...draft, parties: ['nasa', 'soviet-academy', 'us-gov'] });
  });
});

describe('memoranda: stakes, and no binding force', () => {
  test('signatories score a memorandum through their own point tables; governments have none for it', () => {
    for (const role of memoType.parties.roles!) expect(handshake.roles.find((r) => r.id === role)!.pointTables[memoType.id], role).toBeDefined();
    for (const role of handshake.roles.filter((r) => r.kind === 'government')) expect(role.pointTables[memoType.id]).toBeUndefined();
    for (const role of handshake.roles)
      for (const o of role.objectives) expect(JSON.stringify(o.when), `${role.id}/${o.id}`).not.toContain('"deal":"docking-memorandum"');
    const t = new Table(handshake, { seed: CALM }).start();
    const memo = signDockingMemorandum(t);
    const nasa = score(t.state, handshake).find((s) => s.role === 'nasa')!;
    const table = handshake.roles.find((r) => r.id === 'nasa')!.pointTables[memoType.id];
    const points = Object.entries(memoTerms).reduce((sum, [issue, option]) => sum + (table.issues[issue]?.[option] ?? 0), 0);
    expect(nasa.deals.find((d) => d.dealType === memoType.id)).toEqual({ deal: memo, dealType: memoType.id, points, walkAway: false });
  });

  test('signed while track I is hostile, a memorandum costs its signatories what the scenario says', () => {
    expect(memoType.hostileCost).toBeDefined();
    const calm = new Table(handshake, { seed: CALM }).start();
    calm.goTo(1, 'track-ii');
    const calmBefore = calm.state.resources.nasa;
    signDockingMemorandum(calm);
    const hot = new Table(handshake, { seed: CALM }).start();
    freeze(hot);
    hot.goTo(1, 'track-ii');
    const hotBefore = hot.state.resources.nasa;
    signDockingMemorandum(hot);
    const change = (t: Table, before: Record<string, number>) => Object.fromEntries(Object.keys(before).map((k) => [k, t.state.resources.nasa[k] - before[k]]));
    const extra: Record<string, number> = {};
    for (const e of memoType.hostileCost!.effects) if (e.effect === 'resource') extra[e.resource] = (extra[e.resource] ?? 0) + e.add;
    const calmChange = change(calm, calmBefore);
    const hotChange = change(hot, hotBefore);
    for (const [resource, add] of Object.entries(extra)) expect(hotChange[resource] - calmChange[resource], resource).toBe(add);
    // A seat sees which deal types would cost it now.
    expect(viewFor(hot.state, handshake, as('nasa')).me!.hostile).toContain(memoType.id);
    expect(viewFor(calm.state, handshake, as('nasa')).me!.hostile).not.toContain(memoType.id);
  });

  test('a memorandum cannot be broken: a signatory leaves it, and its partner sees it and trusts it less', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const memo = signDockingMemorandum(t);
    t.goTo(1, 'resolution');
    const msg = t.fails(seat('soviet-academy'), { type: 'breachDeal', deal: memo }, 'wrong-status');
    expect(msg).toEqual({ reason: 'memorandumBinds', deal: memo });
    t.goTo(2, 'track-ii');
    const before = t.state;
    t.do(seat('soviet-academy'), { type: 'withdrawDeal', deal: memo });
    expect(t.state.deals[memo]).toMatchObject({ status: 'withdrawn', breachedBy: null });
    expect(t.state.trust.nasa['soviet-academy']).toBe(before.trust.nasa['soviet-academy'] - handshake.trust.withdrawLoss);
    expect(t.state.timeline.at(-1)).toMatchObject({
      code: 'dealWithdrawn',
      params: { deal: memo, dealType: 'docking-memorandum', role: 'soviet-academy', parties: ['nasa'], left: true },
      roles: ['nasa', 'soviet-academy'],
    });
    const academy = score(t.state, handshake).find((s) => s.role === 'soviet-academy')!;
    expect(academy.breachCount).toBe(0);
    expect(academy.deals.find((d) => d.dealType === memoType.id)).toMatchObject({ deal: null, walkAway: true });
  });

  test('withdrawing a proposal the other side accepted costs trust and is on the timeline', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    const memo = signDockingMemorandum(t);
    t.goTo(2, 'track-i'); // formal talks open in 1970-1971
    t.do(seat('us-gov'), { type: 'adoptMemorandum', deal: memo, parties: ['us-gov', 'soviet-gov'] });
    const deal = t.lastDeal;
    t.do(seat('soviet-gov'), { type: 'acceptDeal', deal });
    const before = t.state;
    t.do(seat('us-gov'), { type: 'withdrawDeal', deal });
    expect(t.state.trust['soviet-gov']['us-gov']).toBe(before.trust['soviet-gov']['us-gov'] - handshake.trust.withdrawLoss);
    expect(t.state.timeline.at(-1)).toMatchObject({
      code: 'dealWithdrawn',
      params: { deal, dealType: 'astp-agreement', role: 'us-gov', parties: ['soviet-gov'], left: false },
      roles: ['us-gov', 'soviet-gov'],
    });
    // A proposal nobody else accepted yet goes quietly.
    t.do(seat('us-gov'), { type: 'draftDeal', dealType: 'astp-agreement', parties: ['us-gov', 'soviet-gov'], terms: memoTerms });
    t.do(seat('us-gov'), { type: 'proposeDeal', deal: t.lastDeal });
    const quiet = t.state;
    t.do(seat('us-gov'), { type: 'withdrawDeal', deal: t.lastDeal });
    expect(t.state.trust).toBe(quiet.trust);
  });
});

describe('track II relationships', () => {
  test('a round of contact in the network builds the relationship and trust; only the pair sees it', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    t.goTo(1, 'track-ii');
    talk(t);
    t.goTo(1, 'resolution');
    const before = t.state.trust;
    t.goTo(2, 'news');
    expect(t.state.relationships).toEqual({ [PAIR]: 1 });
    expect(t.state.trust.nasa['soviet-academy']).toBe(before.nasa['soviet-academy'] + handshake.trackTwo.trustPerRound);
    expect(t.state.trust['soviet-academy'].nasa).toBe(before['soviet-academy'].nasa + handshake.trackTwo.trustPerRound);
    expect(viewFor(t.state, handshake, as('nasa')).relationships).toEqual({ [PAIR]: 1 });
    expect(viewFor(t.state, handshake, as('us-gov')).relationships).toEqual({});
    // A round without contact adds nothing.
    t.goTo(3, 'news');
    expect(t.state.relationships[PAIR]).toBe(1);
  });

  test('a memorandum in force is contact every round; it outlives the freeze of track I', () => {
    const t = new Table(handshake, { seed: CALM }).start();
    signDockingMemorandum(t);
    freeze(t.goTo(2, 'news'));
    expect(viewFor(t.state, handshake, as('us-gov')).channels.find((c) => c.id === 'bilateral:soviet-gov:us-gov')).toMatchObject({ open: false });
    t.goTo(2, 'track-ii');
    talk(t); // the network stays open
    t.goTo(3, 'news');
    expect(t.state.relationships[PAIR]).toBe(2);
    // A government sees the relationship of a memorandum's signatories (the memorandum is public).
    expect(viewFor(t.state, handshake, as('us-gov')).relationships).toEqual({ [PAIR]: 2 });
  });

  test('in a freeze, a memorandum carried by a relationship can still be adopted, and is ratified even where support fails', () => {
    // Congress would ratify nothing (support can never reach 101).
    const scenario: Scenario = {
      ...handshake,
      roles: handshake.roles.map((r) => (r.id === 'us-gov' ? { ...r, ratifyWhen: { resource: 'domestic-support', role: 'us-gov', atLeast: 101 } } : r)),
    };
    const t = new Table(scenario, { seed: CALM }).start();
    const memo = signDockingMemorandum(t);
    t.goTo(3, 'news');
    freeze(t);
    t.goTo(3, 'track-i');
    expect(t.state.relationships[PAIR]).toBeGreaterThanOrEqual(scenario.trackTwo.bridge);
    expect(t.state.activeConstraints).toContain('cold-war-freeze');
    t.do(seat('us-gov'), { type: 'adoptMemorandum', deal: memo, parties: ['us-gov', 'soviet-gov'] });
    const deal = t.lastDeal;
    expect(t.state.deals[deal]).toMatchObject({ bridged: true, adoptedFrom: memo });
    t.do(seat('soviet-gov'), { type: 'acceptDeal', deal });
    t.goTo(3, 'signature');
    t.do(seat('us-gov'), { type: 'signDeal', deal });
    t.do(seat('soviet-gov'), { type: 'signDeal', deal });
    t.do(seat('us-gov'), { type: 'ratifyDeal', deal });
    t.do(seat('soviet-gov'), { type: 'ratifyDeal', deal });
    expect(t.state.deals[deal].status).toBe('inForce');
  });

  test('without the relationship, the same ratification fails', () => {
    const scenario: Scenario = {
      ...handshake,
      roles: handshake.roles.map((r) => (r.id === 'us-gov' ? { ...r, ratifyWhen: { resource: 'domestic-support', role: 'us-gov', atLeast: 101 } } : r)),
    };
    const t = new Table(scenario, { seed: CALM }).start();
    const memo = signDockingMemorandum(t);
    // Formal talks open in 1970-1971, after one round of contact: below the bridge of 2.
    t.goTo(2, 'track-i');
    t.do(seat('us-gov'), { type: 'adoptMemorandum', deal: memo, parties: ['us-gov', 'soviet-gov'] });
    const deal = t.lastDeal;
    expect(t.state.deals[deal].bridged).toBe(false);
    t.do(seat('soviet-gov'), { type: 'acceptDeal', deal });
    t.goTo(2, 'signature');
    t.do(seat('us-gov'), { type: 'signDeal', deal });
    t.do(seat('soviet-gov'), { type: 'signDeal', deal });
    t.do(seat('us-gov'), { type: 'ratifyDeal', deal });
    expect(t.state.deals[deal].status).toBe('failed');
  });
});

describe('a memorandum that settles only some issues (Freedom to ISS)', () => {
  const freedom = shipped('freedom-to-iss');
  const memo = freedom.dealTypes.find((d) => d.id === 'station-memorandum')!;
  const partnership = freedom.dealTypes.find((d) => d.id === 'station-partnership')!;

  test('the adopting government fills in the issues the memorandum leaves open', () => {
    const open = partnership.issues.filter((i) => !memo.issues.some((m) => m.id === i.id)).map((i) => i.id);
    expect(open).toEqual(['payment']);
    const t = new Table(freedom, { seed: 1 }).start();
    t.goTo(1, 'track-ii');
    const terms = Object.fromEntries(memo.issues.map((i) => [i.id, i.options[0].id]));
    t.do(seat('nasa'), { type: 'draftDeal', dealType: memo.id, parties: ['nasa', 'rsa'], terms });
    const id = t.lastDeal;
    t.do(seat('nasa'), { type: 'proposeDeal', deal: id });
    t.do(seat('rsa'), { type: 'acceptDeal', deal: id });
    t.do(seat('nasa'), { type: 'signDeal', deal: id });
    t.do(seat('rsa'), { type: 'signDeal', deal: id });
    t.goTo(2, 'track-i'); // the partnership opens with Clinton's redesign (1993)
    const adopt = { type: 'adoptMemorandum' as const, deal: id, parties: ['us-gov', 'russian-gov'] };
    expect(t.fails(seat('us-gov'), adopt, 'bad-terms')).toMatchObject({ reason: 'pick', issue: 'payment' });
    expect(t.fails(seat('us-gov'), { ...adopt, terms: { payment: 'cash', 'mir-program': 'none' } }, 'bad-terms')).toMatchObject({ reason: 'settled', issue: 'mir-program' });
    t.do(seat('us-gov'), { ...adopt, terms: { payment: 'barter' } });
    expect(t.state.deals[t.lastDeal].versions[0].terms).toEqual({ ...terms, payment: 'barter' });
  });
});
