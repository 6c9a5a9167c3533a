// The services' databases as the launcher, the benchmarks and the tools create them.
import { randomBytes } from 'node:crypto';
import type { ServiceName } from '@ccsc/contracts';
import { dropDatabase, migrateDatabase, withDatabase, type ServiceDataSourceParts } from '@ccsc/platform';

export interface PlatformDatabase {
  name: string;
  url: string;
  /** Drops a fresh database; leaves a service's own one alone. */
  drop(): Promise<void>;
}

/**
 * Each service's migrations, loaded only when asked for: a service whose code is broken at the moment
 * then fails only what starts it, not everything that imports the launcher (the batch benchmarks).
 */
const PARTS: Record<ServiceName, () => Promise<ServiceDataSourceParts>> = {
  cases: async () => (await import('../../services/cases/src/data-source')).casesDatabase,
  queries: async () => (await import('../../services/queries/src/data-source')).queriesDatabase,
  complaints: async () => (await import('../../services/complaints/src/data-source')).complaintsDatabase,
  payments: async () => (await import('../../services/payments/src/data-source')).paymentsDatabase,
  enforcement: async () => (await import('../../services/enforcement/src/data-source')).enforcementDatabase,
};

export const databaseParts = (service: ServiceName): Promise<ServiceDataSourceParts> => PARTS[service]();

/**
 * A new database `<prefix>_<service>_<random>` on the server with the service's migrations applied.
 * `drop` refuses any database not named with the prefix; `keep` leaves it for a look with psql.
 */
export async function freshDatabase(
  serverUrl: string,
  prefix: string,
  service: ServiceName,
  options: { keep?: boolean } = {},
): Promise<PlatformDatabase> {
  const name = `${prefix}_${service}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(serverUrl, name);
  await migrateDatabase(url, await databaseParts(service));
  return {
    name,
    url,
    drop: async () => {
      if (!name.startsWith(`${prefix}_`)) throw new Error(`Refusing to drop ${name}`);
      if (options.keep) return console.error(`kept ${url}`);
      await dropDatabase(serverUrl, name);
    },
  };
}

/** The service's own database at `url`, created if missing and migrated; it outlives the launch. */
export async function ownDatabase(url: string, service: ServiceName): Promise<PlatformDatabase> {
  await migrateDatabase(url, await databaseParts(service));
  return { name: decodeURIComponent(new URL(url).pathname.slice(1)), url, drop: async () => undefined };
}
