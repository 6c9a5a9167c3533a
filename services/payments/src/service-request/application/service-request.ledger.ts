import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { londonLocalDate } from '@ccsc/calendar';
import { feesReopenedV1, feesSettledV1, type PaymentMethod } from '@ccsc/contracts';
import { appendToOutbox, type EventContext, type PendingEvent } from '@ccsc/messaging';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { priceFee } from '../../fee/domain/fee';
import { FeeRepository } from '../../fee/infrastructure/fee.repository';
import { ledgerAccount, transfer } from '../../ledger/domain/ledger';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { apportion } from '../domain/service-request';
import { ServiceRequestRepository } from '../infrastructure/service-request.repository';
import { present } from '../../present';

/**
 * The money side of a service request, always inside the caller's transaction: fees charged,
 * remissions, money applied or taken back, and then telling cases which fees became settled.
 */
@Injectable()
export class ServiceRequestLedger {
  constructor(
    private readonly fees: FeeRepository,
    private readonly requests: ServiceRequestRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  /**
   * Charges the fees a case event made due, at the versions in force that day. The event carries
   * no claim amount, so a ranged fee is priced at its lowest band (basis `minimum`).
   */
  async chargeFees(manager: EntityManager, caseId: string, codes: readonly string[], caseEvent: string, context: EventContext, now: Date): Promise<void> {
    const inForce = await this.fees.inForce(manager, [...new Set(codes)], londonLocalDate(now));
    const unknown = codes.filter((c) => !inForce.has(c));
    // A code the register does not know is a gap in the register, not in the case: failing sends the
    // event to the dead letters, to be replayed once the fee is added.
    if (unknown.length) throw new Error(`No fee in force for ${unknown.join(', ')}`);
    const serviceRequestId = await this.requests.lockForCase(manager, caseId, now);
    const priced = codes.map((code) => priceFee(present(inForce.get(code))));
    await this.requests.addFees(manager, serviceRequestId, priced, caseEvent, now);
    const account = ledgerAccount.serviceRequest(serviceRequestId);
    await this.ledger.record(
      manager,
      priced.filter((p) => p.amountPence > 0).map((p) => transfer('fee', ledgerAccount.feeIncome, account, p.amountPence, { businessArea: present(inForce.get(p.code)).jurisdiction })),
      context.actor ?? 'system',
      now,
    );
    await this.settle(manager, serviceRequestId, context, now);
  }

  /**
   * Prices a ranged fee charged at its minimum for the claim amount now known, at the version it
   * was charged under; the difference is charged on the ledger. Only fees priced at their minimum
   * are repriced: once priced by a claim amount, a fee's amount is settled.
   */
  async repriceFee(manager: EntityManager, caseId: string, feeId: string, claimAmountPence: number, context: EventContext, now: Date): Promise<void> {
    const serviceRequestId = await this.requests.lockForCase(manager, caseId, now);
    const fee = (await this.requests.byId(manager, serviceRequestId))?.fees.find((f) => f.id === feeId);
    if (!fee) throw new NotFoundError('The fee');
    if (fee.pricingBasis !== 'minimum') throw new ConflictError(`Fee ${fee.code} is not priced at its minimum, so it has nothing to reprice`);
    const version = present(await this.fees.find(manager, fee.code, fee.version), `fee ${fee.code} version ${fee.version}`);
    const priced = priceFee(version, claimAmountPence);
    await this.requests.reprice(manager, feeId, priced);
    const difference = priced.amountPence - fee.amountPence;
    if (difference > 0) {
      await this.ledger.record(manager, [transfer('fee', ledgerAccount.feeIncome, ledgerAccount.serviceRequest(serviceRequestId), difference, { businessArea: version.jurisdiction })], context.actor ?? 'system', now);
    }
    await this.settle(manager, serviceRequestId, context, now);
  }

  /** Applies money held against a payment to the service request. */
  async applyPayment(manager: EntityManager, serviceRequestId: string, payment: { id: string; method: PaymentMethod }, amountPence: number, context: EventContext, now: Date): Promise<void> {
    await this.requests.lock(manager, serviceRequestId);
    const businessArea = await this.businessArea(manager, serviceRequestId);
    await this.ledger.record(
      manager,
      [transfer('allocation', ledgerAccount.serviceRequest(serviceRequestId), ledgerAccount.payment(payment.id), amountPence, { method: payment.method, businessArea, paymentId: payment.id })],
      context.actor ?? 'system',
      now,
    );
    await this.settle(manager, serviceRequestId, context, now);
  }

  /** Takes money back off the service request into the payment (a bounce or chargeback), so the fees are owed again. */
  async withdrawPayment(manager: EntityManager, serviceRequestId: string, payment: { id: string; method: PaymentMethod }, amountPence: number, context: EventContext, now: Date): Promise<void> {
    await this.requests.lock(manager, serviceRequestId);
    const businessArea = await this.businessArea(manager, serviceRequestId);
    await this.ledger.record(
      manager,
      [transfer('reversal', ledgerAccount.payment(payment.id), ledgerAccount.serviceRequest(serviceRequestId), amountPence, { method: payment.method, businessArea, paymentId: payment.id })],
      context.actor ?? 'system',
      now,
    );
    await this.settle(manager, serviceRequestId, context, now);
  }

  async remit(
    manager: EntityManager,
    remission: { serviceRequestId: string; feeId: string; amountPence: number; source: 'help-with-fees' | 'fee-waiver'; reference: string },
    context: EventContext,
    now: Date,
  ): Promise<void> {
    const actor = context.actor ?? 'system';
    await this.requests.lock(manager, remission.serviceRequestId);
    await this.requests.addRemission(manager, { ...remission, actor }, now);
    const businessArea = await this.businessArea(manager, remission.serviceRequestId);
    await this.ledger.record(manager, [transfer('remission', ledgerAccount.serviceRequest(remission.serviceRequestId), ledgerAccount.feeIncome, remission.amountPence, { businessArea })], actor, now);
    await this.settle(manager, remission.serviceRequestId, context, now);
  }

  /**
   * Re-apportions the service request (locked by the caller's change) and tells cases about each fee that became settled, and
   * each that is owed again (a bounce, a reprice), so the case's readiness follows the money both ways.
   */
  async settle(manager: EntityManager, serviceRequestId: string, context: EventContext, now: Date): Promise<void> {
    const request = await this.requests.byId(manager, serviceRequestId);
    if (!request) return;
    const balance = apportion(request.fees, request.paidPence, request.disputed);
    const was = new Map(request.fees.map((f) => [f.id, f.settled]));
    const changes = balance.fees.filter((f) => was.get(f.id) !== f.settlement).map((f) => ({ feeId: f.id, settled: f.settlement }));
    await this.requests.setSettled(manager, changes);
    const newly = balance.fees.filter((f) => f.settlement !== null && was.get(f.id) === null);
    const events: PendingEvent[] = (['paid', 'remitted'] as const).flatMap((settlement) => {
      const feeCodes = [...new Set(newly.filter((f) => f.settlement === settlement).map((f) => f.code))];
      return feeCodes.length ? [{ type: feesSettledV1, subject: request.caseId, data: { caseId: request.caseId, feeCodes, settlement } }] : [];
    });
    const reopened = [...new Set(balance.fees.filter((f) => f.settlement === null && was.get(f.id) !== null).map((f) => f.code))];
    if (reopened.length) events.push({ type: feesReopenedV1, subject: request.caseId, data: { caseId: request.caseId, feeCodes: reopened } });
    await appendToOutbox(manager, events, context, now);
  }

  /** The jurisdiction of the request's first fee: the business area its takings count towards. */
  private async businessArea(manager: EntityManager, serviceRequestId: string): Promise<string> {
    const [row] = (await manager.query(
      `SELECT fv.jurisdiction FROM service_request_fees f JOIN fee_versions fv ON fv.code = f.code AND fv.version = f.version
       WHERE f.service_request_id = $1 ORDER BY f.created_at LIMIT 1`,
      [serviceRequestId],
    )) as { jurisdiction: string }[];
    return row?.jurisdiction ?? 'unassigned';
  }
}
