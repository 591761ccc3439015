// The deal editor under rules v2's one deal per type: a student drafting a second memorandum of a
// type her delegation already has in force sees which deal it replaces, and the draft she saves
// names it; a government adopting a memorandum that settles only some of the agreement's issues
// keeps its terms and sets the rest. The other delegations play through the protocol.
import { describe, expect, it } from 'vitest';
import { shipped } from '../engine/helpers';
import { advancePhase, createSession, joinAsStudent, newPage, openConsole } from './harness';
import { act, protocolPlayers } from './protocolPlayers';
import { browserSuite } from './suite';

const suite = browserSuite();
const { seated } = protocolPlayers();

describe('the deal editor', () => {
  it('names the deal in force a new draft of its type replaces', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);
    const { page: console } = await newPage(browser);
    await openConsole(console, server.url, session);
    const [chris, dasha] = await Promise.all([
      seated(server.url, session.sessionId, session.joinCode, 'Chris', 'nasa'),
      seated(server.url, session.sessionId, session.joinCode, 'Dasha', 'soviet-academy'),
    ]);
    const { page: erin } = await newPage(browser);
    await joinAsStudent(erin, server.url, session.joinCode, 'Erin', { role: 'nasa', seat: 'astronaut' });
    await console.getByTestId('start-game').click();

    // NASA and the Academy have a docking memorandum in force.
    await advancePhase(console, 'Track II talks');
    const terms = { 'docking-system': 'androgynous', 'flight-date': 'date-1975', 'tech-exchange': 'working-groups', publicity: 'joint-live-tv' };
    await act(chris, { type: 'draftDeal', dealType: 'docking-memorandum', parties: ['nasa', 'soviet-academy'], terms });
    await act(chris, { type: 'proposeDeal', deal: 'd1' });
    await act(dasha, { type: 'acceptDeal', deal: 'd1' });
    await act(chris, { type: 'signDeal', deal: 'd1' });
    await act(dasha, { type: 'signDeal', deal: 'd1' });

    // Erin, NASA's astronaut, drafts a better one: the editor says it replaces d1.
    await erin.getByTestId('channel-public').waitFor();
    await erin.getByTestId('new-draft').click();
    await erin.getByTestId('deal-type-select').click();
    await erin.getByRole('option', { name: /Memorandum on compatible docking/ }).click();
    const replaces = erin.getByTestId('deal-supersedes');
    await replaces.waitFor();
    expect(await replaces.inputValue()).toBe('d1 · NASA, Soviet Academy of Sciences');
    for (const option of ['Androgynous common system', '1975', 'Joint working groups', 'Joint live television']) await erin.getByLabel(option).check();
    await erin.getByTestId('deal-editor-submit').click();
    await erin.getByTestId('deal-editor').waitFor({ state: 'detached' });

    // The saved draft names d1, so proposing and signing it is not refused as a second deal.
    await chris.until(() => chris.view!.deals.some((d) => d.id === 'd2'));
    expect(chris.view!.deals.find((d) => d.id === 'd2')).toMatchObject({ status: 'draft', supersedes: 'd1', parties: ['nasa', 'soviet-academy'] });
    await act(chris, { type: 'proposeDeal', deal: 'd2' });
  });

  it('lets a government adopting a memorandum set the issues it leaves open', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url, 'freedom-to-iss');
    const { page: console } = await newPage(browser);
    await openConsole(console, server.url, session);
    const [nasa, rsa, russia] = await Promise.all([
      seated(server.url, session.sessionId, session.joinCode, 'Nadia', 'nasa'),
      seated(server.url, session.sessionId, session.joinCode, 'Roman', 'rsa'),
      seated(server.url, session.sessionId, session.joinCode, 'Ruslan', 'russian-gov'),
    ]);
    const { page: ada } = await newPage(browser);
    await joinAsStudent(ada, server.url, session.joinCode, 'Ada', { role: 'us-gov', seat: 'head' });
    await console.getByTestId('start-game').click();

    // The agencies sign a station memorandum; it says nothing about payment.
    await advancePhase(console, 'Track II talks');
    const memo = shipped('freedom-to-iss').dealTypes.find((d) => d.id === 'station-memorandum')!;
    const settled = Object.fromEntries(memo.issues.map((i) => [i.id, i.options[0].id]));
    await act(nasa, { type: 'draftDeal', dealType: 'station-memorandum', parties: ['nasa', 'rsa'], terms: settled });
    await act(nasa, { type: 'proposeDeal', deal: 'd1' });
    await act(rsa, { type: 'acceptDeal', deal: 'd1' });
    await act(nasa, { type: 'signDeal', deal: 'd1' });
    await act(rsa, { type: 'signDeal', deal: 'd1' });

    // The partnership opens with Clinton's 1993 redesign: Ada adopts it in round 2's track I,
    // for the U.S. government; its terms are fixed, payment is hers to set.
    for (const label of ['Track I negotiation', 'Signature and ratification', 'Resolution', 'Briefing and news', 'Track II talks', 'Track I negotiation']) await advancePhase(console, label);
    await console.getByText('Round 2 of').first().waitFor();
    await ada.getByTestId('deal-adopt').first().click();
    const editor = ada.getByTestId('deal-editor');
    await editor.waitFor();
    // A two-party agreement with one possible counterpart: the editor names Russia by itself.
    await editor.getByText('Russian government', { exact: true }).waitFor();
    await ada.getByLabel('Barter: hardware for crew time').check();
    await ada.getByTestId('deal-editor-submit').click();
    await editor.waitFor({ state: 'detached' });

    // Russia receives the proposal: the memorandum's terms, and Ada's payment.
    await russia.until(() => russia.view!.deals.some((d) => d.id === 'd2'));
    expect(russia.view!.deals.find((d) => d.id === 'd2')!.versions[0].terms).toEqual({ ...settled, payment: 'barter' });
  });
});
