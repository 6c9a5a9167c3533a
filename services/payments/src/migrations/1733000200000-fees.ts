import { MigrationInterface, QueryRunner } from 'typeorm';
import { FEE_SEED } from './fee-seed';

export class Fees1733000200000 implements MigrationInterface {
  name = 'Fees1733000200000';

  async up(q: QueryRunner): Promise<void> {
    // Validity is half-open, [valid_from, valid_to): the day a new version starts, the old one no longer applies.
    await q.query(`
      CREATE TABLE fee_versions (
        code varchar(7) NOT NULL CHECK (code ~ '^FEE[0-9]{4}$'),
        version int NOT NULL CHECK (version > 0),
        description varchar(200) NOT NULL,
        service varchar(64) NOT NULL,
        jurisdiction varchar(64) NOT NULL,
        channel varchar(16) NOT NULL CHECK (channel IN ('online', 'bulk', 'default')),
        event varchar(16) NOT NULL,
        amount jsonb NOT NULL,
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to > valid_from),
        status varchar(16) NOT NULL CHECK (status IN ('pending-approval', 'approved', 'rejected')),
        proposed_by varchar(255) NOT NULL,
        approved_by varchar(255),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, version),
        CONSTRAINT fee_versions_second_person CHECK (status <> 'approved' OR approved_by IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX fee_versions_lookup ON fee_versions (service, jurisdiction, event, channel) WHERE status = 'approved'`,
    );
    for (const fee of FEE_SEED) {
      await q.query(
        `INSERT INTO fee_versions (code, version, description, service, jurisdiction, channel, event, amount, valid_from, valid_to, status, proposed_by, approved_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'approved', 'fees-register-import', 'fees-register-import')`,
        [
          fee.code,
          fee.version,
          fee.description,
          fee.service,
          fee.jurisdiction,
          fee.channel,
          fee.event,
          JSON.stringify(fee.amount),
          fee.validFrom,
          fee.validTo,
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE fee_versions');
  }
}
