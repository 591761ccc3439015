// The who-talks-to-whom graph from the facilitator's counts: live, private channels included,
// though the facilitator cannot read them in this scenario.
import { expect, test } from 'vitest';
import { viewFor } from '@shared/engine';
import { communicationEdges } from '@client/src/ui/CommGraph';
import { seat, shipped, Table } from '../engine/helpers';

const handshake = shipped('handshake-in-orbit');

test('the facilitator\'s graph counts track II talk it may not read', () => {
  const t = new Table(handshake, { seed: 2 }).start();
  t.do(seat('nasa'), { type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Shall we sketch a flight?' });
  t.do(seat('soviet-academy'), { type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Yes.' });
  t.do(seat('nasa'), { type: 'chat', channel: 'team:nasa', text: 'Team only: not an edge.' });
  const view = viewFor(t.state, handshake, { kind: 'facilitator' });
  expect(view.channels.find((c) => c.id === 'network:astronauts-and-academicians')!.messages).toBeUndefined();
  expect(communicationEdges(view)).toEqual([{ a: 'nasa', b: 'soviet-academy', track: 2, messages: 2 }]);
  // A player reads its own channels and draws the same edge from the messages.
  const nasa = viewFor(t.state, handshake, { kind: 'seat', role: 'nasa', seat: 'head' });
  expect(communicationEdges(nasa)).toEqual([{ a: 'nasa', b: 'soviet-academy', track: 2, messages: 2 }]);
});
