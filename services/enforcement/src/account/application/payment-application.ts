import type { EntityManager } from 'typeorm';
import { compensationPayableV1, finePaymentAppliedV1, paymentSuspendedV1 } from '@ccsc/contracts';
import { appendToOutbox, EventContext, PendingEvent } from '@ccsc/messaging';
import { allocatePayment, suspenseReason, SuspenseReason } from '../domain/fine-account';
import { normaliseAccountNumber } from '../domain/account-number';
import { findAccountByNumber, impositionsOf } from '../infrastructure/account.store';

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
const applicationOf = (payment: { paymentId: string; allocationId?: string }): string => payment.allocationId ?? payment.paymentId;

async function suspend(manager: EntityManager, payment: IncomingPayment, accountNumber: string, amountPence: number, reason: SuspenseReason, now: Date): Promise<PendingEvent> {
  await manager.query(
    `INSERT INTO suspense_payments (application_id, payment_id, account_number, amount_pence, reason, received_at, suspended_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [applicationOf(payment), payment.paymentId, accountNumber.slice(0, 32), amountPence, reason, payment.receivedAt, now],
  );
  return { type: paymentSuspendedV1, subject: payment.paymentId, data: { paymentId: payment.paymentId, accountNumber: accountNumber.slice(0, 32), amountPence, reason } };
}

/**
 * Applies a payment to the account it names, across its impositions by priority; what the account
 * cannot take (no such account, nothing owed, written off, consolidated, transferred) goes to
 * suspense with the reason. Compensation collected is owed on to its creditor. An allocation (or,
 * without one, a payment id) seen before changes nothing, whoever delivers it again.
 */
export async function applyPayment(manager: EntityManager, payment: IncomingPayment, context: EventContext, now: Date): Promise<PaymentOutcome> {
  const applicationId = applicationOf(payment);
  const seen = (await manager.query(
    `SELECT 1 FROM fine_payments WHERE application_id = $1 UNION ALL SELECT 1 FROM suspense_payments WHERE application_id = $1`,
    [applicationId],
  )) as unknown[];
  if (seen.length) return { outcome: 'already-applied' };

  const accountNumber = normaliseAccountNumber(payment.accountNumber);
  const account = await findAccountByNumber(manager, accountNumber, true);
  const reason = suspenseReason(account);
  if (!account || reason) {
    const event = await suspend(manager, payment, accountNumber, payment.amountPence, reason ?? 'not-found', now);
    await appendToOutbox(manager, [event], context, now);
    return { outcome: 'suspended', reason: reason ?? 'not-found' };
  }

  const impositions = await impositionsOf(manager, [account.id], true);
  // Never more than the account still owes: a write-off lowers the balance but no imposition, so
  // the impositions alone would take more than is owed (and break paid + written off <= imposed).
  const { lines } = allocatePayment(impositions, Math.min(payment.amountPence, account.balancePence));
  const appliedPence = lines.reduce((sum, l) => sum + l.amountPence, 0);
  const suspendedPence = payment.amountPence - appliedPence;
  const balancePence = account.balancePence - appliedPence;
  await manager.query(
    `INSERT INTO fine_payments (application_id, payment_id, account_id, amount_pence, source, method, received_at, applied_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [applicationId, payment.paymentId, account.id, appliedPence, payment.source, payment.method ?? null, payment.receivedAt, now],
  );
  await manager.query(
    `INSERT INTO fine_payment_lines (application_id, payment_id, imposition_id, amount_pence) SELECT $1, $2, i, a FROM unnest($3::uuid[], $4::bigint[]) AS t(i, a)`,
    [applicationId, payment.paymentId, lines.map((l) => l.impositionId), lines.map((l) => l.amountPence)],
  );
  await manager.query(
    `UPDATE fine_impositions i SET paid_pence = i.paid_pence + t.a FROM unnest($1::uuid[], $2::bigint[]) AS t(id, a) WHERE i.id = t.id`,
    [lines.map((l) => l.impositionId), lines.map((l) => l.amountPence)],
  );
  await manager.query(`UPDATE fine_accounts SET paid_pence = paid_pence + $2, status = CASE WHEN $3::bigint = 0 THEN 'paid' ELSE status END WHERE id = $1`, [account.id, appliedPence, balancePence]);

  const events: PendingEvent[] = [
    { type: finePaymentAppliedV1, subject: account.id, data: { accountId: account.id, accountNumber: account.accountNumber, paymentId: payment.paymentId, amountPence: appliedPence, balancePence, ...(account.caseId ? { caseId: account.caseId } : {}) } },
    ...lines
      .filter((l) => l.kind === 'compensation')
      .map((l) => ({ type: compensationPayableV1, subject: account.id, data: { accountId: account.id, impositionId: l.impositionId, creditor: l.creditor, amountPence: l.amountPence, paymentId: payment.paymentId } })),
  ];
  if (suspendedPence > 0) events.push(await suspend(manager, payment, account.accountNumber, suspendedPence, 'overpayment', now));
  await appendToOutbox(manager, events, context, now);
  return { outcome: 'applied', accountId: account.id, appliedPence, suspendedPence, balancePence };
}

/**
 * Takes back a payment that bounced or was charged back, or an allocation of it that was transferred
 * away: exactly what each imposition got from it, and any part of it held in suspense. A paid account
 * becomes live again. With `allocationId` only that allocation is taken back; without it, every
 * application of the payment. Compensation already owed on is not recalled here; finance recovers it
 * from the creditor. True when anything had counted on an account.
 */
export async function reversePayment(manager: EntityManager, payment: string | { paymentId: string; allocationId?: string }, context: EventContext, now: Date): Promise<boolean> {
  const { paymentId, allocationId } = typeof payment === 'string' ? { paymentId: payment, allocationId: undefined } : payment;
  // One allocation's application (a warrant's, or one from before allocations were recorded, is keyed by the payment id).
  const which = allocationId ? `payment_id = $1 AND application_id IN ($3::uuid, $1)` : 'payment_id = $1';
  const params = allocationId ? [paymentId, now, allocationId] : [paymentId, now];
  await manager.query(`UPDATE suspense_payments SET reversed_at = $2 WHERE ${which} AND reversed_at IS NULL`, params);
  // TypeORM answers an UPDATE ... RETURNING with [rows, count].
  const [applications] = (await manager.query(
    `UPDATE fine_payments SET reversed_at = $2 WHERE ${which} AND reversed_at IS NULL RETURNING application_id, account_id, amount_pence::int AS amount`,
    params,
  )) as [{ application_id: string; account_id: string; amount: number }[], number];
  const events: PendingEvent[] = [];
  for (const applied of applications) {
    await manager.query(
      `UPDATE fine_impositions i SET paid_pence = i.paid_pence - l.amount_pence FROM fine_payment_lines l WHERE l.application_id = $1 AND l.imposition_id = i.id`,
      [applied.application_id],
    );
    const [[account]] = (await manager.query(
      `UPDATE fine_accounts SET paid_pence = paid_pence - $2, status = CASE WHEN status = 'paid' THEN 'live' ELSE status END
        WHERE id = $1 RETURNING account_number, case_id, (imposed_pence - paid_pence - written_off_pence)::int AS balance`,
      [applied.account_id, applied.amount],
    )) as [[{ account_number: string; case_id: string | null; balance: number }], number];
    events.push({
      type: finePaymentAppliedV1,
      subject: applied.account_id,
      data: { accountId: applied.account_id, accountNumber: account.account_number, paymentId, amountPence: -applied.amount, balancePence: account.balance, ...(account.case_id ? { caseId: account.case_id } : {}) },
    });
  }
  if (events.length) await appendToOutbox(manager, events, context, now);
  return events.length > 0;
}
