import { MigrationInterface, QueryRunner } from 'typeorm';

export class Enquiries1733100100000 implements MigrationInterface {
  name = 'Enquiries1733100100000';

  async up(q: QueryRunner): Promise<void> {
    // Contacts are personal data and stay here; events name them by id only. A citizen's
    // account has one contact, so their enquiries are theirs however they came in.
    await q.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        kind varchar(16) NOT NULL CHECK (kind IN ('public', 'professional')),
        name varchar(200) NOT NULL,
        email varchar(320),
        phone varchar(40),
        user_id varchar(255),
        organisation_id varchar(64),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX contacts_user ON contacts (user_id) WHERE user_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE work_queues (
        id varchar(64) PRIMARY KEY,
        team varchar(64) NOT NULL,
        name varchar(200) NOT NULL
      )`);
    await q.query(`
      INSERT INTO work_queues (id, team, name) VALUES
        ('general', 'contact-centre', 'General enquiries'),
        ('civil', 'civil', 'Civil money claims'),
        ('family', 'family', 'Divorce and family'),
        ('probate', 'probate', 'Probate'),
        ('tribunals', 'tribunals', 'Social security and child support appeals'),
        ('crime', 'crime', 'Criminal cases and fines'),
        ('fees', 'contact-centre', 'Fees and Help with Fees'),
        ('welsh', 'welsh-language', 'Welsh language enquiries'),
        ('judicial', 'case-directions', 'Judicial and case directions')`);

    await q.query(`
      CREATE TABLE enquiries (
        id uuid PRIMARY KEY,
        channel varchar(16) NOT NULL,
        contact_id uuid NOT NULL REFERENCES contacts (id),
        subject varchar(300) NOT NULL,
        case_id uuid,
        category varchar(64),
        priority varchar(8) NOT NULL CHECK (priority IN ('normal', 'urgent')),
        language char(2) NOT NULL CHECK (language IN ('en', 'cy')),
        status varchar(20) NOT NULL,
        queue_id varchar(64) REFERENCES work_queues (id),
        assigned_to varchar(255),
        escalated_to varchar(16),
        major_priority int NOT NULL,
        minor_priority int NOT NULL,
        priority_date timestamptz NOT NULL,
        hearing_related boolean NOT NULL DEFAULT false,
        received_at timestamptz NOT NULL,
        first_response_at timestamptz,
        resolved_at timestamptz,
        resolved_first_contact boolean,
        complaint_requested_at timestamptz,
        raised_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX enquiries_case ON enquiries (case_id, received_at) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX enquiries_contact ON enquiries (contact_id)`);
    await q.query(`CREATE INDEX enquiries_list ON enquiries (created_at DESC, id DESC)`);
    // The next-task order of a queue, for unassigned open work only.
    await q.query(`
      CREATE INDEX enquiries_next_task ON enquiries (queue_id, major_priority, priority_date, minor_priority, id)
      WHERE assigned_to IS NULL AND status IN ('new', 'triaged', 'escalated')`);
    await q.query(
      `CREATE INDEX enquiries_workload ON enquiries (assigned_to) WHERE assigned_to IS NOT NULL AND status NOT IN ('resolved', 'closed')`,
    );
    await q.query(`CREATE INDEX enquiries_received ON enquiries (received_at)`);

    // Messages form a thread: each may answer an earlier one (HMCTS query management's parent id).
    await q.query(`
      CREATE TABLE enquiry_messages (
        id uuid PRIMARY KEY,
        enquiry_id uuid NOT NULL REFERENCES enquiries (id),
        parent_id uuid REFERENCES enquiry_messages (id),
        direction varchar(8) NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        body text NOT NULL,
        hearing_related boolean NOT NULL,
        author varchar(255) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX enquiry_messages_enquiry ON enquiry_messages (enquiry_id, created_at)`);

    // Every change to an enquiry: status, triage, allocation, escalation, conversion.
    await q.query(`
      CREATE TABLE enquiry_history (
        id bigserial PRIMARY KEY,
        enquiry_id uuid NOT NULL REFERENCES enquiries (id),
        kind varchar(32) NOT NULL,
        from_status varchar(20),
        to_status varchar(20),
        detail jsonb NOT NULL DEFAULT '{}',
        reason varchar(1000),
        actor varchar(255) NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX enquiry_history_enquiry ON enquiry_history (enquiry_id, id)`);

    await q.query(`
      CREATE TABLE sla_policies (
        id serial PRIMARY KEY,
        channel varchar(16),
        category varchar(64),
        clock varchar(16) NOT NULL CHECK (clock IN ('first-response', 'resolution')),
        unit varchar(16) NOT NULL CHECK (unit IN ('working-hours', 'working-days')),
        amount numeric(6, 2) NOT NULL CHECK (amount > 0),
        UNIQUE NULLS NOT DISTINCT (channel, category, clock)
      )`);
    // Live channels answer within the hour; written ones within two working days (HMCTS's
    // customer charter); every enquiry is resolved within ten working days unless a category says otherwise.
    await q.query(`
      INSERT INTO sla_policies (channel, category, clock, unit, amount) VALUES
        (NULL, NULL, 'first-response', 'working-days', 2),
        (NULL, NULL, 'resolution', 'working-days', 10),
        ('telephone', NULL, 'first-response', 'working-hours', 1),
        ('webchat', NULL, 'first-response', 'working-hours', 0.25),
        ('post', NULL, 'first-response', 'working-days', 5),
        ('post', NULL, 'resolution', 'working-days', 15),
        (NULL, 'hearing', 'resolution', 'working-days', 2)`);

    await q.query(`
      CREATE TABLE enquiry_sla_clocks (
        enquiry_id uuid NOT NULL REFERENCES enquiries (id),
        clock varchar(16) NOT NULL,
        unit varchar(16) NOT NULL,
        amount numeric(6, 2) NOT NULL,
        status varchar(8) NOT NULL CHECK (status IN ('running', 'paused', 'stopped')),
        flag varchar(8) NOT NULL CHECK (flag IN ('on-track', 'at-risk', 'breached')),
        started_at timestamptz NOT NULL,
        due_at timestamptz,
        at_risk_at timestamptz,
        paused_at timestamptz,
        remaining int,
        stopped_at timestamptz,
        met boolean,
        breached_at timestamptz,
        calendar_version varchar(100) NOT NULL,
        PRIMARY KEY (enquiry_id, clock),
        CHECK (status <> 'running' OR (due_at IS NOT NULL AND at_risk_at IS NOT NULL)),
        CHECK (status <> 'paused' OR remaining IS NOT NULL)
      )`);
    // The breach run reads only running clocks that can still change flag, by the moment they do.
    await q.query(
      `CREATE INDEX enquiry_sla_clocks_watch ON enquiry_sla_clocks (at_risk_at) WHERE status = 'running' AND flag <> 'breached'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'enquiry_sla_clocks',
      'sla_policies',
      'enquiry_history',
      'enquiry_messages',
      'enquiries',
      'work_queues',
      'contacts',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
