// Labels for ids, from the view and the public scenario.
import type { GameView, PublicScenario } from '@shared/engine/view';

export function roleName(view: GameView, role: string | null | undefined): string {
  if (!role) return '';
  return view.roles.find((r) => r.id === role)?.name ?? role;
}

export function seatTitle(view: GameView, role: string, seat: string): string {
  return view.seats.find((s) => s.role === role && s.seat === seat)?.title ?? seat;
}

export function dealTypeOf(scenario: PublicScenario | null, id: string) {
  return scenario?.dealTypes.find((d) => d.id === id);
}

export function resourceLabel(scenario: PublicScenario | null, id: string): string {
  return scenario?.resources.find((r) => r.id === id)?.label ?? id;
}
