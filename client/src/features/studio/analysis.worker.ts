// The studio's analysis, off the page's thread: the agreement space of every deal type
// (shared/analysis, as `spacebridge analyze`) and the balance report of all-bot games
// (shared/bots/balance, as `spacebridge balance`), with progress after every few games. The page
// cancels a run by terminating the worker. The scenario is checked again here with the same
// loader, from the text the page sends.
import { analyzeAgreementSpace } from '@shared/analysis/agreementSpace';
import { BALANCE_BANDS, createBalanceRun } from '@shared/bots/balance';
import { loadScenario } from '@shared/scenario/load';
import type { FromWorker, ToWorker } from './analysisMessages';

/** Games played between two progress messages: small enough for a smooth bar. */
const GAMES_PER_STEP = 2;

const post = (message: FromWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { text, file, games, seed } = event.data;
  const loaded = loadScenario(text, file);
  if (!loaded.ok) {
    post({ type: 'error', message: `${loaded.problems.length} problem(s) in the scenario` });
    return;
  }
  const scenario = loaded.scenario;
  post({ type: 'space', report: analyzeAgreementSpace(scenario) });
  const run = createBalanceRun(scenario, { games, seed });
  let progress = run.progress();
  post({ type: 'progress', ...progress });
  while (progress.done < progress.total) {
    progress = run.step(GAMES_PER_STEP);
    post({ type: 'progress', ...progress });
  }
  post({ type: 'balance', report: run.result(), surplusBand: BALANCE_BANDS.surplusRate });
};
