import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { complaintStageBreachedV1 } from '@ccsc/contracts';
import { appendToOutbox } from '@ccsc/messaging';
import { returned } from '../../complaint/infrastructure/complaint.repository';

export interface SlaRunResult {
  ranAt: Date;
  /** Stages whose at-risk flag this run turned on or off. */
  atRiskChanged: number;
  /** Stages this run found past their deadline for the first time (one breach event each). */
  breached: number;
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
 * rather than announcing the breach a second time.
 */
export const SLA_RUN_SQL = `
  UPDATE complaint_stages s
  SET at_risk = (s.breached_at IS NULL AND s.at_risk_at <= $1 AND s.due_at >= $1),
      breached_at = coalesce(s.breached_at, CASE WHEN s.due_at < $1 THEN $1 END)
  FROM complaint_stages old JOIN complaints c ON c.id = old.complaint_id
  WHERE old.complaint_id = s.complaint_id AND old.stage = s.stage AND s.responded_at IS NULL
    AND (s.at_risk IS DISTINCT FROM (s.breached_at IS NULL AND s.at_risk_at <= $1 AND s.due_at >= $1) OR (s.breached_at IS NULL AND s.due_at < $1))
  RETURNING s.complaint_id, s.stage, s.due_at, s.at_risk, (old.breached_at IS NULL AND s.breached_at IS NOT NULL) AS newly_breached, c.case_ids`;

/**
 * The scheduled run: one UPDATE (SLA_RUN_SQL) sets the at-risk and breached flags from the
 * deadlines the calendar fixed when each stage started, and the stages breached for
 * the first time get their event and timeline entry in the same transaction, each as one insert.
 * Concurrent runs queue on the row locks and the second finds nothing new, so a breach is announced once.
 */
@Injectable()
export class ComplaintSlaRun {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(now = new Date(), actor = 'system'): Promise<SlaRunResult> {
    return this.dataSource.transaction(async (manager) => {
      const flagged = returned<FlaggedRow>(await manager.query(SLA_RUN_SQL, [now]));
      const breached = flagged.filter((r) => r.newly_breached);
      if (breached.length) {
        await manager.query(
          `INSERT INTO complaint_timeline (id, complaint_id, kind, summary, actor, at)
           SELECT id, complaint_id, 'stage-breached', 'Stage ' || stage || ' deadline missed', $4, $5
           FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS t (id, complaint_id, stage)`,
          [breached.map(() => randomUUID()), breached.map((r) => r.complaint_id), breached.map((r) => r.stage), actor, now],
        );
        await appendToOutbox(
          manager,
          breached.map((r) => ({
            type: complaintStageBreachedV1,
            subject: r.complaint_id,
            data: { complaintId: r.complaint_id, stage: r.stage, dueAt: r.due_at.toISOString(), caseIds: r.case_ids },
          })),
          { actor },
          now,
        );
      }
      return { ranAt: now, atRiskChanged: flagged.filter((r) => !r.newly_breached).length, breached: breached.length };
    });
  }
}
