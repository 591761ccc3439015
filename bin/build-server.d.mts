// Types of bin/build-server.mjs, for the TypeScript that calls it (tests/browser/globalSetup.ts).
/** True when dist/ holds a build and none of the files it was built from changed since. */
export function serverBuildIsFresh(): boolean;
/** Builds dist/ from server/cli/main.ts; throws after esbuild has printed the errors. */
export function buildServer(): Promise<void>;
