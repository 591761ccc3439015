// Runs once before the browser tests: they need a built client that matches the working tree
// (a clean clone has none), and the server's dist/ (bin/spacebridge.mjs would build it at the
// first server start otherwise). Building here, not in each test file, means one build per run.
import { buildServer, serverBuildIsFresh } from '../../bin/build-server.mjs';
import { ensureClientBuilt } from './harness';

export default async function setup(): Promise<void> {
  ensureClientBuilt();
  if (!serverBuildIsFresh()) await buildServer();
}
