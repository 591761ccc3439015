// axe-core on every screen (home, lobby, briefing, table, facilitator console, projector,
// debrief): no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { advancePhase, createSession, joinAsStudent, newPage, openConsole, VIEWPORTS } from './harness';
import { browserSuite } from './suite';

// Evaluated through the DevTools protocol: the app's CSP refuses inline <script> tags, as it should.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const suite = browserSuite();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  it('every screen has no serious or critical axe violation', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const report: Record<string, string[]> = {};

    const { page: home } = await newPage(browser);
    await home.goto(server.url);
    await home.getByRole('article').first().waitFor();
    report.home = await seriousViolations(home);

    const { page: facilitator } = await newPage(browser);
    await openConsole(facilitator, server.url, session);
    const { page: student } = await newPage(browser);
    await joinAsStudent(student, server.url, session.joinCode, 'Chris');
    report.lobby = await seriousViolations(student);
    await student.getByTestId('seat-nasa-head').getByRole('button').click();
    await student.getByTestId('confidential-brief').waitFor();
    report.briefing = await seriousViolations(student);

    const { page: projector } = await newPage(browser, VIEWPORTS.projector);
    await projector.goto(`${server.url}/projector/${session.joinCode}`);
    await projector.getByTestId('join-code').waitFor();
    report.projectorLobby = await seriousViolations(projector);

    report.facilitatorLobby = await seriousViolations(facilitator);
    await facilitator.getByTestId('start-game').click();
    await advancePhase(facilitator, 'Track II talks');
    await student.getByTestId('channel-public').waitFor();
    report.table = await seriousViolations(student);
    await student.getByTestId('new-draft').click();
    await student.getByTestId('deal-editor').waitFor();
    report.dealEditor = await seriousViolations(student);
    await student.setViewportSize(VIEWPORTS.tablet);
    report.tableTablet = await seriousViolations(student);

    report.facilitator = await seriousViolations(facilitator);
    await facilitator.getByRole('tab', { name: 'Seats' }).click();
    report.facilitatorSeats = await seriousViolations(facilitator);
    report.projector = await seriousViolations(projector);

    await facilitator.getByRole('button', { name: 'Reveal everything' }).click();
    await facilitator.getByRole('tab', { name: 'Debrief' }).click();
    // The charts are a lazy chunk: check the debrief once they are drawn.
    await facilitator.getByTestId('debrief').locator('.recharts-surface').first().waitFor();
    report.debrief = await seriousViolations(facilitator);

    const problems = Object.entries(report).filter(([, v]) => v.length > 0);
    expect(Object.fromEntries(problems)).toEqual({});
  });
});
