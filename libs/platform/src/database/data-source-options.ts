import type { DataSourceOptions } from 'typeorm';
import type { MixedList } from 'typeorm/common/MixedList';
import type { EntitySchema } from 'typeorm';

export interface ServiceDataSourceParts {
  // Entities and migrations are listed explicitly rather than globbed, so the same list works
  // under swc, jest and a bundled image.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * The one way a service connects: its own database, migrations only (never `synchronize`). A request
 * waits at most `acquireTimeoutMs` for a connection, then fails (503 at the edge) rather than queueing for ever.
 */
export function serviceDataSourceOptions(
  url: string,
  parts: ServiceDataSourceParts,
  poolSize = 10,
  acquireTimeoutMs = 10_000,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: acquireTimeoutMs, application_name: 'ccsc' },
  };
}

/** Replaces the database name of a PostgreSQL URL (one server, one database per service). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
