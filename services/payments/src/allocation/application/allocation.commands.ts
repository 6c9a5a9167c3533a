import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { allocationTransferredV1, normaliseAccountNumber } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { BadUserInputError, ConflictError, NotFoundError } from '@ccsc/platform';
import { present } from '../../ledger/domain/present';
import { PaymentPosting } from '../../payment/application/payment.posting';
import type { Payment } from '../../payment/domain/payment';
import { AllocationRepository } from '../../payment/infrastructure/allocation.repository';
import { PaymentRepository } from '../../payment/infrastructure/payment.repository';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { apportion } from '../../service-request/domain/service-request';
import { heldStatuses, movablePence, NO_REFUND } from '../../refund/domain/refund';
import { RefundRepository } from '../../refund/infrastructure/refund.repository';
import {
  allocationAmount,
  allocationProblems,
  AllocationRequest,
  assertCanTransfer,
  assertCanVerify,
  StoredAllocation,
} from '../domain/allocation';

/** The unallocated-payments work queue: one officer allocates, a second verifies, and only then does the money move. */
@Injectable()
export class AllocationCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly payments: PaymentRepository,
    private readonly allocations: AllocationRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly posting: PaymentPosting,
    private readonly caseAccess: CaseAccess,
    private readonly refunds: RefundRepository,
  ) {}

  /**
   * The payment row is locked first, so allocations of one payment queue up: each sees what the
   * others took, and the one that would go beyond the amount is refused.
   */
  async allocate(
    paymentId: string,
    request: AllocationRequest,
    principal: Principal,
    now = new Date(),
  ): Promise<StoredAllocation> {
    await this.assertCaseKnown(request);
    return this.unitOfWork.run(
      { actor: principal.sub },
      async (tx) => {
        const { manager } = tx;
        const payment = await this.payments.findForUpdate(manager, paymentId);
        if (!payment) throw new NotFoundError('The payment');
        if (payment.status !== 'success' || payment.reversedAt) {
          throw new ConflictError('Only money received, and not reversed, can be allocated');
        }
        // A pending transfer moves money already counted in the allocation it replaces.
        const counts = (a: StoredAllocation) =>
          a.status === 'verified' || (a.status === 'awaiting-verification' && a.replaces === null);
        const taken = (await this.allocations.forPayments(manager, [paymentId])).filter(counts);
        const takenPence = taken.reduce((sum, a) => sum + a.amountPence, 0);
        const amountPence = allocationAmount(request, payment.amountPence, takenPence);
        return this.propose(tx, payment, { request, amountPence, replaces: null }, principal);
      },
      now,
    );
  }

  /**
   * Moves a verified allocation elsewhere (a wrong case, the right fine account); like any
   * allocation, it takes effect once a second officer verifies it.
   */
  async transfer(
    allocationId: string,
    request: AllocationRequest,
    principal: Principal,
    now = new Date(),
  ): Promise<StoredAllocation> {
    await this.assertCaseKnown(request);
    return this.unitOfWork.run(
      { actor: principal.sub },
      async (tx) => {
        const { manager } = tx;
        const found = await this.allocations.find(manager, allocationId);
        if (!found) throw new NotFoundError('The allocation');
        const payment = present(await this.payments.findForUpdate(manager, found.paymentId));
        const from = present(await this.allocations.find(manager, allocationId));
        const problems = allocationProblems(request);
        if (problems.length) throw new BadUserInputError('The transfer is not complete', problems);
        assertCanTransfer(from, request);
        // What the case it leaves holds is read under its lock, as a refund's decision reads it.
        await this.requests.lockInIdOrder(manager, [from.serviceRequestId], [request.caseId]);
        const others = await this.allocations.forPayments(manager, [from.paymentId]);
        const pending = others.some((a) => a.replaces === from.id && a.status === 'awaiting-verification');
        if (pending) throw new ConflictError('A transfer of this allocation is already awaiting verification');
        await this.assertMovable(tx, payment, from);
        const transfer = { request, amountPence: from.amountPence, replaces: from.id };
        return this.propose(tx, payment, transfer, principal);
      },
      now,
    );
  }

  /**
   * The second officer's decision: verified, the money moves and enforcement or cases hear of it;
   * rejected, the amount is free again, and the work queue hears the verification is over.
   */
  async verify(
    allocationId: string,
    approve: boolean,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<StoredAllocation> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const found = await this.allocations.find(tx.manager, allocationId);
        if (!found) throw new NotFoundError('The allocation');
        const payment = present(await this.payments.findForUpdate(tx.manager, found.paymentId));
        const allocation = present(await this.allocations.find(tx.manager, allocationId));
        assertCanVerify(allocation, principal.sub);
        if (approve && allocation.replaces) {
          const from = present(await this.allocations.find(tx.manager, allocation.replaces));
          await this.requests.lockInIdOrder(tx.manager, [from.serviceRequestId, allocation.serviceRequestId]);
        }
        const status = approve ? 'verified' : 'rejected';
        await this.allocations.setStatus(tx.manager, allocation.id, status, principal.sub, now);
        const decided: StoredAllocation = { ...allocation, status, verifiedBy: principal.sub, verifiedAt: now };
        if (!approve) {
          this.posting.rejected(tx, decided);
          return decided;
        }
        if (payment.reversedAt) throw new ConflictError('The payment has been reversed since it was allocated');
        if (decided.replaces) await this.moveOut(tx, payment, decided);
        await this.posting.allocate(tx, payment, decided, true);
        return decided;
      },
      now,
    );
  }

  /** A case named as a target must be one the platform knows. */
  private async assertCaseKnown(request: AllocationRequest): Promise<void> {
    if (request.caseId && !(await this.caseAccess.exists(request.caseId))) throw new NotFoundError('The case');
  }

  /**
   * Records an allocation (a transfer `replaces` one) in the proposer's name, for a second officer to
   * verify, and announces that it waits for them.
   */
  private async propose(
    tx: Transaction,
    payment: Payment,
    proposal: { request: AllocationRequest; amountPence: number; replaces: string | null },
    principal: Principal,
  ): Promise<StoredAllocation> {
    const { manager, now } = tx;
    const { request } = proposal;
    const toCase = request.target === 'service-request';
    const serviceRequestId = toCase ? await this.requests.lockForCase(manager, present(request.caseId), now) : null;
    const allocation: StoredAllocation = {
      id: randomUUID(),
      paymentId: payment.id,
      target: request.target,
      caseId: request.caseId ?? null,
      serviceRequestId,
      fineAccountNumber: request.fineAccountNumber ? normaliseAccountNumber(request.fineAccountNumber) : null,
      amountPence: proposal.amountPence,
      reason: request.reason ?? null,
      status: 'awaiting-verification',
      allocatedBy: principal.sub,
      allocatedAt: now,
      verifiedBy: null,
      verifiedAt: null,
      replaces: proposal.replaces,
    };
    await this.allocations.insert(manager, allocation);
    this.posting.recorded(tx, payment, allocation);
    return allocation;
  }

  /**
   * Money given back must not also move elsewhere and be given back there. Out of a case, a transfer takes
   * only what the case still holds and has not promised to a refund, a remedy or another transfer
   * (`movablePence`; when a transfer is verified it is already no longer waiting, so it is not among them);
   * out of a fine account, nothing of a payment whose suspense is refunded or being refunded.
   */
  private async assertMovable(tx: Transaction, payment: Payment, from: StoredAllocation) {
    const nothing = { id: NO_REFUND };
    if (from.serviceRequestId) {
      const request = present(await this.requests.byId(tx.manager, from.serviceRequestId));
      const { paidPence } = apportion(request.fees, request.paidPence, request.disputed);
      const held = await this.refunds.held(tx.manager, { ...nothing, serviceRequestId: from.serviceRequestId });
      const inTransferPence = await this.allocations.inTransferFrom(tx.manager, from.serviceRequestId);
      const movable = movablePence(paidPence, { ...held, inTransferPence });
      if (from.amountPence > movable)
        throw new ConflictError(
          `Only ${movable} pence of the case's money can move: the rest was given back, or is promised to a refund or remedy`,
        );
      // Nor what was given back to this payment: its payer would have it back twice, once here, once there.
      const allocated = (await this.allocations.forPayments(tx.manager, [payment.id]))
        .filter((a) => a.serviceRequestId === from.serviceRequestId && a.status === 'verified')
        .reduce((sum, a) => sum + a.amountPence, 0);
      const stillHeld = allocated - (await this.refunds.givenBackTo(tx.manager, payment.id, from.serviceRequestId));
      if (from.amountPence > stillHeld)
        throw new ConflictError(
          `Only ${Math.max(0, stillHeld)} pence of this payment is still in the case: the rest was given back to its payer`,
        );
    } else if (from.target === 'fine-account') {
      const statuses = heldStatuses({ reason: 'enforcement-suspense' });
      if ((await this.refunds.heldForPayment(tx.manager, { ...nothing, paymentId: payment.id }, statuses)) > 0)
        throw new ConflictError('Money of this payment is refunded from suspense, or being refunded: it cannot move');
    }
  }

  /** The allocation a verified transfer replaces stops counting where it was, and whoever relied on it is told. */
  private async moveOut(tx: Transaction, payment: Payment, transfer: StoredAllocation): Promise<void> {
    const from = present(await this.allocations.find(tx.manager, present(transfer.replaces)));
    if (from.status !== 'verified') throw new ConflictError(`The allocation being transferred is now ${from.status}`);
    await this.assertMovable(tx, payment, from);
    await this.posting.withdraw(tx, payment, from);
    await this.allocations.setStatus(tx.manager, from.id, 'transferred', null, null);
    if (from.target === 'unidentified') return;
    const data = {
      paymentId: payment.id,
      allocationId: from.id,
      toAllocationId: transfer.id,
      target: from.target,
      amountPence: from.amountPence,
      transferredAt: tx.now.toISOString(),
      ...(from.caseId ? { caseId: from.caseId } : {}),
      ...(from.fineAccountNumber ? { fineAccountNumber: from.fineAccountNumber } : {}),
    };
    tx.publish({ type: allocationTransferredV1, subject: payment.id, data });
  }
}
