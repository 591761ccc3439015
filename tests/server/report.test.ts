// The facilitator's report places each agreed deal in the space of possible agreements: a scripted
// science accord between NASA and the Soviet Academy, checked against an enumeration of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, openSession, startTestServer, type Opened, type RunningServer } from './harness';
import { loadCatalog } from '@server/scenarios';
import type { SessionReport } from '@server/report';
import type { Action, Actor } from '@shared/engine';

const scenario = loadCatalog('scenarios').get('handshake-in-orbit')!;
const accord = scenario.dealTypes.find((d) => d.id === 'science-accord')!;
const PARTIES = ['nasa', 'soviet-academy'];
// Good for NASA's samples, poor on exchanges: a deal the class could have improved on.
const TERMS = { 'lunar-samples': 'loan', 'data-sharing': 'reciprocal', 'scientist-exchange': 'none' };

let server: RunningServer;
let url: string;
let opened: Opened;
let report: SessionReport;
let markdown: string;

const tableOf = (role: string) => scenario.roles.find((r) => r.id === role)!.pointTables['science-accord'];
const points = (role: string, terms: Record<string, string>) =>
  Object.entries(terms).reduce((sum, [issue, option]) => sum + (tableOf(role).issues[issue]?.[option] ?? 0), 0);

const theAccord = () => report.dealsInSpace.find((d) => d.deal === 'd2')!;

/** Every combination of the accord's options, written out by hand (three issues). */
function allTerms(): Record<string, string>[] {
  const [a, b, c] = accord.issues;
  return a.options.flatMap((x) => b.options.flatMap((y) => c.options.map((z) => ({ [a.id]: x.id, [b.id]: y.id, [c.id]: z.id }))));
}

beforeAll(async () => {
  ({ server, url } = await startTestServer());
  opened = await openSession(url, 'handshake-in-orbit', { seed: 2 });
  const session = server.services.sessions.get(opened.sessionId)!;
  let now = Date.now();
  const act = (actor: Actor, action: Action) => {
    const outcome = session.submit({ principal: actor.kind, actor, action, clientId: null, now: (now += 1000) });
    if (!outcome.ok) throw new Error(`${action.type}: ${JSON.stringify(outcome.error)}`);
  };
  const facilitator: Actor = { kind: 'facilitator' };
  const head = (role: string): Actor => ({ kind: 'seat', role, seat: 'head' });
  const goTo = (phase: string) => {
    while (scenario.rounds.phases[session.state.phaseIndex].id !== phase) act(facilitator, { type: 'advancePhase', round: session.state.round, phase: session.state.phaseIndex });
  };
  for (const role of scenario.roles) act({ kind: 'system' }, { type: 'takeSeat', seat: { role: role.id, seat: 'head' }, name: `${role.name} student` });
  act(facilitator, { type: 'startGame' });
  // Track II: a docking memorandum (d1) earns NASA the Academy's trust; its caution bans the accord until then.
  goTo('track-ii');
  act(head('nasa'), { type: 'draftDeal', dealType: 'docking-memorandum', parties: PARTIES, terms: { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' } });
  act(head('nasa'), { type: 'proposeDeal', deal: 'd1' });
  act(head('soviet-academy'), { type: 'acceptDeal', deal: 'd1' });
  for (const party of PARTIES) act(head(party), { type: 'signDeal', deal: 'd1' });
  goTo('track-i');
  act(head('nasa'), { type: 'draftDeal', dealType: 'science-accord', parties: PARTIES, terms: TERMS });
  act(head('nasa'), { type: 'proposeDeal', deal: 'd2' });
  act(head('soviet-academy'), { type: 'acceptDeal', deal: 'd2' });
  goTo('signature');
  act(head('nasa'), { type: 'signDeal', deal: 'd2' });
  act(head('soviet-academy'), { type: 'signDeal', deal: 'd2' });
  expect(session.state.deals.d2.status).toBe('inForce');

  const res = await api<SessionReport>(url, `/api/sessions/${opened.sessionId}/report`, { key: opened.facilitatorKey });
  expect(res.status).toBe(200);
  report = res.body;
  markdown = (await api(url, `/api/sessions/${opened.sessionId}/export.md`, { key: opened.facilitatorKey })).text;
});
afterAll(async () => server?.close());

describe('deals against the space of possible agreements', () => {
  it('places the accord in force: its points and walk-aways per party, and the counts', () => {
    // The memorandum that opened the talks is placed too, in its own space.
    expect(report.dealsInSpace.map((d) => [d.deal, d.valuedAs])).toEqual([
      ['d1', 'docking-memorandum'],
      ['d2', 'science-accord'],
    ]);
    const placed = theAccord();
    const all = allTerms();
    const consensus = all.filter((t) => PARTIES.every((p) => points(p, t) >= tableOf(p).walkAway));
    expect(placed).toMatchObject({
      deal: 'd2',
      status: 'inForce',
      dealTypeLabel: 'Science and applications accord',
      valuedAs: 'science-accord',
      parties: PARTIES,
      values: { nasa: points('nasa', TERMS), 'soviet-academy': points('soviet-academy', TERMS) },
      walkAways: { nasa: tableOf('nasa').walkAway, 'soviet-academy': tableOf('soviet-academy').walkAway },
      combinations: 27,
      consensus: consensus.length,
      acceptableToAll: PARTIES.every((p) => points(p, TERMS) >= tableOf(p).walkAway),
      note: null,
    });
    expect(placed.terms.map((t) => `${t.issueLabel}: ${t.optionLabel}`)).toEqual([
      'Lunar samples: Samples lent for study and returned',
      'Weather and space-biology data: Reciprocal yearly reports',
      'Scientist exchange: No exchange',
    ]);
  });

  it('lists up to five Pareto-better agreements, with labels, and counts them all', () => {
    const placed = theAccord();
    const mine = PARTIES.map((p) => points(p, TERMS));
    const better = allTerms().filter((t) => {
      const v = PARTIES.map((p) => points(p, t));
      return v.every((x, i) => x >= mine[i]) && v.some((x, i) => x > mine[i]);
    });
    expect(better.length).toBeGreaterThan(0);
    expect(placed.paretoEfficient).toBe(false);
    expect(placed.paretoBetterCount).toBe(better.length);
    expect(placed.paretoBetter).toHaveLength(Math.min(5, better.length));
    const listed = new Set(better.map((t) => JSON.stringify(t)));
    for (const alternative of placed.paretoBetter) {
      const terms = Object.fromEntries(alternative.terms.map((t) => [t.issue, t.option]));
      expect(listed.has(JSON.stringify(terms))).toBe(true);
      expect(alternative.values).toEqual({ nasa: points('nasa', terms), 'soviet-academy': points('soviet-academy', terms) });
      for (const t of alternative.terms) expect(t.optionLabel).not.toBe(t.option);
    }
  });

  it('writes the placement into the Markdown export', () => {
    expect(markdown).toContain('## Deals against the space of possible agreements');
    expect(markdown).toContain(`1 of 27 possible agreements; ${theAccord().consensus} meet every walk-away.`);
    expect(markdown).toContain(`${theAccord().paretoBetterCount} Pareto-better agreement(s).`);
  });
});
