import { randomBytes } from 'node:crypto';
import { DataSource, type MigrationInterface } from 'typeorm';
import {
  dropDatabase,
  migrateDatabase,
  ServiceDataSourceParts,
  serviceDataSourceOptions,
  withDatabase,
} from '@ccsc/platform';
import { testEnv } from './test-env';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, with the service's migrations applied. Names always start
 * with `test_`, and nothing here will touch a database whose name does not.
 */
export async function createTestDatabase(service: string, parts: ServiceDataSourceParts): Promise<TestDatabase> {
  const server = testEnv().postgresUrl;
  const name = `test_${service}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server, name);
  await migrateDatabase(url, parts);
  return {
    url,
    drop: async () => {
      if (!name.startsWith('test_')) throw new Error(`Refusing to drop ${name}`);
      await dropDatabase(server, name);
    },
  };
}

/** One migration under test: a database migrated up to the one before it, for one test file. */
export interface MigrationUnderTest {
  /** Where the migration is in the service's list (a test expects it found). */
  at: number;
  /** A connection without migrations, or with those up to this one (so `undoLastMigration` undoes this one). */
  connect(migrate: boolean): Promise<DataSource>;
}

/**
 * Registers the hooks that make, then drop, a database migrated to just before the named migration: a
 * test writes rows as they were, runs the migration with `connect(true)`, and undoes it.
 */
export function migrationUnderTest(service: string, parts: ServiceDataSourceParts, name: string): MigrationUnderTest {
  const migrations = (parts.migrations ?? []) as (new () => MigrationInterface)[];
  const at = migrations.findIndex((m) => new m().name === name);
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(service, { entities: [], migrations: migrations.slice(0, at) });
  });
  afterAll(() => db?.drop());
  return {
    at,
    connect: (migrate) => {
      if (!db) throw new Error('The database is made in beforeAll');
      const upTo = migrate ? migrations.slice(0, at + 1) : [];
      return new DataSource(serviceDataSourceOptions(db.url, { entities: [], migrations: upTo }, 2)).initialize();
    },
  };
}
