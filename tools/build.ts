// `npm run build`: compiles the apps and libraries ahead of time into dist/, the tree the images and
// `npm start` run (tests and tools keep the on-load compiler, tools/run.js). swc does what the loader
// does (TypeScript with legacy decorators and their metadata, which Nest's dependency injection
// needs, to CommonJS) once instead of at every start, and rewrites the @ccsc/* path aliases to
// relative paths, so the output needs neither the loader nor tsconfig at run time. Type checking is
// `npm run typecheck`; the Dockerfile's builder runs both.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformFile, type Options } from '@swc/core';
import { REPO_ROOT } from './repo-root';

const ROOT = REPO_ROOT;
export const DIST = path.join(ROOT, 'dist');
/** What runs in production: the services, the gateway, the libraries, and the operations tools. */
const SOURCES = ['libs', 'services', 'gateway', 'tools'];
/** Tests, the test infrastructure, bench-only code and the build itself never ship. */
const EXCLUDED = [
  /\.(spec|int-spec|e2e-spec)\.ts$/,
  /\/test\//,
  /^libs\/testing\//,
  /^tools\/platform\/node-processes\.ts$/,
  /^tools\/build\.ts$/,
  /^tools\/strip-sources\.ts$/,
  /^tools\/compose-supergraph\.ts$/,
  // The API contract check and its release step are development tools, on development dependencies.
  /^tools\/contract\//,
  /^tools\/release-contract\.ts$/,
];
/** Files the code reads next to itself at run time (`__dirname`), copied as they are. */
// Files the compiled code reads beside itself: the supergraph, the fonts letters embed
// (libs/correspondence: PDF's own fonts cannot show Welsh's ŵ and ŷ), and every JSON file a service's
// code imports (its rule tables: task-rules.json, correspondence-rules.json), found rather than listed
// so that a new table cannot be forgotten.
const ASSETS = ['gateway/supergraph.graphql', 'libs/correspondence/src/render/fonts'];

function jsonUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((entry) => {
    const relative = path.join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return jsonUnder(relative);
    return relative.endsWith('.json') ? [relative] : [];
  });
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((entry) => {
    const relative = path.join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourcesUnder(relative);
    return relative.endsWith('.ts') && !relative.endsWith('.d.ts') && !EXCLUDED.some((re) => re.test(relative))
      ? [relative]
      : [];
  });
}

function swcOptions(): Options {
  const swcrc = JSON.parse(readFileSync(path.join(ROOT, '.swcrc'), 'utf8')) as Options;
  const { compilerOptions } = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return {
    ...swcrc,
    swcrc: false,
    // Stack traces point into dist/; the sources are not shipped, so no source maps either.
    sourceMaps: false,
    jsc: { ...swcrc.jsc, baseUrl: ROOT, paths: compilerOptions.paths },
  };
}

export async function build(outDir = DIST): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  const options = swcOptions();
  const files = SOURCES.flatMap(sourcesUnder);
  for (const file of files) {
    const { code } = await transformFile(path.join(ROOT, file), { ...options, filename: path.join(ROOT, file) });
    const target = path.join(outDir, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  for (const asset of [...ASSETS, ...jsonUnder('services').filter((f) => f.includes(`${path.sep}src${path.sep}`))])
    cpSync(path.join(ROOT, asset), path.join(outDir, asset), { recursive: true });
  return files.length;
}

// Run as a command (tools/run.js passes the entry as argv[1]), not when imported.
if (process.argv[1] === __filename) {
  const started = Date.now();
  build().then(
    (count) => console.log(`compiled ${count} files into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
