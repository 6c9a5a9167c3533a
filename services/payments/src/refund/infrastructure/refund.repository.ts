import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, queryOne, sql, type Queryable } from '@ccsc/platform';
import { awaitingPage } from '../../help-with-fees/infrastructure/approval-queue';
import type { Refund, RefundHolds, RefundKind, RefundReason } from '../domain/refund';

interface RefundRow {
  id: string;
  kind: RefundKind;
  case_id: string | null;
  service_request_id: string | null;
  amount_pence: string;
  reason: RefundReason;
  status: Refund['status'];
  requested_by: string;
  decided_by: string | null;
  note: string | null;
  complaint_id: string | null;
  remedy_id: string | null;
  complaint_case_ids: string[];
  suspense_id: string | null;
  payment_id: string | null;
  fine_account_number: string | null;
  created_at: Date;
}

@Injectable()
export class RefundRepository {
  async insert(manager: EntityManager, r: Refund, now: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO refunds (id, kind, case_id, service_request_id, amount_pence, reason, status, requested_by,
         decided_by, note, complaint_id, remedy_id, complaint_case_ids, suspense_id, payment_id, fine_account_number,
         created_at, updated_at)
       VALUES (${r.id}, ${r.kind}, ${r.caseId}, ${r.serviceRequestId}, ${r.amountPence}, ${r.reason}, ${r.status},
         ${r.requestedBy}, ${r.decidedBy}, ${r.note}, ${r.complaintId}, ${r.remedyId}, ${r.complaintCaseIds}::uuid[],
         ${r.suspenseId}, ${r.paymentId}, ${r.fineAccountNumber}, ${now}, ${now})`,
    );
  }

  /** The payment an approved refund goes back to (`paymentToRefundTo`), kept so the next counts it as given back. */
  async paidBackTo(manager: EntityManager, refundId: string, paymentId: string): Promise<void> {
    await execute(manager, sql`UPDATE refunds SET paid_back_to = ${paymentId} WHERE id = ${refundId}`);
  }

  /** What of a case's money has gone back to one payment: its refunds approved or paid out. */
  async givenBackTo(manager: EntityManager, paymentId: string, serviceRequestId: string): Promise<number> {
    const row = await queryOne<{ pence: string }>(
      manager,
      sql`SELECT COALESCE(sum(amount_pence), 0)::bigint AS pence FROM refunds
           WHERE paid_back_to = ${paymentId} AND service_request_id = ${serviceRequestId}
             AND status IN ('approved', 'paid')`,
    );
    return Number(row?.pence ?? 0);
  }

  /** Whether the payment an ordinary refund goes back to has been taken back (bounced or charged back). */
  async paidBackToReversed(manager: EntityManager, refundId: string): Promise<boolean> {
    const row = await queryOne<{ reversed: boolean }>(
      manager,
      sql`SELECT p.reversed_at IS NOT NULL AS reversed FROM refunds r JOIN payments p ON p.id = r.paid_back_to
           WHERE r.id = ${refundId}`,
    );
    return row?.reversed ?? false;
  }

  /** Saves what a decision, a resubmission or a payout changed: status, amount, proposer, decider and note. */
  async update(manager: EntityManager, r: Refund, now: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE refunds
       SET status = ${r.status}, amount_pence = ${r.amountPence}, requested_by = ${r.requestedBy},
         decided_by = ${r.decidedBy}, note = ${r.note}, updated_at = ${now}
       WHERE id = ${r.id}`,
    );
  }

  async find(manager: Queryable, id: string): Promise<Refund | undefined> {
    const row = await queryOne<RefundRow>(manager, sql`SELECT * FROM refunds WHERE id = ${id}`);
    return row && toRefund(row);
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<Refund | undefined> {
    const row = await queryOne<RefundRow>(manager, sql`SELECT * FROM refunds WHERE id = ${id} FOR UPDATE`);
    return row && toRefund(row);
  }

  /**
   * What the other refunds of the same service request hold of its paid money (`RefundHolds`): remedies that
   * refund, not rejected; ordinary refunds undecided.
   */
  async held(
    manager: Queryable,
    refund: Pick<Refund, 'serviceRequestId' | 'id'>,
  ): Promise<Omit<RefundHolds, 'inTransferPence'>> {
    const row = await queryOne<{ remedies: string; undecided: string }>(
      manager,
      sql`SELECT
           COALESCE(sum(amount_pence) FILTER (WHERE reason = 'complaint-remedy' AND kind = 'refund' AND status <> 'rejected'), 0)::bigint
             AS remedies,
           COALESCE(sum(amount_pence) FILTER (WHERE reason <> 'complaint-remedy'
             AND status IN ('awaiting-approval', 'returned-for-update')), 0)::bigint AS undecided
         FROM refunds WHERE service_request_id = ${refund.serviceRequestId} AND id <> ${refund.id}`,
    );
    return { remediesPence: Number(row?.remedies ?? 0), undecidedRefundsPence: Number(row?.undecided ?? 0) };
  }

  /**
   * What other refunds of enforcement's suspense from the same payment hold of what can be refunded:
   * those in `statuses`.
   */
  async heldForPayment(
    manager: Queryable,
    refund: Pick<Refund, 'paymentId' | 'id'>,
    statuses: readonly Refund['status'][],
  ): Promise<number> {
    const row = await queryOne<{ held: string }>(
      manager,
      sql`SELECT COALESCE(sum(amount_pence), 0)::bigint AS held FROM refunds
       WHERE payment_id = ${refund.paymentId} AND id <> ${refund.id} AND suspense_id IS NOT NULL
         AND status = ANY (${statuses}::text[])`,
    );
    return Number(row?.held ?? 0);
  }

  /** The refund of a suspense item that is not rejected, if there is one: a suspense item is refunded once. */
  async liveForSuspense(manager: Queryable, suspenseId: string): Promise<Refund | undefined> {
    const row = await queryOne<RefundRow>(
      manager,
      sql`SELECT * FROM refunds WHERE suspense_id = ${suspenseId} AND status <> 'rejected'`,
    );
    return row && toRefund(row);
  }

  /** Refunds of suspense from a payment not yet paid out (undecided or approved), locked. */
  async unpaidOfSuspenseForUpdate(manager: EntityManager, paymentId: string): Promise<Refund[]> {
    const rows = await query<RefundRow>(
      manager,
      sql`SELECT * FROM refunds WHERE payment_id = ${paymentId} AND suspense_id IS NOT NULL
       AND status IN ('awaiting-approval', 'returned-for-update', 'approved') ORDER BY created_at, id FOR UPDATE`,
    );
    return rows.map(toRefund);
  }

  /** A case's refunds approved to go back to this payment and not paid out yet, locked (the case's lock first). */
  async approvedGoingBackForUpdate(manager: EntityManager, paymentId: string, serviceRequestId: string) {
    const rows = await query<RefundRow>(
      manager,
      sql`SELECT * FROM refunds WHERE paid_back_to = ${paymentId} AND service_request_id = ${serviceRequestId}
       AND status = 'approved' ORDER BY created_at, id FOR UPDATE`,
    );
    return rows.map(toRefund);
  }

  /** A case's ordinary refunds approved and not yet paid out, newest first, locked. */
  async approvedUnpaidForUpdate(manager: EntityManager, serviceRequestId: string): Promise<Refund[]> {
    const rows = await query<RefundRow>(
      manager,
      sql`SELECT * FROM refunds WHERE service_request_id = ${serviceRequestId} AND reason <> 'complaint-remedy'
       AND status = 'approved' ORDER BY created_at DESC, id DESC FOR UPDATE`,
    );
    return rows.map(toRefund);
  }

  /** Refunds waiting for an approver, oldest first. */
  async awaitingApproval(
    manager: Queryable,
    limit: number,
    after?: { createdAt: Date; id: string },
  ): Promise<Refund[]> {
    return (await awaitingPage<RefundRow>(manager, 'refunds', ['awaiting-approval'], limit, after)).map(toRefund);
  }
}

function toRefund(r: RefundRow): Refund {
  return {
    id: r.id,
    kind: r.kind,
    caseId: r.case_id,
    serviceRequestId: r.service_request_id,
    amountPence: Number(r.amount_pence),
    reason: r.reason,
    status: r.status,
    requestedBy: r.requested_by,
    decidedBy: r.decided_by,
    note: r.note,
    complaintId: r.complaint_id,
    remedyId: r.remedy_id,
    complaintCaseIds: r.complaint_case_ids,
    suspenseId: r.suspense_id,
    paymentId: r.payment_id,
    fineAccountNumber: r.fine_account_number,
    createdAt: r.created_at,
  };
}
