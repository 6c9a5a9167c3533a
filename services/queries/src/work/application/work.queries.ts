import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError, query, sql } from '@ccsc/platform';
import type { Officer } from '../domain/officer';
import type { Task, TaskStatus } from '../domain/task';
import { OfficerRepository } from '../infrastructure/officer.repository';
import { TaskRepository, type TaskFilter } from '../infrastructure/task.repository';

/** Open work and what was done, per team, officer and task type, over a period. */
export interface WorkFigure {
  by: 'team' | 'officer' | 'task-type';
  key: string;
  open: number;
  overdue: number;
  atRisk: number;
  /** Tasks completed in the period. */
  completed: number;
  /** Of those, completed after they were due. */
  completedLate: number;
}

/**
 * Reading the work queue: staff only (the resolver's roles), so no access scope narrows it. Not recorded
 * in the audit trail: a task names its kind, its source's id, its case's id and officers, nobody's
 * personal data (the enquiry or record behind it is recorded where it is read).
 */
@Injectable()
export class WorkQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly officers: OfficerRepository,
  ) {}

  async task(id: string): Promise<Task> {
    const task = await this.tasks.get(this.dataSource.manager, id);
    if (!task) throw new NotFoundError('The task');
    return task;
  }

  list(filter: TaskFilter & { status?: TaskStatus }, limit: number): Promise<Task[]> {
    return this.tasks.list(this.dataSource.manager, filter, limit);
  }

  officersOf(team?: string): Promise<Officer[]> {
    return this.officers.list(this.dataSource.manager, team);
  }

  /** Workload now and throughput over [from, to), per team, per officer and per task type. */
  figures(from: Date, to: Date): Promise<WorkFigure[]> {
    return query<WorkFigure>(
      this.dataSource.manager,
      sql`SELECT CASE WHEN GROUPING(team) = 0 THEN 'team' WHEN GROUPING(officer) = 0 THEN 'officer' ELSE 'task-type' END AS by,
                 COALESCE(team, officer, task_type) AS key,
                 count(*) FILTER (WHERE open)::int AS open,
                 count(*) FILTER (WHERE open AND overdue)::int AS overdue,
                 count(*) FILTER (WHERE open AND at_risk)::int AS "atRisk",
                 count(*) FILTER (WHERE done)::int AS completed,
                 count(*) FILTER (WHERE done AND closed_at > due_at)::int AS "completedLate"
          FROM (SELECT t.team, t.task_type, t.overdue, t.at_risk, t.closed_at, t.due_at,
                       t.status IN ('unassigned', 'assigned') AS open,
                       t.status = 'completed' AND t.closed_at >= ${from} AND t.closed_at < ${to} AS done,
                       -- Open work is its holder's; completed work, the last officer's who had it.
                       CASE WHEN t.status IN ('unassigned', 'assigned') THEN t.assigned_to
                            ELSE (SELECT h.officer FROM work_task_history h
                                  WHERE h.task_id = t.id AND h.officer IS NOT NULL ORDER BY h.id DESC LIMIT 1)
                       END AS officer
                FROM work_tasks t
                WHERE t.status IN ('unassigned', 'assigned') OR (t.closed_at >= ${from} AND t.closed_at < ${to})) w
          GROUP BY GROUPING SETS ((team), (officer), (task_type))
          HAVING COALESCE(team, officer, task_type) IS NOT NULL
          ORDER BY 1, 2`,
    );
  }
}
