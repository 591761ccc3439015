// Bots in live sessions. First the driver on a real GameSession (determinism, which seat acts,
// the rejection cap, pause); then real rooms and real SDK clients: the facilitator seats a bot in
// an empty seat and in place of an absent student, everyone sees it labelled as a bot, it plays
// through the same pipeline as a human, stops when unseated or paused, and plays on after a
// restart. Bot turns run on the server's hand-turned clock: a test lets the bots play by turning
// it, and checks that a bot does nothing by turning it well past the bot's pace.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, openSession, startTestServer, tempDir, TestClient, type Opened, type RunningServer } from './harness';
import { actingBots, BotDriver, MAX_REJECTIONS_PER_PHASE } from '@server/bots';
import { loadCatalog } from '@server/scenarios';
import { GameSession } from '@server/session';
import { openStore } from '@server/store/openStore';
import type { LoggedAction } from '@server/store/store';
import type { Action, GameView } from '@shared/engine';
import type { SeatRef } from '@shared/protocol/actions';
import type { ActionResult } from '@shared/protocol/serverMessages';

const catalog = loadCatalog('scenarios');
/** The bots' pace: a turn comes 0.75 to 1.25 paces after the move that woke the bot. */
const PACE = 1000;
/** Long enough for every turn already due to be taken. */
const PAST_THE_PACE = PACE * 1.25 + 1;

let sessionCount = 0;
async function localSession(scenarioId: string, seed: number) {
  const store = await openStore({ dataDir: tempDir() });
  const scenario = catalog.get(scenarioId)!;
  const session = await GameSession.create(store, {
    id: `s${++sessionCount}`,
    scenarioId,
    seed,
    settings: { studentsChooseSeats: true },
    joinCode: 'ABCDEF',
    facilitatorKeyHash: 'x',
    createdAt: 0,
    scenario,
  });
  const clock = new ManualClock(1_000_000);
  const submitted: { seat: SeatRef; action: Action; clientId: string | null }[] = [];
  const host = {
    session,
    submitAsSeat(seat: SeatRef, action: Action, clientId: string | null = null): ActionResult {
      submitted.push({ seat, action, clientId });
      return session.submit({ principal: `bot:${seat.role}/${seat.seat}`, actor: { kind: 'seat', role: seat.role, seat: seat.seat }, action, clientId, now: clock.now() });
    },
  };
  const facilitator = (action: Action) => {
    const outcome = session.submit({ principal: 'facilitator', actor: { kind: 'facilitator' }, action, clientId: null, now: clock.now() });
    if (!outcome.ok) throw new Error(`${action.type}: ${JSON.stringify(outcome.error)}`);
  };
  /** Closes the store once the session's writes are committed. */
  const close = async () => {
    await session.writer.durable();
    await store.close();
  };
  return { store, session, clock, host, submitted, facilitator, close };
}

/** The phase a facilitator's clock action names: the one the game is in. */
const phaseOf = (state: { round: number; phaseIndex: number }) => ({ round: state.round, phase: state.phaseIndex });

const bot = (role: string, seat: string, personality: 'cooperative' | 'hard-nosed' = 'cooperative'): Action => ({
  type: 'assignSeat',
  seat: { role, seat },
  occupant: { kind: 'bot', personality },
});

describe('the bot driver', () => {
  /** An all-bot game of `scenarioId`, driven until the bots have nothing left to do. */
  async function allBotGame(scenarioId: string, seed: number) {
    const t = await localSession(scenarioId, seed);
    const driver = new BotDriver(t.host, t.clock, PACE);
    driver.start();
    for (const role of t.session.scenario.roles) t.facilitator(bot(role.id, role.seats[0].id, 'hard-nosed'));
    t.facilitator({ type: 'startGame' });
    for (let i = 0; i < 5000 && t.clock.fireNext(); i++);
    driver.stop();
    await t.session.writer.durable();
    const log = (await t.store.actionsAfter(t.session.id, 0)).map((e) => ({ seq: e.seq, principal: e.principal, action: e.action, clientId: e.clientId }));
    await t.close();
    return { log, state: t.session.state, submitted: t.submitted };
  }

  it('plays deterministically for a seed: same bot moves, same client ids, same game', async () => {
    const a = await allBotGame('handshake-in-orbit', 11);
    const b = await allBotGame('handshake-in-orbit', 11);
    expect(a.log.filter((e) => e.principal.startsWith('bot:')).length).toBeGreaterThan(10);
    expect(b.log).toEqual(a.log);
    expect(b.state).toEqual(a.state);
    // Every bot move went through submitAsSeat with a client id naming the state it was decided on.
    for (const e of a.log.filter((e) => e.principal.startsWith('bot:'))) expect(e.clientId).toMatch(/^bot-\d+-\d+$/);
    // Phases moved on because the bots said they were ready.
    expect(a.state.round > 1 || a.state.phaseIndex > 0).toBe(true);
  });

  it('lets one bot act per role: the bot seat with the most powers', async () => {
    const t = await localSession('handshake-in-orbit', 3);
    t.facilitator(bot('nasa', 'engineer')); // powers: propose
    t.facilitator(bot('nasa', 'astronaut')); // powers: propose, speak
    t.facilitator(bot('soviet-academy', 'academician'));
    expect(actingBots(t.session.state, t.session.scenario)).toEqual([]); // not running yet
    t.facilitator({ type: 'startGame' });
    const seats = () => actingBots(t.session.state, t.session.scenario).map((b) => `${b.role}/${b.seat}`).sort();
    expect(seats()).toEqual(['nasa/astronaut', 'soviet-academy/academician']);
    t.facilitator(bot('nasa', 'head')); // propose, sign, act, speak
    expect(seats()).toEqual(['nasa/head', 'soviet-academy/academician']);
    t.facilitator({ type: 'assignSeat', seat: { role: 'nasa', seat: 'head' }, occupant: { kind: 'human', name: 'Tom' } });
    expect(seats()).toEqual(['nasa/astronaut', 'soviet-academy/academician']);
    await t.close();
  });

  it('caps a bot whose moves are refused: it sits out the rest of the phase however busy the table', async () => {
    const t = await localSession('handshake-in-orbit', 5);
    const refused = { ...t.host, submitAsSeat: (seat: SeatRef, action: Action, clientId: string | null = null): ActionResult => {
      t.submitted.push({ seat, action, clientId });
      return { ok: false, error: { code: 'wrong-phase' } };
    } };
    const driver = new BotDriver(refused, t.clock, PACE);
    driver.start();
    t.facilitator(bot('nasa', 'head'));
    t.facilitator({ type: 'startGame' });
    // Every accepted action elsewhere wakes the bot; it must not keep trying.
    for (let i = 0; i < 60; i++) {
      t.facilitator({ type: 'whisper', role: 'nasa', text: `note ${i}` });
      t.clock.fireNext();
    }
    expect(t.submitted.length).toBeGreaterThan(0);
    expect(t.submitted.length).toBeLessThanOrEqual(MAX_REJECTIONS_PER_PHASE);
    // A new phase is a new chance.
    const before = t.submitted.length;
    t.facilitator({ type: 'advancePhase', ...phaseOf(t.session.state) });
    while (t.clock.fireNext());
    expect(t.submitted.length).toBeGreaterThan(before);
    driver.stop();
    await t.close();
  });

  it('drops pending turns when the game is paused or the seat freed, and schedules none while paused', async () => {
    const t = await localSession('handshake-in-orbit', 9);
    const driver = new BotDriver(t.host, t.clock, PACE);
    driver.start();
    t.facilitator(bot('nasa', 'head'));
    expect(t.clock.pending).toBe(0); // lobby
    t.facilitator({ type: 'startGame' });
    expect(t.clock.pending).toBe(1);
    t.facilitator({ type: 'pauseGame', ...phaseOf(t.session.state) });
    expect(t.clock.pending).toBe(0);
    t.facilitator({ type: 'whisper', role: 'nasa', text: 'still paused' });
    expect(t.clock.pending).toBe(0);
    t.facilitator({ type: 'resumeGame', ...phaseOf(t.session.state) });
    expect(t.clock.pending).toBe(1);
    t.facilitator({ type: 'assignSeat', seat: { role: 'nasa', seat: 'head' }, occupant: null });
    expect(t.clock.pending).toBe(0);
    expect(t.submitted).toEqual([]);
    driver.stop();
    await t.close();
  });
});

// --- live sessions ---------------------------------------------------------------------------------

// One server at a time (Colyseus' matchmaker is per process): each test stops its own.
let running: RunningServer | null = null;
let clients: TestClient[] = [];
async function stop() {
  for (const c of clients) await c.leave();
  clients = [];
  await running?.close();
  running = null;
}
afterEach(stop);

async function start(env: Record<string, string> = {}) {
  await stop();
  const started = await startTestServer({ BOT_PACE_MS: String(PACE), ...env });
  running = started.server;
  return started;
}

async function join(url: string, opened: Opened, as: 'facilitator' | 'spectator' | string): Promise<TestClient> {
  const client =
    as === 'facilitator'
      ? await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey })
      : as === 'spectator'
        ? await TestClient.join(url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode })
        : await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: as });
  clients.push(client);
  return client;
}

async function takeHeadSeat(player: TestClient, role: string) {
  player.room.send('chooseSeat', { seat: { role, seat: 'head' } });
  await player.next((m) => m.type === 'identity' && m.body.seat?.role === role);
}

/** The actions a live session logs from the first time it is asked (bots move only when a test
 *  turns the clock, after that): read while the clock turns, before their commits. */
const liveLogs = new WeakMap<object, LoggedAction[]>();
function liveLog(server: RunningServer, sessionId: string): LoggedAction[] {
  const session = server.services.sessions.get(sessionId)!;
  let log = liveLogs.get(session);
  if (!log) {
    const entries: LoggedAction[] = (log = []);
    liveLogs.set(session, entries);
    session.subscribe((_state, entry) => entries.push(entry));
  }
  return log;
}
const botMoves = (server: RunningServer, sessionId: string, seat = 'soviet-academy/head') => liveLog(server, sessionId).filter((e) => e.principal === `bot:${seat}`);
const occupantOf = (view: GameView | null, role: string, seat = 'head') => view!.seats.find((s) => s.role === role && s.seat === seat)!.occupant;
const messagesFrom = (view: GameView | null, role: string) => view!.channels.flatMap((c) => c.messages ?? []).filter((m) => m.role === role);

describe('bots in a live session', () => {
  it('a bot in an empty seat plays, labelled as a bot to everyone, and stops when unseated', async () => {
    const { server, url, clock } = await start();
    const opened = await openSession(url);
    const session = server.services.sessions.get(opened.sessionId)!;
    const facilitator = await join(url, opened, 'facilitator');
    const spectator = await join(url, opened, 'spectator');
    const players: Record<string, TestClient> = {};
    for (const role of ['us-gov', 'soviet-gov', 'nasa']) {
      players[role] = await join(url, opened, `Student ${role}`);
      await takeHeadSeat(players[role], role);
    }

    expect(await facilitator.act(bot('soviet-academy', 'head'))).toMatchObject({ ok: true });
    const everyone = [facilitator, spectator, ...Object.values(players)];
    for (const c of everyone) await c.reach(session.state.seq);
    for (const c of everyone) expect(occupantOf(c.view, 'soviet-academy')).toEqual({ kind: 'bot', name: 'Bot' });
    // Seated, but the game has not started: the bot waits.
    clock.advance(PACE * 5);
    expect(botMoves(server, opened.sessionId)).toEqual([]);

    expect(await facilitator.act({ type: 'startGame' })).toMatchObject({ ok: true });
    // The bot greets the track II network; the NASA student reads it, signed as a bot.
    clock.runUntil(() => botMoves(server, opened.sessionId).some((e) => e.action.type === 'chat'), 20 * PACE);
    await players.nasa.reach(session.state.seq);
    const greeting = messagesFrom(players.nasa.view, 'soviet-academy')[0];
    expect(greeting.name).toMatch(/^Bot \(/);
    expect(greeting.channel).toMatch(/^network:/);
    // A student outside the network does not see it: the bot's talk follows the same secrecy.
    expect(messagesFrom(players['us-gov'].view, 'soviet-academy')).toEqual([]);
    expect(botMoves(server, opened.sessionId).every((e) => e.actor.kind === 'seat' && e.actor.role === 'soviet-academy')).toBe(true);

    // Track II: NASA proposes a memorandum to the Academy; the bot answers it.
    expect(await facilitator.act({ type: 'advancePhase', ...phaseOf(session.state) })).toMatchObject({ ok: true });
    const draft = await players.nasa.act({
      type: 'draftDeal',
      dealType: 'docking-memorandum',
      parties: ['nasa', 'soviet-academy'],
      terms: { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' },
    });
    expect(draft).toMatchObject({ ok: true });
    // (The bot may have drafted a deal of its own meanwhile.)
    const dealId = Object.values(session.state.deals).find((d) => d.author === 'nasa')!.id;
    expect(await players.nasa.act({ type: 'proposeDeal', deal: dealId })).toMatchObject({ ok: true });
    const answers = ['acceptDeal', 'counterDeal', 'rejectDeal'];
    clock.runUntil(() => botMoves(server, opened.sessionId).some((e) => answers.includes(e.action.type) && (e.action as { deal: string }).deal === dealId), 20 * PACE);
    await players.nasa.reach(session.state.seq);
    const deal = players.nasa.view!.deals.find((d) => d.id === dealId)!;
    expect(deal.acceptedBy.includes('soviet-academy') || deal.versions.length > 1 || deal.status === 'rejected').toBe(true);

    // Unseated: the seat is empty for everyone and the bot never moves again, however busy the table.
    expect(await facilitator.act({ type: 'assignSeat', seat: { role: 'soviet-academy', seat: 'head' }, occupant: null })).toMatchObject({ ok: true });
    const moves = botMoves(server, opened.sessionId).length;
    for (const text of ['Anyone there?', 'Our docking engineers are ready in Houston.', 'Shall we meet in Moscow next month?']) {
      expect(await players.nasa.act({ type: 'chat', channel: 'network:astronauts-and-academicians', text })).toMatchObject({ ok: true });
      clock.advance(PAST_THE_PACE);
    }
    expect(botMoves(server, opened.sessionId).length).toBe(moves);
    for (const c of everyone) await c.reach(session.state.seq);
    for (const c of everyone) expect(occupantOf(c.view, 'soviet-academy')).toBeNull();

    // Bot moves sit in the one log with everyone else's, seqs gap-free; replay gives the same game.
    await session.writer.durable();
    const log = await server.services.store.actionsAfter(opened.sessionId, 0);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(moves).toBeGreaterThan(1);
    const restored = await GameSession.open(server.services.store, opened.sessionId);
    expect(restored!.session.state).toEqual(session.state);
  });

  it('a bot takes an absent student\'s seat, and the student can have it back', async () => {
    const { server, url, clock } = await start();
    const opened = await openSession(url);
    const session = server.services.sessions.get(opened.sessionId)!;
    const facilitator = await join(url, opened, 'facilitator');
    const nasa = await join(url, opened, 'Neil');
    await takeHeadSeat(nasa, 'nasa');
    const sasha = await join(url, opened, 'Sasha');
    await takeHeadSeat(sasha, 'soviet-academy');
    const sashaToken = sasha.identity.seatToken as string;
    expect(await facilitator.act({ type: 'startGame' })).toMatchObject({ ok: true });
    await sasha.leave();
    clients = clients.filter((c) => c !== sasha);

    // Sasha is gone: the facilitator puts a bot in her seat; she goes back to the lobby.
    expect(await facilitator.act(bot('soviet-academy', 'head', 'hard-nosed'))).toMatchObject({ ok: true });
    expect((await server.services.store.players(opened.sessionId)).find((p) => p.name === 'Sasha')).toMatchObject({ role: null, seat: null });
    clock.runUntil(() => botMoves(server, opened.sessionId).length > 0, 20 * PACE);
    await nasa.reach(session.state.seq);
    expect(occupantOf(nasa.view, 'soviet-academy')).toMatchObject({ kind: 'bot' });
    expect(messagesFrom(nasa.view, 'soviet-academy')[0]?.name).toMatch(/^Bot \(/);

    // She comes back (same seat token) to the lobby; the facilitator seats her where the bot was.
    const back = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Sasha', seatToken: sashaToken });
    clients.push(back);
    expect(back.identity.seat).toBeNull();
    facilitator.room.send('seatPlayer', { player: back.identity.playerId, seat: { role: 'soviet-academy', seat: 'head' } });
    await back.next((m) => m.type === 'identity' && m.body.seat?.role === 'soviet-academy');
    expect(occupantOf(back.view, 'soviet-academy')).toEqual({ kind: 'human', name: 'Sasha' });
    const moves = botMoves(server, opened.sessionId).length;
    expect(await facilitator.act({ type: 'advancePhase', ...phaseOf(session.state) })).toMatchObject({ ok: true });
    expect(await nasa.act({ type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Welcome back.' })).toMatchObject({ ok: true });
    clock.advance(PACE * 6);
    expect(botMoves(server, opened.sessionId).length).toBe(moves);
    // Her own moves are hers again.
    expect(await back.act({ type: 'chat', channel: 'network:astronauts-and-academicians', text: 'Thank you.' })).toMatchObject({ ok: true });
    expect(session.state.messages['network:astronauts-and-academicians'].at(-1)).toMatchObject({ role: 'soviet-academy', name: 'Sasha' });
  });

  it('bots wait while the game is paused and play on after a restart', async () => {
    const dataDir = tempDir();
    // The first server's clock never moves: the bots have not moved when it shuts down.
    const first = await start({ DATA_DIR: dataDir });
    const opened = await openSession(first.url);
    const facilitator = await join(first.url, opened, 'facilitator');
    expect(await facilitator.act(bot('nasa', 'head'))).toMatchObject({ ok: true });
    expect(await facilitator.act(bot('soviet-academy', 'head'))).toMatchObject({ ok: true });
    // A student who never says ready keeps the bots from rushing through the phases.
    expect(await facilitator.act({ type: 'assignSeat', seat: { role: 'us-gov', seat: 'head' }, occupant: { kind: 'human', name: 'Henry' } })).toMatchObject({ ok: true });
    expect(await facilitator.act({ type: 'startGame' })).toMatchObject({ ok: true });
    expect((await first.server.services.store.actionsAfter(opened.sessionId, 0)).filter((e) => e.principal.startsWith('bot:'))).toEqual([]);
    await stop();

    // Opened again by the next join (rooms open on demand), with its bots, which play on as time
    // passes while nobody does anything.
    const second = await start({ DATA_DIR: dataDir });
    const back = await join(second.url, opened, 'facilitator');
    const session = second.server.services.sessions.get(opened.sessionId)!;
    expect(session.state.status).toBe('running');
    second.clock.runUntil(() => botMoves(second.server, opened.sessionId, 'nasa/head').length > 0 && botMoves(second.server, opened.sessionId).length > 0, 20 * PACE);

    // Paused: the bots stop, even with talk going on around them.
    expect(await back.act({ type: 'pauseGame', ...phaseOf(session.state) })).toMatchObject({ ok: true });
    const moves = (await second.server.services.store.actionsAfter(opened.sessionId, 0)).filter((e) => e.principal.startsWith('bot:')).length;
    expect(await back.act({ type: 'whisper', role: 'nasa', text: 'Hold on.' })).toMatchObject({ ok: true });
    // Nothing is even scheduled (no bot turn, no deadline), and time passing changes nothing.
    expect(second.clock.pending).toBe(0);
    second.clock.advance(PACE * 6);
    await session.writer.durable();
    expect((await second.server.services.store.actionsAfter(opened.sessionId, 0)).filter((e) => e.principal.startsWith('bot:')).length).toBe(moves);

    const log = await second.server.services.store.actionsAfter(opened.sessionId, 0);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  });
});
