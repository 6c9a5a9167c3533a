import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Principal, whyNobodyMayApprove } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { refundStatusChangedV2 } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { present } from '../../ledger/domain/present';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import type { PaidBy } from '../../payment/domain/payment';
import { AllocationRepository } from '../../payment/infrastructure/allocation.repository';
import { PaymentRepository } from '../../payment/infrastructure/payment.repository';
import { assertActsForFeePayer } from '../../service-request/application/fee-payer';
import { apportion } from '../../service-request/domain/service-request';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import {
  allocatedToFineAccount,
  assertCanResubmit,
  assertWithinRefundable,
  decide,
  heldStatuses,
  Refund,
  RefundKind,
  refundablePence,
  shortOfRefund,
  RefundReason,
  paymentToRefundTo,
  refundMovement,
  suspenseRefundablePence,
} from '../domain/refund';
import { RefundRepository } from '../infrastructure/refund.repository';
import { approvalAccountsOf, assertWithinLimits } from '../../approval/domain/approval-accounts';
import { ApprovedMoney } from '../../approval/infrastructure/approved-money.repository';

/** A refund or consolatory payment a complaint's remedy calls for, and the officer who agreed it. */
export interface RemedyPayment {
  kind: RefundKind;
  amountPence: number;
  caseId?: string;
  complaintId: string;
  remedyId: string;
  agreedBy: string;
  /** Every case the complaint names: an approval counts on each. */
  complaintCaseIds: readonly string[];
}

/** Enforcement's request to return money it holds in suspense (`enforcement.suspense-refund-requested.v1`). */
export interface SuspenseRefundRequest {
  suspenseId: string;
  paymentId: string;
  accountNumber: string;
  amountPence: number;
  requestedBy: string;
}

/** What a new refund record starts with, apart from what it is for. */
const UNDECIDED = {
  status: 'awaiting-approval',
  decidedBy: null,
  note: null,
  complaintId: null,
  remedyId: null,
  complaintCaseIds: [],
  suspenseId: null,
  paymentId: null,
  fineAccountNumber: null,
} as const;

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
    private readonly payments: PaymentRepository,
    private readonly ledger: LedgerRepository,
    private readonly caseAccess: CaseAccess,
    private readonly approvedMoney: ApprovedMoney,
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
          ...UNDECIDED,
          id: randomUUID(),
          kind: 'refund',
          caseId: input.caseId,
          serviceRequestId,
          amountPence: input.amountPence,
          reason: input.reason,
          requestedBy: principal.sub,
          note: input.note ?? null,
          createdAt: now,
        };
        const nobody = await this.unapprovable(tx, refund);
        if (nobody) throw new ConflictError(`A refund of ${refund.amountPence} pence is ${nobody}`);
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
   * One beyond what the case can still give back (`refundablePence`) is refused at once, as a suspense
   * refund is: awaiting approval it could never be approved, and would hold back every other refund of the case.
   */
  async raiseForRemedy(tx: Transaction, remedy: RemedyPayment): Promise<void> {
    const serviceRequestId = remedy.caseId ? await this.requests.lockForCase(tx.manager, remedy.caseId, tx.now) : null;
    const refund: Refund = {
      ...UNDECIDED,
      id: randomUUID(),
      kind: serviceRequestId ? remedy.kind : 'consolatory-payment',
      caseId: remedy.caseId ?? null,
      serviceRequestId,
      amountPence: remedy.amountPence,
      reason: 'complaint-remedy',
      requestedBy: remedy.agreedBy,
      complaintId: remedy.complaintId,
      remedyId: remedy.remedyId,
      complaintCaseIds: [...remedy.complaintCaseIds],
      createdAt: tx.now,
    };
    await this.raiseOrRefuse(
      tx,
      refund,
      (refundable) => `at most ${refundable} pence paid on this case can still be given back`,
    );
  }

  /**
   * Money enforcement holds in suspense goes back to whoever paid it: a refund of the payment, proposed
   * by the officer who asked (so they cannot approve it too) and awaiting an approver; in the consumer's
   * unit of work. A suspense item is refunded once: while one refund of it stands, another request raises
   * nothing. One beyond what the payment put on the fine account (less what is already refunded of it)
   * is refused at once, so enforcement puts the item back in suspense.
   */
  async raiseForSuspense(tx: Transaction, request: SuspenseRefundRequest): Promise<void> {
    // The payment first: refunds of it, its allocations and its reversal change one at a time.
    const payment = await this.payments.findForUpdate(tx.manager, request.paymentId);
    // Enforcement only knows payments from payments' own events: an unknown one is a fault for a person
    // to look at, so the event is dead-lettered.
    if (!payment) throw new Error(`Suspense ${request.suspenseId} names no known payment (${request.paymentId})`);
    if (await this.refunds.liveForSuspense(tx.manager, request.suspenseId)) return;
    const allocations = await this.allocations.forPayments(tx.manager, [payment.id]);
    const { fineAccountNumber } = allocatedToFineAccount(allocations, request.accountNumber);
    const refund: Refund = {
      ...UNDECIDED,
      id: randomUUID(),
      kind: 'refund',
      caseId: null,
      serviceRequestId: null,
      amountPence: request.amountPence,
      reason: 'enforcement-suspense',
      requestedBy: request.requestedBy,
      suspenseId: request.suspenseId,
      paymentId: payment.id,
      fineAccountNumber,
      createdAt: tx.now,
    };
    await this.raiseOrRefuse(
      tx,
      refund,
      (refundable) =>
        `at most ${refundable} pence of this payment went to fine account ${fineAccountNumber} and is not refunded already`,
    );
  }

  /**
   * Why nobody could ever approve the refund, with what is approved on its accounts already (`ApprovedMoney`),
   * or undefined when someone may: then it is refused as it is asked for, rather than waiting for ever.
   */
  private async unapprovable(tx: Transaction, refund: Refund): Promise<string | undefined> {
    const approved = await this.approvedMoney.lockAndCount(tx.manager, approvalAccountsOf(refund), {
      refundId: refund.id,
    });
    return whyNobodyMayApprove(Math.max(0, ...approved) + refund.amountPence);
  }

  /**
   * Records a refund another service asked for, awaiting approval, or rejected at once when it could never be
   * approved: above the most anyone may approve, with what is approved on its accounts already, or more than
   * may be given back (`why` says how much may). Announced.
   */
  private async raiseOrRefuse(tx: Transaction, refund: Refund, why: (refundable: number) => string): Promise<void> {
    const refundable = await this.refundable(tx, refund);
    const refusal =
      (await this.unapprovable(tx, refund)) ?? (refund.amountPence > refundable ? why(refundable) : undefined);
    const raised: Refund = refusal ? { ...refund, status: 'rejected', note: `Refused on arrival: ${refusal}` } : refund;
    await this.refunds.insert(tx.manager, raised, tx.now);
    this.announce(tx, raised);
  }

  /**
   * A payment that bounced or was charged back: what was to be given back of it is withdrawn, in the reversal's
   * unit of work, before anything is paid out. A refund of suspense from it, undecided or approved, is
   * rejected (nothing of the payment is left to give back); on its case, the approved refunds going back to it
   * are rejected, and then other approved refunds not yet paid out, newest first, while the case holds less than its fees and those refunds
   * (approval had taken them out of what was paid). An approved one's ledger movement is reversed; each is
   * announced, closing its tasks. A refund already paid out stays paid: the case shows it as unrecovered.
   */
  async withdrawForReversedPayment(
    tx: Transaction,
    reversed: { paymentId: string; reason: 'bounced' | 'chargeback'; caseId?: string },
  ): Promise<void> {
    const why = reversed.reason === 'bounced' ? 'bounced' : 'was charged back';
    const note = `Rejected: the payment it gives back ${why}, so the money is not there to give`;
    for (const refund of await this.refunds.unpaidOfSuspenseForUpdate(tx.manager, reversed.paymentId))
      await this.withdraw(tx, refund, note);
    if (!reversed.caseId) return;
    // The case's lock before its refunds', as a decision takes them.
    const serviceRequestId = await this.requests.lockForCase(tx.manager, reversed.caseId, tx.now);
    const request = present(await this.requests.byId(tx.manager, serviceRequestId));
    // Each refund withdrawn puts its amount back into what the case was paid: the balance follows without a read.
    let paidPence = request.paidPence;
    // What was approved to go back to the payment taken back: it is not there to give.
    for (const refund of await this.refunds.approvedGoingBackForUpdate(
      tx.manager,
      reversed.paymentId,
      serviceRequestId,
    )) {
      await this.withdraw(tx, refund, note);
      paidPence += refund.amountPence;
    }
    for (const refund of await this.refunds.approvedUnpaidForUpdate(tx.manager, serviceRequestId)) {
      if (shortOfRefund(refund, apportion(request.fees, paidPence, request.disputed)) === 0) break;
      await this.withdraw(tx, refund, note);
      paidPence += refund.amountPence;
    }
  }

  /** Rejects a refund not yet paid out; an approved one gives back to where it came from what approval took. */
  private async withdraw(tx: Transaction, refund: Refund, note: string): Promise<void> {
    if (refund.status === 'approved') await this.ledger.undoRefund(tx.manager, refund.id, 'system', tx.now);
    const rejected: Refund = { ...refund, status: 'rejected', note };
    await this.refunds.update(tx.manager, rejected, tx.now);
    this.announce(tx, rejected);
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
        await this.lockWhatItComesOutOf(tx, found);
        const refund = present(await this.refunds.findForUpdate(tx.manager, id));
        const status = decide(refund, decision, principal.sub);
        if (status === 'approved') {
          // Authority: what is approved on each account it concerns, this one included, within the approver's limit.
          const accounts = approvalAccountsOf(refund);
          const approved = await this.approvedMoney.lockAndCount(tx.manager, accounts, { refundId: refund.id });
          assertWithinLimits(accounts, approved, refund.amountPence, principal.roles);
          assertWithinRefundable(refund.amountPence, await this.refundable(tx, refund));
          const movement = refundMovement(refund, await this.paidBackBy(tx, refund));
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
        const found = await this.refunds.find(tx.manager, id);
        if (!found) throw new NotFoundError('The refund');
        await this.lockWhatItComesOutOf(tx, found);
        const refund = present(await this.refunds.findForUpdate(tx.manager, id));
        assertCanResubmit(refund, principal.sub, amountPence);
        // Whoever sets the amount of a refund that named no proposer becomes its proposer, so they cannot approve it too.
        const updated: Refund = {
          ...refund,
          amountPence,
          status: 'awaiting-approval',
          decidedBy: null,
          requestedBy: principal.sub,
        };
        const nobody = await this.unapprovable(tx, updated);
        if (nobody) throw new ConflictError(`A refund of ${amountPence} pence is ${nobody}`);
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
        const found = await this.refunds.find(tx.manager, id);
        if (!found) throw new NotFoundError('The refund');
        await this.lockWhatItComesOutOf(tx, found);
        const refund = present(await this.refunds.findForUpdate(tx.manager, id));
        if (refund.status !== 'approved') {
          throw new ConflictError(`The refund is ${refund.status}; only an approved refund is paid`);
        }
        await this.assertStillCovered(tx, refund);
        const paid: Refund = { ...refund, status: 'paid' };
        await this.refunds.update(tx.manager, paid, now);
        this.announce(tx, paid);
        return paid;
      },
      now,
    );
  }

  /**
   * Nothing is paid out of money that was taken back since the approval (a reversal withdraws what it can at
   * once; this is the last check): a refund of suspense whose payment was reversed; a case's refund when the
   * case now holds less than it gave back, or, for an overpayment, less than its fees. A consolatory payment is
   * the courts' own money. The refund stays approved, for finance to hold until the money is there again.
   */
  private async assertStillCovered(tx: Transaction, refund: Refund): Promise<void> {
    if (refund.kind === 'consolatory-payment') return;
    if (refund.paymentId) {
      const payment = present(await this.payments.find(tx.manager, refund.paymentId));
      if (payment.reversedAt)
        throw new ConflictError(
          'The payment this refund gives back was reversed (it bounced or was charged back): nothing is paid out',
        );
      return;
    }
    if (!refund.serviceRequestId) return;
    if (await this.refunds.paidBackToReversed(tx.manager, refund.id))
      throw new ConflictError(
        'The payment this refund goes back to was reversed (it bounced or was charged back): nothing is paid out',
      );
    const request = present(await this.requests.byId(tx.manager, refund.serviceRequestId));
    const short = shortOfRefund(refund, apportion(request.fees, request.paidPence, request.disputed));
    if (short > 0)
      throw new ConflictError(
        `A payment into the case was taken back since the approval: the case is ${short} pence short of what it gave back and owes, so nothing is paid out`,
      );
  }

  /**
   * Locks what a refund comes out of, before the refund itself, in the order every change of it takes
   * its locks: the case's service request, or for a refund of suspense the payment.
   */
  private async lockWhatItComesOutOf(tx: Transaction, refund: Refund): Promise<void> {
    if (refund.serviceRequestId) await this.requests.lockForCase(tx.manager, present(refund.caseId), tx.now);
    if (refund.paymentId) await this.payments.findForUpdate(tx.manager, refund.paymentId);
  }

  /**
   * How an approved refund's money goes back: a refund of suspense by its own payment; an ordinary refund by
   * the one payment it goes back to (`paymentToRefundTo`), recorded on it; a remedy or consolatory payment
   * from the courts' budget (no payment).
   */
  private async paidBackBy(tx: Transaction, refund: Refund): Promise<PaidBy | undefined> {
    if (refund.paymentId) return present(await this.payments.find(tx.manager, refund.paymentId));
    if (!refund.serviceRequestId || refund.reason === 'complaint-remedy' || refund.kind === 'consolatory-payment')
      return undefined;
    const payments = await this.allocations.refundablePaymentsInto(tx.manager, refund.serviceRequestId);
    const payment = paymentToRefundTo(payments, refund.amountPence);
    await this.refunds.paidBackTo(tx.manager, refund.id, payment.paymentId);
    return payment;
  }

  /**
   * What this refund may still take: for suspense, what its payment put on the fine account
   * (`suspenseRefundablePence`); else from the service request's balance and the other refunds on it
   * (`refundablePence`).
   */
  private async refundable(tx: Transaction, refund: Refund): Promise<number> {
    if (refund.paymentId) {
      const payment = present(await this.payments.find(tx.manager, refund.paymentId));
      const allocations = await this.allocations.forPayments(tx.manager, [payment.id]);
      const { allocatedPence } = allocatedToFineAccount(allocations, present(refund.fineAccountNumber));
      const held = await this.refunds.heldForPayment(tx.manager, refund, heldStatuses(refund));
      return suspenseRefundablePence(
        { amountPence: payment.amountPence, reversed: payment.reversedAt !== null },
        allocatedPence,
        held,
      );
    }
    if (!refund.serviceRequestId) return Number.MAX_SAFE_INTEGER;
    const request = present(await this.requests.byId(tx.manager, refund.serviceRequestId));
    const balance = apportion(request.fees, request.paidPence, request.disputed);
    const held = await this.refunds.held(tx.manager, refund);
    const inTransferPence = await this.allocations.inTransferFrom(tx.manager, refund.serviceRequestId);
    return refundablePence(refund, balance, { ...held, inTransferPence });
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
      ...(r.suspenseId ? { suspenseId: r.suspenseId } : {}),
      // Who proposed it: the actor of a refund a consumer raised is the system, not its proposer.
      requestedBy: r.requestedBy,
    };
    tx.publish({ type: refundStatusChangedV2, subject: r.id, data });
  }
}
