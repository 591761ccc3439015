// A scripted class: a facilitator, four seated players and a spectator play the first phases of
// "Handshake in orbit" through real rooms and real SDK clients. Then: every client's patched view
// equals the server's view for it, and no secret of another role crossed the wire to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, startTestServer, storedLog, TestClient, type Opened, type RunningServer } from './harness';
import { loadCatalog } from '@server/scenarios';
import type { Viewer } from '@shared/engine';

const scenario = loadCatalog('scenarios').get('handshake-in-orbit')!;
const HEADS = ['us-gov', 'soviet-gov', 'nasa', 'soviet-academy'] as const;

let server: RunningServer;
let url: string;
let opened: Opened;
let facilitator: TestClient;
let spectator: TestClient;
const players: Record<string, TestClient> = {};
const marker = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;
const secrets = { nasaTeam: marker('NASA-TEAM-ONLY'), network: marker('TRACK-TWO-NETWORK'), sovietTeam: marker('SOVIET-TEAM-ONLY') };

beforeAll(async () => {
  ({ server, url } = await startTestServer());
  opened = await openSession(url);
  facilitator = await TestClient.join(url, opened.sessionId, { as: 'facilitator', facilitatorKey: opened.facilitatorKey });
  spectator = await TestClient.join(url, opened.sessionId, { as: 'spectator', joinCode: opened.joinCode.toLowerCase() });
  for (const role of HEADS) {
    players[role] = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: `Student ${role}` });
  }
});

afterAll(async () => {
  for (const c of [facilitator, spectator, ...Object.values(players)]) await c?.leave();
  await server?.close();
});

const session = () => server.services.sessions.get(opened.sessionId)!;
const seq = () => session().state.seq;

async function allReach(n: number) {
  for (const c of [facilitator, spectator, ...Object.values(players)]) await c.reach(n);
}

describe('a scripted session', () => {
  it('gives each player a seat token and a lobby id, and students choose their seats through the engine', async () => {
    for (const role of HEADS) {
      const p = players[role];
      expect(p.identity.seatToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(p.identity.seat).toBeNull();
      const before = seq();
      p.room.send('chooseSeat', { seat: { role, seat: 'head' } });
      await p.next((m) => m.type === 'identity' && m.body.seat?.role === role);
      expect(seq()).toBe(before + 1);
      expect(p.view!.viewer).toEqual({ kind: 'seat', role, seat: 'head' });
      expect(p.view!.me?.role.id).toBe(role);
    }
    // Seating is in the log, as system takeSeat actions.
    const log = await storedLog(server, opened.sessionId);
    expect(log.map((e) => e.action.type)).toEqual(['takeSeat', 'takeSeat', 'takeSeat', 'takeSeat']);
    expect(log.every((e) => e.actor.kind === 'system')).toBe(true);
    await allReach(4);
    expect(spectator.view!.seats.filter((s) => s.occupant?.kind === 'human').map((s) => s.role).sort()).toEqual([...HEADS].sort());
  });

  it('refuses a seat someone already holds', async () => {
    const late = await TestClient.join(url, opened.sessionId, { as: 'player', joinCode: opened.joinCode, name: 'Latecomer' });
    const error = await late.sendExpectingError('chooseSeat', { seat: { role: 'nasa', seat: 'head' } });
    expect(error.code).toBe('seat-taken');
    // The facilitator seats the latecomer in an empty seat instead.
    facilitator.room.send('seatPlayer', { player: late.identity.playerId, seat: { role: 'nasa', seat: 'astronaut' } });
    await late.next((m) => m.type === 'identity' && m.body.seat?.seat === 'astronaut');
    expect(late.view!.viewer).toEqual({ kind: 'seat', role: 'nasa', seat: 'astronaut' });
    players.astronaut = late;
  });

  it('plays the news phase and the track II phase', async () => {
    expect(await facilitator.act({ type: 'startGame' })).toMatchObject({ ok: true });
    expect(session().state.status).toBe('running');

    const statement = await players['us-gov'].act({ type: 'publicStatement', tone: 'conciliatory', text: 'We welcome scientific cooperation.' });
    expect(statement).toMatchObject({ ok: true });
    expect(await players.nasa.act({ type: 'chat', channel: 'team:nasa', text: secrets.nasaTeam })).toMatchObject({ ok: true });
    expect(await players['soviet-gov'].act({ type: 'chat', channel: 'team:soviet-gov', text: secrets.sovietTeam })).toMatchObject({ ok: true });

    expect(await facilitator.act({ type: 'advancePhase', round: session().state.round, phase: session().state.phaseIndex })).toMatchObject({ ok: true });
    expect(session().state.phaseIndex).toBe(1);
    expect(await players.nasa.act({ type: 'chat', channel: 'network:astronauts-and-academicians', text: secrets.network })).toMatchObject({ ok: true });

    const draft = await players.nasa.act({
      type: 'draftDeal',
      dealType: 'docking-memorandum',
      parties: ['nasa', 'soviet-academy'],
      terms: { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' },
    });
    expect(draft).toMatchObject({ ok: true });
    await allReach(seq());
    const dealId = Object.keys(session().state.deals)[0];
    // A draft is the author's team's only.
    expect(players.nasa.view!.deals.map((d) => d.id)).toContain(dealId);
    expect(players.astronaut.view!.deals.map((d) => d.id)).toContain(dealId);
    for (const other of ['soviet-academy', 'us-gov', 'soviet-gov'] as const) expect(players[other].view!.deals).toEqual([]);
    expect(spectator.view!.deals).toEqual([]);

    expect(await players.nasa.act({ type: 'proposeDeal', deal: dealId })).toMatchObject({ ok: true });
    await allReach(seq());
    expect(players['soviet-academy'].view!.deals.map((d) => d.id)).toContain(dealId);
    expect(await players['soviet-academy'].act({ type: 'acceptDeal', deal: dealId })).toMatchObject({ ok: true });
    await allReach(seq());
  });

  it('keeps every client view equal to the server view for it, with gap-free sequence numbers', async () => {
    const n = seq();
    await allReach(n);
    // Through JSON, as on the wire (-0 becomes 0).
    const check = (client: TestClient, viewer: Viewer) => expect(client.view).toEqual(JSON.parse(JSON.stringify(session().view(viewer))));
    check(facilitator, { kind: 'facilitator' });
    check(spectator, { kind: 'spectator' });
    for (const role of HEADS) check(players[role], { kind: 'seat', role, seat: 'head' });
    check(players.astronaut, { kind: 'seat', role: 'nasa', seat: 'astronaut' });
    const log = await storedLog(server, opened.sessionId);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });
});

describe('wire-level secrecy (the raw bytes each client received)', () => {
  const has = (client: TestClient, text: string) => client.bytes().includes(Buffer.from(text, 'utf8'));
  const secretTextsOf = (roleId: string) => {
    const role = scenario.roles.find((r) => r.id === roleId)!;
    return [role.confidentialBrief.slice(0, 60), ...role.objectives.map((o) => o.description.slice(0, 50))];
  };

  it('a seat receives its own role\'s secrets (the check can see them)', () => {
    for (const role of HEADS) for (const text of secretTextsOf(role)) expect(has(players[role], text), `${role}: ${text}`).toBe(true);
  });

  it('no seat receives another role\'s confidential brief or objectives', () => {
    for (const viewer of HEADS) {
      for (const owner of HEADS) {
        if (owner === viewer) continue;
        // Two roles may share an objective's wording; only texts the viewer does not own count.
        const own = new Set(secretTextsOf(viewer));
        for (const text of secretTextsOf(owner).filter((t) => !own.has(t))) expect(has(players[viewer], text), `${viewer} got ${owner}'s "${text}"`).toBe(false);
      }
    }
  });

  it('the spectator receives no role\'s secrets and no private message', () => {
    for (const owner of HEADS) for (const text of secretTextsOf(owner)) expect(has(spectator, text)).toBe(false);
    for (const text of Object.values(secrets)) expect(has(spectator, text)).toBe(false);
  });

  it('team and network messages reach their members only', () => {
    expect(has(players.nasa, secrets.nasaTeam)).toBe(true);
    expect(has(players.astronaut, secrets.nasaTeam)).toBe(true);
    for (const other of ['us-gov', 'soviet-gov', 'soviet-academy'] as const) expect(has(players[other], secrets.nasaTeam)).toBe(false);

    expect(has(players['soviet-gov'], secrets.sovietTeam)).toBe(true);
    for (const other of ['us-gov', 'nasa', 'soviet-academy'] as const) expect(has(players[other], secrets.sovietTeam)).toBe(false);

    expect(has(players['soviet-academy'], secrets.network)).toBe(true);
    for (const other of ['us-gov', 'soviet-gov'] as const) expect(has(players[other], secrets.network)).toBe(false);
  });

  it('the facilitator does not read private channels live when the scenario says so', () => {
    expect(scenario.channels.facilitatorReadsPrivate).toBe(false);
    expect(has(facilitator, secrets.nasaTeam)).toBe(false);
    expect(has(facilitator, secrets.sovietTeam)).toBe(false);
  });

  it('seat tokens of other players never reach anyone else', () => {
    for (const role of HEADS) {
      const token = players[role].identity.seatToken as string;
      for (const other of [facilitator, spectator, ...HEADS.filter((r) => r !== role).map((r) => players[r])]) {
        expect(other.bytes().includes(Buffer.from(token))).toBe(false);
      }
    }
  });
});
