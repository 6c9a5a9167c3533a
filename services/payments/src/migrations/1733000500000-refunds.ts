import { MigrationInterface, QueryRunner } from 'typeorm';

export class Refunds1733000500000 implements MigrationInterface {
  name = 'Refunds1733000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refunds (
        id uuid PRIMARY KEY,
        kind varchar(24) NOT NULL CHECK (kind IN ('refund', 'consolatory-payment')),
        case_id uuid,
        service_request_id uuid REFERENCES service_requests (id),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        reason varchar(32) NOT NULL,
        status varchar(24) NOT NULL CHECK (status IN ('awaiting-approval', 'returned-for-update', 'approved', 'rejected', 'paid')),
        requested_by varchar(255) NOT NULL,
        decided_by varchar(255),
        note varchar(500),
        complaint_id uuid,
        remedy_id uuid UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT refunds_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
        CONSTRAINT refunds_case_for_refund CHECK (kind <> 'refund' OR service_request_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX refunds_service_request ON refunds (service_request_id)`);
    await q.query(`CREATE INDEX refunds_awaiting ON refunds (created_at, id) WHERE status = 'awaiting-approval'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE refunds');
  }
}
