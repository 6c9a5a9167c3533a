import { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceRequests1733000300000 implements MigrationInterface {
  name = 'ServiceRequests1733000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_requests (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL UNIQUE,
        disputed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL
      )`);
    // `settled` is what cases has been told; the ledger decides what is actually settled.
    await q.query(`
      CREATE TABLE service_request_fees (
        id uuid PRIMARY KEY,
        service_request_id uuid NOT NULL REFERENCES service_requests (id),
        code varchar(7) NOT NULL,
        version int NOT NULL,
        amount_pence bigint NOT NULL CHECK (amount_pence >= 0),
        pricing_basis varchar(16) NOT NULL CHECK (pricing_basis IN ('fixed', 'claim-amount', 'minimum')),
        case_event varchar(64),
        remitted_pence bigint NOT NULL DEFAULT 0 CHECK (remitted_pence >= 0 AND remitted_pence <= amount_pence),
        settled varchar(8) CHECK (settled IN ('paid', 'remitted')),
        created_at timestamptz NOT NULL,
        FOREIGN KEY (code, version) REFERENCES fee_versions (code, version)
      )`);
    await q.query(`CREATE INDEX service_request_fees_request ON service_request_fees (service_request_id, created_at)`);
    await q.query(`
      CREATE TABLE remissions (
        id uuid PRIMARY KEY,
        service_request_id uuid NOT NULL REFERENCES service_requests (id),
        fee_id uuid NOT NULL REFERENCES service_request_fees (id),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        source varchar(16) NOT NULL CHECK (source IN ('help-with-fees', 'fee-waiver')),
        reference uuid NOT NULL,
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (source, reference)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE remissions');
    await q.query('DROP TABLE service_request_fees');
    await q.query('DROP TABLE service_requests');
  }
}
