#!/usr/bin/env node
// Builds the CLI and the server (server/cli/main.ts, which includes `serve`) into dist/ as
// JavaScript with esbuild, so `spacebridge` starts without transpiling TypeScript. Run by
// `npm run build:server` and by `prepare` (npm install/ci); bin/spacebridge.mjs rebuilds when
// dist/ is missing or older than its sources. Decisions: docs/performance.md, "CLI start-up".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
/** What the last build was made from: its start time and every file it read (paths from the root). */
const MANIFEST = path.join(DIST, 'build.json');
const ENTRY = path.join(DIST, 'cli.js');

/** True when dist/ holds a build and none of the files it was built from changed since. */
export function serverBuildIsFresh() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  } catch {
    return false;
  }
  if (!fs.existsSync(ENTRY)) return false;
  return manifest.inputs.every((file) => {
    const stat = fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs < manifest.startedAt;
  });
}

/**
 * Builds dist/. Options come from the tsconfig.json of each part (esbuild reads the nearest one
 * of each file and what it extends: path aliases, class fields), as `tsc` checks them. Packages
 * stay imports of node_modules (native better-sqlite3, Colyseus…), except zod and yaml. Each file
 * is written under a temporary name and renamed, the entry last: two builds at once (parallel
 * tests) or a CLI started meanwhile never read half a file. Throws after esbuild printed the errors.
 */
export async function buildServer() {
  const { build } = await import('esbuild');
  // Whole seconds: a source saved in the same second as a build counts as newer (coarse file times).
  const startedAt = Math.floor(Date.now() / 1000) * 1000;
  const result = await build({
    absWorkingDir: ROOT,
    // The studio's validator thread is a module of its own (server/studio/checker.ts loads it).
    entryPoints: { cli: 'server/cli/main.ts', 'studio-check': 'server/studio/checkWorker.ts' },
    outdir: DIST,
    // Chunks stay directly in dist/, one level below the root like server/*.ts, so
    // `import.meta.dirname/..` (server/config.ts) is the project root in both.
    chunkNames: '[name]-[hash]',
    bundle: true,
    // Each command is a dynamic import: `validate` loads neither the server nor its packages.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    // yaml is CommonJS: its require() of Node's modules needs a require in these ES modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'error',
  });

  checkBundledPackages(result.metafile);
  fs.mkdirSync(DIST, { recursive: true });
  const outputs = result.outputFiles.sort((a, b) => Number(a.path === ENTRY) - Number(b.path === ENTRY));
  for (const file of outputs) writeAtomically(file.path, file.contents);
  const inputs = [...Object.keys(result.metafile.inputs), ...configFiles(Object.keys(result.metafile.inputs))];
  writeAtomically(MANIFEST, `${JSON.stringify({ startedAt, inputs }, null, 2)}\n`);

  // Chunks of earlier builds (their names carry a content hash), once no CLI started just before
  // this build can still be about to import them.
  const keep = new Set([...outputs.map((f) => path.basename(f.path)), path.basename(MANIFEST)]);
  for (const name of fs.readdirSync(DIST)) {
    const file = path.join(DIST, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!keep.has(name) && stat && stat.mtimeMs < startedAt - 60_000) fs.rmSync(file, { force: true });
  }
}

/**
 * zod and yaml, which `validate` loads, are bundled too: read from one file instead of about 180
 * (zod with its locales, yaml's CommonJS modules) they start a quarter faster. Every other
 * package of package.json stays an import of node_modules (native better-sqlite3, Colyseus…).
 */
const BUNDLED_PACKAGES = ['zod', 'yaml'];

function externalPackages() {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return [...Object.keys(dependencies), ...Object.keys(devDependencies)]
    .filter((name) => !BUNDLED_PACKAGES.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/**
 * Packages not listed in package.json would be bundled (esbuild finds them in node_modules): only
 * BUNDLED_PACKAGES may be. A path alias no tsconfig.json names fails in esbuild (cannot resolve).
 */
function checkBundledPackages(metafile) {
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    const name = at >= 0 && packageName(input.slice(at + 'node_modules/'.length));
    if (name && !BUNDLED_PACKAGES.includes(name)) throw new Error(`the server imports ${name}, which package.json does not list`);
  }
}

function packageName(specifier) {
  return specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

/** The other files a build depends on: this script, package.json and every tsconfig on the way. */
function configFiles(inputs) {
  const files = new Set(['bin/build-server.mjs', 'package.json']);
  for (const name of fs.readdirSync(ROOT)) if (/^tsconfig.*\.json$/.test(name)) files.add(name);
  for (const input of inputs.filter((file) => !file.startsWith('node_modules/'))) {
    for (let dir = path.dirname(input); dir !== '.'; dir = path.dirname(dir)) {
      const tsconfig = path.join(dir, 'tsconfig.json');
      if (fs.existsSync(path.join(ROOT, tsconfig))) files.add(tsconfig);
    }
  }
  return [...files];
}

function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  try {
    await buildServer();
    console.log(`built the server and CLI into dist/ (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    if (!error.errors) console.error(`build:server: ${error.message}`); // esbuild printed its own
    process.exitCode = 1;
  }
}
