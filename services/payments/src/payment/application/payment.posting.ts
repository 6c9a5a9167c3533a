import { Injectable } from '@nestjs/common';
import {
  allocationRecordedV1,
  allocationRejectedV1,
  paymentAllocatedV1,
  paymentReceivedV1,
  paymentReversedV1,
} from '@ccsc/contracts';
import type { PendingEvent, Transaction } from '@ccsc/messaging';
import type { Queryable } from '@ccsc/platform';
import type { StoredAllocation } from '../../allocation/domain/allocation';
import { ledgerAccount, transfer } from '../../ledger/domain/ledger';
import { present } from '../../ledger/domain/present';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { actorOf, ServiceRequestCommands } from '../../service-request/application/service-request.commands';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import type { Payment, ReversalReason } from '../domain/payment';
import { AllocationRepository } from '../infrastructure/allocation.repository';

/**
 * What a payment does to the ledger, in the caller's unit of work: money received is held against
 * the payment until an allocation moves it on; a reversal undoes both, newest effect first.
 */
@Injectable()
export class PaymentPosting {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly serviceRequests: ServiceRequestCommands,
    private readonly allocations: AllocationRepository,
  ) {}

  /** Where the money came from: the firm's account (it owes us) or the takings of its method. */
  private source(payment: Payment): string {
    if (payment.method === 'payment-by-account') return ledgerAccount.firmAccount(present(payment.accountId));
    return ledgerAccount.cash(payment.method);
  }

  async received(tx: Transaction, payment: Payment): Promise<void> {
    const tags = { method: payment.method, paymentId: payment.id };
    const held = ledgerAccount.payment(payment.id);
    const received = transfer('payment-received', held, this.source(payment), payment.amountPence, tags);
    await this.ledger.record(tx.manager, [received], actorOf(tx), tx.now);
    const data = {
      paymentId: payment.id,
      method: payment.method,
      amountPence: payment.amountPence,
      receivedAt: (payment.receivedAt ?? tx.now).toISOString(),
      ...(payment.caseId ? { caseId: payment.caseId } : {}),
    };
    tx.publish({ type: paymentReceivedV1, subject: payment.id, data });
  }

  /**
   * A verified allocation takes effect: the money moves to the case's service request, to the
   * fine account (enforcement applies it), or into suspense when nobody could identify it.
   * `announce` publishes payment-allocated, for allocations an officer made and another verified.
   */
  async allocate(tx: Transaction, payment: Payment, allocation: StoredAllocation, announce: boolean): Promise<void> {
    const held = ledgerAccount.payment(payment.id);
    const tags = { method: payment.method, paymentId: payment.id };
    const { amountPence } = allocation;
    if (allocation.target === 'service-request') {
      await this.serviceRequests.applyPayment(tx, present(allocation.serviceRequestId), payment, amountPence);
    } else if (allocation.target === 'fine-account') {
      const fine = ledgerAccount.fineAccount(present(allocation.fineAccountNumber));
      const toFine = transfer('allocation', fine, held, amountPence, { ...tags, businessArea: 'criminal-fines' });
      await this.ledger.record(tx.manager, [toFine], actorOf(tx), tx.now);
    } else {
      const suspense = ledgerAccount.unidentified;
      const toSuspense = transfer('allocation', suspense, held, amountPence, { ...tags, businessArea: 'unidentified' });
      await this.ledger.record(tx.manager, [toSuspense], actorOf(tx), tx.now);
    }
    if (!announce || allocation.target === 'unidentified') return;
    const data = {
      paymentId: payment.id,
      allocationId: allocation.id,
      target: allocation.target,
      amountPence: allocation.amountPence,
      method: payment.method,
      receivedAt: (payment.receivedAt ?? tx.now).toISOString(),
      allocatedAt: tx.now.toISOString(),
      ...(allocation.caseId ? { caseId: allocation.caseId } : {}),
      ...(allocation.fineAccountNumber ? { fineAccountNumber: allocation.fineAccountNumber } : {}),
    };
    tx.publish({ type: paymentAllocatedV1, subject: payment.id, data });
  }

  /**
   * An allocation recorded in an officer's name now waits for a second officer to verify it: announced,
   * so the work queue has a verification task (`payment-allocated` or `allocation-rejected` closes it).
   * One to unidentified money is not, as its verification announces nothing either.
   */
  recorded(tx: Transaction, payment: Payment, allocation: StoredAllocation): void {
    if (allocation.status !== 'awaiting-verification' || allocation.target === 'unidentified') return;
    const data = {
      paymentId: payment.id,
      allocationId: allocation.id,
      target: allocation.target,
      amountPence: allocation.amountPence,
      method: payment.method,
      allocatedAt: allocation.allocatedAt.toISOString(),
      ...(allocation.caseId ? { caseId: allocation.caseId } : {}),
    };
    tx.publish({ type: allocationRecordedV1, subject: payment.id, data });
  }

  /**
   * An allocation that waited for verification never will count (a second officer rejected it, or its
   * payment was reversed first): announced, closing its verification task.
   */
  rejected(tx: Transaction, allocation: StoredAllocation): void {
    if (allocation.target === 'unidentified') return;
    const data = {
      paymentId: allocation.paymentId,
      allocationId: allocation.id,
      ...(allocation.caseId ? { caseId: allocation.caseId } : {}),
    };
    tx.publish({ type: allocationRejectedV1, subject: allocation.paymentId, data });
  }

  /** Takes a verified allocation's money back to the payment it came from (for a reversal or a transfer). */
  async withdraw(tx: Transaction, payment: Payment, allocation: StoredAllocation): Promise<void> {
    if (allocation.target === 'service-request') {
      const serviceRequestId = present(allocation.serviceRequestId);
      await this.serviceRequests.withdrawPayment(tx, serviceRequestId, payment, allocation.amountPence);
      return;
    }
    const fine = allocation.target === 'fine-account';
    const { fineAccountNumber } = allocation;
    const account = fine ? ledgerAccount.fineAccount(present(fineAccountNumber)) : ledgerAccount.unidentified;
    const businessArea = fine ? 'criminal-fines' : 'unidentified';
    const back = transfer('reversal', ledgerAccount.payment(payment.id), account, allocation.amountPence, {
      method: payment.method,
      paymentId: payment.id,
      businessArea,
    });
    await this.ledger.record(tx.manager, [back], actorOf(tx), tx.now);
  }

  /**
   * A bounce or chargeback: every allocation still awaiting verification is rejected (and announced),
   * every verified one taken back, then the receipt itself.
   */
  async reverse(tx: Transaction, payment: Payment, reason: ReversalReason): Promise<void> {
    const allocations = await this.allocations.forPayments(tx.manager, [payment.id]);
    // The cases it leaves, locked at once in id order, as a transfer between them takes them.
    await this.requests.lockInIdOrder(
      tx.manager,
      allocations.filter((a) => a.status === 'verified').map((a) => a.serviceRequestId),
    );
    const events: PendingEvent[] = [];
    const base = { paymentId: payment.id, reason, reversedAt: tx.now.toISOString() };
    for (const allocation of allocations) {
      if (allocation.status === 'awaiting-verification') {
        await this.allocations.setStatus(tx.manager, allocation.id, 'rejected', null, null);
        this.rejected(tx, allocation);
      }
      if (allocation.status !== 'verified') continue;
      await this.withdraw(tx, payment, allocation);
      if (reason === 'chargeback' && allocation.serviceRequestId) {
        await this.requests.setDisputed(tx.manager, allocation.serviceRequestId, true);
      }
      await this.allocations.setStatus(tx.manager, allocation.id, 'reversed', null, null);
      if (allocation.target !== 'unidentified') {
        events.push({
          type: paymentReversedV1,
          subject: payment.id,
          data: {
            ...base,
            allocationId: allocation.id,
            amountPence: allocation.amountPence,
            target: allocation.target,
            ...(allocation.caseId ? { caseId: allocation.caseId } : {}),
            ...(allocation.fineAccountNumber ? { fineAccountNumber: allocation.fineAccountNumber } : {}),
          },
        });
      }
    }
    if (events.length === 0) {
      const data = { ...base, amountPence: payment.amountPence, ...(payment.caseId ? { caseId: payment.caseId } : {}) };
      events.push({ type: paymentReversedV1, subject: payment.id, data });
    }
    const tags = { method: payment.method, paymentId: payment.id };
    const held = ledgerAccount.payment(payment.id);
    const receiptUndone = transfer('reversal', this.source(payment), held, payment.amountPence, tags);
    await this.ledger.record(tx.manager, [receiptUndone], actorOf(tx), tx.now);
    tx.publish(...events);
  }

  /** Money held against a payment and not yet allocated (verified allocations only move it). */
  async unallocated(manager: Queryable, paymentIds: readonly string[]): Promise<Map<string, number>> {
    const balances = await this.ledger.balances(manager, paymentIds.map(ledgerAccount.payment));
    return new Map(paymentIds.map((id) => [id, -(balances.get(ledgerAccount.payment(id)) ?? 0)]));
  }
}
