import { MigrationInterface, QueryRunner } from 'typeorm';

export class Enforcement1733000200000 implements MigrationInterface {
  name = 'Enforcement1733000200000';

  async up(q: QueryRunner): Promise<void> {
    // taken_on + the UNIQUE key make the default run idempotent per day even if two runs overlap.
    await q.query(`
      CREATE TABLE enforcement_actions (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES fine_accounts (id),
        action varchar(40) NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        taken_by varchar(255) NOT NULL,
        taken_at timestamptz NOT NULL,
        taken_on date NOT NULL,
        UNIQUE (account_id, action, taken_on)
      )`);
    await q.query(`CREATE INDEX enforcement_actions_taken ON enforcement_actions (taken_on, action)`);
    await q.query(`
      CREATE TABLE warrants (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES fine_accounts (id),
        action_id uuid NOT NULL UNIQUE REFERENCES enforcement_actions (id),
        kind varchar(40) NOT NULL,
        status varchar(24) NOT NULL CHECK (status IN ('issued', 'with-agent', 'executed', 'returned-unexecuted', 'withdrawn', 'expired')),
        agent varchar(64),
        collected_pence bigint,
        issued_on date NOT NULL,
        expires_on date NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX warrants_account ON warrants (account_id)`);
    await q.query(`
      CREATE TABLE write_offs (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES fine_accounts (id),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        reason varchar(32) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('requested', 'approved', 'rejected')),
        requested_by varchar(255) NOT NULL,
        requested_at timestamptz NOT NULL,
        decided_by varchar(255),
        decided_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE default_runs (
        run_on date NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        defaulted int NOT NULL,
        actions int NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['default_runs', 'write_offs', 'warrants', 'enforcement_actions'])
      await q.query(`DROP TABLE ${table}`);
  }
}
