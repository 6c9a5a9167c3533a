// The default run on a national book of fine accounts: generates the accounts in a database of its
// own, then times the run (one set-based statement through the service's own DefaultRun) and a
// second run on the same day, which must change nothing, and shows the run's EXPLAIN ANALYZE.
//
//   npm run bench -- enforcement-default-run
//   BENCH_ACCOUNTS=100000 npm run bench -- enforcement-default-run   a smaller, quicker run
//   BENCH_KEEP_DATABASE=1 ...                                        keeps the database for psql
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (bench/harness.ts).
import { DataSource } from 'typeorm';
import { DefaultRun } from '../services/enforcement/src/default-run/application/default-run.commands';
import { UnitOfWork } from '@ccsc/messaging';
import {
  DEFAULT_RUN_SQL,
  defaultRunParams,
  DefaultRunRepository,
} from '../services/enforcement/src/default-run/infrastructure/default-run.repository';
import { ENFORCEMENT_PATHS } from '../services/enforcement/src/default-run/domain/enforcement-paths';
import { seedAccountBook } from '../services/enforcement/test/account-book';
import { withServiceDatabase } from './harness';
import { markdownTable, type BenchSection } from './report';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
/** The run must finish within this on a million accounts (scaled for smaller books) on the 2-core CI machine. */
const BUDGET_MS_PER_MILLION = Number(process.env.BENCH_BUDGET_MS ?? 60_000);
const AS_OF = '2026-06-15';

export function run(): Promise<BenchSection> {
  return withServiceDatabase('enforcement', 4, (dataSource) => measure(dataSource));
}

async function measure(dataSource: DataSource): Promise<BenchSection> {
  let last = performance.now();
  const seedMs = await seedAccountBook(dataSource, ACCOUNTS, AS_OF, (done) => {
    const now = performance.now();
    console.log(
      `seeded ${done.toLocaleString('en-GB')} accounts (${Math.round(100_000 / ((now - last) / 1000)).toLocaleString('en-GB')} rows/s)`,
    );
    last = now;
  });
  const seedRate = Math.round(ACCOUNTS / (seedMs / 1000));
  console.log(
    `seeded ${ACCOUNTS.toLocaleString('en-GB')} accounts in ${(seedMs / 1000).toFixed(1)} s: ${seedRate.toLocaleString('en-GB')} rows/s`,
  );

  // EXPLAIN ANALYZE really runs the statement, so it runs in a transaction that is rolled back:
  // the timed run below starts from the same book.
  const runner = dataSource.createQueryRunner();
  let plan: string;
  try {
    await runner.startTransaction();
    const rows = (await runner.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${DEFAULT_RUN_SQL}`,
      defaultRunParams(AS_OF, ENFORCEMENT_PATHS, new Date()),
    )) as { 'QUERY PLAN': string }[];
    plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }

  const defaultRun = new DefaultRun(new UnitOfWork(dataSource), new DefaultRunRepository());
  const first = await defaultRun.run(AS_OF);
  const second = await defaultRun.run(AS_OF);
  const budgetMs = Math.round((BUDGET_MS_PER_MILLION * ACCOUNTS) / 1_000_000);
  const rate = (ms: number) => Math.round(ACCOUNTS / (Math.max(ms, 1) / 1000)).toLocaleString('en-GB');
  console.log(
    `default run: ${first.durationMs} ms for ${ACCOUNTS.toLocaleString('en-GB')} accounts (${rate(first.durationMs)} accounts/s); budget ${budgetMs} ms`,
  );
  console.log(
    `second run the same day: ${second.durationMs} ms, ${second.defaulted} defaulted, ${second.actions} actions`,
  );
  if (first.durationMs > budgetMs)
    throw new Error(`The default run took ${first.durationMs} ms, over its budget of ${budgetMs} ms`);
  if (second.defaulted !== 0 || second.actions !== 0)
    throw new Error('The second run on the same day changed something');

  return {
    title: `Default run on ${ACCOUNTS.toLocaleString('en-GB')} fine accounts`,
    markdown: [
      markdownTable(
        ['step', 'ms', 'accounts/s', 'defaulted', 'actions', 'warrants'],
        [
          ['seed the book', String(Math.round(seedMs)), seedRate.toLocaleString('en-GB'), '', '', ''],
          [
            'default run',
            String(first.durationMs),
            rate(first.durationMs),
            String(first.defaulted),
            String(first.actions),
            String(first.warrants),
          ],
          [
            'second run, same day',
            String(second.durationMs),
            rate(second.durationMs),
            String(second.defaulted),
            String(second.actions),
            String(second.warrants),
          ],
        ],
      ),
      '',
      `Budget: ${budgetMs} ms (${BUDGET_MS_PER_MILLION} ms per million accounts). The run is one statement plus its events in the same transaction.`,
      '',
      '```\n' + plan + '\n```',
    ].join('\n'),
  };
}
