// `node tools/run.js tools/strip-sources.ts [dir]`: the JavaScript the images run, without its comments and
// indentation (issue 18). V8 keeps the source text of every module it loads for as long as the process lives (it
// compiles functions lazily from it): about 15 MB of text in an idle service, a third of it comments and
// indentation, and some files held as two-byte strings only because a comment has a non-Latin-1 character.
// Every token is kept byte for byte (names, strings, regular expressions, templates); only the space between
// tokens changes: nothing, one space, or one line break where there was one (so automatic semicolon insertion
// reads the code as before). Nothing is renamed or reordered, so stack traces keep their function names (their
// line and column numbers change), and CommonJS exports are found as before (checked file by file).
//
// Without an argument: in place, in dist/ and every production dependency (the Dockerfile's build stage, before
// `npm prune`, which removes this tool's own dependencies). With a directory: writes stripped copies of dist/'s
// dependencies into <dir>/node_modules (other files hard-linked), so that the compiled apps in <dir> run what the
// images run (bench/harness.ts's compiledApps).
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parse, tokTypes, type Token } from 'acorn';
import { parse as cjsExports } from 'cjs-module-lexer';
import { REPO_ROOT } from './repo-root';

/** Served to browsers as they are (the gateway's explorer and API reference pages), never loaded by node. */
const BROWSER_ASSETS = ['swagger-ui-dist', '@graphql-yoga/render-graphiql'];
const SCRIPT = /\.(c|m)?js$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The source without comments or indentation; every token as it was. Throws when acorn cannot parse it. */
export function stripSource(source: string, sourceType: 'module' | 'script'): string {
  const tokens: Token[] = [];
  parse(source, {
    ecmaVersion: 'latest',
    sourceType,
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: sourceType === 'module',
    onToken: tokens,
  });
  const parts: string[] = [];
  let last = 0;
  if (source.startsWith('#!')) {
    last = source.indexOf('\n') + 1;
    parts.push(source.slice(0, last));
  }
  for (const token of tokens) {
    if (token.type === tokTypes.eof) break;
    if (token.start > last && parts.length > 0)
      parts.push(LINE_BREAK.test(source.slice(last, token.start)) ? '\n' : ' ');
    parts.push(source.slice(token.start, token.end));
    last = token.end;
  }
  return parts.join('');
}

/** How node loads a file: by its extension, else by the `type` of the nearest package.json. */
function moduleTypes(): (file: string) => 'module' | 'script' {
  const byDir = new Map<string, 'module' | 'script'>();
  const ofDir = (dir: string): 'module' | 'script' => {
    const known = byDir.get(dir);
    if (known) return known;
    const manifest = path.join(dir, 'package.json');
    let type: 'module' | 'script';
    if (existsSync(manifest)) {
      try {
        type =
          (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module' ? 'module' : 'script';
      } catch {
        type = 'script';
      }
    } else type = path.dirname(dir) === dir ? 'script' : ofDir(path.dirname(dir));
    byDir.set(dir, type);
    return type;
  };
  return (file) => (file.endsWith('.mjs') ? 'module' : file.endsWith('.cjs') ? 'script' : ofDir(path.dirname(file)));
}

/** The stripped text of one file, or undefined to keep it as it is (it does not parse, or its CommonJS exports would read differently). */
function stripped(file: string, typeOf: (file: string) => 'module' | 'script'): string | undefined {
  const source = readFileSync(file, 'utf8');
  const type = typeOf(file);
  let out: string;
  try {
    out = stripSource(source, type);
  } catch {
    return undefined;
  }
  if (out.length >= source.length) return undefined;
  if (type === 'script') {
    try {
      if (JSON.stringify(cjsExports(source)) !== JSON.stringify(cjsExports(out))) return undefined;
    } catch {
      return undefined;
    }
  }
  return out;
}

/** Every file under a directory, not descending into nested node_modules (npm lists those packages on their own). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}

/** The installed production dependencies' directories (what `npm prune --omit=dev` keeps). */
function productionPackages(root: string): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const nodeModules = path.join(root, 'node_modules') + path.sep;
  return [...new Set(out.split('\n').filter((line) => line.startsWith(nodeModules)))].filter(
    (dir) => !BROWSER_ASSETS.some((name) => dir === nodeModules + name),
  );
}

export interface StripReport {
  files: number;
  strippedFiles: number;
  bytesBefore: number;
  bytesAfter: number;
}

/**
 * Strips dist/ (or `distDir`) and the production dependencies: in place, or (with `into`) into stripped copies
 * under `into/node_modules`, every other file hard-linked (copied across file systems).
 */
export function stripSources(options: { root?: string; distDir?: string; into?: string } = {}): StripReport {
  const root = options.root ?? REPO_ROOT;
  const typeOf = moduleTypes();
  const report: StripReport = { files: 0, strippedFiles: 0, bytesBefore: 0, bytesAfter: 0 };
  const nodeModules = path.join(root, 'node_modules');
  const targetOf = (file: string) =>
    options.into ? path.join(options.into, 'node_modules', path.relative(nodeModules, file)) : file;
  const asItIs = (file: string, target: string) => {
    if (target === file) return;
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(file, target);
    } catch {
      copyFileSync(file, target);
    }
  };
  const one = (file: string, target: string) => {
    if (SCRIPT.test(file)) {
      report.files++;
      const out = stripped(file, typeOf);
      report.bytesBefore += statSync(file).size;
      if (out !== undefined) {
        report.strippedFiles++;
        report.bytesAfter += Buffer.byteLength(out);
        if (target !== file) mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, out);
        return;
      }
      report.bytesAfter += statSync(file).size;
    }
    asItIs(file, target);
  };
  const packages = productionPackages(root);
  for (const dir of packages) for (const file of filesUnder(dir)) one(file, targetOf(file));
  if (options.into)
    // The browser assets' packages as they are, beside the stripped ones.
    for (const name of BROWSER_ASSETS) {
      const dir = path.join(nodeModules, name);
      if (existsSync(dir)) for (const file of filesUnder(dir)) asItIs(file, targetOf(file));
    }
  for (const file of filesUnder(options.distDir ?? path.join(root, 'dist'))) one(file, file);
  return report;
}

if (require.main === module) {
  const into = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const started = Date.now();
  const report = stripSources(into ? { into, distDir: into } : {});
  console.log(
    `stripped ${report.strippedFiles} of ${report.files} scripts: ${(report.bytesBefore / 2 ** 20).toFixed(1)} -> ` +
      `${(report.bytesAfter / 2 ** 20).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
