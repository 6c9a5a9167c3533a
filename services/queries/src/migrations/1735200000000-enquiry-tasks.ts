import { MigrationInterface, QueryRunner } from 'typeorm';
import { WorkingDayCalendar } from '@ccsc/calendar';

/**
 * Enquiries join the one work queue: each open enquiry has an `answer-enquiry` task kept with it in the
 * same transaction (work/application/enquiry-tasks.ts), so a task is no longer always made by an event;
 * tasks can be found by the piece of work they are about, and old endings are pruned by time.
 * The open enquiries of today get theirs here, due when their first running SLA clock is due, or five
 * working days after receipt when none runs.
 */
export class EnquiryTasks1735200000000 implements MigrationInterface {
  name = 'EnquiryTasks1735200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_tasks ALTER COLUMN created_by_event DROP NOT NULL`);
    // "The task of this enquiry (or document, refund...)", open or closed.
    await q.query(`CREATE INDEX work_tasks_source_key ON work_tasks (source_key)`);
    // The deadline run forgets endings after 90 days (ordinary traffic writes them: a complaint closed
    // after its stage response, terms varied on an account never reviewed).
    await q.query(`CREATE INDEX work_task_endings_ended ON work_task_endings (ended_at)`);
    const open: {
      id: string;
      receivedAt: Date;
      dueAt: Date | null;
      calendarVersion: string | null;
    }[] = await q.query(`
      SELECT e.id, e.received_at AS "receivedAt", c.due_at AS "dueAt", c.calendar_version AS "calendarVersion"
      FROM enquiries e
      LEFT JOIN LATERAL (SELECT s.due_at, s.calendar_version FROM enquiry_sla_clocks s
                         WHERE s.enquiry_id = e.id AND s.status = 'running' AND s.due_at IS NOT NULL
                         ORDER BY s.due_at LIMIT 1) c ON true
      WHERE e.queue_id IS NOT NULL AND e.status IN ('new', 'triaged', 'assigned', 'escalated', 'awaiting-customer')
        AND (e.status <> 'awaiting-customer' OR e.assigned_to IS NOT NULL)`);
    const calendar = WorkingDayCalendar.englandAndWales();
    for (const e of open) {
      const due = e.dueAt
        ? { dueAt: e.dueAt, calendarVersion: e.calendarVersion ?? calendar.version }
        : calendar.taskDueAt(new Date(e.receivedAt), 5);
      await q.query(
        `INSERT INTO work_tasks (id, task_type, source_key, name, case_id, queue_id, team, required_role,
           required_skills, status, assigned_to, major_priority, minor_priority, priority_date, due_at,
           calendar_version, escalated, created_at, assigned_at)
         SELECT gen_random_uuid(), 'answer-enquiry', e.id::text, 'Answer an enquiry', e.case_id, e.queue_id, q.team,
           CASE WHEN e.status = 'escalated' AND e.escalated_to = 'team-leader' THEN 'team-leader' ELSE 'caseworker' END,
           CASE WHEN e.language = 'cy' OR e.queue_id = 'welsh' THEN ARRAY['welsh'] ELSE ARRAY[]::text[] END,
           CASE WHEN e.assigned_to IS NULL THEN 'unassigned' ELSE 'assigned' END, e.assigned_to,
           e.major_priority, e.minor_priority, e.priority_date, $2, $3, e.status = 'escalated', e.created_at,
           CASE WHEN e.assigned_to IS NULL THEN NULL ELSE e.updated_at END
         FROM enquiries e JOIN work_queues q ON q.id = e.queue_id WHERE e.id = $1
         ON CONFLICT DO NOTHING`,
        [e.id, due.dueAt, due.calendarVersion],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM work_task_history WHERE task_id IN (SELECT id FROM work_tasks WHERE task_type = 'answer-enquiry')`,
    );
    await q.query(`DELETE FROM work_tasks WHERE task_type = 'answer-enquiry'`);
    await q.query(`DROP INDEX work_task_endings_ended`);
    await q.query(`DROP INDEX work_tasks_source_key`);
    await q.query(`ALTER TABLE work_tasks ALTER COLUMN created_by_event SET NOT NULL`);
  }
}
