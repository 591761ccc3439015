// A class in a real room with real SDK clients: the facilitator fills every empty seat with bots
// in one action and seats a waiting student; bots in a delegation with a student only advise in
// its team channel while bot-only delegations play; the students' Ready ends a phase at once;
// a double click on "Next phase" moves one phase. Bots play on the hand-turned server clock.
import { afterEach, describe, expect, it } from 'vitest';
import { openSession, startTestServer, storedLog, TestClient, type Opened, type RunningServer } from './harness';

const PACE = 1000;

let running: RunningServer | null = null;
let clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients) await c.leave();
  clients = [];
  await running?.close();
  running = null;
});

async function start() {
  const started = await startTestServer({ BOT_PACE_MS: String(PACE) });
  running = started.server;
  const opened = await openSession(started.url);
  return { ...started, opened, session: started.server.services.sessions.get(opened.sessionId)! };
}

async function join(url: string, opened: Opened, as: string): Promise<TestClient> {
  const client =
    as === 'facilitator'
      ? await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey })
      : await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: as });
  clients.push(client);
  return client;
}

async function takeSeat(player: TestClient, role: string, seat = 'head') {
  player.room.send('chooseSeat', { seat: { role, seat } });
  await player.next((m) => m.type === 'identity' && m.body.seat?.role === role);
}

const log = storedLog;
const BINDING = new Set(['draftDeal', 'editDraft', 'proposeDeal', 'counterDeal', 'acceptDeal', 'rejectDeal', 'withdrawDeal', 'signDeal', 'ratifyDeal', 'breachDeal', 'adoptMemorandum', 'publicStatement', 'unilateralAction', 'openGroup']);

describe('seating a class', () => {
  it('fills every empty seat with bots in one action, and seats a waiting student with clear refusals', async () => {
    const { server, url, opened, session } = await start();
    const facilitator = await join(url, opened, 'facilitator');
    const ada = await join(url, opened, 'Ada');
    const carl = await join(url, opened, 'Carl');
    await takeSeat(ada, 'nasa');

    const before = (await log(server, opened.sessionId)).length;
    expect(await facilitator.act({ type: 'fillSeatsWithBots', personality: 'cooperative' })).toMatchObject({ ok: true });
    const entries = (await log(server, opened.sessionId)).slice(before);
    expect(entries.map((e) => e.action.type)).toEqual(['fillSeatsWithBots']);
    const seats = Object.values(session.state.seats);
    expect(seats.filter((s) => s.occupant === null)).toEqual([]);
    expect(seats.filter((s) => s.occupant?.kind === 'bot')).toHaveLength(seats.length - 1);
    expect(session.state.seats['nasa/head'].occupant).toEqual({ kind: 'human', name: 'Ada' });
    // Every client sees a bot as "Bot", to show beside the seat's title.
    await facilitator.reach(session.state.seq);
    expect(facilitator.view!.seats.find((s) => s.role === 'us-gov' && s.seat === 'head')!.occupant).toEqual({ kind: 'bot', name: 'Bot' });
    // Nothing left to fill.
    expect(await facilitator.act({ type: 'fillSeatsWithBots', personality: 'cooperative' })).toMatchObject({ ok: false, error: { code: 'already-done' } });

    // Seating Carl, who waits in the lobby: refusals change nothing.
    const seq = session.state.seq;
    const refusal = (player: string, role: string, seat: string) => facilitator.sendExpectingError('seatPlayer', { player, seat: { role, seat } });
    expect(await refusal(carl.identity.playerId, 'nasa', 'head')).toEqual({ code: 'seat-taken', params: { reason: 'player', player: ada.identity.playerId } });
    expect(await refusal('nobody-here', 'nasa', 'astronaut')).toMatchObject({ code: 'unknown-player' });
    expect(await refusal(carl.identity.playerId, 'nasa', 'captain')).toMatchObject({ code: 'unknown-seat' });
    expect(await refusal(ada.identity.playerId, 'nasa', 'astronaut')).toMatchObject({ code: 'already-seated' });
    expect(session.state.seq).toBe(seq);
    expect(carl.identity.seat).toBeNull();
    // A bot's seat is his for the asking.
    facilitator.room.send('seatPlayer', { player: carl.identity.playerId, seat: { role: 'nasa', seat: 'astronaut' } });
    await carl.next((m) => m.type === 'identity' && m.body.seat?.seat === 'astronaut');
    expect(session.state.seats['nasa/astronaut'].occupant).toEqual({ kind: 'human', name: 'Carl' });
    // Only the facilitator seats players or fills seats.
    expect(await carl.act({ type: 'fillSeatsWithBots', personality: 'cooperative' })).toMatchObject({ ok: false, error: { code: 'facilitator-only' } });
  });
});

describe('a class with bots in the empty seats', () => {
  it('bots advise the students’ delegations and play the others; Ready ends a phase; a double click moves one phase', async () => {
    const { server, url, clock, opened, session } = await start();
    const facilitator = await join(url, opened, 'facilitator');
    const ada = await join(url, opened, 'Ada');
    const boris = await join(url, opened, 'Boris');
    await takeSeat(ada, 'nasa');
    await takeSeat(boris, 'soviet-academy');
    expect(await facilitator.act({ type: 'fillSeatsWithBots', personality: 'cooperative' })).toMatchObject({ ok: true });
    expect(await facilitator.act({ type: 'startGame' })).toMatchObject({ ok: true });
    const phase = () => [session.state.round, session.state.phaseIndex];

    // News: the bots take their turns; the phase waits for the students, not for the bots.
    clock.advance(PACE * 4);
    expect(phase()).toEqual([1, 0]);
    expect(await ada.act({ type: 'ready', ready: true })).toMatchObject({ ok: true });
    expect(phase()).toEqual([1, 0]);
    expect(await boris.act({ type: 'ready', ready: true })).toMatchObject({ ok: true });
    expect(phase()).toEqual([1, 1]); // at once: no clock turned

    // Track II talks: the students sign a docking memorandum, which earns NASA the Academy's trust
    // (its caution bans a science accord until then). Then track I: Boris proposes the accord to NASA.
    clock.advance(PACE * 4);
    const memoTerms = { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' };
    expect(await ada.act({ type: 'draftDeal', dealType: 'docking-memorandum', parties: ['nasa', 'soviet-academy'], terms: memoTerms })).toMatchObject({ ok: true });
    const memo = `d${session.state.nextDealNumber - 1}`;
    expect(await ada.act({ type: 'proposeDeal', deal: memo })).toMatchObject({ ok: true });
    expect(await boris.act({ type: 'acceptDeal', deal: memo })).toMatchObject({ ok: true });
    for (const student of [ada, boris]) expect(await student.act({ type: 'signDeal', deal: memo })).toMatchObject({ ok: true });
    expect(session.state.deals[memo].status).toBe('inForce');
    for (const student of [ada, boris]) expect(await student.act({ type: 'ready', ready: true })).toMatchObject({ ok: true });
    expect(phase()).toEqual([1, 2]);
    const terms = { 'lunar-samples': 'loan', 'data-sharing': 'open', 'scientist-exchange': 'short-visits' };
    expect(await boris.act({ type: 'draftDeal', dealType: 'science-accord', parties: ['nasa', 'soviet-academy'], terms })).toMatchObject({ ok: true });
    const deal = `d${session.state.nextDealNumber - 1}`;
    expect(await boris.act({ type: 'proposeDeal', deal })).toMatchObject({ ok: true });
    clock.advance(PACE * 10);

    // NASA's bot advised Ada in her team channel, from NASA's table; the decision stayed hers.
    await ada.reach(session.state.seq);
    const advice = ada.view!.channels.find((c) => c.id === 'team:nasa')!.messages!.filter((m) => m.bot);
    expect(advice.map((m) => m.text)).toContain(`Our table values the Science and applications accord ${deal} at 16 against a walk-away of 10: I would accept ${deal}.`);
    expect(advice.filter((m) => m.text.includes(`I would accept ${deal}`))).toHaveLength(1); // said once, however long she thinks
    expect(session.state.deals[deal].status).toBe('proposed');
    // Boris's delegation hears from its own adviser in its own channel, never in NASA's.
    expect(advice.every((m) => m.role === 'nasa')).toBe(true);

    // Double click on Next phase: both clicks name track I; one phase passes.
    const click = { type: 'advancePhase', round: 1, phase: 2 } as const;
    const [first, second] = await Promise.all([facilitator.act(click), facilitator.act(click)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok).error.code).toBe('stale-phase');
    expect(phase()).toEqual([1, 3]);

    // Signature, then resolution: the students end the round.
    for (const next of [[1, 4], [2, 0]]) {
      clock.advance(PACE * 4);
      for (const student of [ada, boris]) expect(await student.act({ type: 'ready', ready: true })).toMatchObject({ ok: true });
      expect(phase()).toEqual(next);
    }

    // From the log: no bot made a binding move for a delegation with a student; bot-only ones did.
    const botEntries = (await log(server, opened.sessionId)).filter((e) => e.principal.startsWith('bot:'));
    const byRole = (role: string) => botEntries.filter((e) => e.actor.kind === 'seat' && e.actor.role === role);
    for (const role of ['nasa', 'soviet-academy']) {
      expect(byRole(role).length, role).toBeGreaterThan(0);
      for (const e of byRole(role)) expect(e.action, role).toMatchObject({ type: 'chat', channel: `team:${role}` });
    }
    const governments = [...byRole('us-gov'), ...byRole('soviet-gov')];
    expect(governments.some((e) => BINDING.has(e.action.type) || e.action.type === 'ready')).toBe(true);
  });
});
