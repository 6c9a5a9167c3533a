import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, sql, type Sql } from '@ccsc/platform';

/** A stage whose flags a run changed. */
export interface FlaggedStage {
  complaintId: string;
  stage: number;
  dueAt: Date;
  atRisk: boolean;
  /** This run found it past its deadline for the first time. */
  newlyBreached: boolean;
  caseIds: string[];
}

interface FlaggedRow {
  complaint_id: string;
  stage: number;
  due_at: Date;
  at_risk: boolean;
  newly_breached: boolean;
  case_ids: string[];
}

/**
 * Every unanswered stage at once: at risk inside its last two working days, breached once past its
 * deadline (never unflagged). The self-join reads each row as it was before the update, so the rows
 * breached by this statement are told apart from those an earlier run breached. A breached stage is
 * never at risk again: a run that read an earlier time but queued behind one that breached the stage
 * (the re-check sees the breach, while the self-join still sees the row before it) leaves it alone
 * rather than announcing the breach a second time. The run's time is bound once, as `run.at`.
 */
function slaRun(now: Date): Sql {
  return sql`
  UPDATE complaint_stages s
  SET at_risk = (s.breached_at IS NULL AND s.at_risk_at <= run.at AND s.due_at >= run.at),
      breached_at = coalesce(s.breached_at, CASE WHEN s.due_at < run.at THEN run.at END)
  FROM (SELECT ${now}::timestamptz AS at) run, complaint_stages old JOIN complaints c ON c.id = old.complaint_id
  WHERE old.complaint_id = s.complaint_id AND old.stage = s.stage AND s.responded_at IS NULL
    AND (s.at_risk IS DISTINCT FROM (s.breached_at IS NULL AND s.at_risk_at <= run.at AND s.due_at >= run.at)
      OR (s.breached_at IS NULL AND s.due_at < run.at))
  RETURNING s.complaint_id, s.stage, s.due_at, s.at_risk,
    (old.breached_at IS NULL AND s.breached_at IS NOT NULL) AS newly_breached, c.case_ids`;
}

/** The run's statement as text, its time the one parameter ($1): for EXPLAIN, and for tests that hold a run open. */
export const SLA_RUN_SQL = slaRun(new Date(0)).toQuery().text;

/** The deadlines of complaint stages, as the scheduled run flags them. */
@Injectable()
export class ComplaintStageRepository {
  /** Sets the at-risk and breached flags of every unanswered stage as at `now`; the stages it changed. */
  async flagDeadlines(manager: EntityManager, now: Date): Promise<FlaggedStage[]> {
    const rows = await query<FlaggedRow>(manager, slaRun(now));
    return rows.map((r) => ({
      complaintId: r.complaint_id,
      stage: r.stage,
      dueAt: r.due_at,
      atRisk: r.at_risk,
      newlyBreached: r.newly_breached,
      caseIds: r.case_ids,
    }));
  }

  /** One timeline entry per newly breached stage, all in one insert. */
  async appendBreaches(manager: EntityManager, breached: FlaggedStage[], actor: string, at: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO complaint_timeline (id, complaint_id, kind, summary, actor, at)
          SELECT id, complaint_id, 'stage-breached', 'Stage ' || stage || ' deadline missed', ${actor}, ${at}
          FROM unnest(${breached.map(() => randomUUID())}::uuid[], ${breached.map((s) => s.complaintId)}::uuid[],
            ${breached.map((s) => s.stage)}::int[]) AS t (id, complaint_id, stage)`,
    );
  }
}
