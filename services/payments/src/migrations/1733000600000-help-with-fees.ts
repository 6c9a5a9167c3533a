import { MigrationInterface, QueryRunner } from 'typeorm';

export class HelpWithFees1733000600000 implements MigrationInterface {
  name = 'HelpWithFees1733000600000';

  async up(q: QueryRunner): Promise<void> {
    // The applicant's figures are kept as assessed, for the evidence check and for audit; they never leave this table.
    await q.query(`
      CREATE TABLE hwf_applications (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        service_request_id uuid NOT NULL REFERENCES service_requests (id),
        fee_id uuid NOT NULL REFERENCES service_request_fees (id),
        fee_code varchar(7) NOT NULL,
        applicant jsonb NOT NULL,
        outcome varchar(8) NOT NULL CHECK (outcome IN ('full', 'part', 'none')),
        fee_pence bigint NOT NULL,
        contribution_pence bigint NOT NULL,
        remitted_pence bigint NOT NULL,
        reason varchar(32) NOT NULL,
        status varchar(24) NOT NULL CHECK (status IN ('decided', 'awaiting-evidence', 'evidence-failed')),
        applied_by varchar(255) NOT NULL,
        checked_by varchar(255),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT hwf_checker_is_not_applicant CHECK (checked_by IS NULL OR checked_by <> applied_by)
      )`);
    // One live application per fee: a second is refused while the first is pending or granted.
    await q.query(
      `CREATE UNIQUE INDEX hwf_applications_fee ON hwf_applications (fee_id) WHERE status <> 'evidence-failed'`,
    );
    await q.query(
      `CREATE INDEX hwf_applications_awaiting ON hwf_applications (created_at, id) WHERE status = 'awaiting-evidence'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE hwf_applications');
  }
}
