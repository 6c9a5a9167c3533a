import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TaskChangeKind } from '@ccsc/contracts';
import { and, execute, query, queryOne, sql } from '@ccsc/platform';
import type { Task, TaskStatus } from '../domain/task';
import type { TaskSpec } from '../domain/task-rules';

const SELECT_TASK = sql`
  SELECT t.id, t.task_type AS "taskType", t.source_key AS "sourceKey", t.name, t.case_id AS "caseId",
         t.queue_id AS "queueId", t.team, t.required_role AS "requiredRole", t.required_skills AS "requiredSkills",
         t.excluded_officer AS "excludedOfficer", t.status, t.assigned_to AS "assignedTo",
         t.major_priority AS "majorPriority", t.minor_priority AS "minorPriority", t.priority_date AS "priorityDate",
         t.due_at AS "dueAt", t.calendar_version AS "calendarVersion", t.at_risk AS "atRisk", t.overdue,
         t.escalated, t.created_at AS "createdAt", t.assigned_at AS "assignedAt", t.closed_at AS "closedAt"
  FROM work_tasks t`;

const OPEN = sql`t.status IN ('unassigned', 'assigned')`;
const NEXT_ORDER = sql`t.major_priority, t.priority_date, t.minor_priority, t.id`;
/**
 * How many of a team's best waiting tasks the next-task choice looks at: more officers than this taking
 * from one team at the same instant would find it empty for that moment.
 */
const NEXT_CANDIDATES_PER_TEAM = 16;

export interface NewTask extends TaskSpec {
  id: string;
  priorityDate: Date;
  dueAt: Date;
  calendarVersion: string;
  /** The event that made it; null for an enquiry's task, which its enquiry's changes keep (EnquiryTasks). */
  createdByEvent: string | null;
  createdAt: Date;
}

/** What an enquiry's task takes from its enquiry whenever the enquiry changes. */
export type TaskShape = Pick<
  Task,
  | 'caseId'
  | 'queueId'
  | 'requiredRole'
  | 'requiredSkills'
  | 'majorPriority'
  | 'minorPriority'
  | 'priorityDate'
  | 'dueAt'
  | 'calendarVersion'
  | 'escalated'
>;

export interface TaskChange {
  kind: TaskChangeKind;
  officer?: string | null;
  actor: string;
  reason?: string | null;
  at: Date;
}

export interface TaskFilter {
  queueId?: string;
  status?: TaskStatus;
  assignedTo?: string;
  caseId?: string;
  sourceKey?: string;
}

/** Tasks in plain SQL: the next-task choice, assignment and the set-based deadline run are statements of their own. */
@Injectable()
export class TaskRepository {
  /**
   * Inserts the task unless its piece of work has an open one, its event made it already, or an event
   * as late or later ended that work before it was made; true when inserted.
   */
  async insert(manager: EntityManager, t: NewTask): Promise<boolean> {
    const inserted = await query(
      manager,
      sql`INSERT INTO work_tasks (id, task_type, source_key, name, case_id, queue_id, team, required_role,
            required_skills, excluded_officer, status, major_priority, minor_priority, priority_date, due_at,
            calendar_version, created_by_event, created_at)
          SELECT ${t.id}, ${t.taskType}, ${t.sourceKey}, ${t.name}, ${t.caseId}, q.id, q.team, ${t.requiredRole},
                 ${t.requiredSkills}::text[], ${t.excludedOfficer}, 'unassigned', ${t.majorPriority}, ${t.minorPriority},
                 ${t.priorityDate}, ${t.dueAt}, ${t.calendarVersion}, ${t.createdByEvent}, ${t.createdAt}
          FROM work_queues q WHERE q.id = ${t.queueId}
            AND NOT EXISTS (SELECT 1 FROM work_task_endings e
                            WHERE e.task_type = ${t.taskType} AND e.source_key = ${t.sourceKey}
                              AND e.ended_at >= ${t.createdAt})
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    return inserted.length > 0;
  }

  get(manager: EntityManager, id: string, forUpdate = false): Promise<Task | undefined> {
    return queryOne<Task>(manager, sql`${SELECT_TASK} WHERE t.id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`);
  }

  /** A task this transaction has just written or locked, so it is there. */
  async current(manager: EntityManager, id: string): Promise<Task> {
    const task = await this.get(manager, id);
    if (!task) throw new Error(`task ${id} is not there within its own transaction`);
    return task;
  }

  /** The open task of a piece of work, locked. */
  openBySource(manager: EntityManager, taskType: string, sourceKey: string): Promise<Task | undefined> {
    return queryOne<Task>(
      manager,
      sql`${SELECT_TASK} WHERE t.task_type = ${taskType} AND t.source_key = ${sourceKey} AND ${OPEN} FOR UPDATE`,
    );
  }

  /**
   * Remembers that an event ended a piece of work that has no task open to end (the latest such time
   * per piece of work), so a task the work's earlier creating event would make now is not made.
   */
  async ended(manager: EntityManager, taskType: string, sourceKey: string, at: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO work_task_endings (task_type, source_key, ended_at) VALUES (${taskType}, ${sourceKey}, ${at})
          ON CONFLICT (task_type, source_key) DO UPDATE SET ended_at = GREATEST(work_task_endings.ended_at, EXCLUDED.ended_at)`,
    );
  }

  /** Forgets the endings of work that ended before `before`. */
  async forgetEndings(manager: EntityManager, before: Date): Promise<void> {
    await execute(manager, sql`DELETE FROM work_task_endings WHERE ended_at < ${before}`);
  }

  /** Open tasks of the types named on a case, locked. */
  openOnCase(manager: EntityManager, caseId: string, taskTypes: readonly string[]): Promise<Task[]> {
    return query<Task>(
      manager,
      sql`${SELECT_TASK} WHERE t.case_id = ${caseId} AND t.task_type = ANY(${taskTypes}::text[]) AND ${OPEN}
          ORDER BY t.id FOR UPDATE`,
    );
  }

  list(manager: EntityManager, filter: TaskFilter, limit: number): Promise<Task[]> {
    const where = and([
      filter.status ? sql`t.status = ${filter.status}` : OPEN,
      filter.queueId !== undefined && sql`t.queue_id = ${filter.queueId}`,
      filter.assignedTo !== undefined && sql`t.assigned_to = ${filter.assignedTo}`,
      filter.caseId !== undefined && sql`t.case_id = ${filter.caseId}`,
      filter.sourceKey !== undefined && sql`t.source_key = ${filter.sourceKey}`,
    ]);
    return query<Task>(manager, sql`${SELECT_TASK} WHERE ${where} ORDER BY ${NEXT_ORDER} LIMIT ${limit}`);
  }

  /**
   * The next task an officer may take, locked: in their teams, needing no skill they lack, not kept
   * from them as the first of two people, needing a team leader only when they are one. The best few
   * of each team come from one indexed probe per team (work_tasks_next) without locks; of those, the
   * first in next-task order that nobody else is taking at this moment is locked (SKIP LOCKED), and no
   * other: the other teams' best stay free for other officers. The rule is repeated on the locked row,
   * so a task escalated or taken meanwhile is passed over, as are those named in `passOver`.
   */
  async lockNext(
    manager: EntityManager,
    officer: { userId: string; teams: string[]; skills: string[]; teamLeader: boolean },
    passOver: readonly string[] = [],
  ): Promise<Pick<Task, 'id' | 'taskType' | 'sourceKey'> | undefined> {
    const mayTake = sql`t.status = 'unassigned' AND t.required_skills <@ ${officer.skills}::text[]
      AND t.id <> ALL(${passOver}::uuid[])
      AND t.excluded_officer IS DISTINCT FROM ${officer.userId}
      AND (${officer.teamLeader}::boolean OR t.required_role = 'caseworker')`;
    return queryOne<Pick<Task, 'id' | 'taskType' | 'sourceKey'>>(
      manager,
      sql`SELECT t.id, t.task_type AS "taskType", t.source_key AS "sourceKey" FROM work_tasks t
          WHERE t.id IN (
            SELECT c.id FROM unnest(${officer.teams}::text[]) AS mine(team)
            CROSS JOIN LATERAL (
              SELECT t.id FROM work_tasks t WHERE t.team = mine.team AND ${mayTake}
              ORDER BY ${NEXT_ORDER} LIMIT ${NEXT_CANDIDATES_PER_TEAM}) c)
            AND ${mayTake}
          ORDER BY ${NEXT_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
  }

  /** Brings an enquiry's task in line with its enquiry: where it waits, who may do it, its order and due time. */
  async reshape(manager: EntityManager, id: string, s: TaskShape): Promise<void> {
    await execute(
      manager,
      sql`UPDATE work_tasks t SET case_id = ${s.caseId}, queue_id = q.id, team = q.team, required_role = ${s.requiredRole},
            required_skills = ${s.requiredSkills}::text[], major_priority = ${s.majorPriority},
            minor_priority = ${s.minorPriority}, priority_date = ${s.priorityDate}, due_at = ${s.dueAt},
            calendar_version = ${s.calendarVersion}, escalated = ${s.escalated}
          FROM work_queues q WHERE q.id = ${s.queueId} AND t.id = ${id}`,
    );
  }

  async assign(manager: EntityManager, id: string, officer: string, at: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE work_tasks SET status = 'assigned', assigned_to = ${officer}, assigned_at = ${at} WHERE id = ${id}`,
    );
  }

  async release(manager: EntityManager, id: string): Promise<void> {
    await execute(
      manager,
      sql`UPDATE work_tasks SET status = 'unassigned', assigned_to = NULL, assigned_at = NULL WHERE id = ${id}`,
    );
  }

  async escalate(manager: EntityManager, id: string, majorPriority: number): Promise<void> {
    await execute(
      manager,
      sql`UPDATE work_tasks SET status = 'unassigned', assigned_to = NULL, assigned_at = NULL, escalated = true,
            required_role = 'team-leader', major_priority = LEAST(major_priority, ${majorPriority})
          WHERE id = ${id}`,
    );
  }

  async close(
    manager: EntityManager,
    id: string,
    status: 'completed' | 'cancelled',
    eventId: string | null,
    at: Date,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE work_tasks SET status = ${status}, assigned_to = NULL, closed_by_event = ${eventId}, closed_at = ${at},
            at_risk = false, overdue = false
          WHERE id = ${id}`,
    );
  }

  /** Brings a task's priority and due time forward (never back), e.g. when a hearing is listed on its case. */
  async expedite(
    manager: EntityManager,
    id: string,
    majorPriority: number,
    priorityDate: Date,
    dueAt: Date,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE work_tasks SET major_priority = LEAST(major_priority, ${majorPriority}),
            priority_date = LEAST(priority_date, ${priorityDate}), due_at = LEAST(due_at, ${dueAt})
          WHERE id = ${id}`,
    );
  }

  async record(manager: EntityManager, taskId: string, change: TaskChange): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO work_task_history (task_id, kind, officer, actor, reason, at)
          VALUES (${taskId}, ${change.kind}, ${change.officer ?? null}, ${change.actor}, ${change.reason ?? null},
                  ${change.at})`,
    );
  }

  /** Open tasks each officer holds, for those named. */
  async openCounts(manager: EntityManager, officers: readonly string[]): Promise<Map<string, number>> {
    const rows = await query<{ officer: string; open: number }>(
      manager,
      sql`SELECT assigned_to AS officer, count(*)::int AS open FROM work_tasks
          WHERE status = 'assigned' AND assigned_to = ANY(${officers}::text[]) GROUP BY assigned_to`,
    );
    return new Map(rows.map((r) => [r.officer, r.open]));
  }

  /**
   * An officer's open tasks in next-task order, for a bulk reassignment: unlocked, locked (waiting for
   * each), or those nobody else holds now, locked (SKIP LOCKED).
   */
  heldBy(manager: EntityManager, officer: string, lock: 'none' | 'wait' | 'skip-locked'): Promise<Task[]> {
    const locking = { none: sql``, wait: sql`FOR UPDATE`, 'skip-locked': sql`FOR UPDATE SKIP LOCKED` }[lock];
    return query<Task>(
      manager,
      sql`${SELECT_TASK} WHERE t.status = 'assigned' AND t.assigned_to = ${officer} ORDER BY ${NEXT_ORDER} ${locking}`,
    );
  }

  /**
   * The deadline run, one statement over every open task: overdue once past due, at risk once due by
   * `riskUntil`; how many tasks newly carry each flag.
   */
  async flagDeadlines(
    manager: EntityManager,
    now: Date,
    riskUntil: Date,
  ): Promise<{ overdue: number; atRisk: number }> {
    const row = await queryOne<{ overdue: number; atRisk: number }>(
      manager,
      sql`WITH flagged AS (
            SELECT t.id, t.due_at <= ${now} AS overdue, t.due_at > ${now} AND t.due_at <= ${riskUntil} AS at_risk
            FROM work_tasks t WHERE ${OPEN}),
          changed AS (
            UPDATE work_tasks t SET overdue = f.overdue, at_risk = f.at_risk FROM flagged f
            WHERE t.id = f.id AND (t.overdue <> f.overdue OR t.at_risk <> f.at_risk)
            RETURNING f.overdue, f.at_risk)
          SELECT count(*) FILTER (WHERE overdue)::int AS overdue, count(*) FILTER (WHERE at_risk)::int AS "atRisk"
          FROM changed`,
    );
    return row ?? { overdue: 0, atRisk: 0 };
  }
}
