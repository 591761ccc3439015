// The Scenario Studio's server side against a real server over HTTP (docs/api.md, "Studio"):
// instructor keys, the versioned library, visibility between instructors, the limits (a 5 MB
// body, an alias bomb), drafts with problems, library scenarios on the home page and in sessions,
// playtests with bots in every other seat, and everything still there after a restart.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import { run as instructorCli } from '@server/cli/instructor';
import { Instructors } from '@server/instructors';
import { JOIN_FAILURES } from '@server/services';
import { ApiErrorBody } from '@shared/protocol/apiErrors';
import { LibraryScenarioAnswer as AnswerSchema, STUDIO_ERROR_CODES, type LibraryScenarioAnswer, type PlaytestAnswer, type ScenarioListing, type StudioErrorBody } from '@shared/protocol/studio';
import { api, hostedSession, startTestServer, TestClient, type ManualClock, type RunningServer } from './harness';

const SHIPPED = fs.readFileSync(path.join(import.meta.dirname, '../../scenarios/handshake-in-orbit.yaml'), 'utf8');

/** The shipped scenario under another id and title (a library copy an instructor edits). */
function draft(id: string, title: string, edit?: (doc: Document) => void): string {
  const doc = parseDocument(SHIPPED);
  doc.set('id', id);
  doc.set('title', title);
  edit?.(doc);
  return doc.toString();
}

/** A draft with a cross-reference mistake (an objective naming a deal type that does not exist). */
const BROKEN = draft('broken-draft', 'A broken draft', (doc) => doc.setIn(['roles', 0, 'objectives', 0, 'when', 'deal'], 'no-such-deal'));

/** 9 levels of 9 aliases: 9^9 strings once expanded. */
function aliasBomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (let i = 0; i < 9; i++) {
    text += `b${i}: &b${i} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
    previous = `b${i}`;
  }
  return text;
}

let server: RunningServer;
let url: string;
let dataDir: string;
let clock: ManualClock;
let ada: string;
let grace: string;
let revokedKey: string;

/** A studio request; every error answer is checked against the contract (shared/protocol/apiErrors.ts,
 *  studio.ts): a code and params, no sentence. */
async function studio<T = any>(pathname: string, key: string | undefined, init: RequestInit & { json?: unknown } = {}) {
  const res = await api<T>(url, `/api/studio${pathname}`, { ...init, key });
  if (res.status >= 400) {
    ApiErrorBody.parse(res.body);
    expect(STUDIO_ERROR_CODES).toContain((res.body as { error: { code: string } }).error.code);
  }
  return res;
}
const save = (key: string, yaml: string, extra: Record<string, unknown> = {}) => studio<LibraryScenarioAnswer & StudioErrorBody>('/scenarios', key, { method: 'POST', json: { yaml, ...extra } });
const libraryRows = async () => (await server.services.store.db.query<{ n: number }>('SELECT count(*) AS n FROM library_versions'))[0].n;

/** Adds an instructor with the CLI, on the running server's data directory, and returns the key it printed. */
async function addWithCli(name: string): Promise<string> {
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  try {
    expect(await instructorCli(['add', name, '--data-dir', dataDir])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  const key = /^\s+(\S{32})$/m.exec(printed.join('\n'))?.[1];
  if (!key) throw new Error(`no key printed: ${printed.join('\n')}`);
  return key;
}

beforeAll(async () => {
  ({ server, url, dataDir, clock } = await startTestServer({ BOT_PACE_MS: '1000' }));
  ada = await addWithCli('Ada Lovelace');
  grace = await addWithCli('Grace Hopper');
  revokedKey = await addWithCli('Gone Away');
});

afterAll(async () => server?.close());

describe('a copy of a shipped scenario', () => {
  it('gives an instructor the file as shipped, and nobody else', async () => {
    const copy = await studio('/shipped/handshake-in-orbit', ada);
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-type')).toMatch(/^text\/yaml/);
    expect(copy.text).toBe(SHIPPED);
    expect((await studio('/shipped/handshake-in-orbit', undefined)).status).toBe(401);
    const unknown = await studio('/shipped/no-such-scenario', ada);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown-scenario']);
  });
});

describe('instructor keys', () => {
  it('stores only a hash of the key, and the CLI lists instructors without keys', async () => {
    const stored = JSON.stringify(await server.services.store.db.query('SELECT * FROM instructors'));
    expect(stored).not.toContain(ada);
    expect(stored).toContain('Ada Lovelace');
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    expect(await instructorCli(['list', '--data-dir', dataDir])).toBe(0);
    spy.mockRestore();
    expect(printed.join('\n')).toMatch(/Ada Lovelace/);
    expect(printed.join('\n')).not.toContain(ada);
  });

  it('answers 401 without a key or with a wrong one, and knows whose key is right', async () => {
    expect((await studio('/me', undefined)).status).toBe(401);
    const wrong = await studio('/scenarios', 'not-a-real-key-at-all-0000000000');
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'unauthorized']);
    const created = await save('not-a-real-key-at-all-0000000000', draft('sneaky', 'Sneaky'));
    expect(created.status).toBe(401);
    expect(await libraryRows()).toBe(0);
    expect((await studio('/me', ada)).body).toEqual({ instructor: { id: expect.any(String), name: 'Ada Lovelace' } });
  });

  it('stops a revoked key at once (CLI revoke while the server runs)', async () => {
    expect((await studio('/me', revokedKey)).status).toBe(200);
    const spy = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await instructorCli(['revoke', 'Gone Away', '--data-dir', dataDir])).toBe(0);
    spy.mockRestore();
    expect((await studio('/me', revokedKey)).status).toBe(401);
  });
});

describe('the library', () => {
  let id: string;

  it('keeps every save as a version and restores an old one as a new version', async () => {
    const first = await save(ada, draft('orbit-copy', 'Orbit, first take'), { note: 'first' });
    expect(first.status).toBe(201);
    id = first.body.scenario.id;
    AnswerSchema.parse(first.body);
    expect(first.body.scenario).toMatchObject({ mine: true, visibility: 'private', playableVersion: 1, versionCount: 1 });
    expect(first.body.version).toMatchObject({ version: 1, valid: true, problemCount: 0, scenarioId: 'orbit-copy', title: 'Orbit, first take', note: 'first' });

    const second = await studio<LibraryScenarioAnswer>(`/scenarios/${id}/versions`, ada, { method: 'POST', json: { yaml: draft('orbit-copy', 'Orbit, second take'), basedOn: 1 } });
    expect(second.status).toBe(201);
    expect(second.body.version).toMatchObject({ version: 2, title: 'Orbit, second take' });
    expect(second.body.versions.map((v) => v.version)).toEqual([2, 1]);

    // A save based on an older version than the latest is refused and changes nothing.
    const stale = await studio(`/scenarios/${id}/versions`, ada, { method: 'POST', json: { yaml: draft('orbit-copy', 'From a stale tab'), basedOn: 1 } });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version-conflict']);

    const restored = await studio<LibraryScenarioAnswer>(`/scenarios/${id}/versions/1/restore`, ada, { method: 'POST', json: {} });
    expect(restored.status).toBe(201);
    expect(restored.body.version).toMatchObject({ version: 3, restoredFrom: 1, title: 'Orbit, first take' });
    expect(restored.body.version.yaml).toBe(first.body.version.yaml);
    expect(restored.body.versions.map((v) => [v.version, v.title])).toEqual([
      [3, 'Orbit, first take'],
      [2, 'Orbit, second take'],
      [1, 'Orbit, first take'],
    ]);

    const older = await studio<LibraryScenarioAnswer>(`/scenarios/${id}/versions/2`, ada);
    expect(older.body.version.yaml).toContain('Orbit, second take');
    expect((await studio(`/scenarios/${id}/versions/9`, ada)).body.error.code).toBe('unknown-version');
  });

  it('downloads a version as the YAML text exactly as saved', async () => {
    const res = await api(url, `/api/studio/scenarios/${id}/download?version=2`, { key: ada });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/yaml/);
    expect(res.headers.get('content-disposition')).toContain('orbit-copy.yaml');
    expect(res.text).toBe(draft('orbit-copy', 'Orbit, second take'));
  });

  it('shows a shared scenario to a second instructor, read-only, and never a private one', async () => {
    const secret = await save(ada, draft('ada-private', 'Ada keeps this'));
    const list = async (key: string) => (await studio<{ scenarios: { id: string; mine: boolean }[] }>('/scenarios', key)).body.scenarios;
    expect((await list(grace)).map((s) => s.id)).not.toContain(id);
    expect((await studio(`/scenarios/${id}`, grace)).status).toBe(404);

    // Only the owner changes visibility.
    const refused = await studio(`/scenarios/${id}/visibility`, grace, { method: 'POST', json: { visibility: 'shared' } });
    expect(refused.status).toBe(404);
    const shared = await studio(`/scenarios/${id}/visibility`, ada, { method: 'POST', json: { visibility: 'shared' } });
    expect(shared.body.scenario).toMatchObject({ id, visibility: 'shared' });

    expect(await list(grace)).toEqual([expect.objectContaining({ id, mine: false })]);
    const seen = await studio<LibraryScenarioAnswer>(`/scenarios/${id}`, grace);
    expect(seen.body.scenario).toMatchObject({ owner: { name: 'Ada Lovelace' }, mine: false });
    expect((await studio(`/scenarios/${secret.body.scenario.id}`, grace)).status).toBe(404);

    // Grace may read and play it, not change it.
    const before = await libraryRows();
    const notHers = await studio(`/scenarios/${id}/versions`, grace, { method: 'POST', json: { yaml: draft('orbit-copy', 'Grace was here') } });
    expect([notHers.status, notHers.body.error.code]).toEqual([403, 'not-owner']);
    expect((await studio(`/scenarios/${id}/versions/1/restore`, grace, { method: 'POST', json: {} })).status).toBe(403);
    expect((await studio(`/scenarios/${id}/visibility`, grace, { method: 'POST', json: { visibility: 'private' } })).status).toBe(403);
    expect(await libraryRows()).toBe(before);
  });

  it('saves a draft with problems, flagged, but never plays it or lists it on the home page', async () => {
    const saved = await save(grace, BROKEN);
    expect(saved.status).toBe(201);
    expect(saved.body.version).toMatchObject({ valid: false, scenarioId: 'broken-draft', title: 'A broken draft' });
    expect(saved.body.version.problemCount).toBeGreaterThan(0);
    expect(saved.body.version.problems[0]).toMatchObject({ path: 'roles[0].objectives[0].when.deal', message: expect.stringContaining('no-such-deal') });
    expect(saved.body.scenario.playableVersion).toBeNull();

    const brokenId = saved.body.scenario.id;
    const open = await api(url, '/api/sessions', { method: 'POST', key: grace, json: { library: { id: brokenId } } });
    expect([open.status, open.body.error.code]).toEqual([422, 'scenario-invalid']);
    const openVersion = await api(url, '/api/sessions', { method: 'POST', key: grace, json: { library: { id: brokenId, version: 1 } } });
    expect([openVersion.status, openVersion.body.error.code]).toEqual([422, 'scenario-invalid']);
    const playtest = await studio('/playtest', grace, { method: 'POST', json: { yaml: BROKEN, role: 'nasa' } });
    expect([playtest.status, playtest.body.error.code]).toEqual([422, 'scenario-invalid']);
    expect(playtest.body.error.problems[0].path).toBe('roles[0].objectives[0].when.deal');

    expect((await studio(`/scenarios/${brokenId}/public`, grace)).body.error.code).toBe('scenario-invalid');
    const home = await api<ScenarioListing[]>(url, '/api/scenarios', { key: grace });
    expect(home.body.map((s) => s.library?.id)).not.toContain(brokenId);
  });

  it('refuses a 5 MB body with 413 and the limit, and saves nothing', async () => {
    const before = await libraryRows();
    const huge = draft('huge', 'Huge') + `\n# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    const res = await save(ada, huge);
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({ code: 'too-large', params: { maxKiB: 1024 } });
    const onto = await studio(`/scenarios/${id}/versions`, ada, { method: 'POST', json: { yaml: huge } });
    expect(onto.status).toBe(413);
    // Without a key the body is not even read.
    expect((await save('', huge)).status).toBe(401);
    expect(await libraryRows()).toBe(before);
  });

  it('refuses a YAML alias bomb with a clear 400, and saves nothing', async () => {
    const before = await libraryRows();
    const res = await save(ada, aliasBomb());
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'too-many-aliases' });
    const deep = await save(ada, '['.repeat(30_000));
    expect([deep.status, deep.body.error]).toEqual([400, { code: 'unreadable-yaml', params: { reason: 'tooDeep' } }]);
    expect(await libraryRows()).toBe(before);
  });

  it('refuses requests that break the schema with 400 and the fields at fault', async () => {
    const res = await studio('/scenarios', ada, { method: 'POST', json: { yaml: draft('x', 'X'), visibility: 'everyone' } });
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid-request']);
    expect(res.body.error.params).toEqual({ fields: ['visibility'] });
    expect((await studio('/scenarios/..%2F..', ada)).status).toBe(404);
    expect((await studio('/nothing-here', ada)).body.error.code).toBe('not-found');
  });

  it('lists library scenarios on the home page only for whoever may use them, and opens sessions of them', async () => {
    const shipped = (await api<ScenarioListing[]>(url, '/api/scenarios')).body;
    expect(shipped.every((s) => s.library === undefined)).toBe(true);
    expect((await api(url, '/api/scenarios', { key: 'wrong-key-wrong-key-wrong-key-00' })).status).toBe(401);

    const forAda = (await api<ScenarioListing[]>(url, '/api/scenarios', { key: ada })).body.filter((s) => s.library);
    expect(forAda.map((s) => [s.id, s.library!.mine])).toEqual(expect.arrayContaining([['orbit-copy', true], ['ada-private', true]]));
    const forGrace = (await api<ScenarioListing[]>(url, '/api/scenarios', { key: grace })).body.filter((s) => s.library);
    expect(forGrace).toEqual([expect.objectContaining({ id: 'orbit-copy', title: 'Orbit, first take', library: { id, version: 3, owner: 'Ada Lovelace', mine: false, visibility: 'shared' } })]);

    // Its public parts, for the home page's details: no confidential brief, objective or point table.
    const details = await studio(`/scenarios/${id}/public`, grace);
    expect(details.body).toMatchObject({ id: 'orbit-copy', title: 'Orbit, first take' });
    expect(details.body.roles.length).toBeGreaterThan(1);
    expect(details.text).not.toMatch(/confidentialBrief|pointTables|"objectives"/);
    expect((await studio(`/scenarios/${id}/public?version=2`, grace)).body.title).toBe('Orbit, second take');

    // Listed texts are bounded: the scenario format bounds none, and shared ones reach every instructor.
    const long = await save(grace, draft('long-texts', `A title ${'that goes on '.repeat(40)}`, (doc) => doc.set('summary', 'Words '.repeat(2000))));
    const listed = (await api<ScenarioListing[]>(url, '/api/scenarios', { key: grace })).body.find((s) => s.library?.id === long.body.scenario.id)!;
    expect([listed.title.length, listed.summary.length]).toEqual([120, 600]);
    expect(long.body.version.title).toBe(listed.title);

    const opened = await api(url, '/api/sessions', { method: 'POST', key: grace, json: { library: { id, version: 2 }, seed: 3 } });
    expect(opened.status).toBe(201);
    expect(server.services.sessions.get(opened.body.sessionId)!.scenario.title).toBe('Orbit, second take');
    expect((await api(url, '/api/sessions', { method: 'POST', json: { library: { id } } })).status).toBe(401);
    const both = await api(url, '/api/sessions', { method: 'POST', key: grace, json: { library: { id }, scenarioId: 'handshake-in-orbit' } });
    expect([both.status, both.body.error.code]).toEqual([400, 'invalid-request']);
  });
});

describe('playtest', () => {
  const MARK = (role: string) => `Playtest-secret-of-${role}`;
  /** The shipped scenario with a marker in every delegation's confidential brief. */
  const marked = draft('marked-orbit', 'Marked orbit', (doc) => {
    const roles = doc.get('roles') as { items: { get(k: string): string; set(k: string, v: string): void }[] };
    for (const role of roles.items) role.set('confidentialBrief', `${MARK(role.get('id'))}: keep it quiet.`);
  });

  it('opens a session of the draft with bots in every seat but the author delegation, whose frames carry only its own secrets', async () => {
    const res = await studio<PlaytestAnswer>('/playtest', ada, { method: 'POST', json: { yaml: marked, role: 'nasa', seed: 5 } });
    expect(res.status).toBe(201);
    const play = res.body;
    expect(play).toMatchObject({ scenarioId: 'marked-orbit', role: 'nasa', playPath: `/join/${play.joinCode}` });
    expect(play.consolePath).toBe(`/facilitator/${play.sessionId}#key=${encodeURIComponent(play.facilitatorKey)}&code=${play.joinCode}`);

    const session = server.services.sessions.get(play.sessionId)!;
    const seats = Object.values(session.state.seats);
    expect(seats.filter((s) => s.role === 'nasa').map((s) => s.occupant)).toEqual(play.seats.map(() => null));
    expect(play.seats.length).toBeGreaterThan(0);
    expect(seats.filter((s) => s.role !== 'nasa').every((s) => s.occupant?.kind === 'bot')).toBe(true);

    // The author takes a free seat of their delegation, the console starts the game, the bots play.
    const author = await TestClient.join(url, play.sessionId, { as: 'player', joinCode: play.joinCode, name: 'Ada' });
    author.room.send('chooseSeat', { seat: { role: 'nasa', seat: play.seats[0].id } });
    await author.next((m) => m.type === 'identity' && m.body.seat !== null);
    const console_ = await TestClient.join(url, play.sessionId, { as: 'facilitator', facilitatorKey: play.facilitatorKey });
    expect(await console_.act({ type: 'fillSeatsWithBots', personality: 'cooperative', except: 'esa' })).toMatchObject({ ok: false, error: { code: 'unknown-role' } });
    expect((await console_.act({ type: 'startGame' })).ok).toBe(true);
    const started = session.state.seq;
    for (let i = 0; i < 10 && session.state.seq === started; i++) clock.advance(2000);
    expect(session.state.seq).toBeGreaterThan(started);
    await author.reach(session.state.seq);

    const bytes = author.bytes();
    expect(bytes.includes(Buffer.from(MARK('nasa')))).toBe(true);
    for (const role of ['us-gov', 'soviet-gov', 'soviet-academy']) expect(bytes.includes(Buffer.from(MARK(role))), role).toBe(false);
    // The only point tables the author's view holds are NASA's.
    const view = JSON.stringify(author.view);
    expect(view.split('"pointTables"').length - 1).toBe(1);
    expect(author.view!.me!.role).toMatchObject({ id: 'nasa', confidentialBrief: `${MARK('nasa')}: keep it quiet.` });
    await author.leave();
    await console_.leave();
  });

  it('refuses a delegation or a class format the draft does not have', async () => {
    const sessions = server.services.sessions.size;
    const res = await studio('/playtest', ada, { method: 'POST', json: { yaml: marked, role: 'esa' } });
    expect([res.status, res.body.error.code]).toEqual([400, 'unknown-role']);
    const format = await studio('/playtest', ada, { method: 'POST', json: { yaml: marked, role: 'nasa', classFormat: 'all-day' } });
    expect([format.status, format.body.error.code]).toEqual([400, 'unknown-class-format']);
    expect(server.services.sessions.size).toBe(sessions);
  });
});

describe('wrong keys and the failed-key limit', () => {
  it('counts wrong keys against the address; a right key still passes the blocked address', async () => {
    clock.advance(JOIN_FAILURES.windowMs); // the wrong keys of the tests above are forgotten
    for (let i = 0; i < JOIN_FAILURES.max; i++) expect((await studio('/me', `wrong-key-number-${i}-xxxxxxxxxxxxxxx`)).status).toBe(401);
    const blocked = await studio('/me', 'one-more-wrong-key-xxxxxxxxxxxxxx');
    expect([blocked.status, blocked.body.error.code]).toEqual([429, 'rate-limited']);
    expect((await studio('/me', ada)).status).toBe(200);
    clock.advance(JOIN_FAILURES.windowMs);
    expect((await studio('/me', 'after-the-window-xxxxxxxxxxxxxxxx')).status).toBe(401);
  });
});

describe('after a restart', () => {
  it('keeps the library, the keys, and sessions opened from library scenarios', async () => {
    const list = (await studio<{ scenarios: { id: string }[] }>('/scenarios', ada)).body.scenarios.map((s) => s.id);
    const [id] = list;
    const opened = await api(url, '/api/sessions', { method: 'POST', key: ada, json: { library: { id } } });
    expect(opened.status).toBe(201);
    await server.close();
    ({ server, url, clock } = await startTestServer({ DATA_DIR: dataDir }));

    expect((await studio<{ scenarios: { id: string }[] }>('/scenarios', ada)).body.scenarios.map((s) => s.id)).toEqual(list);
    const again = await studio<LibraryScenarioAnswer>(`/scenarios/${id}`, ada);
    expect(again.body.versions.length).toBeGreaterThan(0);
    const join = await api(url, `/api/join/${opened.body.joinCode}`);
    expect(join.body).toMatchObject({ sessionId: opened.body.sessionId });
    expect((await hostedSession(server, opened.body.sessionId)).scenario.id).toBe(again.body.version.scenarioId);
    expect((await studio('/me', revokedKey)).status).toBe(401);
    expect((await new Instructors(server.services.store.db).list()).map((i) => i.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Gone Away']);
  });
});
