// What the viewer's seat may do, from its powers (the server decides; this only guides the UI).
import type { Deal } from '../../../../shared/engine/types';
import type { GameView } from '../../../../shared/engine/view';

export function myPowers(view: GameView): string[] {
  const me = view.me;
  if (!me) return [];
  return view.seats.find((s) => s.role === me.role.id && s.seat === me.seat)?.powers ?? [];
}

export function hasPower(view: GameView, power: string): boolean {
  return myPowers(view).includes(power);
}

export function isParty(view: GameView, deal: Deal): boolean {
  return !!view.me && deal.parties.includes(view.me.role.id);
}

export function phaseAllows(view: GameView, move: string): boolean {
  return view.status === 'running' && !!view.phase?.allows.includes(move);
}
