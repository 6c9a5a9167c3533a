import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertSecondPerson, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import type { EventContext } from '@ccsc/messaging';
import { ConflictError, NotFoundError, Page } from '@ccsc/platform';
import { ServiceRequestLedger } from '../../service-request/application/service-request.ledger';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { assessRemission, HelpWithFeesStatus, initialStatus, pickedForEvidenceCheck, RemissionApplicant, RemissionDecision } from '../domain/remission';
import { present } from '../../present';
import { assertActsForFeePayer } from '../../service-request/application/fee-payer';
import { awaitingPage } from '../../approval-queue';

export const HWF_SETTINGS = Symbol('HWF_SETTINGS');
export interface HelpWithFeesSettings {
  evidenceCheckPercent: number;
}

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
 * Help with Fees applications: assessed at once by the rules, and the remission applied only when a
 * member of staff other than whoever applied decides it (after checking the evidence, when the
 * application is sampled for a check or the fee's last application was refused or failed its check).
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

  async apply(input: { caseId: string; feeCode: string; applicant: RemissionApplicant }, principal: Principal, now = new Date()): Promise<HelpWithFeesApplication> {
    await assertActsForFeePayer(this.caseAccess, principal, input.caseId);
    return this.dataSource.transaction(async (manager) => {
      const serviceRequestId = await this.requests.lockForCase(manager, input.caseId, now);
      const request = await this.requests.byId(manager, serviceRequestId);
      const fee = request?.fees.find((f) => f.code === input.feeCode && f.remittedPence === 0);
      if (!fee) throw new NotFoundError(`An unremitted ${input.feeCode} on the case`);
      const decision = assessRemission(fee.amountPence, input.applicant);
      const id = randomUUID();
      const [turnedDown] = (await manager.query(`SELECT 1 FROM hwf_applications WHERE fee_id = $1 AND status IN ('evidence-failed', 'refused') LIMIT 1`, [fee.id])) as unknown[];
      const status = initialStatus(decision.remittedPence, turnedDown !== undefined, pickedForEvidenceCheck(id, this.settings.evidenceCheckPercent));
      const inserted = (await manager.query(
        `INSERT INTO hwf_applications (id, case_id, service_request_id, fee_id, fee_code, applicant, outcome, fee_pence, contribution_pence, remitted_pence, reason, status, applied_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
         ON CONFLICT (fee_id) WHERE status NOT IN ('evidence-failed', 'refused') DO NOTHING RETURNING id`,
        [id, input.caseId, serviceRequestId, fee.id, fee.code, JSON.stringify(input.applicant), decision.outcome, decision.feePence, decision.contributionPence, decision.remittedPence, decision.reason, status, principal.sub, now],
      )) as unknown[];
      if (inserted.length === 0) throw new ConflictError(`${input.feeCode} on this case already has a Help with Fees application`);
      const { thresholdPence: _threshold, savingsLimitPence: _limit, ...outcome } = decision;
      return { ...outcome, id, caseId: input.caseId, feeCode: fee.code, status, appliedBy: principal.sub, checkedBy: null, createdAt: now };
    });
  }

  /** Staff decide an application that needed no evidence: granted, the remission is applied; refused, none is. */
  decide(id: string, grant: boolean, principal: Principal, correlationId?: string, now = new Date()): Promise<HelpWithFeesApplication> {
    return this.conclude(id, 'awaiting-decision', grant ? 'decided' : 'refused', principal, correlationId, now);
  }

  /** The evidence check of an application that needs one: passed, the remission is applied; failed, none is, and the fee's next application needs evidence too. */
  completeEvidenceCheck(id: string, passed: boolean, principal: Principal, correlationId?: string, now = new Date()): Promise<HelpWithFeesApplication> {
    return this.conclude(id, 'awaiting-evidence', passed ? 'decided' : 'evidence-failed', principal, correlationId, now);
  }

  /** Applications waiting for staff, oldest first. */
  async awaitingStaff(limit: number, after?: string): Promise<Page<HelpWithFeesApplication>> {
    return awaitingPage<Row, HelpWithFeesApplication>(this.dataSource, 'hwf_applications', ['awaiting-decision', 'awaiting-evidence'], toApplication, limit, after);
  }

  /** Four eyes on the remission: whoever concludes it is not whoever applied, whatever their role. */
  private async conclude(id: string, from: HelpWithFeesStatus, to: HelpWithFeesStatus, principal: Principal, correlationId: string | undefined, now: Date): Promise<HelpWithFeesApplication> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.find(manager, id, false);
      if (!found) throw new NotFoundError('The Help with Fees application');
      // The service request first, then the application, in the order every remission takes its locks.
      await this.requests.lock(manager, found.service_request_id);
      const row = present(await this.find(manager, id, true));
      if (row.status !== from) throw new ConflictError(`The application is ${row.status}, not ${from.replace('-', ' ')}`);
      assertSecondPerson(row.applied_by, principal.sub, 'A Help with Fees remission');
      await manager.query(`UPDATE hwf_applications SET status = $2, checked_by = $3, updated_at = $4 WHERE id = $1`, [id, to, principal.sub, now]);
      if (to === 'decided') {
        // A fee waiver may have remitted part of the fee meanwhile: only what is left of it is remitted now.
        const fee = (await this.requests.byId(manager, row.service_request_id))?.fees.find((f) => f.id === row.fee_id);
        const amountPence = Math.min(Number(row.remitted_pence), fee ? fee.amountPence - fee.remittedPence : 0);
        if (amountPence > 0) {
          const context: EventContext = { correlationId, actor: principal.sub };
          await this.ledger.remit(manager, { serviceRequestId: row.service_request_id, feeId: row.fee_id, amountPence, source: 'help-with-fees', reference: id }, context, now);
        }
      }
      return toApplication({ ...row, status: to, checked_by: principal.sub });
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
