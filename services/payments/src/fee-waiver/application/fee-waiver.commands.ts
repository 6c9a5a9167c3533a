import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { feeWaiverDecidedV1, feeWaiverRequestedV1 } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { present } from '../../ledger/domain/present';
import { ServiceRequestCommands } from '../../service-request/application/service-request.commands';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { decideFeeWaiver, FeeWaiver, waiverRemission } from '../domain/fee-waiver';
import { FeeWaiverRepository } from '../infrastructure/fee-waiver.repository';
import { approvalAccountsOf, assertWithinLimits } from '../../approval/domain/approval-accounts';
import { ApprovedMoney } from '../../approval/infrastructure/approved-money.repository';

/** A fee a complaint's remedy waives, as its event says, and the officer who agreed the remedy. */
export interface WaivedFee {
  complaintId: string;
  remedyId: string;
  caseId: string;
  feeCode: string;
  amountPence: number;
  agreedBy: string;
}

/**
 * Fee waivers agreed as complaint remedies: proposed by the officer who agreed the remedy, remitted
 * once a second person approves. Its wait and its decision are announced (fee-waiver-requested /
 * -decided), so the work queue has a task for the second person.
 */
@Injectable()
export class FeeWaiverCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly waivers: FeeWaiverRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly serviceRequests: ServiceRequestCommands,
    private readonly approvedMoney: ApprovedMoney,
  ) {}

  /**
   * Records the waiver for approval, in the consumer's unit of work. A waiver of a fee the case does not
   * owe, or of more than is left of it, could never be applied as agreed: it is rejected as it arrives
   * (announced, so the complaint's remedy says so), for the complaint to agree what the case owes.
   */
  async raise(tx: Transaction, remedy: WaivedFee): Promise<void> {
    const serviceRequestId = await this.requests.lockForCase(tx.manager, remedy.caseId, tx.now);
    // The same remedy told again (a replay under a new event id) changes nothing, and refuses nothing.
    if (await this.waivers.existsForRemedy(tx.manager, remedy.remedyId)) return;
    const request = present(await this.requests.byId(tx.manager, serviceRequestId));
    const fee = request.fees.find(
      (f) => f.code === remedy.feeCode && remedy.amountPence <= f.amountPence - f.remittedPence,
    );
    const { caseId, remedyId } = remedy;
    if (!fee) {
      const data = { waiverId: randomUUID(), caseId, decision: 'rejected', remedyId } as const;
      tx.publish({ type: feeWaiverDecidedV1, subject: data.waiverId, data });
      return;
    }
    const id = randomUUID();
    await this.waivers.insert(tx.manager, {
      id,
      complaintId: remedy.complaintId,
      remedyId: remedy.remedyId,
      caseId: remedy.caseId,
      serviceRequestId,
      feeId: fee.id,
      feeCode: fee.code,
      amountPence: remedy.amountPence,
      status: 'awaiting-approval',
      requestedBy: remedy.agreedBy,
      decidedBy: null,
      remittedPence: null,
      createdAt: tx.now,
    });
    tx.publish({
      type: feeWaiverRequestedV1,
      subject: id,
      data: {
        waiverId: id,
        caseId: remedy.caseId,
        complaintId: remedy.complaintId,
        feeCode: fee.code,
        amountPence: remedy.amountPence,
        requestedBy: remedy.agreedBy,
        remedyId,
      },
    });
  }

  async decide(
    id: string,
    approve: boolean,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<FeeWaiver> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const found = await this.waivers.find(tx.manager, id);
        if (!found) throw new NotFoundError('The fee waiver');
        // The service request first, then the waiver, in the order every remission takes its locks.
        await this.requests.lock(tx.manager, found.serviceRequestId);
        const waiver = present(await this.waivers.findForUpdate(tx.manager, id));
        const status = decideFeeWaiver(waiver, approve, principal.sub);
        let remittedPence: number | null = null;
        if (status === 'approved') {
          const { serviceRequestId, feeId } = waiver;
          const fee = present(
            (await this.requests.byId(tx.manager, serviceRequestId))?.fees.find((f) => f.id === feeId),
          );
          remittedPence = waiverRemission(waiver, fee);
          // Authority: what is approved on its case and its complaint, this one included, within the approver's limit.
          const accounts = approvalAccountsOf(waiver);
          const approved = await this.approvedMoney.lockAndCount(tx.manager, accounts, { waiverId: waiver.id });
          assertWithinLimits(accounts, approved, remittedPence, principal.roles);
          const remission = { serviceRequestId, feeId, amountPence: remittedPence, source: 'fee-waiver' } as const;
          await this.serviceRequests.remit(tx, { ...remission, reference: waiver.remedyId });
        }
        const decided: FeeWaiver = { ...waiver, status, decidedBy: principal.sub, remittedPence };
        await this.waivers.saveDecision(tx.manager, decided, now);
        tx.publish({
          type: feeWaiverDecidedV1,
          subject: waiver.id,
          data: {
            waiverId: waiver.id,
            caseId: waiver.caseId,
            decision: status === 'approved' ? 'approved' : 'rejected',
            ...(remittedPence ? { remittedPence } : {}),
            remedyId: waiver.remedyId,
          },
        });
        return decided;
      },
      now,
    );
  }
}
