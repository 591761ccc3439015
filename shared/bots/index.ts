// Bots: they fill empty seats in live sessions and play whole games in the balance simulator.
//
// The contract (kept stable for the server, which seats bots and drives them at human pace):
//
//   decideBotActions(view, scenario, { personality, rngState }) -> { actions, rngState }
//
// - `view` is `viewFor(state, scenario, { kind: 'seat', role, seat })` for the bot's own seat:
//   the bot sees exactly what a student in that seat sees, nothing of the GameState.
// - `scenario` is the public part of the scenario (`publicScenario(scenario)`, or the full
//   scenario, which has at least those fields; the bot reads only the public ones).
// - `personality`: 'cooperative' accepts anything that beats its walk-away and concedes quickly;
//   'hard-nosed' demands a margin above its walk-away, concedes slowly, may breach a bad deal.
// - `rngState`: the bot's own PRNG state, from `seedBotRng(seed)` the first time, then the one
//   returned by the previous call. Same view + scenario + options => same actions.
// - `actions` are PlayerActions to submit in order as the bot's seat, through the same
//   validation and engine as a human's. A draft's id is only known once the engine has created
//   it, so a bot drafts on one call and proposes on a later one: call it again after any change.
//   It returns `{ type: 'ready', ready: true }` when it has nothing left to do in the phase and
//   is not waiting on anyone, and an empty list when there is nothing to do at all.
// - One bot plays one seat; seat it where the role's powers are (the head of delegation).
import { seedRng, type RngState } from '../engine/rng';

export { decideBotActions, type BotDecision, type BotOptions, type Personality } from './decide';
export { valuationFor,  type Valuation } from './valuation';
export { simulate, type SimulationOptions, type SimulationReport } from './simulate';
export {
  BALANCE_BANDS,
  balanceFromGames,
  balanceReport,
  createBalanceRun,
  playBalanceGames,
  type BalanceGame,
  type BalanceOptions,
  type BalanceProgress,
  type BalanceReport,
  type BalanceRun,
  type TrackTwoFigures,
} from './balance';
export type { RngState };

/** A fresh PRNG state for one bot. */
export function seedBotRng(seed: number): RngState {
  return seedRng(seed);
}
