import { MigrationInterface, QueryRunner } from 'typeorm';

export class FineAccounts1733000100000 implements MigrationInterface {
  name = 'FineAccounts1733000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE fine_account_numbers START 10000001 MAXVALUE 99999999`);
    // The current terms and enforcement position sit on the account row, so the default run reads
    // one table; every change of terms is kept in payment_terms_history. result_id is UNIQUE: a
    // redelivered "case resulted" can never open a second account, whatever the inbox says.
    await q.query(`
      CREATE TABLE fine_accounts (
        id uuid PRIMARY KEY,
        account_number varchar(16) NOT NULL UNIQUE,
        account_type varchar(32) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'live'
          CHECK (status IN ('live', 'paid', 'written-off', 'consolidated', 'transferred-out')),
        business_unit varchar(32) NOT NULL,
        case_id uuid,
        result_id uuid UNIQUE,
        defendant_party_id uuid,
        penalty_reference varchar(32) UNIQUE,
        enforcement_path varchar(32) NOT NULL,
        imposed_pence bigint NOT NULL CHECK (imposed_pence >= 0),
        paid_pence bigint NOT NULL DEFAULT 0,
        written_off_pence bigint NOT NULL DEFAULT 0,
        terms_kind varchar(16) NOT NULL CHECK (terms_kind IN ('pay-by-date', 'instalments')),
        pay_by date,
        frequency varchar(12) CHECK (frequency IN ('weekly', 'fortnightly', 'monthly')),
        instalment_pence bigint CHECK (instalment_pence > 0),
        first_instalment date,
        lump_sum_pence bigint,
        lump_sum_due date,
        terms_version int NOT NULL DEFAULT 1,
        defaulted_on date,
        arrears_pence bigint,
        path_step int,
        last_action varchar(40),
        last_action_on date,
        on_hold boolean NOT NULL DEFAULT false,
        consolidated_into uuid REFERENCES fine_accounts (id),
        opened_at timestamptz NOT NULL,
        CHECK (paid_pence + written_off_pence <= imposed_pence),
        CHECK (terms_kind <> 'pay-by-date' OR pay_by IS NOT NULL),
        CHECK (terms_kind <> 'instalments' OR (frequency IS NOT NULL AND instalment_pence IS NOT NULL AND first_instalment IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX fine_accounts_case ON fine_accounts (case_id)`);
    await q.query(`CREATE INDEX fine_accounts_defendant ON fine_accounts (defendant_party_id)`);
    await q.query(`CREATE INDEX fine_accounts_opened ON fine_accounts (opened_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE fine_impositions (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES fine_accounts (id),
        seq int NOT NULL,
        kind varchar(32) NOT NULL,
        creditor varchar(64) NOT NULL,
        priority int NOT NULL,
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        paid_pence bigint NOT NULL DEFAULT 0 CHECK (paid_pence >= 0 AND paid_pence <= amount_pence),
        imposed_at timestamptz NOT NULL,
        UNIQUE (account_id, seq)
      )`);
    // One row per payment applied; its lines say which imposition took what, so a reversal undoes exactly that.
    await q.query(`
      CREATE TABLE fine_payments (
        payment_id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES fine_accounts (id),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        source varchar(16) NOT NULL CHECK (source IN ('payments', 'warrant')),
        method varchar(32),
        received_at timestamptz NOT NULL,
        applied_at timestamptz NOT NULL,
        reversed_at timestamptz
      )`);
    await q.query(`CREATE INDEX fine_payments_account ON fine_payments (account_id, received_at)`);
    await q.query(`
      CREATE TABLE fine_payment_lines (
        payment_id uuid NOT NULL REFERENCES fine_payments (payment_id),
        imposition_id uuid NOT NULL REFERENCES fine_impositions (id),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        PRIMARY KEY (payment_id, imposition_id)
      )`);
    await q.query(`
      CREATE TABLE suspense_payments (
        payment_id uuid PRIMARY KEY,
        account_number varchar(32) NOT NULL,
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        reason varchar(20) NOT NULL,
        received_at timestamptz NOT NULL,
        suspended_at timestamptz NOT NULL,
        reversed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE payment_terms_history (
        account_id uuid NOT NULL REFERENCES fine_accounts (id),
        version int NOT NULL,
        terms jsonb NOT NULL,
        reason varchar(500) NOT NULL,
        changed_by varchar(255) NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, version)
      )`);
    await q.query(`
      CREATE TABLE means_assessments (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES fine_accounts (id),
        weekly_income_pence bigint NOT NULL,
        weekly_outgoings_pence bigint NOT NULL,
        dependants int NOT NULL,
        proposed_terms jsonb NOT NULL,
        assessed_by varchar(255) NOT NULL,
        assessed_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'means_assessments',
      'payment_terms_history',
      'suspense_payments',
      'fine_payment_lines',
      'fine_payments',
      'fine_impositions',
      'fine_accounts',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP SEQUENCE fine_account_numbers`);
  }
}
