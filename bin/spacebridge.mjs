#!/usr/bin/env node
// The `spacebridge` command: runs the CLI compiled into dist/ (see bin/build-server.mjs). When
// dist/ is missing or older than its sources (a fresh clone, a `git pull`, an edit) it is rebuilt
// first, silently: esbuild takes about half a second and builds what `npm run build:server` does.
import module from 'node:module';

// Node 22+ keeps the compiled code of dist/ and the packages between runs (Node 20 has no such cache).
module.enableCompileCache?.();
const { buildServer, serverBuildIsFresh } = await import('./build-server.mjs');
if (!serverBuildIsFresh()) {
  try {
    await buildServer();
  } catch (error) {
    if (!error.errors) process.stderr.write(`${error.message}\n`); // esbuild printed its own
    process.stderr.write('spacebridge: could not build dist/ from the TypeScript sources (errors above)\n');
    process.exit(1);
  }
}
// The server's stack traces (in its logs) name the TypeScript sources; the short commands skip
// reading the source maps, which would cost `validate` a sixth of its time.
if (process.argv[2] === 'serve') process.setSourceMapsEnabled(true);
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
