import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  compensationPayableV1,
  fineAccountsConsolidatedV1,
  finePaymentAppliedV1,
  paymentSuspendedV1,
} from '@ccsc/contracts';
import type { PendingEvent, Transaction } from '@ccsc/messaging';
import { allocatePayment, suspenseReason, SuspenseReason } from '../domain/fine-account';
import { normaliseAccountNumber } from '@ccsc/contracts';
import { AccountRepository } from '../infrastructure/account.repository';
import { ApplicationsOf, PaymentRepository } from '../infrastructure/payment.repository';

export interface IncomingPayment {
  paymentId: string;
  /**
   * Which allocation of the payment this is (payments' allocationId): one payment can count on one
   * account, be transferred away and count on another, each under its own allocation. A warrant's
   * collection has none, and is keyed by its payment id.
   */
  allocationId?: string;
  accountNumber: string;
  amountPence: number;
  source: 'payments' | 'warrant';
  method?: string;
  receivedAt: Date;
}

export type PaymentOutcome =
  | { outcome: 'applied'; accountId: string; appliedPence: number; suspendedPence: number; balancePence: number }
  | { outcome: 'suspended'; reason: SuspenseReason }
  | { outcome: 'already-applied' };

/** The key an application of a payment is recorded under. */
const applicationOf = (payment: { paymentId: string; allocationId?: string }): string =>
  payment.allocationId ?? payment.paymentId;

/**
 * Payments on fine accounts, as part of the caller's unit of work: the payments service's
 * allocations and reversals (consumers) and what an executed warrant collected (warrant).
 */
@Injectable()
export class PaymentApplication {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly payments: PaymentRepository,
  ) {}

  private async suspend(
    tx: Transaction,
    payment: IncomingPayment,
    accountNumber: string,
    amountPence: number,
    reason: SuspenseReason,
  ): Promise<PendingEvent> {
    const quoted = accountNumber.slice(0, 32);
    await this.payments.suspend(tx.manager, {
      id: randomUUID(),
      applicationId: applicationOf(payment),
      paymentId: payment.paymentId,
      accountNumber: quoted,
      amountPence,
      reason,
      source: payment.source,
      method: payment.method ?? null,
      receivedAt: payment.receivedAt,
      suspendedAt: tx.now,
    });
    return {
      type: paymentSuspendedV1,
      subject: payment.paymentId,
      data: { paymentId: payment.paymentId, accountNumber: quoted, amountPence, reason },
    };
  }

  /**
   * Applies a payment to the account it names, across its impositions by priority; what the account
   * cannot take (no such account, nothing owed, written off, consolidated, transferred) goes to
   * suspense with the reason. Compensation collected is owed on to its creditor. An allocation (or,
   * without one, a payment id) seen before changes nothing, whoever delivers it again.
   */
  async apply(tx: Transaction, payment: IncomingPayment): Promise<PaymentOutcome> {
    const applicationId = applicationOf(payment);
    if (await this.payments.seen(tx.manager, applicationId)) return { outcome: 'already-applied' };

    const accountNumber = normaliseAccountNumber(payment.accountNumber);
    const account = await this.accounts.findByNumberForUpdate(tx.manager, accountNumber);
    const reason = suspenseReason(account ?? null);
    if (!account || reason) {
      tx.publish(await this.suspend(tx, payment, accountNumber, payment.amountPence, reason ?? 'not-found'));
      return { outcome: 'suspended', reason: reason ?? 'not-found' };
    }

    const impositions = await this.accounts.impositionsForUpdate(tx.manager, account.id);
    // Never more than the account still owes. The impositions owe exactly the balance (write-offs are
    // spread over them, earlier ones by migration 1733000400000), so this bound is a backstop only.
    const { lines } = allocatePayment(impositions, Math.min(payment.amountPence, account.balancePence));
    const appliedPence = lines.reduce((sum, l) => sum + l.amountPence, 0);
    const suspendedPence = payment.amountPence - appliedPence;
    const balancePence = account.balancePence - appliedPence;
    await this.payments.apply(
      tx.manager,
      {
        applicationId,
        paymentId: payment.paymentId,
        accountId: account.id,
        amountPence: appliedPence,
        source: payment.source,
        method: payment.method ?? null,
        receivedAt: payment.receivedAt,
        appliedAt: tx.now,
        termsVersion: account.termsVersion,
      },
      lines,
    );
    await this.accounts.addPaid(tx.manager, account.id, appliedPence, balancePence);

    const caseId = account.caseId ? { caseId: account.caseId } : {};
    tx.publish(
      {
        type: finePaymentAppliedV1,
        subject: account.id,
        data: {
          accountId: account.id,
          accountNumber: account.accountNumber,
          paymentId: payment.paymentId,
          amountPence: appliedPence,
          balancePence,
          ...caseId,
        },
      },
      ...lines
        .filter((l) => l.kind === 'compensation')
        .map((l) => ({
          type: compensationPayableV1,
          subject: account.id,
          data: {
            accountId: account.id,
            impositionId: l.impositionId,
            creditor: l.creditor,
            amountPence: l.amountPence,
            paymentId: payment.paymentId,
          },
        })),
    );
    if (suspendedPence > 0)
      tx.publish(await this.suspend(tx, payment, account.accountNumber, suspendedPence, 'overpayment'));
    return { outcome: 'applied', accountId: account.id, appliedPence, suspendedPence, balancePence };
  }

  /**
   * Takes back a payment that bounced or was charged back, or an allocation of it that was transferred
   * away: exactly what each imposition got from it, and any part of it held in suspense. A paid account
   * becomes live again. With `allocationId` only that allocation is taken back; without it, every
   * application of the payment. Compensation already owed on is not recalled here; finance recovers it
   * from the creditor. True when anything had counted on an account.
   */
  async reverse(tx: Transaction, payment: ApplicationsOf): Promise<boolean> {
    const applications = await this.payments.reverse(tx.manager, payment, tx.now);
    // Accounts before their impositions, in id order, as a write-off approval locks them: the other
    // order let a bounce arriving during an approval on the same account deadlock with it.
    await this.accounts.findManyForUpdate(tx.manager, [...new Set(applications.map((a) => a.accountId))]);
    for (const applied of applications) {
      await this.payments.takeBackLines(tx.manager, applied.applicationId);
      const account = await this.accounts.takeBackPaid(tx.manager, applied.accountId, applied.amountPence, {
        at: applied.appliedAt,
        termsVersion: applied.termsVersion,
      });
      tx.publish({
        type: finePaymentAppliedV1,
        subject: applied.accountId,
        data: {
          accountId: applied.accountId,
          accountNumber: account.accountNumber,
          paymentId: payment.paymentId,
          amountPence: -applied.amountPence,
          balancePence: account.balancePence,
          ...(account.caseId ? { caseId: account.caseId } : {}),
        },
      });
      if (account.status === 'consolidated') {
        // What it had paid is owed again, and its debt now lives on the account it went into.
        const carried = await this.accounts.carryOnTakenBack(tx.manager, applied.accountId, applied.applicationId);
        tx.publish({
          type: fineAccountsConsolidatedV1,
          subject: carried.accountId,
          data: {
            accountId: carried.accountId,
            consolidatedAccountIds: [applied.accountId],
            balancePence: carried.balancePence,
          },
        });
      }
    }
    return applications.length > 0;
  }
}
