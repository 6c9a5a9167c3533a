import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task rules 2026-12-06.1 give approving a refund, answering a complaint stage and reviewing an enforcement
 * action to team leaders, the role among those that do it (payments, complaints, enforcement) that works the
 * queue; a task's role is copied from its rule when the task is made, so the open ones made before follow (one a
 * caseworker already holds stays with them until a team leader hands it on).
 */
export class TaskRolesFollowServices1735800000000 implements MigrationInterface {
  name = 'TaskRolesFollowServices1735800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE work_tasks SET required_role = 'team-leader'
        WHERE task_type IN ('approve-refund', 'complaint-stage-response', 'review-enforcement-action')
          AND status IN ('unassigned', 'assigned')`,
    );
  }

  async down(): Promise<void> {
    // The roles are the rules' to say; nothing to put back.
  }
}
