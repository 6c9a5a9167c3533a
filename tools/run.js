#!/usr/bin/env node
// Runs a TypeScript entry point without a build step: swc transpiles on load (with decorator
// metadata, which Nest's dependency injection needs) and tsconfig paths resolve the @ccsc/* libs.
// Type checking is `npm run typecheck`; this is only the loader.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run.js <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...rest];
require(path.resolve(entry));
