import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, queryOne, sql, type Queryable } from '@ccsc/platform';
import type {
  HelpWithFeesApplication,
  HelpWithFeesStatus,
  RemissionApplicant,
  RemissionDecision,
} from '../domain/remission';
import { awaitingPage } from './approval-queue';

interface Row {
  id: string;
  case_id: string;
  service_request_id: string;
  fee_id: string;
  fee_code: string;
  outcome: RemissionDecision['outcome'];
  fee_pence: string;
  contribution_pence: string;
  remitted_pence: string;
  reason: RemissionDecision['reason'];
  status: HelpWithFeesStatus;
  applied_by: string;
  checked_by: string | null;
  created_at: Date;
  applicant: RemissionApplicant;
}

@Injectable()
export class HelpWithFeesRepository {
  /** Whether an earlier application for the fee was refused or failed its evidence check. */
  async turnedDownBefore(manager: Queryable, feeId: string): Promise<boolean> {
    const found = await query(
      manager,
      sql`SELECT 1 FROM hwf_applications WHERE fee_id = ${feeId} AND status IN ('evidence-failed', 'refused') LIMIT 1`,
    );
    return found.length > 0;
  }

  /**
   * False when the fee already has an application still standing (one not refused and not failed).
   * `organisationId` is the firm a professional applied through, whose client the decision letter goes to.
   */
  async insert(
    manager: EntityManager,
    a: HelpWithFeesApplication,
    applicant: RemissionApplicant,
    organisationId: string | null = null,
  ): Promise<boolean> {
    const inserted = await query(
      manager,
      sql`INSERT INTO hwf_applications (id, case_id, service_request_id, fee_id, fee_code, applicant,
        outcome, fee_pence,
         contribution_pence, remitted_pence, reason, status, applied_by, applied_for_organisation, created_at, updated_at)
       VALUES (${a.id}, ${a.caseId}, ${a.serviceRequestId}, ${a.feeId}, ${a.feeCode}, ${JSON.stringify(applicant)},
         ${a.outcome}, ${a.feePence}, ${a.contributionPence}, ${a.remittedPence}, ${a.reason},
           ${a.status}, ${a.appliedBy}, ${organisationId},
         ${a.createdAt}, ${a.createdAt})
       ON CONFLICT (fee_id) WHERE status NOT IN ('evidence-failed', 'refused') DO NOTHING RETURNING id`,
    );
    return inserted.length > 0;
  }

  async find(manager: Queryable, id: string): Promise<HelpWithFeesApplication | undefined> {
    const row = await queryOne<Row>(manager, sql`SELECT * FROM hwf_applications WHERE id = ${id}`);
    return row && toApplication(row);
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<HelpWithFeesApplication | undefined> {
    const row = await queryOne<Row>(manager, sql`SELECT * FROM hwf_applications WHERE id = ${id} FOR UPDATE`);
    return row && toApplication(row);
  }

  /** The fee's application still standing (not refused, not failed), locked, with the applicant it was assessed on. */
  async standingForFeeForUpdate(
    manager: EntityManager,
    feeId: string,
  ): Promise<{ application: HelpWithFeesApplication; applicant: RemissionApplicant } | undefined> {
    const row = await queryOne<Row>(
      manager,
      sql`SELECT * FROM hwf_applications WHERE fee_id = ${feeId} AND status NOT IN ('evidence-failed', 'refused')
        FOR UPDATE`,
    );
    return row && { application: toApplication(row), applicant: row.applicant };
  }

  /** A new assessment of an application (its fee was repriced), and the status it leads to (waiting for staff: unchecked). */
  async reassess(
    manager: EntityManager,
    id: string,
    decision: Pick<RemissionDecision, 'outcome' | 'feePence' | 'contributionPence' | 'remittedPence' | 'reason'>,
    status: HelpWithFeesStatus,
    now: Date,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE hwf_applications SET outcome = ${decision.outcome}, fee_pence = ${decision.feePence},
        contribution_pence = ${decision.contributionPence}, remitted_pence = ${decision.remittedPence},
        reason = ${decision.reason}, status = ${status}, updated_at = ${now},
        checked_by = CASE WHEN ${status} IN ('awaiting-decision', 'awaiting-evidence') THEN NULL ELSE checked_by END
        WHERE id = ${id}`,
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: HelpWithFeesStatus,
    checkedBy: string,
    now: Date,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE hwf_applications SET status = ${status}, checked_by = ${checkedBy}, updated_at = ${now}
        WHERE id = ${id}`,
    );
  }

  /** Applications waiting for staff (a decision or an evidence check), oldest first. */
  async awaitingStaff(
    manager: Queryable,
    limit: number,
    after?: { createdAt: Date; id: string },
  ): Promise<HelpWithFeesApplication[]> {
    const waiting = ['awaiting-decision', 'awaiting-evidence'];
    const rows = await awaitingPage<Row>(manager, 'hwf_applications', waiting, limit, after);
    return rows.map(toApplication);
  }
}

function toApplication(r: Row): HelpWithFeesApplication {
  return {
    id: r.id,
    caseId: r.case_id,
    serviceRequestId: r.service_request_id,
    feeId: r.fee_id,
    feeCode: r.fee_code,
    outcome: r.outcome,
    feePence: Number(r.fee_pence),
    contributionPence: Number(r.contribution_pence),
    remittedPence: Number(r.remitted_pence),
    reason: r.reason,
    status: r.status,
    appliedBy: r.applied_by,
    checkedBy: r.checked_by,
    createdAt: r.created_at,
  };
}
