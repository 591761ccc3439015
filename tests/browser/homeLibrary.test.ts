// Library scenarios on the home page in real Chromium: with the studio's instructor key on the
// device, the scenario list also holds that instructor's library scenarios and the ones other
// instructors share (never another's private one), marked whose they are; a session opens from
// one in the chosen class format; a revoked key says so and leaves the shipped list; a student's
// device (no key) sees only the shipped scenarios.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadCatalog } from '@server/scenarios';
import { Instructors } from '@server/instructors';
import { openStore } from '@server/store/openStore';
import { newPage, ROOT } from './harness';
import { browserSuite } from './suite';

const suite = browserSuite();
const SHIPPED_TITLES = loadCatalog('scenarios')
  .list()
  .map((s) => s.title);
const TEXT = fs.readFileSync(path.join(ROOT, 'scenarios/handshake-in-orbit.yaml'), 'utf8');
const KEY_STORE = 'spacebridge.instructorKey';

/** An instructor on the test server's store (a key added while the server runs counts at once). */
async function addInstructor(name: string): Promise<{ id: string; key: string }> {
  const store = await openStore({ dataDir: suite.server.dataDir });
  try {
    const { instructor, key } = await new Instructors(store.db).add(name, Date.now());
    return { id: instructor.id, key };
  } finally {
    await store.close();
  }
}

async function revoke(id: string) {
  const store = await openStore({ dataDir: suite.server.dataDir });
  try {
    expect(await new Instructors(store.db).revoke(id, Date.now())).toBe(true);
  } finally {
    await store.close();
  }
}

/** Saves a copy of the shipped scenario under another title, through the studio's HTTP API. */
async function save(key: string, title: string, visibility: 'private' | 'shared'): Promise<string> {
  const response = await fetch(`${suite.server.url}/api/studio/scenarios`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify({ yaml: TEXT.replace('title: Handshake in orbit', `title: ${title}`), visibility }),
  });
  expect(response.status).toBe(201);
  const answer = (await response.json()) as { scenario: { id: string; playableVersion: number | null } };
  expect(answer.scenario.playableVersion).toBe(1);
  return answer.scenario.id;
}

/** The home page of a device that keeps this instructor key (as the studio's sign-in leaves it), or none. */
async function home(key: string | null): Promise<Page> {
  const { page } = await newPage(suite.browser);
  await page.goto(`${suite.server.url}/`);
  if (key) {
    await page.evaluate(([name, value]) => localStorage.setItem(name, value), [KEY_STORE, key]);
    await page.reload();
  }
  await page.getByRole('article', { name: SHIPPED_TITLES[0] }).waitFor();
  return page;
}

/** Every listed scenario's title, in order. */
async function listed(page: Page): Promise<string[]> {
  return page.locator('article h3').allInnerTexts();
}

describe('library scenarios on the home page', () => {
  // Ada saves a private and a shared scenario (copies of a shipped one: the same scenario `id:`).
  let ada = { id: '', key: '' };
  let grace = { id: '', key: '' };
  let privateId = '';
  let sharedId = '';
  beforeAll(async () => {
    ada = await addInstructor('Ada Lovelace');
    grace = await addInstructor('Grace Hopper');
    privateId = await save(ada.key, 'A private plan', 'private');
    sharedId = await save(ada.key, 'A shared plan', 'shared');
  });

  it('lists an instructor\'s own scenarios and the shared ones, marked, and never another\'s private one', async () => {
    const adaHome = await home(ada.key);
    await adaHome.getByRole('article', { name: 'A private plan' }).waitFor();
    // Library entries first, each keyed by its library id (both share the shipped scenario's id).
    const adaList = await listed(adaHome);
    expect(adaList.slice(0, 2).sort()).toEqual(['A private plan', 'A shared plan']);
    expect(adaList.slice(2)).toEqual(SHIPPED_TITLES);
    await expect(adaHome.getByTestId(`scenario-card-library-${privateId}`).getByTestId('library-badge').textContent()).resolves.toBe('Your library · private');
    await expect(adaHome.getByTestId(`scenario-card-library-${sharedId}`).getByTestId('library-badge').textContent()).resolves.toBe('Your library · shared');
    await adaHome.getByText('From the instructors’ library').waitFor();

    const graceHome = await home(grace.key);
    await graceHome.getByRole('article', { name: 'A shared plan' }).waitFor();
    expect(await listed(graceHome)).toEqual(['A shared plan', ...SHIPPED_TITLES]);
    await expect(graceHome.getByTestId(`scenario-card-library-${sharedId}`).getByTestId('library-badge').textContent()).resolves.toBe('Shared by Ada Lovelace');
    await expect(graceHome.getByText('A private plan').count()).resolves.toBe(0);
    await adaHome.close();
    await graceHome.close();
  });

  it('opens a session of a shared library scenario, in the class format picked from its details, for another instructor', async () => {
    const page = await home(grace.key);
    const card = page.getByRole('article', { name: 'A shared plan' });
    // The class formats come from the library scenario's public parts (GET …/public).
    await card.getByRole('radio', { name: 'Short game (3 rounds, one hour)' }).check();
    await card.getByTestId('class-plan').filter({ hasText: '42 min (3 rounds of 14 min)' }).waitFor();
    await card.getByRole('button', { name: 'Create a session' }).click();
    await page.waitForURL('**/facilitator/**');
    await page.getByRole('heading', { name: 'Facilitator console · A shared plan', level: 1 }).waitFor();
    await page.getByTestId('connection-status').and(page.locator('[data-status="connected"]')).waitFor();
    await page.getByTestId('class-plan').filter({ hasText: '60 min in all' }).waitFor();
    await page.close();
  });

  it('says so when the stored key was revoked, forgets it and still lists the shipped scenarios', async () => {
    const revoked = await addInstructor('Revoked Rita');
    await save(revoked.key, 'Rita’s plan', 'private');
    await revoke(revoked.id);
    const page = await home(revoked.key);
    await page.getByTestId('instructor-key-refused').getByText('Your instructor key was refused').waitFor();
    expect(await listed(page)).toEqual(SHIPPED_TITLES);
    await expect(page.evaluate((name) => localStorage.getItem(name), KEY_STORE)).resolves.toBeNull();
    // The shipped list still opens sessions.
    await page.getByRole('article', { name: SHIPPED_TITLES[0] }).getByRole('button', { name: 'Create a session' }).click();
    await page.waitForURL('**/facilitator/**');
    await page.getByRole('heading', { name: `Facilitator console · ${SHIPPED_TITLES[0]}`, level: 1 }).waitFor();
    await page.close();
  });

  it('shows a student\'s device (no key) only the shipped scenarios', async () => {
    const page = await home(null);
    expect(await listed(page)).toEqual(SHIPPED_TITLES);
    await expect(page.getByText('From the instructors’ library').count()).resolves.toBe(0);
    await expect(page.getByTestId('instructor-key-refused').count()).resolves.toBe(0);
    await expect(page.getByText('A shared plan').count()).resolves.toBe(0);
    await page.close();
  });
});
