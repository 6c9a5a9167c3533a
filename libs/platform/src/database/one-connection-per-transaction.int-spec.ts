import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@ccsc/testing';
import { toAppError } from '../errors/to-app-error';
import { serviceDataSourceOptions } from './data-source-options';
import { oneConnectionPerTransaction, SecondConnectionInTransactionError } from './one-connection-per-transaction';

const open = async (url: string, poolSize: number, acquireTimeoutMs?: number) =>
  oneConnectionPerTransaction(
    await new DataSource(
      serviceDataSourceOptions(url, { entities: [], migrations: [] }, poolSize, acquireTimeoutMs),
    ).initialize(),
  );

describe('one connection per transaction (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('one_connection', { entities: [], migrations: [] });
    dataSource = await open(database.url, 4);
    await dataSource.query('CREATE TABLE notes (id serial PRIMARY KEY, text varchar(20) NOT NULL)');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it("runs everything on the transaction's own manager, and commits", async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO notes (text) VALUES ('kept')`);
      // A transaction opened on the transaction's manager reuses its connection.
      await manager.transaction((same) => same.query(`INSERT INTO notes (text) VALUES ('nested')`));
    });
    const rows = (await dataSource.query(`SELECT text FROM notes ORDER BY id`)) as { text: string }[];
    expect(rows.map((r) => r.text)).toEqual(['kept', 'nested']);
  });

  it.each([
    ['dataSource.query', (ds: DataSource) => ds.query('SELECT 1')],
    ['dataSource.manager.query', (ds: DataSource) => ds.manager.query('SELECT 1')],
    ['a transaction of its own', (ds: DataSource) => ds.transaction((m) => m.query('SELECT 1'))],
    ['an isolation-level transaction', (ds: DataSource) => ds.transaction('SERIALIZABLE', (m) => m.query('SELECT 1'))],
  ])('refuses %s inside a transaction, and the transaction rolls back', async (_name, second) => {
    await dataSource.query('DELETE FROM notes');
    const attempt = dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO notes (text) VALUES ('lost')`);
      await second(dataSource);
    });
    await expect(attempt).rejects.toBeInstanceOf(SecondConnectionInTransactionError);
    expect(await dataSource.query('SELECT * FROM notes')).toEqual([]);
  });

  it('refuses the second connection even where the pool has one free (the hang would come only under load)', async () => {
    // Four connections, one in use: the old code got its second at once here and hung only when four ran together.
    await expect(dataSource.transaction(() => dataSource.query('SELECT 1'))).rejects.toThrow(
      /pass the transaction's manager/,
    );
  });

  it('leaves work the transaction started but did not wait for, once it has ended', async () => {
    let later: Promise<unknown> | undefined;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await dataSource.transaction(async () => {
      later = gate.then(() => dataSource.query('SELECT 1 AS one'));
    });
    release();
    await expect(later).resolves.toEqual([{ one: 1 }]);
  });

  it('leaves transactions side by side, and another data source, alone', async () => {
    const other = await open(database.url, 1);
    try {
      await Promise.all([
        dataSource.transaction((m) => m.query('SELECT pg_sleep(0.05)')),
        dataSource.transaction(async (m) => {
          await m.query('SELECT 1');
          // Another service's data source (five share one process in `npm start` and the tests).
          await other.query('SELECT 1');
        }),
      ]);
    } finally {
      await other.destroy();
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE, not a hang or a 500, when no connection comes within the acquire timeout', async () => {
    const small = await open(database.url, 1, 200);
    try {
      let release!: () => void;
      let holding!: () => void;
      const isHolding = new Promise<void>((resolve) => (holding = resolve));
      const held = small.transaction(async () => {
        holding();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await isHolding;
      const started = Date.now();
      const waited = await small.query('SELECT 1').catch((error: unknown) => error);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(toAppError(waited).code).toBe('SERVICE_UNAVAILABLE');
      release();
      await held;
      expect(await small.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await small.destroy();
    }
  });
});
