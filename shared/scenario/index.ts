// The scenario format and its loader, as the server, client and tools use them.
export * from './schema';
export { loadScenario } from './load';
export type { LoadResult } from './load';
export { crossCheck, mayBeParty } from './crossref';
export { formatProblem, pathToString } from './problems';
export type { Finding, PathKey, Problem } from './problems';
export { scenarioJsonSchema } from './jsonSchema';
export { starterScenario } from './starter';
