// Stories on the shipped scenario "The Wolf Amendment and Mars": a law closes official channels
// and bans deals, while the scientists' network stays open.
import { describe, expect, test } from 'vitest';
import { viewFor } from '@shared/engine';
import { seat, shipped, Table } from './helpers';

const wolf = shipped('wolf-amendment-and-mars');
const memo = wolf.dealTypes.find((d) => d.id === 'mars-science-memo')!;
const someTerms = Object.fromEntries(memo.issues.map((i) => [i.id, i.options[0].id]));

describe('the Wolf Amendment', () => {
  const t = new Table(wolf, { seed: 1 }).start();

  test('it passes at the start of round 1', () => {
    expect(t.state.activeConstraints).toContain('wolf-amendment');
    expect(t.state.timeline.some((e) => e.code === 'constraintInForce' && e.params.constraint === 'wolf-amendment')).toBe(true);
  });

  test('it closes the NASA–CNSA channel but the scientists\' network stays open', () => {
    const msg = t.fails(seat('nasa'), { type: 'chat', channel: 'bilateral:cnsa:nasa', text: 'Can we coordinate on Mars?' }, 'channel-closed');
    expect(msg).toEqual({ reason: 'channel', channel: 'bilateral:cnsa:nasa', constraint: 'wolf-amendment' });
    t.fails(seat('us-gov'), { type: 'chat', channel: 'bilateral:china:us-gov', text: 'About space...' }, 'channel-closed');
    t.do(seat('us-scientists'), { type: 'chat', channel: 'network:science-network', text: 'Kepler data, anyone?' });
    t.do(seat('cn-scientists'), { type: 'chat', channel: 'network:science-network', text: 'Yes, and our Chang\'e data.' });
    const nasaView = viewFor(t.state, wolf, { kind: 'seat', role: 'nasa', seat: 'head' });
    expect(nasaView.channels.find((c) => c.id === 'bilateral:cnsa:nasa')).toMatchObject({ open: false, closedBy: 'Wolf Amendment' });
    expect(nasaView.channels.find((c) => c.id === 'network:science-network')).toBeUndefined();
    const sciView = viewFor(t.state, wolf, { kind: 'seat', role: 'cn-scientists', seat: 'head' });
    expect(sciView.channels.find((c) => c.id === 'network:science-network')).toMatchObject({ open: true, closedBy: null });
    expect(sciView.channels.find((c) => c.id === 'network:science-network')!.messages).toHaveLength(2);
  });

  test('no coalition group can bring NASA and CNSA together', () => {
    t.fails(seat('us-scientists'), { type: 'openGroup', label: 'Mars', members: ['nasa', 'cnsa'] }, 'channel-closed');
    t.do(seat('us-scientists'), { type: 'openGroup', label: 'Mars science', members: ['cn-scientists', 'cnsa'] });
  });

  test('Congress renews it: no event or condition lifts it, only the costly repeal', () => {
    expect(wolf.events.flatMap((e) => e.effects).some((e) => e.effect === 'constraint' && e.constraint === 'wolf-amendment' && !e.active)).toBe(false);
    const lifts = wolf.actions.filter((a) => a.effects.some((e) => e.effect === 'constraint' && e.constraint === 'wolf-amendment' && !e.active));
    expect(lifts.map((a) => a.id)).toEqual(['repeal-wolf-amendment']);
  });

  test('it bans the Mars mission with both nations, while the scientists still agree their memorandum', () => {
    t.goTo(1, 'track-ii');
    t.do(seat('us-scientists'), { type: 'draftDeal', dealType: memo.id, parties: ['us-scientists', 'cn-scientists'], terms: someTerms });
    t.do(seat('us-scientists'), { type: 'proposeDeal', deal: t.lastDeal });
    t.do(seat('cn-scientists'), { type: 'acceptDeal', deal: t.lastDeal });
    expect(t.state.deals[t.lastDeal].status).toBe('accepted');
    t.goTo(1, 'track-i');
    const mars = wolf.dealTypes.find((d) => d.id === 'mars-mission')!;
    const marsTerms = Object.fromEntries(mars.issues.map((i) => [i.id, i.options[0].id]));
    t.do(seat('us-gov'), { type: 'draftDeal', dealType: mars.id, parties: ['us-gov', 'china', 'nasa', 'cnsa', 'roscosmos'], terms: marsTerms });
    const msg = t.fails(seat('us-gov'), { type: 'proposeDeal', deal: t.lastDeal }, 'banned-by-constraint');
    expect(msg).toMatchObject({ constraint: 'wolf-amendment' });
    expect(t.state.activeConstraints).toContain('wolf-amendment');
  });
});
