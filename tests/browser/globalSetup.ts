// Runs once before the browser tests: they need a built client that matches the working tree
// (a clean clone has none). Building here, not in each test file, means one build per run.
import { ensureClientBuilt } from './harness';

export default function setup(): void {
  ensureClientBuilt();
}
