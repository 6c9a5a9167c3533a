import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { refundStatusChangedV1 } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { present } from '../../ledger/domain/present';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { AllocationRepository } from '../../payment/infrastructure/allocation.repository';
import { assertActsForFeePayer } from '../../service-request/application/fee-payer';
import { apportion } from '../../service-request/domain/service-request';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import {
  assertCanResubmit,
  assertWithinRefundable,
  decide,
  heldStatuses,
  Refund,
  RefundKind,
  refundablePence,
  RefundReason,
  refundMovement,
} from '../domain/refund';
import { RefundRepository } from '../infrastructure/refund.repository';

/** A refund or consolatory payment a complaint's remedy calls for, and the officer who agreed it. */
export interface RemedyPayment {
  kind: RefundKind;
  amountPence: number;
  caseId?: string;
  complaintId: string;
  remedyId: string;
  agreedBy: string;
}

/**
 * Refunds and remedy payments: asked for, approved by a second person, then paid; each step on the
 * ledger and announced.
 */
@Injectable()
export class RefundCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly refunds: RefundRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly allocations: AllocationRepository,
    private readonly ledger: LedgerRepository,
    private readonly caseAccess: CaseAccess,
  ) {}

  async request(
    input: { caseId: string; amountPence: number; reason: RefundReason; note?: string },
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Refund> {
    await assertActsForFeePayer(this.caseAccess, principal, input.caseId);
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const serviceRequestId = await this.requests.lockForCase(tx.manager, input.caseId, now);
        const refund: Refund = {
          id: randomUUID(),
          kind: 'refund',
          caseId: input.caseId,
          serviceRequestId,
          amountPence: input.amountPence,
          reason: input.reason,
          status: 'awaiting-approval',
          requestedBy: principal.sub,
          decidedBy: null,
          note: input.note ?? null,
          complaintId: null,
          remedyId: null,
          createdAt: now,
        };
        assertWithinRefundable(refund.amountPence, await this.refundable(tx, refund));
        await this.refunds.insert(tx.manager, refund, now);
        this.announce(tx, refund);
        return refund;
      },
      now,
    );
  }

  /**
   * A refund or consolatory payment a complaint's remedy calls for, proposed by the officer who
   * agreed the remedy (so they cannot approve it too) and awaiting an approver; in the consumer's unit of work.
   */
  async raiseForRemedy(tx: Transaction, remedy: RemedyPayment): Promise<void> {
    const serviceRequestId = remedy.caseId ? await this.requests.lockForCase(tx.manager, remedy.caseId, tx.now) : null;
    const refund: Refund = {
      id: randomUUID(),
      kind: serviceRequestId ? remedy.kind : 'consolatory-payment',
      caseId: remedy.caseId ?? null,
      serviceRequestId,
      amountPence: remedy.amountPence,
      reason: 'complaint-remedy',
      status: 'awaiting-approval',
      requestedBy: remedy.agreedBy,
      decidedBy: null,
      note: null,
      complaintId: remedy.complaintId,
      remedyId: remedy.remedyId,
      createdAt: tx.now,
    };
    await this.refunds.insert(tx.manager, refund, tx.now);
    this.announce(tx, refund);
  }

  async decide(
    id: string,
    decision: 'approve' | 'reject' | 'return',
    principal: Principal,
    note: string | undefined,
    correlationId?: string,
    now = new Date(),
  ): Promise<Refund> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const found = await this.refunds.find(tx.manager, id);
        if (!found) throw new NotFoundError('The refund');
        if (found.serviceRequestId) await this.requests.lockForCase(tx.manager, present(found.caseId), now);
        const refund = present(await this.refunds.findForUpdate(tx.manager, id));
        const status = decide(refund, decision, principal.sub);
        if (status === 'approved') {
          assertWithinRefundable(refund.amountPence, await this.refundable(tx, refund));
          const { serviceRequestId } = refund;
          const lastPaidBy = serviceRequestId && (await this.allocations.lastPaidInto(tx.manager, serviceRequestId));
          const movement = refundMovement(refund, lastPaidBy || undefined);
          await this.ledger.record(tx.manager, [movement], principal.sub, now);
        }
        const decided: Refund = { ...refund, status, decidedBy: principal.sub, note: note ?? refund.note };
        await this.refunds.update(tx.manager, decided, now);
        this.announce(tx, decided);
        return decided;
      },
      now,
    );
  }

  async resubmit(
    id: string,
    amountPence: number,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Refund> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const refund = await this.refunds.findForUpdate(tx.manager, id);
        if (!refund) throw new NotFoundError('The refund');
        assertCanResubmit(refund, principal.sub);
        // Whoever sets the amount of a refund that named no proposer becomes its proposer, so they cannot approve it too.
        const updated: Refund = {
          ...refund,
          amountPence,
          status: 'awaiting-approval',
          decidedBy: null,
          requestedBy: principal.sub,
        };
        assertWithinRefundable(amountPence, await this.refundable(tx, updated));
        await this.refunds.update(tx.manager, updated, now);
        this.announce(tx, updated);
        return updated;
      },
      now,
    );
  }

  async markPaid(id: string, principal: Principal, correlationId?: string, now = new Date()): Promise<Refund> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const refund = await this.refunds.findForUpdate(tx.manager, id);
        if (!refund) throw new NotFoundError('The refund');
        if (refund.status !== 'approved') {
          throw new ConflictError(`The refund is ${refund.status}; only an approved refund is paid`);
        }
        const paid: Refund = { ...refund, status: 'paid' };
        await this.refunds.update(tx.manager, paid, now);
        this.announce(tx, paid);
        return paid;
      },
      now,
    );
  }

  /**
   * What this refund may still take (`refundablePence`), from the service request's balance and the
   * other refunds on it.
   */
  private async refundable(tx: Transaction, refund: Refund): Promise<number> {
    if (!refund.serviceRequestId) return refundablePence(refund, { paidPence: 0, overpaymentPence: 0 }, 0);
    const request = present(await this.requests.byId(tx.manager, refund.serviceRequestId));
    const balance = apportion(request.fees, request.paidPence, request.disputed);
    return refundablePence(refund, balance, await this.refunds.held(tx.manager, refund, heldStatuses(refund)));
  }

  private announce(tx: Transaction, r: Refund): void {
    const data = {
      refundId: r.id,
      status: r.status,
      kind: r.kind,
      amountPence: r.amountPence,
      ...(r.caseId ? { caseId: r.caseId } : {}),
      ...(r.complaintId ? { complaintId: r.complaintId } : {}),
      ...(r.remedyId ? { remedyId: r.remedyId } : {}),
    };
    tx.publish({ type: refundStatusChangedV1, subject: r.id, data });
  }
}
