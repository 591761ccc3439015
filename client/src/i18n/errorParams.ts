// The server's refusals carry ids, never labels (docs/protocol.md, "Errors"): `{ role: 'nasa',
// dealType: 'science-accord' }`. Before a catalogue text is filled, each id becomes its label as
// this reader sees it, from the session's view and scenario (already in the reader's language), so
// a Russian student reads the deal's Russian name in a Russian sentence. An id with no label in
// reach (a made-up one the server echoes back) stays as it is.
import type { GameView, PublicScenario } from '@shared/engine/view';
import type { PresencePlayer } from '@shared/protocol/serverMessages';
import { channelName } from '../ui/wording';

/** What labels are read from: the session on screen. */
export interface LabelSource {
  view: GameView | null;
  scenario: PublicScenario | null;
  presence: readonly PresencePlayer[];
}

let source: LabelSource = { view: null, scenario: null, presence: [] };

/** The session screens call this as they render: later texts use its labels. */
export function setErrorLabels(next: LabelSource): void {
  source = next;
}

/** Params as the catalogue's errorText takes them (ErrorParams, or a client's own). */
type Params = Readonly<Record<string, string | number | boolean | readonly string[]>>;
type Lookup = (id: string, params: Params) => string | undefined;

const roleName: Lookup = (id) => source.view?.roles.find((r) => r.id === id)?.name ?? source.scenario?.roles.find((r) => r.id === id)?.name;
const dealTypeOf = (id: unknown) => source.scenario?.dealTypes.find((d) => d.id === id);

/** Param names whose values are ids of scenario things, and how to find each one's label. */
const LOOKUPS: Record<string, Lookup> = {
  role: roleName,
  other: roleName,
  author: roleName,
  seat: (id, p) => source.scenario?.roles.find((r) => r.id === p.role)?.seats.find((s) => s.id === id)?.title,
  seats: (id, p) => source.scenario?.roles.find((r) => r.id === p.role)?.seats.find((s) => s.id === id)?.title,
  dealType: (id) => dealTypeOf(id)?.label,
  issue: (id, p) => dealTypeOf(p.dealType)?.issues.find((i) => i.id === id)?.label,
  phase: (id) => source.scenario?.rounds.phases.find((ph) => ph.id === id)?.label,
  phases: (id) => source.scenario?.rounds.phases.find((ph) => ph.id === id)?.label,
  channel: (id) => {
    const channel = source.view?.channels.find((c) => c.id === id);
    return channel && channelName(channel, source.scenario);
  },
  constraint: (id) => source.view?.constraints.find((c) => c.id === id)?.label ?? source.scenario?.constraints.find((c) => c.id === id)?.label,
  action: (id) => source.scenario?.actions.find((a) => a.id === id)?.label,
  resource: (id) => source.scenario?.resources.find((r) => r.id === id)?.label,
  tone: (id) => source.scenario?.statements.find((s) => s.id === id)?.label,
  event: (id) => source.view?.facilitator?.injectable.find((e) => e.id === id)?.title,
  player: (id) => source.presence.find((p) => p.id === id)?.name,
};

/** The params with every id it knows replaced by its label (lists item by item). */
export function labelledParams(params: Params): Params {
  const out: Record<string, Params[string]> = {};
  for (const [key, value] of Object.entries(params)) {
    const lookup = Object.hasOwn(LOOKUPS, key) ? LOOKUPS[key] : undefined;
    if (!lookup) out[key] = value;
    else if (typeof value === 'string') out[key] = lookup(value, params) ?? value;
    else if (Array.isArray(value)) out[key] = value.map((id: string) => lookup(id, params) ?? id);
    else out[key] = value;
  }
  return out;
}
