import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { londonLocalDate } from '@ccsc/calendar';
import { feesReopenedV1, feesSettledV1, type PaymentMethod } from '@ccsc/contracts';
import { type PendingEvent, type Transaction, UnitOfWork } from '@ccsc/messaging';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { priceFee } from '../../fee/domain/fee';
import { FeeRepository } from '../../fee/infrastructure/fee.repository';
import { ledgerAccount, transfer } from '../../ledger/domain/ledger';
import { present } from '../../ledger/domain/present';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { apportion, assertRepricedByHand, type Remission, type ServiceRequestFee } from '../domain/service-request';
import { ServiceRequestRepository } from '../infrastructure/service-request.repository';

/** The payment money comes from or goes back to. */
type PaymentRef = { id: string; method: PaymentMethod };

/** Who a transaction's ledger entries are recorded by. */
export const actorOf = (tx: Transaction) => tx.context.actor ?? 'system';

/**
 * The money side of a service request: fees charged, repriced and remitted, money applied or taken
 * back, and then telling cases which fees became settled. All but `reprice` run inside the caller's
 * unit of work (a payment, an allocation, a remission, a case event).
 */
/** What else must follow a fee's new price, in the same transaction (Help with Fees reassesses its application). */
export type FeeRepricedListener = (tx: Transaction, fee: { id: string; amountPence: number }) => Promise<void>;

@Injectable()
export class ServiceRequestCommands {
  private readonly repricedListeners: FeeRepricedListener[] = [];

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly fees: FeeRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  /**
   * Charges the fees a case event made due, at the versions in force that day. A ranged fee is priced
   * by the claim amount cases recorded for the case, or, with none recorded, at its lowest band (basis
   * `minimum`) until one is.
   */
  async chargeFees(tx: Transaction, caseId: string, codes: readonly string[], caseEvent: string): Promise<void> {
    const { manager, now } = tx;
    const inForce = await this.fees.inForce(manager, [...new Set(codes)], londonLocalDate(now));
    const unknown = codes.filter((c) => !inForce.has(c));
    // A code the register does not know is a gap in the register, not in the case: failing sends the
    // event to the dead letters, to be replayed once the fee is added.
    if (unknown.length) throw new Error(`No fee in force for ${unknown.join(', ')}`);
    const serviceRequestId = await this.requests.lockForCase(manager, caseId, now);
    const claimAmountPence = await this.requests.claimAmountOf(manager, serviceRequestId);
    const priced = codes.map((code) => priceFee(present(inForce.get(code)), claimAmountPence));
    await this.requests.addFees(manager, serviceRequestId, priced, caseEvent, now);
    const account = ledgerAccount.serviceRequest(serviceRequestId);
    const charges = priced
      .filter((p) => p.amountPence > 0)
      .map((p) => {
        const businessArea = present(inForce.get(p.code)).jurisdiction;
        return transfer('fee', ledgerAccount.feeIncome, account, p.amountPence, { businessArea });
      });
    await this.ledger.record(manager, charges, actorOf(tx), now);
    await this.settle(tx, serviceRequestId);
  }

  /**
   * Records the claim amount cases recorded for a case (`cases.claim-amount-recorded.v1`), the record of
   * what is claimed: fees that fall due later are priced by it, and the ranged fees already charged are
   * priced by it now (up from their minimum, or either way when the claim's amount is changed on the case).
   */
  async recordClaimAmount(tx: Transaction, caseId: string, claimAmountPence: number): Promise<void> {
    const serviceRequestId = await this.requests.lockForCase(tx.manager, caseId, tx.now);
    await this.requests.setClaimAmount(tx.manager, serviceRequestId, claimAmountPence);
    const fees = (await this.requests.byId(tx.manager, serviceRequestId))?.fees ?? [];
    for (const fee of fees.filter((f) => f.pricingBasis !== 'fixed'))
      await this.repriceFee(tx, serviceRequestId, fee, claimAmountPence);
    await this.settle(tx, serviceRequestId);
  }

  /**
   * Finance staff price a ranged fee charged at its minimum (the case stated no claim amount) for the amount
   * on the claim form, at the version it was charged under; the difference is charged on the ledger. Up
   * only, and never by another amount than the one the case states (assertRepricedByHand). A fixed fee has
   * no claim amount to be priced by.
   */
  async reprice(
    caseId: string,
    feeId: string,
    claimAmountPence: number,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<void> {
    await this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const serviceRequestId = await this.requests.lockForCase(tx.manager, caseId, tx.now);
        const fee = (await this.requests.byId(tx.manager, serviceRequestId))?.fees.find((f) => f.id === feeId);
        if (!fee) throw new NotFoundError('The fee');
        if (fee.pricingBasis === 'fixed') {
          throw new ConflictError(`Fee ${fee.code} is a fixed fee, so no claim amount changes it`);
        }
        const stated = await this.requests.claimAmountOf(tx.manager, serviceRequestId);
        await this.repriceFee(tx, serviceRequestId, fee, claimAmountPence, (pricedPence) =>
          assertRepricedByHand(fee, pricedPence, claimAmountPence, stated),
        );
        await this.settle(tx, serviceRequestId);
      },
      now,
    );
  }

  /**
   * Registers what must follow a fee's repricing in its transaction. A listener rather than a call, because
   * the modules that react (Help with Fees) build on this one, not the other way round.
   */
  onRepriced(listener: FeeRepricedListener): void {
    this.repricedListeners.push(listener);
  }

  /**
   * Prices one fee by a claim amount at the version it was charged under, charging the difference; `check`
   * may refuse the price first (a reprice by hand may only raise a fee).
   */
  private async repriceFee(
    tx: Transaction,
    serviceRequestId: string,
    fee: ServiceRequestFee,
    claimAmountPence: number,
    check: (pricedPence: number) => void = () => undefined,
  ): Promise<void> {
    const version = present(
      await this.fees.find(tx.manager, fee.code, fee.version),
      `fee ${fee.code} version ${fee.version}`,
    );
    const priced = priceFee(version, claimAmountPence);
    check(priced.amountPence);
    // What was remitted was forgiven by a decision (Help with Fees, a waiver) on the amount as it stood: a
    // price below it would forgive more than is charged. The remission's decision comes first.
    if (priced.amountPence < fee.remittedPence)
      throw new ConflictError(
        `Fee ${fee.code} has ${fee.remittedPence} pence remitted, so it cannot be priced at ${priced.amountPence} pence`,
      );
    await this.requests.reprice(tx.manager, fee.id, priced);
    // More is charged, or what was charged too much is taken back: the request's account always holds its fees.
    const difference = priced.amountPence - fee.amountPence;
    const account = ledgerAccount.serviceRequest(serviceRequestId);
    const tags = { businessArea: version.jurisdiction };
    if (difference !== 0) {
      const movement =
        difference > 0
          ? transfer('fee', ledgerAccount.feeIncome, account, difference, tags)
          : transfer('fee', account, ledgerAccount.feeIncome, -difference, tags);
      await this.ledger.record(tx.manager, [movement], actorOf(tx), tx.now);
    }
    for (const listener of this.repricedListeners) await listener(tx, { id: fee.id, amountPence: priced.amountPence });
  }

  /** Applies money held against a payment to the service request. */
  async applyPayment(tx: Transaction, serviceRequestId: string, payment: PaymentRef, amountPence: number) {
    await this.movePaymentMoney(tx, 'allocation', serviceRequestId, payment, amountPence);
  }

  /** Takes money back off the service request into the payment (a bounce or chargeback), so the fees are owed again. */
  async withdrawPayment(tx: Transaction, serviceRequestId: string, payment: PaymentRef, amountPence: number) {
    await this.movePaymentMoney(tx, 'reversal', serviceRequestId, payment, amountPence);
  }

  /** Moves a payment's money onto the service request (an allocation) or back off it (a reversal), and re-settles. */
  private async movePaymentMoney(
    tx: Transaction,
    kind: 'allocation' | 'reversal',
    serviceRequestId: string,
    payment: PaymentRef,
    amountPence: number,
  ): Promise<void> {
    const { businessArea } = await this.requests.lockForMoney(tx.manager, serviceRequestId);
    const [request, held] = [ledgerAccount.serviceRequest(serviceRequestId), ledgerAccount.payment(payment.id)];
    const [from, to] = kind === 'allocation' ? [request, held] : [held, request];
    const tags = { method: payment.method, businessArea, paymentId: payment.id };
    await this.ledger.record(tx.manager, [transfer(kind, from, to, amountPence, tags)], actorOf(tx), tx.now);
    await this.settle(tx, serviceRequestId);
  }

  async remit(tx: Transaction, remission: Remission): Promise<void> {
    const actor = actorOf(tx);
    const { businessArea } = await this.requests.lockForMoney(tx.manager, remission.serviceRequestId);
    await this.requests.addRemission(tx.manager, { ...remission, actor }, tx.now);
    const from = ledgerAccount.serviceRequest(remission.serviceRequestId);
    const remitted = transfer('remission', from, ledgerAccount.feeIncome, remission.amountPence, { businessArea });
    await this.ledger.record(tx.manager, [remitted], actor, tx.now);
    await this.settle(tx, remission.serviceRequestId);
  }

  /**
   * Re-apportions the service request (locked by the caller's change) and tells cases about each
   * fee that became settled, and
   * each that is owed again (a bounce, a reprice), so the case's readiness follows the money both ways.
   */
  async settle(tx: Transaction, serviceRequestId: string): Promise<void> {
    const request = await this.requests.byId(tx.manager, serviceRequestId);
    if (!request) return;
    const balance = apportion(request.fees, request.paidPence, request.disputed);
    const was = new Map(request.fees.map((f) => [f.id, f.settled]));
    const changes = balance.fees
      .filter((f) => was.get(f.id) !== f.settlement)
      .map((f) => ({ feeId: f.id, settled: f.settlement }));
    await this.requests.setSettled(tx.manager, changes);
    const newly = balance.fees.filter((f) => f.settlement !== null && was.get(f.id) === null);
    const events: PendingEvent[] = (['paid', 'remitted'] as const).flatMap((settlement) => {
      const feeCodes = [...new Set(newly.filter((f) => f.settlement === settlement).map((f) => f.code))];
      const data = { caseId: request.caseId, feeCodes, settlement };
      return feeCodes.length ? [{ type: feesSettledV1, subject: request.caseId, data }] : [];
    });
    const owedAgain = balance.fees.filter((f) => f.settlement === null && was.get(f.id) !== null);
    const reopened = [...new Set(owedAgain.map((f) => f.code))];
    if (reopened.length) {
      const data = { caseId: request.caseId, feeCodes: reopened };
      events.push({ type: feesReopenedV1, subject: request.caseId, data });
    }
    tx.publish(...events);
  }
}
