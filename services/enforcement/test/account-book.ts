import type { DataSource } from 'typeorm';

/**
 * A generated book of fine accounts, for the default-run test and benchmark: every kind of terms,
 * most accounts paying on time, some a little or a lot behind, some in default already at each
 * step of their path, some on hold, a few partly written off, some with terms varied after a part
 * was paid. Made by PostgreSQL itself
 * (generate_series, seeded random()) so a million rows take seconds, not minutes. Account numbers
 * come from 50,000,001 up with their real check letter, clear of the service's own sequence.
 */
export const BOOK_SQL = `
INSERT INTO fine_accounts (id, account_number, account_type, business_unit, enforcement_path, imposed_pence, paid_pence, written_off_pence,
  terms_kind, pay_by, frequency, instalment_pence, first_instalment, lump_sum_pence, lump_sum_due,
  credited_before_terms_pence, defaulted_on, path_step, last_action, last_action_on, on_hold, opened_at)
SELECT gen_random_uuid(), number, account_type, 'BU-' || lpad((n % 40)::text, 2, '0'), path, imposed,
       LEAST(imposed - written_off, paid + before_terms), written_off,
       terms_kind, pay_by, frequency, instalment, first_instalment, lump, lump_due,
       before_terms, defaulted_on, path_step, last_action, last_action_on, on_hold, opened_at
FROM (
  SELECT g.*, CASE WHEN r7 < 0.03 THEN (imposed * 0.2)::bigint ELSE 0 END AS written_off,
         -- Some terms were varied after a third had been paid: they pay the rest, and so do their payments since.
         CASE WHEN r9 >= 0.5 AND r9 < 0.65 THEN (imposed * 0.3)::bigint ELSE 0 END AS before_terms,
         CASE WHEN terms_kind = 'pay-by-date' THEN CASE WHEN r5 < 0.8 THEN imposed WHEN r5 < 0.92 THEN (imposed * r6)::bigint ELSE 0 END
              ELSE GREATEST(0, COALESCE(CASE WHEN lump_due < $3::date THEN lump END, 0)
                   + instalment * (GREATEST(($3::date - first_instalment) / period_days + 1, 0) - floor(power(r5, 6) * 5)::int)) END AS paid,
         CASE WHEN r8 < 0.12 THEN $3::date - 30 - (r6 * 60)::int END AS defaulted_on,
         CASE WHEN r8 < 0.12 THEN floor(r9 * 2)::int END AS path_step,
         CASE WHEN r8 < 0.12 THEN CASE WHEN floor(r9 * 2)::int = 0 THEN first_step ELSE second_step END WHEN r8 < 0.14 THEN 'enforcement-hold' END AS last_action,
         CASE WHEN r8 < 0.14 THEN $3::date - (r7 * 40)::int END AS last_action_on,
         r8 >= 0.12 AND r8 < 0.14 AS on_hold
  FROM (
    SELECT n, r1, r5, r6, r7, r8, r9,
           'FA' || lpad(n::text, 8, '0') || substr('ABCDEFGHJKLMNPQRSTVWXYZ', (
              (n / 10000000 % 10) * 9 + (n / 1000000 % 10) * 8 + (n / 100000 % 10) * 7 + (n / 10000 % 10) * 6
            + (n / 1000 % 10) * 5 + (n / 100 % 10) * 4 + (n / 10 % 10) * 3 + (n % 10) * 2) % 23 + 1, 1) AS number,
           CASE WHEN r1 < 0.1 THEN 'fixed-penalty' WHEN r1 < 0.12 THEN 'confiscation-order' ELSE 'fine' END AS account_type,
           CASE WHEN r1 < 0.1 THEN 'fixed-penalty' WHEN r1 < 0.12 THEN 'confiscation' ELSE 'standard' END AS path,
           CASE WHEN r1 < 0.1 THEN 'registration' ELSE 'reminder' END AS first_step,
           CASE WHEN r1 < 0.1 THEN 'further-steps-notice' WHEN r1 < 0.12 THEN 'means-inquiry-summons' ELSE 'further-steps-notice' END AS second_step,
           5000 + (r2 * 200000)::bigint AS imposed,
           CASE WHEN r3 < 0.4 THEN 'pay-by-date' ELSE 'instalments' END AS terms_kind,
           CASE WHEN r3 < 0.4 THEN $3::date - 60 + (r4 * 120)::int END AS pay_by,
           CASE WHEN r3 >= 0.4 THEN CASE WHEN r4 < 0.5 THEN 'weekly' WHEN r4 < 0.7 THEN 'fortnightly' ELSE 'monthly' END END AS frequency,
           CASE WHEN r3 >= 0.4 THEN CASE WHEN r4 < 0.5 THEN 7 WHEN r4 < 0.7 THEN 14 ELSE 31 END END AS period_days,
           CASE WHEN r3 >= 0.4 THEN 500 + (r6 * 45)::int * 100 END AS instalment,
           CASE WHEN r3 >= 0.4 THEN $3::date - (r2 * 300)::int + 30 END AS first_instalment,
           CASE WHEN r3 >= 0.4 AND r9 < 0.2 THEN 2000 + (r7 * 10)::int * 500 END AS lump,
           CASE WHEN r3 >= 0.4 AND r9 < 0.2 THEN $3::date - (r2 * 300)::int + 20 END AS lump_due,
           $3::timestamptz - interval '400 days' * r2 AS opened_at
    FROM (SELECT n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9
            FROM generate_series($1::int, $2::int) n) raw
  ) g
) b`;

/** Seeds `count` accounts in chunks, calling `progress` after each; returns how long it took. */
export async function seedAccountBook(
  dataSource: DataSource,
  count: number,
  asOf: string,
  progress: (done: number) => void = () => undefined,
  chunk = 100_000,
): Promise<number> {
  const started = performance.now();
  // One connection: random() is seeded per session, so the same count gives the same book.
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`SELECT setseed(0.2026)`);
    for (let from = 0; from < count; from += chunk) {
      const to = Math.min(count, from + chunk);
      await runner.query(BOOK_SQL, [50_000_001 + from, 50_000_000 + to, asOf]);
      progress(to);
    }
    await runner.query('ANALYZE fine_accounts');
  } finally {
    await runner.release();
  }
  return performance.now() - started;
}
