import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@ccsc/testing';
import { serviceDataSourceOptions } from '../database/data-source-options';
import { isDatabaseUnavailable, isUniqueViolation, toAppError } from './to-app-error';

// A deadlock is PostgreSQL ending one of two transactions that wait for each other: nothing of the loser
// was committed, and it succeeds when tried again. It is answered as a moment's unavailability, not a bug.
describe('database errors that are not bugs (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('deadlock', { entities: [], migrations: [] });
    dataSource = await new DataSource(
      serviceDataSourceOptions(database.url, { entities: [], migrations: [] }, 4),
    ).initialize();
    await dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await dataSource.query('INSERT INTO counters VALUES (1, 0), (2, 0)');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('is SERVICE_UNAVAILABLE for a request and a retry for a consumer, and the winner commits', async () => {
    let bothHoldOne!: () => void;
    const held = new Promise<void>((resolve) => {
      let count = 0;
      bothHoldOne = () => {
        if (++count === 2) resolve();
      };
    });
    // Each locks one row, then waits for the other's.
    const crosswise = (first: number, second: number) =>
      dataSource.transaction(async (manager) => {
        await manager.query('UPDATE counters SET n = n + 1 WHERE id = $1', [first]);
        bothHoldOne();
        await held;
        await manager.query('UPDATE counters SET n = n + 1 WHERE id = $1', [second]);
      });
    const outcomes = await Promise.allSettled([crosswise(1, 2), crosswise(2, 1)]);
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failed).toHaveLength(1);
    const loser = failed[0]!.reason as { driverError?: { code?: string } };
    expect(loser.driverError?.code).toBe('40P01');
    expect(isDatabaseUnavailable(loser)).toBe(true);
    // Said as it is: the database answered, and the request met another (not "cannot reach its database").
    expect(toAppError(loser)).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/^The request met another changing the same records/),
    });
    // Only the winner's two increments are there.
    const rows = (await dataSource.query('SELECT sum(n)::int AS total FROM counters')) as [{ total: number }];
    expect(rows[0].total).toBe(2);
  });

  // A check-then-insert that lost a race: a conflict (409), saying nothing of the key's values.
  it('answers a unique violation as CONFLICT without the values of the key', async () => {
    await dataSource.query('CREATE TABLE accounts (number text PRIMARY KEY)');
    await dataSource.query(`INSERT INTO accounts VALUES ('PBA0012345')`);
    const error = await dataSource.query(`INSERT INTO accounts VALUES ('PBA0012345')`).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const answered = toAppError(error);
    expect(answered).toMatchObject({ code: 'CONFLICT' });
    expect(answered.message).not.toContain('PBA0012345');
    expect(isUniqueViolation(new Error('something else'))).toBe(false);
  });
});
