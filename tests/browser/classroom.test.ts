// A class in real Chromium: the facilitator gives every empty seat to bots in one click, two
// students (NASA and the U.S. government) play a whole round beside them, and then the export
// shows that no bot made a binding move for a delegation with a student while the bot-only
// delegations did; the students' Ready ends each phase at once; a double click on "Next phase"
// moves exactly one phase.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SeatParticipation } from '@server/report';
import { loadCatalog } from '@server/scenarios';
import { createSession, joinAsStudent, newPage, openConsole } from './harness';
import { browserSuite } from './suite';

const suite = browserSuite();
const scenario = loadCatalog('scenarios').get('handshake-in-orbit')!;
const SEATS = scenario.roles.reduce((n, r) => n + r.seats.length, 0);
const PHASES = scenario.rounds.phases.map((p) => p.label);
const STUDENTS = ['nasa', 'us-gov'];
const BOTS_ONLY = scenario.roles.map((r) => r.id).filter((id) => !STUDENTS.includes(id));

async function phaseIs(page: Page, label: string) {
  await page.getByTestId('phase-label').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();
}

describe('a class with bots in every empty seat', () => {
  it('bots advise the students’ delegations and play the others; Ready ends each phase; a double click moves one phase', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: console_ } = await newPage(browser, { width: 1366, height: 768 });
    await openConsole(console_, server.url, session);
    const students = await Promise.all(
      [
        ['Ada', 'nasa'],
        ['Ben', 'us-gov'],
      ].map(async ([name, role]) => {
        const { page } = await newPage(browser);
        await joinAsStudent(page, server.url, session.joinCode, name, { role, seat: 'head' });
        return page;
      }),
    );
    const [ada] = students;

    // One click gives every other seat to a bot.
    await console_.getByRole('tab', { name: 'Seats' }).click();
    await console_.getByTestId('fill-with-bots').click();
    await console_.getByText(`0 of ${SEATS} seats empty`).waitFor();
    await console_.getByTestId('start-game').click();
    await phaseIs(console_, PHASES[0]);

    const readyAll = async (next: string) => {
      for (const student of students) await student.getByTestId('ready-toggle').click();
      // No timer ran out (phases last minutes): the students' Ready ended the phase.
      await phaseIs(console_, next);
    };

    // Briefing, then track II talks: NASA's bot advises Ada in her team channel.
    await readyAll(PHASES[1]);
    await ada.getByTestId('channel-team:nasa').click();
    await ada.getByRole('log').locator('[data-bot]').first().waitFor();
    const advice = await ada.getByRole('log').locator('[data-bot]').first().innerText();
    expect(advice).toMatch(/I would|Propose|Counter|walk-away/);
    await readyAll(PHASES[2]);

    // A double click on "Next phase" moves one phase: the second click names a phase that is over.
    await console_.getByTestId('advance-phase').dblclick();
    await phaseIs(console_, PHASES[3]);
    await console_.getByText(/^Round \d+, phase \d+ is already over \(the game is in round \d+, phase \d+\): nothing was changed\.$/).waitFor();
    await phaseIs(console_, PHASES[3]);

    // The students end the round.
    await readyAll(PHASES[4]);
    await readyAll(PHASES[0]);
    await console_.getByText(scenario.rounds.labels![1]).first().waitFor();

    // The export: no bot made a binding move for NASA or the U.S. government; the bot-only
    // delegations played.
    const response = await fetch(`${server.url}/api/sessions/${session.sessionId}/export.json`, { headers: { authorization: `Bearer ${session.facilitatorKey}` } });
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      participation: SeatParticipation[];
      messages: { role: string | null; seat: string | null; name: string; channel: string }[];
      deals: { versions: { by: string }[]; acceptedBy: string[]; signedBy: string[] }[];
      timeline: { kind: string; roles: string[] }[];
    };
    const binding = (p: SeatParticipation) => p.proposals + p.responses + p.signatures + p.statements + p.actions;
    const botSeats = report.participation.filter((p) => p.occupant?.startsWith('bot ('));
    for (const p of botSeats.filter((p) => STUDENTS.includes(p.role))) expect(binding(p), `${p.role}/${p.seat}`).toBe(0);
    // Their bots spoke only in their own team channel.
    const botTalk = report.messages.filter((m) => m.role && STUDENTS.includes(m.role) && m.seat !== 'head');
    expect(botTalk.length).toBeGreaterThan(0);
    for (const m of botTalk) expect(m.channel).toBe(`team:${m.role}`);
    // The students made no deal move and no statement, so none is in their delegations' name.
    for (const deal of report.deals) for (const role of STUDENTS) expect([...deal.versions.map((v) => v.by), ...deal.acceptedBy, ...deal.signedBy]).not.toContain(role);
    expect(report.timeline.filter((e) => (e.kind === 'statement' || e.kind === 'action') && e.roles.some((r) => STUDENTS.includes(r)))).toEqual([]);
    // The bot-only delegations acted.
    const played = botSeats.filter((p) => BOTS_ONLY.includes(p.role)).reduce((n, p) => n + binding(p) + p.messages, 0);
    expect(played).toBeGreaterThan(0);
  });
});
