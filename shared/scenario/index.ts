// The scenario format and its loader, as the server, client and tools use them.
export * from './schema';
export { loadScenario } from './load';
export type { LoadResult } from './load';
;
export { formatProblem,  } from './problems';
export type { Finding, PathKey, Problem } from './problems';
;
export { starterScenario } from './starter';
