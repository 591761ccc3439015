// The debrief's deals against the space of possible agreements, computed in the browser from
// what the revealed view already holds: every role's point tables arrive only with `debrief`,
// after the facilitator reveals or the game ends, so nothing secret is needed before then.
import { placeDeals, type DealInSpace } from '@shared/analysis';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { formatNumber, list, t } from '../../i18n';
import { roleName } from '../../ui/names';

/** Every agreed deal this viewer can see, placed; empty before the reveal. */
export function dealsInSpace(view: GameView, scenario: PublicScenario | null): DealInSpace[] {
  if (!view.debrief || !scenario) return [];
  return placeDeals({ dealTypes: scenario.dealTypes, roles: view.debrief.roles }, view.deals);
}

/** "1 of 27 possible agreements; 6 meet every walk-away" */
export function spaceSummary(p: DealInSpace): string {
  return t.debrief.spaceCounts({ total: p.combinations, consensus: p.consensus });
}

/** "3 Pareto-better agreements" or that it is Pareto-efficient. */
export function paretoSummary(p: DealInSpace): string {
  return p.paretoEfficient ? t.debrief.paretoEfficient : t.debrief.paretoBetter({ n: p.paretoBetterCount });
}

/** "NASA 12, Soviet Academy of Sciences 11" */
export function valuesText(view: GameView, values: Record<string, number>): string {
  return list(Object.entries(values).map(([role, points]) => `${roleName(view, role)} ${formatNumber(points)}`));
}
