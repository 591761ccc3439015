// A whole game of Handshake in orbit played to its natural end in real Chromium: four students
// seated and talking, the facilitator stepping through every phase of every round until the game
// completes, then the debrief (scores, revealed objectives, discussion prompts) and the three
// exports an instructor downloads, and a student's own debrief.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSession, joinAsStudent, newPage, openConsole } from './harness';
import { browserSuite } from './suite';

const suite = browserSuite();

const ROUNDS = 4;
const PHASES = ['Briefing and news', 'Track II talks', 'Track I negotiation', 'Signature and ratification', 'Resolution'];
const DELEGATIONS = [
  ['Ada', 'us-gov', 'U.S. government'],
  ['Boris', 'soviet-gov', 'Soviet government'],
  ['Chris', 'nasa', 'NASA'],
  ['Dasha', 'soviet-academy', 'Soviet Academy of Sciences'],
] as const;

/** The phase and round the console shows ("Track II talks" + "Round 2 of 4 · 1970-1971"). */
async function phaseAndRound(console: Page): Promise<string> {
  return console.evaluate(() => document.querySelector('[data-testid="phase-label"]')?.parentElement?.textContent ?? '');
}

/** The facilitator clicks "Next phase" and waits until the console shows another phase; returns it. */
async function nextPhase(console: Page): Promise<string> {
  const before = await phaseAndRound(console);
  await console.getByTestId('advance-phase').click();
  const changed = await console.waitForFunction((was) => {
    const now = document.querySelector('[data-testid="phase-label"]')?.parentElement?.textContent ?? '';
    return now !== was && now;
  }, before);
  return (await changed.jsonValue()) as string;
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function exported(console: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([console.waitForEvent('download'), console.getByTestId('debrief').getByRole('button', { name: button, exact: true }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

describe('a game of Handshake in orbit played to the end', () => {
  it('completes after the last round and opens the debrief and the exports', async () => {
    const { server, browser } = suite;
    // createSession fixes seed 7: its round-1 card keeps U.S.-Soviet channels open (see round.test.ts).
    const session = await createSession(server.url);
    const { page: facilitator } = await newPage(browser);
    await openConsole(facilitator, server.url, session);

    const students = await Promise.all(
      DELEGATIONS.map(async ([name, role]) => {
        const { page } = await newPage(browser);
        await joinAsStudent(page, server.url, session.joinCode, name, { role, seat: 'head' });
        return page;
      }),
    );
    const [ada, boris, , dasha] = students;

    await facilitator.getByTestId('start-game').click();
    await facilitator.getByTestId('phase-label').filter({ hasText: PHASES[0] }).waitFor();

    // The students talk in public before anything else.
    await ada.getByTestId('channel-public').click();
    await ada.getByTestId('chat-input').fill('The United States welcomes these talks.');
    await ada.getByTestId('chat-input').press('Enter');
    await boris.getByTestId('channel-public').click();
    await boris.getByRole('log').getByText('The United States welcomes these talks.').waitFor();
    await boris.getByTestId('chat-input').fill('The Soviet Union is ready to listen.');
    await boris.getByTestId('chat-input').press('Enter');
    await ada.getByRole('log').getByText('The Soviet Union is ready to listen.').waitFor();

    // Every phase of every round, one click each, until the game ends by itself after the last.
    const seen = [await phaseAndRound(facilitator)];
    while (!seen.at(-1)!.startsWith('Game over')) {
      expect(seen.length, `still going after: ${seen.join(' / ')}`).toBeLessThanOrEqual(ROUNDS * PHASES.length);
      seen.push(await nextPhase(facilitator));
    }
    expect(seen.at(-2)).toContain(`Round ${ROUNDS} of ${ROUNDS}`);
    await expect(facilitator.getByTestId('advance-phase').count()).resolves.toBe(0);

    // The game is over; the facilitator reveals everything, which opens the debrief for all.
    await facilitator.getByRole('tab', { name: 'Debrief' }).click();
    await facilitator.getByText('Press “Reveal everything”', { exact: false }).waitFor();
    // The game controls' button (the end-of-game banner repeats it).
    await facilitator.getByRole('region', { name: 'Game controls' }).getByRole('button', { name: 'Reveal everything' }).click();
    // The debrief tab: the game ran its course; every delegation has a total.
    const debrief = facilitator.getByTestId('debrief');
    await debrief.getByText('The game ran its full course.').waitFor();
    const scores = debrief.getByRole('region', { name: 'Scores' });
    const rows = scores.getByRole('row');
    await expect(rows.count()).resolves.toBe(1 + DELEGATIONS.length);
    for (const [, , delegation] of DELEGATIONS) {
      const cells = await rows.filter({ has: facilitator.getByRole('cell', { name: delegation, exact: true }) }).getByRole('cell').allTextContents();
      expect(cells).toHaveLength(5);
      expect(cells.at(-1)).toMatch(/^-?\d+(\.\d+)?$/);
    }
    // Secret objectives are revealed, each marked met or not met.
    const objectives = debrief.getByRole('region', { name: 'Secret objectives revealed' });
    await objectives.getByText('The joint-flight agreement in force uses the androgynous docking system.').waitFor();
    await objectives.getByText('End with U.S. government trust in you of at least 45.').waitFor();
    const markers = await objectives.getByText(/^(met|not met)$/).allTextContents();
    expect(markers.length).toBeGreaterThanOrEqual(DELEGATIONS.length);
    // No deal was made: an objective about the agreement's terms is not met.
    await expect(
      objectives.getByText(/uses the androgynous docking system/).locator('xpath=ancestor::div[1]').getByText('not met', { exact: true }).count(),
    ).resolves.toBe(1);
    // The scenario's discussion prompts.
    const prompts = debrief.getByRole('region', { name: 'Discussion prompts' });
    await prompts.getByText('Why did the docking mechanism matter politically, not only technically?').waitFor();
    await expect(prompts.getByRole('listitem').count()).resolves.toBeGreaterThanOrEqual(3);

    // The three exports, downloaded from the buttons.
    const json = await exported(facilitator, 'JSON');
    expect(json.name).toBe(`spacebridge-${session.sessionId}.json`);
    const report = JSON.parse(json.text) as { session: { status: string; outcome: { reason: string } | null }; scores: { role: string; total: number }[]; messages: { text: string }[] };
    expect(report.session.status).toBe('ended');
    expect(report.session.outcome?.reason).toBe('completed');
    expect(report.scores.map((s) => s.role).sort()).toEqual(DELEGATIONS.map(([, role]) => role).sort());
    for (const s of report.scores) expect(typeof s.total).toBe('number');
    expect(report.messages.map((m) => m.text)).toContain('The Soviet Union is ready to listen.');

    const csv = await exported(facilitator, 'CSV');
    expect(csv.name).toBe(`spacebridge-${session.sessionId}.csv`);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^section,/);
    expect(lines.length).toBeGreaterThan(DELEGATIONS.length);
    for (const [, role] of DELEGATIONS) expect(lines.some((l) => l.startsWith(`score,`) && l.includes(role) && l.includes('total'))).toBe(true);
    expect(lines.some((l) => l.startsWith('message,') && l.includes('The United States welcomes these talks.'))).toBe(true);

    const md = await exported(facilitator, 'Markdown');
    expect(md.name).toBe(`spacebridge-${session.sessionId}.md`);
    expect(md.text).toMatch(/^# Handshake in orbit: session report/);
    expect(md.text).toContain('## Scores');
    for (const [, , delegation] of DELEGATIONS) expect(md.text).toMatch(new RegExp(`^\\| ${delegation.replace(/\./g, '\\.')} \\| -?\\d`, 'm'));
    expect(md.text).toContain('Ended (the game ran its full course)');

    // A student's screen opens on the debrief too, with every delegation's objectives revealed.
    const studentDebrief = dasha.getByTestId('debrief');
    await studentDebrief.waitFor();
    const revealed = studentDebrief.getByRole('region', { name: 'Secret objectives revealed' });
    await revealed.getByText('The joint-flight agreement in force does not use the American probe.').waitFor();
    await revealed.getByText('The joint-flight agreement in force uses the androgynous docking system.').waitFor();
    await revealed.getByText('End with U.S. government trust in you of at least 45.').waitFor();
    await revealed.getByText('The joint-flight agreement in force provides for joint live television.').waitFor();
    await expect(studentDebrief.getByRole('region', { name: 'Scores' }).getByRole('row').count()).resolves.toBe(1 + DELEGATIONS.length);
    // Exports are the facilitator's: a student has no export button.
    await expect(studentDebrief.getByRole('button', { name: 'CSV' }).count()).resolves.toBe(0);
  });
});
