import { migrationUnderTest } from '@ccsc/testing';
import { enforcementDatabase } from '../src/data-source';

// The migration that spreads write-offs over impositions, run on an account written off before it.
describe('migration: write-offs approved before it are spread over the impositions', () => {
  const { at, connect } = migrationUnderTest(
    'enforcement_migration',
    enforcementDatabase,
    'ImpositionWriteOffs1733000400000',
  );

  it('forgives what payments would reach last, and leaves the impositions owing the balance', async () => {
    expect(at).toBeGreaterThan(0);
    const before = await connect(false);
    try {
      // 935.00 imposed, 100.00 paid towards compensation, 450.00 written off when the rule was "the account only".
      await before.query(
        `INSERT INTO fine_accounts (id, account_number, account_type, business_unit, enforcement_path, imposed_pence,
           paid_pence, written_off_pence, terms_kind, pay_by, opened_at)
         VALUES ('00000000-0000-4000-8000-0000000000a1', 'FA10000001M', 'standard', 'london', 'standard', 93500,
           10000, 45000, 'pay-by-date', '2026-01-31', now())`,
      );
      await before.query(
        `INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, paid_pence, imposed_at)
         SELECT gen_random_uuid(), '00000000-0000-4000-8000-0000000000a1', seq, kind, creditor, priority, amount, paid, now()
           FROM (VALUES (0, 'compensation', 'victim', 1, 30000, 10000), (1, 'victim-surcharge', 'central-funds', 2, 8500, 0),
                        (2, 'costs', 'cps', 3, 15000, 0), (3, 'fine', 'central-funds', 6, 40000, 0))
             AS v(seq, kind, creditor, priority, amount, paid)`,
      );
    } finally {
      await before.destroy();
    }

    const after = await connect(true);
    try {
      await after.runMigrations({ transaction: 'each' });
      const rows = (await after.query(
        `SELECT kind, written_off_pence::int AS w, (amount_pence - paid_pence - written_off_pence)::int AS owed
           FROM fine_impositions ORDER BY seq`,
      )) as { kind: string; w: number; owed: number }[];
      expect(rows).toEqual([
        { kind: 'compensation', w: 0, owed: 20_000 },
        { kind: 'victim-surcharge', w: 0, owed: 8_500 },
        { kind: 'costs', w: 5_000, owed: 10_000 },
        { kind: 'fine', w: 40_000, owed: 0 },
      ]);
      expect(rows.reduce((sum, r) => sum + r.owed, 0)).toBe(93_500 - 10_000 - 45_000);
    } finally {
      await after.destroy();
    }
  });
});
