import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { paymentAllocatedV1, paymentReceivedV1, paymentReversedV1 } from '@ccsc/contracts';
import { appendToOutbox, type EventContext, type PendingEvent } from '@ccsc/messaging';
import type { StoredAllocation } from '../../allocation/infrastructure/allocation.repository';
import { AllocationRepository } from '../../allocation/infrastructure/allocation.repository';
import { ledgerAccount, transfer } from '../../ledger/domain/ledger';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { ServiceRequestLedger } from '../../service-request/application/service-request.ledger';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import type { ReversalReason } from '../domain/payment';
import type { Payment } from '../infrastructure/payment.repository';
import { present } from '../../present';

/**
 * What a payment does to the ledger, in the caller's transaction: money received is held against
 * the payment until an allocation moves it on; a reversal undoes both, newest effect first.
 */
@Injectable()
export class PaymentPosting {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly serviceRequests: ServiceRequestLedger,
    private readonly allocations: AllocationRepository,
  ) {}

  /** Where the money came from: the firm's account (it owes us) or the takings of its method. */
  private source(payment: Payment): string {
    return payment.method === 'payment-by-account' ? ledgerAccount.firmAccount(present(payment.accountId)) : ledgerAccount.cash(payment.method);
  }

  async received(manager: EntityManager, payment: Payment, context: EventContext, now: Date): Promise<void> {
    await this.ledger.record(
      manager,
      [transfer('payment-received', ledgerAccount.payment(payment.id), this.source(payment), payment.amountPence, { method: payment.method, paymentId: payment.id })],
      context.actor ?? 'system',
      now,
    );
    const data = { paymentId: payment.id, method: payment.method, amountPence: payment.amountPence, receivedAt: (payment.receivedAt ?? now).toISOString(), ...(payment.caseId ? { caseId: payment.caseId } : {}) };
    await appendToOutbox(manager, [{ type: paymentReceivedV1, subject: payment.id, data }], context, now);
  }

  /**
   * A verified allocation takes effect: the money moves to the case's service request, to the
   * fine account (enforcement applies it), or into suspense when nobody could identify it.
   * `announce` publishes payment-allocated, for allocations an officer made and another verified.
   */
  async allocate(manager: EntityManager, payment: Payment, allocation: StoredAllocation, context: EventContext, now: Date, announce: boolean): Promise<void> {
    const actor = context.actor ?? 'system';
    const held = ledgerAccount.payment(payment.id);
    const tags = { method: payment.method, paymentId: payment.id };
    if (allocation.target === 'service-request') {
      await this.serviceRequests.applyPayment(manager, present(allocation.serviceRequestId), payment, allocation.amountPence, context, now);
    } else if (allocation.target === 'fine-account') {
      await this.ledger.record(manager, [transfer('allocation', ledgerAccount.fineAccount(present(allocation.fineAccountNumber)), held, allocation.amountPence, { ...tags, businessArea: 'criminal-fines' })], actor, now);
    } else {
      await this.ledger.record(manager, [transfer('allocation', ledgerAccount.unidentified, held, allocation.amountPence, { ...tags, businessArea: 'unidentified' })], actor, now);
    }
    if (!announce || allocation.target === 'unidentified') return;
    const data = {
      paymentId: payment.id,
      allocationId: allocation.id,
      target: allocation.target,
      amountPence: allocation.amountPence,
      method: payment.method,
      receivedAt: (payment.receivedAt ?? now).toISOString(),
      allocatedAt: now.toISOString(),
      ...(allocation.caseId ? { caseId: allocation.caseId } : {}),
      ...(allocation.fineAccountNumber ? { fineAccountNumber: allocation.fineAccountNumber } : {}),
    };
    await appendToOutbox(manager, [{ type: paymentAllocatedV1, subject: payment.id, data }], context, now);
  }

  /** Takes a verified allocation's money back to the payment it came from (for a reversal or a transfer). */
  async withdraw(manager: EntityManager, payment: Payment, allocation: StoredAllocation, context: EventContext, now: Date): Promise<void> {
    if (allocation.target === 'service-request') {
      await this.serviceRequests.withdrawPayment(manager, present(allocation.serviceRequestId), payment, allocation.amountPence, context, now);
      return;
    }
    const fine = allocation.target === 'fine-account';
    const account = fine ? ledgerAccount.fineAccount(present(allocation.fineAccountNumber)) : ledgerAccount.unidentified;
    const tags = { method: payment.method, paymentId: payment.id, businessArea: fine ? 'criminal-fines' : 'unidentified' };
    await this.ledger.record(manager, [transfer('reversal', ledgerAccount.payment(payment.id), account, allocation.amountPence, tags)], context.actor ?? 'system', now);
  }

  /** A bounce or chargeback: every verified allocation is taken back, then the receipt itself. */
  async reverse(manager: EntityManager, payment: Payment, reason: ReversalReason, context: EventContext, now: Date): Promise<void> {
    const allocations = await this.allocations.forPayments(manager, [payment.id]);
    const events: PendingEvent[] = [];
    const base = { paymentId: payment.id, reason, reversedAt: now.toISOString() };
    for (const allocation of allocations) {
      if (allocation.status === 'awaiting-verification') await this.allocations.setStatus(manager, allocation.id, 'rejected', null, null);
      if (allocation.status !== 'verified') continue;
      await this.withdraw(manager, payment, allocation, context, now);
      if (reason === 'chargeback' && allocation.serviceRequestId) await this.requests.setDisputed(manager, allocation.serviceRequestId, true);
      await this.allocations.setStatus(manager, allocation.id, 'reversed', null, null);
      if (allocation.target !== 'unidentified') {
        events.push({
          type: paymentReversedV1,
          subject: payment.id,
          data: {
            ...base, allocationId: allocation.id, amountPence: allocation.amountPence, target: allocation.target,
            ...(allocation.caseId ? { caseId: allocation.caseId } : {}),
            ...(allocation.fineAccountNumber ? { fineAccountNumber: allocation.fineAccountNumber } : {}),
          },
        });
      }
    }
    if (events.length === 0) events.push({ type: paymentReversedV1, subject: payment.id, data: { ...base, amountPence: payment.amountPence, ...(payment.caseId ? { caseId: payment.caseId } : {}) } });
    const tags = { method: payment.method, paymentId: payment.id };
    await this.ledger.record(manager, [transfer('reversal', this.source(payment), ledgerAccount.payment(payment.id), payment.amountPence, tags)], context.actor ?? 'system', now);
    await appendToOutbox(manager, events, context, now);
  }

  /** Money held against a payment and not yet allocated (verified allocations only move it). */
  async unallocated(manager: EntityManager, paymentIds: readonly string[]): Promise<Map<string, number>> {
    const balances = await this.ledger.balances(manager, paymentIds.map(ledgerAccount.payment));
    return new Map(paymentIds.map((id) => [id, -(balances.get(ledgerAccount.payment(id)) ?? 0)]));
  }
}
