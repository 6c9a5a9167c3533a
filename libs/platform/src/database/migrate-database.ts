import { DataSource } from 'typeorm';
import { ensureDatabase } from './create-database';
import { serviceDataSourceOptions, ServiceDataSourceParts } from './data-source-options';

/**
 * Creates the database of `url` if it is missing and applies the service's pending migrations: what
 * `npm run migrate`, the embedded start, the tests and the benchmarks all do before a service runs.
 * Returns the names of the migrations applied.
 */
export async function migrateDatabase(url: string, parts: ServiceDataSourceParts): Promise<string[]> {
  await ensureDatabase(url, decodeURIComponent(new URL(url).pathname.slice(1)));
  const dataSource = new DataSource(serviceDataSourceOptions(url, parts, 2));
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations()).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
