import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { fineAccountRegisteredV1, FineAccountRegisteredV1, parseEnvelope } from '@ccsc/contracts';
import { migrationUnderTest } from '@ccsc/testing';
import { enforcementDatabase } from '../src/data-source';

// The accounts opened before payments kept a register of issued numbers are announced once by a migration.
describe('migration: the fine account numbers issued before payments kept a register are announced', () => {
  const { at, connect } = migrationUnderTest(
    'enforcement_number_register',
    enforcementDatabase,
    'RegisterFineAccountNumbers1733000700000',
  );

  it('puts one valid fine-account-registered event per existing account in the outbox, and down takes back the unsent', async () => {
    expect(at).toBeGreaterThan(0);
    const accounts = [
      ['00000000-0000-4000-8000-0000000000a1', 'FA10000001M'],
      ['00000000-0000-4000-8000-0000000000a2', 'FA10000002P'],
    ];
    const before = await connect(false);
    try {
      for (const [id, number] of accounts)
        await before.query(
          `INSERT INTO fine_accounts (id, account_number, account_type, business_unit, enforcement_path, imposed_pence,
             paid_pence, terms_kind, pay_by, status, opened_at)
           VALUES ($1, $2, 'fine', 'national', 'standard', 10000, 0, 'pay-by-date', '2026-01-31', 'live', now())`,
          [id, number],
        );
    } finally {
      await before.destroy();
    }

    const after = await connect(true);
    try {
      await after.runMigrations({ transaction: 'each' });
      const rows = (await after.query(
        `SELECT topic, message_key, type, envelope FROM outbox WHERE type = $1 ORDER BY message_key`,
        [fineAccountRegisteredV1.type],
      )) as { topic: string; message_key: string; type: string; envelope: Record<string, unknown> }[];
      expect(rows).toHaveLength(2);
      for (const [i, [id, number]] of accounts.entries()) {
        const { topic, message_key, envelope } = rows[i]!;
        expect({ topic, message_key }).toEqual({ topic: 'ccsc.enforcement.events', message_key: id });
        expect(envelope).toMatchObject({
          specversion: '1.0',
          source: 'enforcement',
          type: 'enforcement.fine-account-registered.v1',
          subject: id,
          data: { accountId: id, accountNumber: number },
        });
        // As a consumer reads it: a valid CloudEvents envelope, and data its schema accepts.
        expect(() => parseEnvelope(JSON.stringify(envelope))).not.toThrow();
        expect(await validate(plainToInstance(FineAccountRegisteredV1, envelope.data))).toEqual([]);
      }
      await after.undoLastMigration({ transaction: 'each' });
      expect(await after.query(`SELECT 1 FROM outbox WHERE type = $1`, [fineAccountRegisteredV1.type])).toEqual([]);
    } finally {
      await after.destroy();
    }
  });
});
