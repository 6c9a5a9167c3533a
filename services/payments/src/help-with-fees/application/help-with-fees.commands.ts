import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { helpWithFeesAwaitingStaffV1, helpWithFeesConcludedV1 } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { present } from '../../ledger/domain/present';
import { assertActsForFeePayer } from '../../service-request/application/fee-payer';
import { ServiceRequestCommands } from '../../service-request/application/service-request.commands';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import {
  assertCanConclude,
  assessRemission,
  HelpWithFeesApplication,
  HelpWithFeesStatus,
  initialStatus,
  isAwaitingStaff,
  pickedForEvidenceCheck,
  RemissionApplicant,
  WAITING_FOR,
} from '../domain/remission';
import { HelpWithFeesRepository } from '../infrastructure/help-with-fees.repository';

export const HWF_SETTINGS = Symbol('HWF_SETTINGS');
export interface HelpWithFeesSettings {
  evidenceCheckPercent: number;
}

/**
 * Help with Fees applications: assessed at once by the rules, and the remission applied only when a
 * member of staff other than whoever applied decides it (after checking the evidence, when the
 * application is sampled for a check or the fee's last application was refused or failed its check).
 */
@Injectable()
export class HelpWithFeesCommands implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(HWF_SETTINGS) private readonly settings: HelpWithFeesSettings,
    private readonly applications: HelpWithFeesRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly serviceRequests: ServiceRequestCommands,
    private readonly caseAccess: CaseAccess,
  ) {}

  onModuleInit(): void {
    this.serviceRequests.onRepriced((tx, fee) => this.reassess(tx, fee));
  }

  async apply(
    input: { caseId: string; feeCode: string; applicant: RemissionApplicant },
    principal: Principal,
    now = new Date(),
  ): Promise<HelpWithFeesApplication> {
    await assertActsForFeePayer(this.caseAccess, principal, input.caseId);
    return this.unitOfWork.run(
      { actor: principal.sub },
      async (tx) => {
        const { manager } = tx;
        const serviceRequestId = await this.requests.lockForCase(manager, input.caseId, now);
        const request = await this.requests.byId(manager, serviceRequestId);
        const fee = request?.fees.find((f) => f.code === input.feeCode && f.remittedPence === 0);
        if (!fee) throw new NotFoundError(`An unremitted ${input.feeCode} on the case`);
        const assessed = assessRemission(fee.amountPence, input.applicant);
        const { thresholdPence: _threshold, savingsLimitPence: _limit, ...decision } = assessed;
        const id = randomUUID();
        const turnedDown = await this.applications.turnedDownBefore(manager, fee.id);
        const sampled = pickedForEvidenceCheck(id, this.settings.evidenceCheckPercent);
        const status = initialStatus(decision.remittedPence, turnedDown, sampled);
        const application: HelpWithFeesApplication = {
          ...decision,
          id,
          caseId: input.caseId,
          serviceRequestId,
          feeId: fee.id,
          feeCode: fee.code,
          status,
          appliedBy: principal.sub,
          checkedBy: null,
          createdAt: now,
        };
        // A professional applies for their firm's client: the letter goes to the party the firm represents.
        const firm = principal.roles.includes('professional') ? (principal.organisationId ?? null) : null;
        if (!(await this.applications.insert(manager, application, input.applicant, firm))) {
          throw new ConflictError(`${input.feeCode} on this case already has a Help with Fees application`);
        }
        announceStatus(tx, application, null);
        return application;
      },
      now,
    );
  }

  /**
   * A fee repriced for the claim amount is assessed again, on the same applicant, against what the fee
   * now is. An application assessed at no remission that now qualifies goes to staff as a new one would; one
   * waiting for staff waits with the new figures; one granted whose remission would now be larger goes back
   * to staff for the increase (a second person grants it; what was granted stays granted). A smaller
   * remission than was granted takes nothing back: the fee's remission already covers the new figure.
   */
  private async reassess(tx: Transaction, fee: { id: string; amountPence: number }): Promise<void> {
    const standing = await this.applications.standingForFeeForUpdate(tx.manager, fee.id);
    if (!standing) return;
    const { application, applicant } = standing;
    const {
      thresholdPence: _threshold,
      savingsLimitPence: _limit,
      ...decision
    } = assessRemission(fee.amountPence, applicant);
    const granted = application.status === 'decided' && application.remittedPence > 0;
    if (granted && decision.remittedPence <= application.remittedPence) return;
    const status = granted
      ? 'awaiting-decision'
      : application.status === 'decided' || decision.remittedPence === 0
        ? initialStatus(
            decision.remittedPence,
            await this.applications.turnedDownBefore(tx.manager, fee.id),
            pickedForEvidenceCheck(application.id, this.settings.evidenceCheckPercent),
          )
        : application.status;
    await this.applications.reassess(tx.manager, application.id, decision, status, tx.now);
    announceStatus(tx, { ...application, status }, application.status);
  }

  /** Staff decide an application that needed no evidence: granted, the remission is applied; refused, none is. */
  decide(
    id: string,
    grant: boolean,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<HelpWithFeesApplication> {
    return this.conclude(id, 'awaiting-decision', grant ? 'decided' : 'refused', principal, correlationId, now);
  }

  /**
   * The evidence check of an application that needs one: passed, the remission is applied; failed,
   * none is, and the fee's next application needs evidence too.
   */
  completeEvidenceCheck(
    id: string,
    passed: boolean,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<HelpWithFeesApplication> {
    const to = passed ? 'decided' : 'evidence-failed';
    return this.conclude(id, 'awaiting-evidence', to, principal, correlationId, now);
  }

  /** Four eyes on the remission: whoever concludes it is not whoever applied, whatever their role. */
  private async conclude(
    id: string,
    from: HelpWithFeesStatus,
    to: HelpWithFeesStatus,
    principal: Principal,
    correlationId: string | undefined,
    now: Date,
  ): Promise<HelpWithFeesApplication> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const found = await this.applications.find(tx.manager, id);
        if (!found) throw new NotFoundError('The Help with Fees application');
        // The service request first, then the application, in the order every remission takes its locks.
        await this.requests.lock(tx.manager, found.serviceRequestId);
        const application = present(await this.applications.findForUpdate(tx.manager, id));
        assertCanConclude(application, from, principal.sub);
        await this.applications.setStatus(tx.manager, id, to, principal.sub, now);
        if (to === 'decided') {
          // A fee waiver may have remitted part of the fee meanwhile: only what is left of it is remitted now.
          const { serviceRequestId, feeId } = application;
          const fee = (await this.requests.byId(tx.manager, serviceRequestId))?.fees.find((f) => f.id === feeId);
          // An application granted before and reassessed for a repriced fee remits only the increase.
          const before = await this.requests.remittedUnder(tx.manager, id);
          const left = fee ? fee.amountPence - fee.remittedPence : 0;
          const amountPence = Math.min(application.remittedPence - before, left);
          if (amountPence > 0) {
            const remission = {
              serviceRequestId,
              feeId,
              amountPence,
              source: 'help-with-fees',
              reference: id,
              increase: before > 0,
            } as const;
            await this.serviceRequests.remit(tx, remission);
          }
        }
        const concluded: HelpWithFeesApplication = { ...application, status: to, checkedBy: principal.sub };
        announceStatus(tx, concluded, from);
        return concluded;
      },
      now,
    );
  }
}

/**
 * Tells the work queue when an application starts waiting for staff, moves from one wait to the other,
 * or stops waiting (`from`: its status before the change, null for a new one). Ids and codes only.
 */
function announceStatus(
  tx: Transaction,
  application: Pick<HelpWithFeesApplication, 'id' | 'caseId' | 'feeCode' | 'status'>,
  from: HelpWithFeesStatus | null,
): void {
  const { id: applicationId, caseId, feeCode, status } = application;
  if (status === from) return;
  if (isAwaitingStaff(status)) {
    const data = { applicationId, caseId, feeCode, waitingFor: WAITING_FOR[status] };
    tx.publish({ type: helpWithFeesAwaitingStaffV1, subject: applicationId, data });
  } else if (from !== null && isAwaitingStaff(from)) {
    const data = { applicationId, caseId, outcome: status };
    tx.publish({ type: helpWithFeesConcludedV1, subject: applicationId, data });
  }
}
