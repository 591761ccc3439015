#!/usr/bin/env node
// Run by `prepare` (npm install/ci): links node_modules/.bin/spacebridge to bin/spacebridge.mjs, as
// npm does for a dependency's command. `npx spacebridge` then runs it straight away. package.json
// has no "bin" field on purpose: npm 11 would install the project into its npx cache and read the
// whole node_modules tree twice on every call, about 1 s before the command even starts
// (docs/performance.md, "CLI start-up").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
const link = path.join(binDir, 'spacebridge');
const target = path.relative(binDir, path.join(root, 'bin', 'spacebridge.mjs'));

fs.mkdirSync(binDir, { recursive: true });
if (currentTarget() !== target) {
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
}

function currentTarget() {
  try {
    return fs.readlinkSync(link);
  } catch {
    return undefined;
  }
}
