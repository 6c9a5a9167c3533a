import { migrationUnderTest } from '@ccsc/testing';
import { enforcementDatabase } from '../src/data-source';

// The migration that makes suspense a worklist, run on items suspended before it, and undone.
describe('migration: suspense items from before it become workable', () => {
  const { at, connect } = migrationUnderTest(
    'enforcement_suspense_migration',
    enforcementDatabase,
    'SuspenseWorkbench1733000500000',
  );

  it('gives each item an id, holds it, keeps where its money came from, and is undone by down', async () => {
    expect(at).toBeGreaterThan(0);
    const account = '00000000-0000-4000-8000-0000000000b1';
    const [overpaid, unknown, warrant] = [
      '00000000-0000-4000-8000-0000000000c1',
      '00000000-0000-4000-8000-0000000000c2',
      '00000000-0000-4000-8000-0000000000c3',
    ];
    const before = await connect(false);
    try {
      await before.query(
        `INSERT INTO fine_accounts (id, account_number, account_type, business_unit, enforcement_path, imposed_pence,
           paid_pence, terms_kind, pay_by, status, opened_at)
         VALUES ($1, 'FA10000001M', 'fine', 'national', 'standard', 10000, 10000, 'pay-by-date', '2026-01-31', 'paid', now())`,
        [account],
      );
      await before.query(
        `INSERT INTO enforcement_actions (id, account_id, action, taken_by, taken_at, taken_on)
         VALUES ('00000000-0000-4000-8000-0000000000d1', $1, 'warrant-of-control', 'officer', now(), '2026-01-10')`,
        [account],
      );
      await before.query(
        `INSERT INTO warrants (id, account_id, action_id, kind, status, agent, collected_pence, issued_on, expires_on, updated_at)
         VALUES ($1, $2, '00000000-0000-4000-8000-0000000000d1', 'warrant-of-control', 'executed', 'agency', 2000,
                 '2026-01-10', '2027-01-10', now())`,
        [warrant, account],
      );
      await before.query(
        `INSERT INTO fine_payments (application_id, payment_id, account_id, amount_pence, source, method, received_at, applied_at)
         VALUES ($1, $1, $2, 10000, 'payments', 'card', now(), now())`,
        [overpaid, account],
      );
      for (const [paymentId, reason] of [
        [overpaid, 'overpayment'],
        [unknown, 'not-found'],
        [warrant, 'zero-balance'],
      ])
        await before.query(
          `INSERT INTO suspense_payments (application_id, payment_id, account_number, amount_pence, reason, received_at, suspended_at)
           VALUES ($1, $1, 'FA10000001M', 500, $2, now(), now())`,
          [paymentId, reason],
        );
    } finally {
      await before.destroy();
    }

    const after = await connect(true);
    try {
      await after.runMigrations({ transaction: 'each' });
      const rows = (await after.query(
        `SELECT id, payment_id, state, source, method FROM suspense_payments ORDER BY payment_id`,
      )) as { id: string; payment_id: string; state: string; source: string; method: string | null }[];
      expect(rows.map(({ id: _id, ...rest }) => rest)).toEqual([
        { payment_id: overpaid, state: 'held', source: 'payments', method: 'card' },
        { payment_id: unknown, state: 'held', source: 'payments', method: null },
        { payment_id: warrant, state: 'held', source: 'warrant', method: 'enforcement-agent' },
      ]);
      // Ids of their own: none is a payment's or an allocation's, so none can collide with an application.
      const ids = rows.map((r) => r.id);
      expect(new Set(ids).size).toBe(3);
      expect(ids.filter((id) => [overpaid, unknown, warrant].includes(id))).toEqual([]);
      // New items name their own id and source: the defaults were for the rows already there.
      await expect(
        after.query(
          `INSERT INTO suspense_payments (application_id, payment_id, account_number, amount_pence, reason, received_at, suspended_at)
           VALUES (gen_random_uuid(), gen_random_uuid(), 'FA1', 1, 'not-found', now(), now())`,
        ),
      ).rejects.toThrow(/null value in column "id"/);

      await after.undoLastMigration({ transaction: 'each' });
      const columns = (await after.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'suspense_payments' ORDER BY column_name`,
      )) as { column_name: string }[];
      expect(columns.map((c) => c.column_name)).toEqual([
        'account_number',
        'amount_pence',
        'application_id',
        'payment_id',
        'reason',
        'received_at',
        'reversed_at',
        'suspended_at',
      ]);
    } finally {
      await after.destroy();
    }
  });
});
