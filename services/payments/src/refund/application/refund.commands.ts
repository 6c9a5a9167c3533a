import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { refundStatusChangedV1, type PaymentMethod } from '@ccsc/contracts';
import { appendToOutbox, type EventContext } from '@ccsc/messaging';
import { ConflictError, NotFoundError, Page } from '@ccsc/platform';
import { ledgerAccount, transfer } from '../../ledger/domain/ledger';
import { LedgerRepository } from '../../ledger/infrastructure/ledger.repository';
import { apportion } from '../../service-request/domain/service-request';
import { ServiceRequestRepository } from '../../service-request/infrastructure/service-request.repository';
import { assertCanResubmit, assertWithinRefundable, decide, Refund, RefundKind, RefundReason } from '../domain/refund';
import { present } from '../../present';
import { assertActsForFeePayer } from '../../service-request/application/fee-payer';
import { awaitingPage } from '../../approval-queue';

interface RefundRow {
  id: string; kind: RefundKind; case_id: string | null; service_request_id: string | null; amount_pence: string; reason: RefundReason; status: Refund['status'];
  requested_by: string; decided_by: string | null; note: string | null; complaint_id: string | null; remedy_id: string | null; created_at: Date;
}

/** Refunds and remedy payments: asked for, approved by a second person, then paid; each step on the ledger and announced. */
@Injectable()
export class RefundCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: ServiceRequestRepository,
    private readonly ledger: LedgerRepository,
    private readonly caseAccess: CaseAccess,
  ) {}

  async request(input: { caseId: string; amountPence: number; reason: RefundReason; note?: string }, principal: Principal, correlationId?: string, now = new Date()): Promise<Refund> {
    await assertActsForFeePayer(this.caseAccess, principal, input.caseId);
    return this.dataSource.transaction(async (manager) => {
      const serviceRequestId = await this.requests.lockForCase(manager, input.caseId, now);
      const refund: Refund = {
        id: randomUUID(), kind: 'refund', caseId: input.caseId, serviceRequestId, amountPence: input.amountPence, reason: input.reason, status: 'awaiting-approval',
        requestedBy: principal.sub, decidedBy: null, note: input.note ?? null, complaintId: null, remedyId: null, createdAt: now,
      };
      assertWithinRefundable(refund.amountPence, await this.refundable(manager, refund));
      await this.insert(manager, refund, now);
      await this.announce(manager, refund, { correlationId, actor: principal.sub }, now);
      return refund;
    });
  }

  /**
   * A refund or consolatory payment a complaint's remedy calls for, proposed by the officer who
   * agreed the remedy (so they cannot approve it too) and awaiting an approver.
   */
  async raiseForRemedy(
    manager: EntityManager,
    remedy: { kind: RefundKind; amountPence: number; caseId?: string; complaintId: string; remedyId: string; agreedBy: string },
    context: EventContext,
    now: Date,
  ): Promise<void> {
    const serviceRequestId = remedy.caseId ? await this.requests.lockForCase(manager, remedy.caseId, now) : null;
    const refund: Refund = {
      id: randomUUID(), kind: serviceRequestId ? remedy.kind : 'consolatory-payment', caseId: remedy.caseId ?? null, serviceRequestId, amountPence: remedy.amountPence,
      reason: 'complaint-remedy', status: 'awaiting-approval', requestedBy: remedy.agreedBy, decidedBy: null, note: null,
      complaintId: remedy.complaintId, remedyId: remedy.remedyId, createdAt: now,
    };
    await this.insert(manager, refund, now);
    await this.announce(manager, refund, context, now);
  }

  async decide(id: string, decision: 'approve' | 'reject' | 'return', principal: Principal, note: string | undefined, correlationId?: string, now = new Date()): Promise<Refund> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.find(manager, id);
      if (!found) throw new NotFoundError('The refund');
      if (found.serviceRequestId) await this.requests.lockForCase(manager, present(found.caseId), now);
      const refund = present((await this.find(manager, id, true)));
      const status = decide(refund, decision, principal.sub);
      if (status === 'approved') {
        assertWithinRefundable(refund.amountPence, await this.refundable(manager, refund));
        await this.ledger.record(manager, [await this.movement(manager, refund)], principal.sub, now);
      }
      const decided: Refund = { ...refund, status, decidedBy: principal.sub, note: note ?? refund.note };
      await manager.query(`UPDATE refunds SET status = $2, decided_by = $3, note = $4, updated_at = $5 WHERE id = $1`, [id, status, principal.sub, decided.note, now]);
      await this.announce(manager, decided, { correlationId, actor: principal.sub }, now);
      return decided;
    });
  }

  async resubmit(id: string, amountPence: number, principal: Principal, correlationId?: string, now = new Date()): Promise<Refund> {
    return this.dataSource.transaction(async (manager) => {
      const refund = await this.find(manager, id, true);
      if (!refund) throw new NotFoundError('The refund');
      assertCanResubmit(refund, principal.sub);
      // Whoever sets the amount of a refund that named no proposer becomes its proposer, so they cannot approve it too.
      const updated: Refund = { ...refund, amountPence, status: 'awaiting-approval', decidedBy: null, requestedBy: principal.sub };
      assertWithinRefundable(amountPence, await this.refundable(manager, updated));
      await manager.query(`UPDATE refunds SET status = 'awaiting-approval', amount_pence = $2, decided_by = NULL, requested_by = $4, updated_at = $3 WHERE id = $1`, [id, amountPence, now, principal.sub]);
      await this.announce(manager, updated, { correlationId, actor: principal.sub }, now);
      return updated;
    });
  }

  async markPaid(id: string, principal: Principal, correlationId?: string, now = new Date()): Promise<Refund> {
    return this.dataSource.transaction(async (manager) => {
      const refund = await this.find(manager, id, true);
      if (!refund) throw new NotFoundError('The refund');
      if (refund.status !== 'approved') throw new ConflictError(`The refund is ${refund.status}; only an approved refund is paid`);
      const paid: Refund = { ...refund, status: 'paid' };
      await manager.query(`UPDATE refunds SET status = 'paid', updated_at = $2 WHERE id = $1`, [id, now]);
      await this.announce(manager, paid, { correlationId, actor: principal.sub }, now);
      return paid;
    });
  }

  /** Refunds waiting for an approver, oldest first: the team leaders' queue. */
  async awaitingApproval(limit: number, after?: string): Promise<Page<Refund>> {
    return awaitingPage<RefundRow, Refund>(this.dataSource, 'refunds', ['awaiting-approval'], toRefund, limit, after);
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<Refund | undefined> {
    const [row] = (await manager.query(`SELECT * FROM refunds WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as RefundRow[];
    return row && toRefund(row);
  }

  /**
   * What this refund may still take: the overpayment for an ordinary refund, the net amount paid
   * for a complaint remedy, less other refunds of the same kind not yet decided or already approved
   * (approved ordinary refunds are already out of the overpayment).
   */
  private async refundable(manager: EntityManager, refund: Refund): Promise<number> {
    if (!refund.serviceRequestId) return Number.MAX_SAFE_INTEGER;
    const request = present((await this.requests.byId(manager, refund.serviceRequestId)));
    const balance = apportion(request.fees, request.paidPence, request.disputed);
    const remedy = refund.reason === 'complaint-remedy';
    const [row] = (await manager.query(
      `SELECT COALESCE(sum(amount_pence), 0)::bigint AS held FROM refunds
       WHERE service_request_id = $1 AND id <> $2 AND (reason = 'complaint-remedy') = $3
         AND status IN (${remedy ? "'awaiting-approval', 'returned-for-update', 'approved', 'paid'" : "'awaiting-approval', 'returned-for-update'"})`,
      [refund.serviceRequestId, refund.id, remedy],
    )) as { held: string }[];
    return Math.max(0, (remedy ? balance.paidPence : balance.overpaymentPence) - Number(present(row).held));
  }

  /**
   * An ordinary refund goes back the way the money came (to the card, or the firm's account,
   * else by bank transfer) and off the service request; a remedy is paid from the courts' budget,
   * so the fees stay paid.
   */
  private async movement(manager: EntityManager, refund: Refund) {
    const tags = { refundId: refund.id };
    if (refund.reason === 'complaint-remedy' || !refund.serviceRequestId) {
      return transfer('remedy', ledgerAccount.cash('bank-transfer'), ledgerAccount.remedies, refund.amountPence, { ...tags, method: 'bank-transfer' as PaymentMethod, businessArea: 'complaints' });
    }
    const [last] = (await manager.query(
      `SELECT p.method, p.account_id FROM allocations a JOIN payments p ON p.id = a.payment_id
       WHERE a.service_request_id = $1 AND a.status = 'verified' ORDER BY a.allocated_at DESC LIMIT 1`,
      [refund.serviceRequestId],
    )) as { method: PaymentMethod; account_id: string | null }[];
    const method: PaymentMethod = last?.method === 'card' || last?.method === 'payment-by-account' ? last.method : 'bank-transfer';
    const from = method === 'payment-by-account' ? ledgerAccount.firmAccount(present(last?.account_id)) : ledgerAccount.cash(method);
    return transfer('refund', from, ledgerAccount.serviceRequest(refund.serviceRequestId), refund.amountPence, { ...tags, method });
  }

  private async insert(manager: EntityManager, r: Refund, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO refunds (id, kind, case_id, service_request_id, amount_pence, reason, status, requested_by, note, complaint_id, remedy_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [r.id, r.kind, r.caseId, r.serviceRequestId, r.amountPence, r.reason, r.status, r.requestedBy, r.note, r.complaintId, r.remedyId, now],
    );
  }

  private async announce(manager: EntityManager, r: Refund, context: EventContext, now: Date): Promise<void> {
    const data = {
      refundId: r.id, status: r.status, kind: r.kind, amountPence: r.amountPence,
      ...(r.caseId ? { caseId: r.caseId } : {}), ...(r.complaintId ? { complaintId: r.complaintId } : {}), ...(r.remedyId ? { remedyId: r.remedyId } : {}),
    };
    await appendToOutbox(manager, [{ type: refundStatusChangedV1, subject: r.id, data }], context, now);
  }
}

function toRefund(r: RefundRow): Refund {
  return {
    id: r.id, kind: r.kind, caseId: r.case_id, serviceRequestId: r.service_request_id, amountPence: Number(r.amount_pence), reason: r.reason, status: r.status,
    requestedBy: r.requested_by, decidedBy: r.decided_by, note: r.note, complaintId: r.complaint_id, remedyId: r.remedy_id, createdAt: r.created_at,
  };
}
