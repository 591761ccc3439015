// Who sees what: secrets of other roles are absent from a view, not blanked.
import { describe, expect, test } from 'vitest';
import { publicScenario, viewFor, type GameView } from '@shared/engine';
import { facilitator, seat, shipped, signDockingMemorandum, Table } from './helpers';

const handshake = shipped('handshake-in-orbit');
const terms = { 'lunar-samples': 'loan', 'data-sharing': 'reciprocal', 'scientist-exchange': 'short-visits' };

/** A game in round 1 track I: private chats, a docking memorandum signed in track II (d1), a proposal
 *  NASA -> Academy (d2), a NASA draft (d3). */
function midGame(): Table {
  const t = new Table(handshake, { seed: 2 }).start();
  t.do(seat('us-gov'), { type: 'chat', channel: 'team:us-gov', text: 'Our red line: no Soviet docking system.' });
  t.do(seat('nasa'), { type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Shall we sketch a flight?' });
  t.do(seat('nasa'), { type: 'chat', channel: 'public', text: 'NASA welcomes cooperation.' });
  // The Academy's caution: it negotiates an accord once the memorandum raised its trust in NASA.
  signDockingMemorandum(t);
  t.goTo(1, 'track-i');
  t.do(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms });
  t.do(seat('nasa'), { type: 'proposeDeal', deal: 'd2' });
  t.do(seat('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms: { ...terms, 'lunar-samples': 'none' } });
  return t;
}

const secretsOf = (roleId: string): string[] => {
  const role = handshake.roles.find((r) => r.id === roleId)!;
  return [role.confidentialBrief, ...role.objectives.map((o) => o.description)];
};

describe('a player sees its own secrets and nobody else\'s', () => {
  const t = midGame();
  const view = viewFor(t.state, handshake, { kind: 'seat', role: 'us-gov', seat: 'head' });
  const json = JSON.stringify(view);

  test('its own role in full', () => {
    expect(view.me!.role.confidentialBrief).toBe(handshake.roles[0].confidentialBrief);
    expect(view.me!.role.pointTables['astp-agreement']).toBeDefined();
    expect(view.me!.score.role).toBe('us-gov');
  });

  test('other roles: public facts only, their secrets absent', () => {
    for (const other of ['soviet-gov', 'nasa', 'soviet-academy']) for (const secret of secretsOf(other)) expect(json).not.toContain(secret);
    expect(json.match(/"pointTables"/g)).toHaveLength(1);
    expect(json.match(/"confidentialBrief"/g)).toHaveLength(1);
    expect(view.roles.find((r) => r.id === 'nasa')).toEqual({
      id: 'nasa',
      name: 'NASA',
      kind: 'agency',
      nations: ['United States'],
      publicBrief: handshake.roles[2].publicBrief,
    });
  });

  test('channels it belongs to, with messages; not the others', () => {
    const ids = view.channels.map((c) => c.id);
    expect(ids).toContain('team:us-gov');
    expect(ids).not.toContain('team:nasa');
    expect(ids).not.toContain('network:astronauts-and-academicians');
    expect(json).not.toContain('Shall we sketch a flight?');
    expect(view.channels.find((c) => c.id === 'public')!.messages!.map((m) => m.text)).toEqual(['NASA welcomes cooperation.']);
    expect(view.channels.find((c) => c.id === 'bilateral:nasa:soviet-gov')).toBeUndefined();
  });

  test('trust rows and columns of its own role only', () => {
    expect(Object.keys(view.trust['us-gov']).sort()).toEqual(['nasa', 'soviet-academy', 'soviet-gov']);
    expect(view.trust.nasa).toEqual({ 'us-gov': t.state.trust.nasa['us-gov'] });
  });

  test('deals it is not party to stay hidden until in force', () => {
    expect(view.deals.map((d) => [d.id, d.status])).toEqual([['d1', 'inForce']]);
  });
});

describe('deals: parties see proposals, the author team sees its drafts, with their value', () => {
  const t = midGame();
  test('the Academy sees the proposal but not NASA\'s second draft', () => {
    const view = viewFor(t.state, handshake, { kind: 'seat', role: 'soviet-academy', seat: 'head' });
    expect(view.deals.map((d) => [d.id, d.status])).toEqual([
      ['d1', 'inForce'],
      ['d2', 'proposed'],
    ]);
    const value = view.me!.dealValues.d2;
    expect(value).toMatchObject({ role: 'soviet-academy', points: 4 + 4 + 3 });
  });
  test('NASA sees both, any seat of its team', () => {
    const view = viewFor(t.state, handshake, { kind: 'seat', role: 'nasa', seat: 'budget-officer' });
    expect(view.deals.map((d) => [d.id, d.status])).toEqual([
      ['d1', 'inForce'],
      ['d2', 'proposed'],
      ['d3', 'draft'],
    ]);
  });
});

describe('spectators and the facilitator', () => {
  const t = midGame();
  test('a spectator sees the public state only', () => {
    const view = viewFor(t.state, handshake, { kind: 'spectator' });
    const json = JSON.stringify(view);
    expect(view.channels.map((c) => c.id)).toEqual(['public']);
    expect(view.me).toBeUndefined();
    expect(view.facilitator).toBeUndefined();
    expect(view.deals.map((d) => [d.id, d.status])).toEqual([['d1', 'inForce']]);
    expect(view.trust).toEqual({});
    expect(json).not.toContain('"pointTables"');
    for (const role of handshake.roles) for (const secret of secretsOf(role.id)) expect(json).not.toContain(secret);
  });

  test('the facilitator sees every deal, scores and participation, but not private talk live', () => {
    const view = viewFor(t.state, handshake, { kind: 'facilitator' });
    expect(view.deals).toHaveLength(3);
    expect(view.facilitator!.scores).toHaveLength(4);
    expect(view.facilitator!.participation['nasa/head'].messages).toBe(2);
    expect(view.channels.find((c) => c.id === 'team:us-gov')!.messages).toBeUndefined();
    expect(view.channels.find((c) => c.id === 'public')!.messages).toHaveLength(1);
    expect(JSON.stringify(view)).not.toContain('Our red line');
  });

  test('after revealAll the facilitator reads private channels and everyone gets the debrief', () => {
    const t2 = midGame();
    t2.do(facilitator, { type: 'revealAll' });
    const fac = viewFor(t2.state, handshake, { kind: 'facilitator' });
    expect(fac.channels.find((c) => c.id === 'team:us-gov')!.messages!.map((m) => m.text)).toEqual(['Our red line: no Soviet docking system.']);
    const spectator: GameView = viewFor(t2.state, handshake, { kind: 'spectator' });
    expect(spectator.debrief!.roles.find((r) => r.id === 'nasa')!.confidentialBrief).toBe(handshake.roles[2].confidentialBrief);
    expect(spectator.debrief!.scores.map((s) => s.role)).toEqual(['us-gov', 'soviet-gov', 'nasa', 'soviet-academy']);
  });

  test('the facilitator gets message counts of private channels but not their text', () => {
    expect(handshake.channels.facilitatorReadsPrivate).toBe(false);
    const fac = viewFor(t.state, handshake, { kind: 'facilitator' });
    const network = fac.channels.find((c) => c.id === 'network:astronauts-and-academicians')!;
    expect(network).toMatchObject({ track: 2, messagesBy: { nasa: 1 } });
    expect(network.members).toEqual(expect.arrayContaining(['nasa', 'soviet-academy']));
    expect(network.messages).toBeUndefined();
    expect(fac.channels.find((c) => c.id === 'team:us-gov')!.messagesBy).toEqual({ 'us-gov': 1 });
    expect(fac.channels.find((c) => c.id === 'public')!.messagesBy).toEqual({ nasa: 1 });
    const json = JSON.stringify(fac);
    expect(json).not.toContain('Shall we sketch a flight?');
    expect(json).not.toContain('Our red line');
  });

  test('players and spectators get no counts, not even of their own channels', () => {
    for (const viewer of [{ kind: 'seat', role: 'us-gov', seat: 'head' }, { kind: 'spectator' }] as const) {
      const json = JSON.stringify(viewFor(t.state, handshake, viewer));
      expect(json).not.toContain('"messagesBy"');
    }
  });

  test('the facilitator sees the events it may inject, with titles; players do not', () => {
    const fac = viewFor(t.state, handshake, { kind: 'facilitator' }).facilitator!;
    const unfired = handshake.events.filter((e) => !t.state.firedEvents.includes(e.id));
    expect(fac.injectable.map((e) => e.id)).toEqual(unfired.map((e) => e.id));
    const card = fac.injectable.find((e) => e.inDeck)!;
    expect(card.title).toBe(handshake.events.find((e) => e.id === card.id)!.title);
    expect(fac.injectable.filter((e) => e.inDeck).map((e) => e.id).sort()).toEqual([...t.state.deck].sort());
    const playerJson = JSON.stringify(viewFor(t.state, handshake, { kind: 'seat', role: 'nasa', seat: 'head' }));
    expect(playerJson).not.toContain(card.title);
    expect(playerJson).not.toContain('"injectable"');
  });

  test('the facilitator sees every delegation\'s confidential brief and walk-aways before any reveal', () => {
    expect(t.state.revealed).toBe(false);
    const fac = viewFor(t.state, handshake, { kind: 'facilitator' }).facilitator!;
    expect(fac.delegations.map((d) => d.id)).toEqual(handshake.roles.map((r) => r.id));
    const nasa = fac.delegations.find((d) => d.id === 'nasa')!;
    expect(nasa.confidentialBrief).toBe(handshake.roles[2].confidentialBrief);
    expect(nasa.pointTables['science-accord'].walkAway).toBe(handshake.roles[2].pointTables['science-accord'].walkAway);
    expect(fac.scores.find((s) => s.role === 'nasa')!.objectives.map((o) => o.description)).toEqual(handshake.roles[2].objectives.map((o) => o.description));
    const spectatorJson = JSON.stringify(viewFor(t.state, handshake, { kind: 'spectator' }));
    expect(spectatorJson).not.toContain('"delegations"');
  });

  test('a scenario may let the facilitator read private channels live', () => {
    const open = { ...handshake, channels: { ...handshake.channels, facilitatorReadsPrivate: true } };
    const t2 = new Table(open, { seed: 2 }).start();
    t2.do(seat('us-gov'), { type: 'chat', channel: 'team:us-gov', text: 'Secret plan' });
    expect(viewFor(t2.state, open, { kind: 'facilitator' }).channels.find((c) => c.id === 'team:us-gov')!.messages).toHaveLength(1);
  });
});

test('the public scenario holds no secret', () => {
  const json = JSON.stringify(publicScenario(handshake));
  for (const role of handshake.roles) for (const secret of secretsOf(role.id)) expect(json).not.toContain(secret);
  expect(json).not.toContain('pointTables');
  expect(json).not.toContain('ratifyWhen');
  // Events are news only once they fire.
  for (const event of handshake.events) expect(json).not.toContain(event.text);
});
