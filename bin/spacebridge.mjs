#!/usr/bin/env node
// The `spacebridge` command: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../server/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
