// The payments ledger at the scale of a year's takings: seeds a year of payments (each received
// and allocated: four entries) in a database of its own, then times what runs against it every
// day: recording movements (with the balance check at commit), the balances of a page of service
// requests, and the daily reconciliation, whose plan it shows.
//
//   npm run bench -- payments-ledger
//   BENCH_PAYMENTS=50000 npm run bench -- payments-ledger   a smaller, quicker run
//   BENCH_KEEP_DATABASE=1 ...                               keeps the database for psql
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (bench/harness.ts).
import { DataSource } from 'typeorm';
import { ledgerAccount, transfer } from '../services/payments/src/ledger/domain/ledger';
import { LedgerRepository } from '../services/payments/src/ledger/infrastructure/ledger.repository';
import { LedgerQueries } from '../services/payments/src/ledger/application/ledger.queries';
import { withServiceDatabase } from './harness';
import { markdownTable, type BenchSection } from './report';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 250_000);
const SERVICE_REQUESTS = Math.max(50, Math.round(PAYMENTS / 5));
const DAY = '2026-06-15';
/** Budgets on the 2-core CI machine, whatever the size of the ledger: these are index lookups and one day's range. */
const BUDGET = { recordMs: 3_000, balancesMs: 100, reconciliationMs: 3_000 };

export function run(): Promise<BenchSection> {
  return withServiceDatabase('payments', 4, (dataSource) => measure(dataSource));
}

/** A year of payments spread evenly, each received (cash side against the payment) and allocated (payment against a service request). */
async function seed(dataSource: DataSource): Promise<number> {
  const started = performance.now();
  // The seed balances by construction; checking it entry by entry would time the seed, not the ledger.
  await dataSource.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_transaction_balanced');
  await dataSource.query(
    `INSERT INTO ledger_entries (transaction_id, account, kind, amount_pence, method, business_area, payment_id, recorded_by, occurred_at)
     SELECT CASE WHEN e.n <= 2 THEN p.received ELSE p.allocated END,
            CASE e.n WHEN 1 THEN 'cash:' || p.method WHEN 2 THEN 'payment:' || p.id WHEN 3 THEN 'payment:' || p.id ELSE 'service-request:' || p.sr END,
            CASE WHEN e.n <= 2 THEN 'payment-received' ELSE 'allocation' END,
            CASE e.n WHEN 1 THEN p.amount WHEN 2 THEN -p.amount WHEN 3 THEN p.amount ELSE -p.amount END,
            p.method, CASE WHEN e.n > 2 THEN (ARRAY['civil', 'family', 'probate', 'tribunal'])[1 + p.i % 4] END, p.id, 'bench', p.at
     FROM (
       SELECT i, gen_random_uuid() AS id, gen_random_uuid() AS received, gen_random_uuid() AS allocated,
              (ARRAY['card', 'payment-by-account', 'cheque', 'postal-order', 'cash', 'bank-transfer'])[1 + i % 6] AS method,
              1000 + (i * 7919) % 500000 AS amount, md5((i % $2)::text)::uuid AS sr,
              timestamptz '2026-01-01' + (i::double precision / $1) * interval '365 days' AS at
       FROM generate_series(1, $1) AS i
     ) p CROSS JOIN generate_series(1, 4) AS e(n)`,
    [PAYMENTS, SERVICE_REQUESTS],
  );
  await dataSource.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_transaction_balanced');
  await dataSource.query('ANALYZE ledger_entries');
  return performance.now() - started;
}

async function measure(dataSource: DataSource): Promise<BenchSection> {
  const seedMs = await seed(dataSource);
  const entries = PAYMENTS * 4;
  console.log(`seeded ${entries.toLocaleString('en-GB')} ledger entries in ${(seedMs / 1000).toFixed(1)} s`);
  const ledger = new LedgerRepository();

  const movements = Array.from({ length: 1_000 }, (_, i) =>
    transfer(
      'payment-received',
      ledgerAccount.payment(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
      ledgerAccount.cash('card'),
      100 + i,
      { method: 'card' },
    ),
  );
  let started = performance.now();
  await dataSource.transaction((manager) => ledger.record(manager, movements, 'bench', new Date(`${DAY}T12:00:00Z`)));
  const recordMs = performance.now() - started;

  const accounts = (await dataSource.query(
    `SELECT DISTINCT account FROM ledger_entries WHERE account LIKE 'service-request:%' LIMIT 50`,
  )) as { account: string }[];
  const rounds = 20;
  started = performance.now();
  for (let i = 0; i < rounds; i++)
    await ledger.balances(
      dataSource.manager,
      accounts.map((a) => a.account),
    );
  const balancesMs = (performance.now() - started) / rounds;

  const reconciliation = new LedgerQueries(dataSource, new LedgerRepository());
  await reconciliation.report(DAY);
  started = performance.now();
  const report = await reconciliation.report(DAY);
  const reconciliationMs = performance.now() - started;
  const plan = (
    (await dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT method, sum(amount_pence), count(*) FROM ledger_entries
     WHERE occurred_at >= $1 AND occurred_at < $2 AND (account LIKE 'cash:%' OR account LIKE 'firm-account:%') GROUP BY method`,
      [`${DAY}T00:00:00+01:00`, '2026-06-16T00:00:00+01:00'],
    )) as { 'QUERY PLAN': string }[]
  )
    .map((r) => r['QUERY PLAN'])
    .join('\n');

  console.log(
    `record 1,000 movements: ${Math.round(recordMs)} ms; 50 balances: ${balancesMs.toFixed(1)} ms; reconciliation of ${DAY}: ${Math.round(reconciliationMs)} ms`,
  );
  const over = [
    recordMs > BUDGET.recordMs && `recording took ${Math.round(recordMs)} ms (budget ${BUDGET.recordMs})`,
    balancesMs > BUDGET.balancesMs && `balances took ${balancesMs.toFixed(1)} ms (budget ${BUDGET.balancesMs})`,
    reconciliationMs > BUDGET.reconciliationMs &&
      `the reconciliation took ${Math.round(reconciliationMs)} ms (budget ${BUDGET.reconciliationMs})`,
  ].filter(Boolean);
  if (over.length) throw new Error(`Over budget: ${over.join('; ')}`);
  const dayEntries = report.byMethod.reduce((sum, line) => sum + line.entries, 0);

  return {
    title: `Payments ledger with ${entries.toLocaleString('en-GB')} entries (${PAYMENTS.toLocaleString('en-GB')} payments over a year)`,
    markdown: [
      markdownTable(
        ['step', 'ms', 'budget ms'],
        [
          ['seed (balance check off)', String(Math.round(seedMs)), ''],
          [
            'record 1,000 movements in one transaction, checked at commit',
            String(Math.round(recordMs)),
            String(BUDGET.recordMs),
          ],
          ['balances of 50 service requests (mean of 20)', balancesMs.toFixed(1), String(BUDGET.balancesMs)],
          [
            `daily reconciliation (${dayEntries.toLocaleString('en-GB')} takings entries that day)`,
            String(Math.round(reconciliationMs)),
            String(BUDGET.reconciliationMs),
          ],
        ],
      ),
      '',
      '```\n' + plan + '\n```',
    ].join('\n'),
  };
}
