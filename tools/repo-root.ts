import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root (where package.json is), found from the running file: the same directory
 * whether the tools run from their sources (tools/run.js) or compiled (dist/tools, `npm start`).
 */
export const REPO_ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}
