import { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1733000400000 implements MigrationInterface {
  name = 'Payments1733000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_accounts (
        id uuid PRIMARY KEY,
        account_number varchar(16) NOT NULL UNIQUE,
        organisation_id varchar(64) NOT NULL,
        name varchar(200) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('active', 'on-hold', 'deleted')),
        credit_limit_pence bigint NOT NULL CHECK (credit_limit_pence >= 0),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX payment_accounts_organisation ON payment_accounts (organisation_id)`);
    await q.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY,
        method varchar(32) NOT NULL CHECK (method IN ('card', 'payment-by-account', 'cheque', 'postal-order', 'cash', 'bank-transfer')),
        status varchar(16) NOT NULL CHECK (status IN ('created', 'pending', 'success', 'failed', 'cancelled')),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        case_id uuid,
        fine_account_number varchar(32),
        reference varchar(64),
        account_id uuid REFERENCES payment_accounts (id),
        organisation_id varchar(64),
        provider_reference varchar(64) UNIQUE,
        next_url varchar(500),
        payer varchar(255) NOT NULL,
        duplicate_of uuid REFERENCES payments (id),
        received_at timestamptz,
        reversed_at timestamptz,
        reversal_reason varchar(16) CHECK (reversal_reason IN ('bounced', 'chargeback')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT payments_account_when_pba CHECK ((method = 'payment-by-account') = (account_id IS NOT NULL)),
        CONSTRAINT payments_received_when_success CHECK ((status = 'success') = (received_at IS NOT NULL)),
        CONSTRAINT payments_reversal_reason CHECK ((reversed_at IS NULL) = (reversal_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX payments_case ON payments (case_id, created_at)`);
    await q.query(`CREATE INDEX payments_organisation ON payments (organisation_id, created_at DESC, id DESC)`);
    // For the duplicate check: the same payer, amount and case within minutes.
    await q.query(`CREATE INDEX payments_duplicates ON payments (payer, amount_pence, created_at)`);
    await q.query(`
      CREATE TABLE allocations (
        id uuid PRIMARY KEY,
        payment_id uuid NOT NULL REFERENCES payments (id),
        target varchar(16) NOT NULL CHECK (target IN ('service-request', 'fine-account', 'unidentified')),
        case_id uuid,
        service_request_id uuid REFERENCES service_requests (id),
        fine_account_number varchar(32),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        reason varchar(500),
        status varchar(24) NOT NULL CHECK (status IN ('awaiting-verification', 'verified', 'rejected', 'reversed', 'transferred')),
        -- A transfer is a new allocation that, once verified, takes the place of a verified one.
        replaces uuid REFERENCES allocations (id),
        allocated_by varchar(255) NOT NULL,
        allocated_at timestamptz NOT NULL,
        verified_by varchar(255),
        verified_at timestamptz,
        CONSTRAINT allocations_four_eyes CHECK (verified_by IS NULL OR verified_by <> allocated_by OR allocated_by = 'system'),
        CONSTRAINT allocations_target CHECK (
          (target = 'service-request' AND service_request_id IS NOT NULL AND fine_account_number IS NULL)
          OR (target = 'fine-account' AND fine_account_number IS NOT NULL AND service_request_id IS NULL)
          OR (target = 'unidentified' AND reason IS NOT NULL AND service_request_id IS NULL AND fine_account_number IS NULL))
      )`);
    await q.query(`CREATE INDEX allocations_payment ON allocations (payment_id)`);
    await q.query(
      `CREATE UNIQUE INDEX allocations_one_transfer ON allocations (replaces) WHERE status IN ('awaiting-verification', 'verified', 'transferred')`,
    );
    await q.query(
      `CREATE INDEX allocations_awaiting ON allocations (allocated_at, id) WHERE status = 'awaiting-verification'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE allocations');
    await q.query('DROP TABLE payments');
    await q.query('DROP TABLE payment_accounts');
  }
}
