import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { allocationTransferredV1 } from '@ccsc/contracts';
import { appendToOutbox, type EventContext } from '@ccsc/messaging';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { BadUserInputError, ConflictError, decodeCursor, NotFoundError, Page, toPage } from '@ccsc/platform';
import { PaymentPosting } from '../../payment/application/payment.posting';
import { Payment, PaymentRepository } from '../../payment/infrastructure/payment.repository';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { allocationAmount, allocationProblems, AllocationRequest, assertCanTransfer, assertCanVerify } from '../domain/allocation';
import { AllocationRepository, StoredAllocation } from '../infrastructure/allocation.repository';
import { present } from '../../present';

/** The unallocated-payments work queue: one officer allocates, a second verifies, and only then does the money move. */
@Injectable()
export class AllocationCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly allocations: AllocationRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly posting: PaymentPosting,
    private readonly caseAccess: CaseAccess,
  ) {}

  /**
   * The payment row is locked first, so allocations of one payment queue up: each sees what the
   * others took, and the one that would go beyond the amount is refused.
   */
  async allocate(paymentId: string, request: AllocationRequest, principal: Principal, now = new Date()): Promise<StoredAllocation> {
    if (request.caseId && !(await this.caseAccess.exists(request.caseId))) throw new NotFoundError('The case');
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.payments.find(manager, paymentId, true);
      if (!payment) throw new NotFoundError('The payment');
      if (payment.status !== 'success' || payment.reversedAt) throw new ConflictError('Only money received, and not reversed, can be allocated');
      // A pending transfer moves money already counted in the allocation it replaces.
      const taken = (await this.allocations.forPayments(manager, [paymentId])).filter((a) => a.status === 'verified' || (a.status === 'awaiting-verification' && a.replaces === null));
      const amountPence = allocationAmount(request, payment.amountPence, taken.reduce((sum, a) => sum + a.amountPence, 0));
      const serviceRequestId = request.target === 'service-request' ? await this.requests.lockForCase(manager, present(request.caseId), now) : null;
      const allocation: StoredAllocation = {
        id: randomUUID(), paymentId, target: request.target, caseId: request.caseId ?? null, serviceRequestId, fineAccountNumber: request.fineAccountNumber ?? null,
        amountPence, reason: request.reason ?? null, status: 'awaiting-verification', allocatedBy: principal.sub, allocatedAt: now, verifiedBy: null, verifiedAt: null, replaces: null,
      };
      await this.allocations.insert(manager, allocation);
      return allocation;
    });
  }

  /** Moves a verified allocation elsewhere (a wrong case, the right fine account); like any allocation, it takes effect once a second officer verifies it. */
  async transfer(allocationId: string, request: AllocationRequest, principal: Principal, now = new Date()): Promise<StoredAllocation> {
    if (request.caseId && !(await this.caseAccess.exists(request.caseId))) throw new NotFoundError('The case');
    return this.dataSource.transaction(async (manager) => {
      const found = await this.allocations.find(manager, allocationId);
      if (!found) throw new NotFoundError('The allocation');
      await this.payments.find(manager, found.paymentId, true);
      const from = present(await this.allocations.find(manager, allocationId));
      const problems = allocationProblems(request);
      if (problems.length) throw new BadUserInputError('The transfer is not complete', problems);
      assertCanTransfer(from, request);
      const pending = (await this.allocations.forPayments(manager, [from.paymentId])).some((a) => a.replaces === from.id && a.status === 'awaiting-verification');
      if (pending) throw new ConflictError('A transfer of this allocation is already awaiting verification');
      const serviceRequestId = request.target === 'service-request' ? await this.requests.lockForCase(manager, present(request.caseId), now) : null;
      const allocation: StoredAllocation = {
        id: randomUUID(), paymentId: from.paymentId, target: request.target, caseId: request.caseId ?? null, serviceRequestId, fineAccountNumber: request.fineAccountNumber ?? null,
        amountPence: from.amountPence, reason: request.reason ?? null, status: 'awaiting-verification', allocatedBy: principal.sub, allocatedAt: now,
        verifiedBy: null, verifiedAt: null, replaces: from.id,
      };
      await this.allocations.insert(manager, allocation);
      return allocation;
    });
  }

  /** The second officer's decision: verified, the money moves and enforcement or cases hear of it; rejected, the amount is free again. */
  async verify(allocationId: string, approve: boolean, principal: Principal, correlationId?: string, now = new Date()): Promise<StoredAllocation> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.allocations.find(manager, allocationId);
      if (!found) throw new NotFoundError('The allocation');
      const payment = present((await this.payments.find(manager, found.paymentId, true)));
      const allocation = present((await this.allocations.find(manager, allocationId)));
      assertCanVerify(allocation, principal.sub);
      const status = approve ? 'verified' : 'rejected';
      await this.allocations.setStatus(manager, allocation.id, status, principal.sub, now);
      const decided = { ...allocation, status, verifiedBy: principal.sub, verifiedAt: now } as StoredAllocation;
      if (!approve) return decided;
      if (payment.reversedAt) throw new ConflictError('The payment has been reversed since it was allocated');
      const context = { correlationId, actor: principal.sub };
      if (decided.replaces) await this.moveOut(manager, payment, decided, context, now);
      await this.posting.allocate(manager, payment, decided, context, now, true);
      return decided;
    });
  }

  /** The allocation a verified transfer replaces stops counting where it was, and whoever relied on it is told. */
  private async moveOut(manager: EntityManager, payment: Payment, transfer: StoredAllocation, context: EventContext, now: Date): Promise<void> {
    const from = present(await this.allocations.find(manager, present(transfer.replaces)));
    if (from.status !== 'verified') throw new ConflictError(`The allocation being transferred is now ${from.status}`);
    await this.posting.withdraw(manager, payment, from, context, now);
    await this.allocations.setStatus(manager, from.id, 'transferred', null, null);
    if (from.target === 'unidentified') return;
    const data = {
      paymentId: payment.id, allocationId: from.id, toAllocationId: transfer.id, target: from.target, amountPence: from.amountPence, transferredAt: now.toISOString(),
      ...(from.caseId ? { caseId: from.caseId } : {}), ...(from.fineAccountNumber ? { fineAccountNumber: from.fineAccountNumber } : {}),
    };
    await appendToOutbox(manager, [{ type: allocationTransferredV1, subject: payment.id, data }], context, now);
  }

  /** Money received that is not (fully) allocated, oldest first: the officers' work queue. */
  async unallocated(limit: number, after?: string): Promise<Page<Payment & { unallocatedPence: number }>> {
    const manager = this.dataSource.manager;
    const position = after ? decodeCursor(after) : undefined;
    const rows = (await manager.query(
      `SELECT p.id, p.created_at FROM payments p
       WHERE p.status = 'success' AND p.reversed_at IS NULL
         AND p.amount_pence > COALESCE((SELECT sum(a.amount_pence) FROM allocations a WHERE a.payment_id = p.id AND (a.status = 'verified' OR (a.status = 'awaiting-verification' AND a.replaces IS NULL))), 0)
         ${position ? 'AND (p.created_at, p.id) > ($1, $2)' : ''}
       ORDER BY p.created_at, p.id LIMIT ${limit + 1}`,
      position ? [position.createdAt, position.id] : [],
    )) as { id: string }[];
    const ids = rows.map((r) => r.id);
    const [payments, balances] = await Promise.all([this.payments.byIds(manager, ids), this.posting.unallocated(manager, ids)]);
    const byId = new Map(payments.map((p) => [p.id, p]));
    const items = ids.map((id) => ({ ...present(byId.get(id)), unallocatedPence: balances.get(id) ?? 0 }));
    return toPage(items, limit);
  }

  async awaitingVerification(limit: number, after?: string): Promise<Page<StoredAllocation & { createdAt: Date }>> {
    const rows = await this.allocations.awaitingVerification(this.dataSource.manager, limit, after ? decodeCursor(after) : undefined);
    return toPage(rows.map((a) => ({ ...a, createdAt: a.allocatedAt })), limit);
  }
}
