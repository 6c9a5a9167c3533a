import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeeWaivers1735000000000 implements MigrationInterface {
  name = 'FeeWaivers1735000000000';

  async up(q: QueryRunner): Promise<void> {
    // A complaint's fee waiver waits here for a second person; until then nothing is remitted.
    await q.query(`
      CREATE TABLE fee_waivers (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL,
        remedy_id uuid NOT NULL UNIQUE,
        case_id uuid NOT NULL,
        service_request_id uuid NOT NULL REFERENCES service_requests (id),
        fee_id uuid NOT NULL REFERENCES service_request_fees (id),
        fee_code varchar(7) NOT NULL,
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        status varchar(24) NOT NULL CHECK (status IN ('awaiting-approval', 'approved', 'rejected')),
        requested_by varchar(255) NOT NULL,
        decided_by varchar(255),
        remitted_pence bigint,
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        CONSTRAINT fee_waivers_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by)
      )`);
    await q.query(
      `CREATE INDEX fee_waivers_awaiting ON fee_waivers (created_at, id) WHERE status = 'awaiting-approval'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE fee_waivers');
  }
}
