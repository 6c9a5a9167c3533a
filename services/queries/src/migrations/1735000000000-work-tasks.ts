import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One work queue for the service centre: tasks made from every service's events by the task rules
 * (services/queries/src/work/task-rules.json), and the officers who take them with their teams,
 * skills, working pattern, leave and capacity.
 */
export class WorkTasks1735000000000 implements MigrationInterface {
  name = 'WorkTasks1735000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_queues ADD COLUMN auto_assign boolean NOT NULL DEFAULT false`);
    await q.query(`
      INSERT INTO work_queues (id, team, name) VALUES
        ('payments', 'finance', 'Payments and refunds'),
        ('complaints', 'complaints', 'Complaints and the ombudsman'),
        ('enforcement', 'enforcement', 'Fine enforcement')
      ON CONFLICT (id) DO NOTHING`);

    // The subject of an officer's token is their id; the profile says what work they may be given.
    await q.query(`
      CREATE TABLE work_officers (
        user_id varchar(255) PRIMARY KEY,
        name varchar(200) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('caseworker', 'team-leader')),
        teams text[] NOT NULL,
        skills text[] NOT NULL,
        capacity int NOT NULL CHECK (capacity BETWEEN 0 AND 500),
        shift_days text[] NOT NULL,
        shift_start time NOT NULL,
        shift_end time NOT NULL CHECK (shift_end > shift_start),
        active boolean NOT NULL DEFAULT true,
        updated_by varchar(255) NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX work_officers_teams ON work_officers USING gin (teams) WHERE active`);
    await q.query(`
      CREATE TABLE work_officer_leave (
        user_id varchar(255) NOT NULL REFERENCES work_officers (user_id) ON DELETE CASCADE,
        first_day date NOT NULL,
        last_day date NOT NULL CHECK (last_day >= first_day),
        PRIMARY KEY (user_id, first_day)
      )`);

    await q.query(`
      CREATE TABLE work_tasks (
        id uuid PRIMARY KEY,
        task_type varchar(64) NOT NULL,
        source_key varchar(200) NOT NULL,
        name varchar(200) NOT NULL,
        case_id uuid,
        queue_id varchar(64) NOT NULL REFERENCES work_queues (id),
        team varchar(64) NOT NULL,
        required_role varchar(16) NOT NULL CHECK (required_role IN ('caseworker', 'team-leader')),
        required_skills text[] NOT NULL,
        excluded_officer varchar(255),
        status varchar(12) NOT NULL CHECK (status IN ('unassigned', 'assigned', 'completed', 'cancelled')),
        assigned_to varchar(255),
        major_priority int NOT NULL,
        minor_priority int NOT NULL,
        priority_date timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        calendar_version varchar(64) NOT NULL,
        at_risk boolean NOT NULL DEFAULT false,
        overdue boolean NOT NULL DEFAULT false,
        escalated boolean NOT NULL DEFAULT false,
        created_by_event uuid NOT NULL,
        closed_by_event uuid,
        created_at timestamptz NOT NULL,
        assigned_at timestamptz,
        closed_at timestamptz,
        CHECK ((status = 'assigned') = (assigned_to IS NOT NULL))
      ) WITH (fillfactor = 80)`);
    // Room on each page: the deadline run flips unindexed flags on many rows at once, and with free space
    // those updates stay on their page (HOT) instead of writing every index again (docs/benchmarks.md).
    // One open task per piece of work (a refund sent back for update and resubmitted gets a new one),
    // and one per creating event, however often it is delivered or replayed.
    await q.query(`CREATE UNIQUE INDEX work_tasks_source ON work_tasks (task_type, source_key)
      WHERE status IN ('unassigned', 'assigned')`);
    await q.query(`CREATE UNIQUE INDEX work_tasks_created_by ON work_tasks (created_by_event, task_type)`);
    // "Next task": per team, unassigned work in HMCTS order.
    await q.query(`
      CREATE INDEX work_tasks_next ON work_tasks (team, major_priority, priority_date, minor_priority, id)
      WHERE status = 'unassigned'`);
    await q.query(`CREATE INDEX work_tasks_queue ON work_tasks (queue_id, major_priority, priority_date, minor_priority, id)
      WHERE status IN ('unassigned', 'assigned')`);
    await q.query(`CREATE INDEX work_tasks_assignee ON work_tasks (assigned_to) WHERE status = 'assigned'`);
    await q.query(`CREATE INDEX work_tasks_case ON work_tasks (case_id) WHERE status IN ('unassigned', 'assigned')`);
    await q.query(`CREATE INDEX work_tasks_due ON work_tasks (due_at) WHERE status IN ('unassigned', 'assigned')`);
    await q.query(`CREATE INDEX work_tasks_closed ON work_tasks (closed_at) WHERE closed_at IS NOT NULL`);

    // What happened to each task, for throughput figures and for whoever asks why it went where it did.
    await q.query(`
      CREATE TABLE work_task_history (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES work_tasks (id),
        kind varchar(16) NOT NULL,
        officer varchar(255),
        actor varchar(255) NOT NULL,
        reason varchar(500),
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX work_task_history_task ON work_task_history (task_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_task_history`);
    await q.query(`DROP TABLE work_tasks`);
    await q.query(`DROP TABLE work_officer_leave`);
    await q.query(`DROP TABLE work_officers`);
    await q.query(`DELETE FROM work_queues WHERE id IN ('payments', 'complaints', 'enforcement')`);
    await q.query(`ALTER TABLE work_queues DROP COLUMN auto_assign`);
  }
}
