import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import type { EventContext } from '@ccsc/messaging';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { ServiceRequestLedger } from '../../service-request/application/service-request.ledger';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { assessRemission, pickedForEvidenceCheck, RemissionApplicant, RemissionDecision } from '../domain/remission';

export const HWF_SETTINGS = Symbol('HWF_SETTINGS');
export interface HelpWithFeesSettings {
  evidenceCheckPercent: number;
}

export type HelpWithFeesStatus = 'decided' | 'awaiting-evidence' | 'evidence-failed';

export interface HelpWithFeesApplication extends Omit<RemissionDecision, 'thresholdPence' | 'savingsLimitPence'> {
  id: string;
  caseId: string;
  feeCode: string;
  status: HelpWithFeesStatus;
  appliedBy: string;
  checkedBy: string | null;
  createdAt: Date;
}

interface Row {
  id: string; case_id: string; service_request_id: string; fee_id: string; fee_code: string; outcome: RemissionDecision['outcome']; fee_pence: string;
  contribution_pence: string; remitted_pence: string; reason: RemissionDecision['reason']; status: HelpWithFeesStatus; applied_by: string; checked_by: string | null;
  created_at: Date; applicant: RemissionApplicant;
}

/**
 * Help with Fees applications: assessed at once, and the remission applied to the fee unless the
 * application is picked for an evidence check, in which case it waits for an officer's check.
 */
@Injectable()
export class HelpWithFeesCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(HWF_SETTINGS) private readonly settings: HelpWithFeesSettings,
    private readonly requests: ServiceRequestRepository,
    private readonly ledger: ServiceRequestLedger,
    private readonly caseAccess: CaseAccess,
  ) {}

  async apply(input: { caseId: string; feeCode: string; applicant: RemissionApplicant }, principal: Principal, correlationId?: string, now = new Date()): Promise<HelpWithFeesApplication> {
    if (!(await this.caseAccess.canSee(principal, input.caseId))) throw new NotFoundError('The case');
    return this.dataSource.transaction(async (manager) => {
      const serviceRequestId = await this.requests.lockForCase(manager, input.caseId, now);
      const request = await this.requests.byId(manager, serviceRequestId);
      const fee = request?.fees.find((f) => f.code === input.feeCode && f.remittedPence === 0);
      if (!fee) throw new NotFoundError(`An unremitted ${input.feeCode} on the case`);
      const decision = assessRemission(fee.amountPence, input.applicant);
      const id = randomUUID();
      const sampled = decision.remittedPence > 0 && pickedForEvidenceCheck(id, this.settings.evidenceCheckPercent);
      const status: HelpWithFeesStatus = sampled ? 'awaiting-evidence' : 'decided';
      const inserted = (await manager.query(
        `INSERT INTO hwf_applications (id, case_id, service_request_id, fee_id, fee_code, applicant, outcome, fee_pence, contribution_pence, remitted_pence, reason, status, applied_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
         ON CONFLICT (fee_id) WHERE status <> 'evidence-failed' DO NOTHING RETURNING id`,
        [id, input.caseId, serviceRequestId, fee.id, fee.code, JSON.stringify(input.applicant), decision.outcome, decision.feePence, decision.contributionPence, decision.remittedPence, decision.reason, status, principal.sub, now],
      )) as unknown[];
      if (inserted.length === 0) throw new ConflictError(`${input.feeCode} on this case already has a Help with Fees application`);
      if (status === 'decided' && decision.remittedPence > 0) {
        await this.ledger.remit(manager, { serviceRequestId, feeId: fee.id, amountPence: decision.remittedPence, source: 'help-with-fees', reference: id }, { correlationId, actor: principal.sub }, now);
      }
      const { thresholdPence: _threshold, savingsLimitPence: _limit, ...outcome } = decision;
      return { ...outcome, id, caseId: input.caseId, feeCode: fee.code, status, appliedBy: principal.sub, checkedBy: null, createdAt: now };
    });
  }

  /** The evidence check of a sampled application, by someone other than who applied: passed, the remission is applied; failed, none is. */
  async completeEvidenceCheck(id: string, passed: boolean, principal: Principal, correlationId?: string, now = new Date()): Promise<HelpWithFeesApplication> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, id, true);
      if (!row) throw new NotFoundError('The Help with Fees application');
      if (row.status !== 'awaiting-evidence') throw new ConflictError(`The application is ${row.status}, not awaiting evidence`);
      if (row.applied_by === principal.sub) throw new ConflictError('The evidence check must be done by someone other than the applicant');
      const status: HelpWithFeesStatus = passed ? 'decided' : 'evidence-failed';
      await manager.query(`UPDATE hwf_applications SET status = $2, checked_by = $3, updated_at = $4 WHERE id = $1`, [id, status, principal.sub, now]);
      if (passed) {
        const context: EventContext = { correlationId, actor: principal.sub };
        await this.requests.lockForCase(manager, row.case_id, now);
        // A fee waiver may have remitted part of the fee while the evidence was awaited: only what is left is remitted now.
        const fee = (await this.requests.byId(manager, row.service_request_id))?.fees.find((f) => f.id === row.fee_id);
        const amountPence = Math.min(Number(row.remitted_pence), fee ? fee.amountPence - fee.remittedPence : 0);
        if (amountPence > 0) {
          await this.ledger.remit(manager, { serviceRequestId: row.service_request_id, feeId: row.fee_id, amountPence, source: 'help-with-fees', reference: id }, context, now);
        }
      }
      return toApplication({ ...row, status, checked_by: principal.sub });
    });
  }

  private async find(manager: EntityManager, id: string, lock: boolean): Promise<Row | undefined> {
    const [row] = (await manager.query(`SELECT * FROM hwf_applications WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as Row[];
    return row;
  }
}

function toApplication(r: Row): HelpWithFeesApplication {
  return {
    id: r.id, caseId: r.case_id, feeCode: r.fee_code, outcome: r.outcome, feePence: Number(r.fee_pence), contributionPence: Number(r.contribution_pence),
    remittedPence: Number(r.remitted_pence), reason: r.reason, status: r.status, appliedBy: r.applied_by, checkedBy: r.checked_by, createdAt: r.created_at,
  };
}
