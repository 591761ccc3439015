// The public part of a session's scenario (labels of tracks, issues, options…), fetched once.
import { useEffect, useState } from 'react';
import type { PublicScenario } from '../../../shared/engine/view';
import { api } from '../api';

const cache = new Map<string, Promise<PublicScenario>>();

export function useScenario(scenarioId: string | undefined): PublicScenario | null {
  const [scenario, setScenario] = useState<PublicScenario | null>(null);
  useEffect(() => {
    if (!scenarioId) return;
    let live = true;
    if (!cache.has(scenarioId)) {
      const loading = api.scenario(scenarioId);
      loading.catch(() => cache.delete(scenarioId));
      cache.set(scenarioId, loading);
    }
    cache.get(scenarioId)!.then((s) => live && setScenario(s), () => undefined);
    return () => {
      live = false;
    };
  }, [scenarioId]);
  return scenario;
}
