import { MigrationInterface, QueryRunner } from 'typeorm';
import { createCaseAccessTable, dropCaseAccessTable } from '@ccsc/case-access';
import { createMessagingTables, dropMessagingTables } from '@ccsc/messaging';
import { createIdempotencyTable, dropIdempotencyTable } from '@ccsc/platform';

export class Complaints1733000000000 implements MigrationInterface {
  name = 'Complaints1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q);
    await createIdempotencyTable(q);
    await createCaseAccessTable(q);
    await q.query(`CREATE SEQUENCE complaint_reference_seq`);
    // enquiry_id is UNIQUE so that an enquiry becomes at most one complaint, however often queries tells us.
    await q.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY,
        reference varchar(32) NOT NULL UNIQUE,
        complainant_type varchar(16) NOT NULL CHECK (complainant_type IN ('public', 'professional')),
        complainant_name varchar(200),
        contact_id uuid,
        complainant_user_id varchar(255),
        complainant_organisation_id varchar(255),
        origin varchar(32) NOT NULL,
        enquiry_id uuid UNIQUE,
        case_ids uuid[] NOT NULL DEFAULT '{}',
        category varchar(64) NOT NULL,
        sub_category varchar(64),
        severity varchar(16) NOT NULL CHECK (severity IN ('minor', 'major', 'security-breach', 'tier-1-plus')),
        investigating_officer varchar(255),
        language char(2) NOT NULL CHECK (language IN ('en', 'cy')),
        received_at timestamptz NOT NULL,
        summary text,
        business_area varchar(64),
        cause_category varchar(64),
        outcome varchar(16) CHECK (outcome IN ('upheld', 'partially-upheld', 'not-upheld')),
        closed_at timestamptz,
        closed_by varchar(255),
        ombudsman jsonb,
        created_at timestamptz NOT NULL,
        created_by varchar(255) NOT NULL,
        CONSTRAINT complaints_root_cause_when_closed CHECK ((closed_at IS NULL) = (business_area IS NULL) AND (closed_at IS NULL) = (cause_category IS NULL))
      )`);
    await q.query(`CREATE INDEX complaints_created ON complaints (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX complaints_case_ids ON complaints USING gin (case_ids)`);
    await q.query(`CREATE INDEX complaints_received ON complaints (received_at)`);
    await q.query(`CREATE INDEX complaints_closed ON complaints (closed_at) WHERE closed_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE complaint_stages (
        complaint_id uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        stage smallint NOT NULL CHECK (stage IN (1, 2, 3)),
        status varchar(20) NOT NULL CHECK (status IN ('received', 'acknowledged', 'investigating', 'response-drafted', 'response-sent')),
        started_at timestamptz NOT NULL,
        working_days smallint NOT NULL,
        due_date date NOT NULL,
        due_at timestamptz NOT NULL,
        at_risk_at timestamptz NOT NULL,
        calendar_version varchar(100) NOT NULL,
        at_risk boolean NOT NULL DEFAULT false,
        breached_at timestamptz,
        acknowledged_at timestamptz,
        investigation_started_at timestamptz,
        draft text,
        draft_template varchar(64),
        drafted_by varchar(255),
        response_text text,
        responded_at timestamptz,
        responded_by varchar(255),
        outcome varchar(16) CHECK (outcome IN ('upheld', 'partially-upheld', 'not-upheld')),
        PRIMARY KEY (complaint_id, stage),
        CONSTRAINT complaint_stages_outcome_when_sent CHECK ((status = 'response-sent') = (responded_at IS NOT NULL AND outcome IS NOT NULL AND response_text IS NOT NULL))
      )`);
    // The scheduled run reads only the stages still waiting for a response.
    await q.query(
      `CREATE INDEX complaint_stages_unanswered ON complaint_stages (at_risk_at) WHERE responded_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX complaint_stages_responded ON complaint_stages (responded_at) WHERE responded_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE complaint_remedies (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL CHECK (kind IN ('apology', 'explanation', 'corrective-action', 'refund', 'consolatory-payment', 'fee-waiver')),
        amount_pence bigint CHECK (amount_pence > 0),
        case_id uuid,
        fee_code varchar(16),
        description text,
        stage smallint NOT NULL,
        agreed_by varchar(255) NOT NULL,
        agreed_at timestamptz NOT NULL,
        payment_status varchar(32),
        refund_id uuid,
        payment_status_at timestamptz,
        CONSTRAINT complaint_remedies_amount_when_financial CHECK ((kind IN ('refund', 'consolatory-payment', 'fee-waiver')) = (amount_pence IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX complaint_remedies_complaint ON complaint_remedies (complaint_id, agreed_at)`);
    // One row per complaint: the notification to information assurance goes with its insert, so at most once.
    await q.query(`
      CREATE TABLE complaint_breaches (
        complaint_id uuid PRIMARY KEY REFERENCES complaints (id) ON DELETE CASCADE,
        aware_at timestamptz NOT NULL,
        regulator_deadline timestamptz NOT NULL,
        reportable boolean,
        decision_reason varchar(2000),
        decided_by varchar(255),
        decided_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE complaint_timeline (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        summary varchar(500) NOT NULL,
        actor varchar(255),
        at timestamptz NOT NULL,
        seq bigserial NOT NULL
      )`);
    await q.query(`CREATE INDEX complaint_timeline_complaint ON complaint_timeline (complaint_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE complaint_timeline, complaint_breaches, complaint_remedies, complaint_stages, complaints',
    );
    await q.query('DROP SEQUENCE complaint_reference_seq');
    await dropCaseAccessTable(q);
    await dropIdempotencyTable(q);
    await dropMessagingTables(q);
  }
}
