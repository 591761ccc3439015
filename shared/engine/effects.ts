// Effects: what events, deals, statements and actions change. Every value is clamped to its bounds.
import type { Effect } from '../scenario/schema';
import { resolveRoles, type RoleContext } from './conditions';
import { addTimeline, clamp, put, type Work } from './work';

export function applyEffects(w: Work, effects: readonly Effect[], ctx: RoleContext): void {
  for (const effect of effects) applyEffect(w, effect, ctx);
}

function applyEffect(w: Work, effect: Effect, ctx: RoleContext): void {
  const { s, scenario, ix } = w;
  switch (effect.effect) {
    case 'track': {
      const def = ix.tracks.get(effect.track);
      if (!def) return;
      let value = effect.set ?? s.tracks[effect.track];
      if (effect.add !== undefined) value += effect.add;
      s.tracks = put(s.tracks, effect.track, clamp(value, def.min, def.max));
      return;
    }
    case 'trust': {
      // Ordered pairs, deduplicated: `@parties -> @parties, mutual` changes each direction once.
      const pairs = new Set<string>();
      for (const from of resolveRoles(effect.from, scenario, ctx))
        for (const to of resolveRoles(effect.to, scenario, ctx)) {
          if (from === to) continue;
          pairs.add(`${from}\n${to}`);
          if (effect.mutual !== false) pairs.add(`${to}\n${from}`);
        }
      if (pairs.size === 0) return;
      const trust = { ...s.trust };
      const { min, max } = scenario.trust;
      for (const pair of pairs) {
        const [from, to] = pair.split('\n');
        if (!trust[from]) continue;
        trust[from] = put(trust[from], to, clamp(trust[from][to] + effect.add, min, max));
      }
      s.trust = trust;
      return;
    }
    case 'resource': {
      const def = ix.resources.get(effect.resource);
      if (!def) return;
      const resources = { ...s.resources };
      for (const role of resolveRoles(effect.role, scenario, ctx)) {
        if (!resources[role]) continue;
        const value = resources[role][effect.resource] + effect.add;
        resources[role] = put(resources[role], effect.resource, clamp(value, def.min, def.max));
      }
      s.resources = resources;
      return;
    }
    case 'constraint':
      s.constraintFlags = put(s.constraintFlags, effect.constraint, effect.active);
      return;
    case 'unlockDealType': {
      if (s.unlockedDealTypes.includes(effect.dealType)) return;
      s.unlockedDealTypes = [...s.unlockedDealTypes, effect.dealType];
      addTimeline(w, { code: 'dealTypeOpened', params: { dealType: effect.dealType } });
      return;
    }
    case 'news':
      addTimeline(w, { code: 'newsPublished', params: { headline: effect.headline, text: effect.text ?? '' } });
      return;
  }
}
