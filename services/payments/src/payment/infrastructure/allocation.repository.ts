import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, queryOne, rawSql, sql, type Queryable } from '@ccsc/platform';
import type { AllocationStatus, StoredAllocation } from '../../allocation/domain/allocation';
import type { PaymentMethod } from '@ccsc/contracts';
import type { RefundablePayment } from '../../refund/domain/refund';

const COLUMNS = rawSql(`id, payment_id AS "paymentId", target, case_id AS "caseId",
  service_request_id AS "serviceRequestId", fine_account_number AS "fineAccountNumber",
  amount_pence::int AS "amountPence", reason, status, allocated_by AS "allocatedBy", allocated_at AS "allocatedAt",
  verified_by AS "verifiedBy", verified_at AS "verifiedAt", replaces`);

/** Where payments' money went; part of the payment it belongs to, so changed only under that payment's lock. */
@Injectable()
export class AllocationRepository {
  async insert(manager: EntityManager, a: StoredAllocation): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO allocations (id, payment_id, target, case_id, service_request_id, fine_account_number,
         amount_pence, reason, status, allocated_by, allocated_at, verified_by, verified_at, replaces)
       VALUES (${a.id}, ${a.paymentId}, ${a.target}, ${a.caseId}, ${a.serviceRequestId}, ${a.fineAccountNumber},
         ${a.amountPence}, ${a.reason}, ${a.status}, ${a.allocatedBy}, ${a.allocatedAt}, ${a.verifiedBy},
         ${a.verifiedAt}, ${a.replaces})`,
    );
  }

  /** A new status; who verified it, and when, only when given. */
  async setStatus(
    manager: EntityManager,
    id: string,
    status: AllocationStatus,
    verifiedBy: string | null,
    verifiedAt: Date | null,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE allocations
       SET status = ${status}, verified_by = COALESCE(${verifiedBy}, verified_by),
         verified_at = COALESCE(${verifiedAt}, verified_at)
       WHERE id = ${id}`,
    );
  }

  async find(manager: Queryable, id: string): Promise<StoredAllocation | undefined> {
    return queryOne<StoredAllocation>(manager, sql`SELECT ${COLUMNS} FROM allocations WHERE id = ${id}`);
  }

  async forPayments(manager: Queryable, paymentIds: readonly string[]): Promise<StoredAllocation[]> {
    return query<StoredAllocation>(
      manager,
      sql`SELECT ${COLUMNS} FROM allocations WHERE payment_id = ANY (${paymentIds}::uuid[]) ORDER BY allocated_at, id`,
    );
  }

  /** Allocations awaiting a second officer, oldest first. */
  async awaitingVerification(manager: Queryable, limit: number, after?: { createdAt: Date; id: string }) {
    const position = after ? sql`AND (allocated_at, id) > (${after.createdAt}, ${after.id})` : rawSql('');
    return query<StoredAllocation>(
      manager,
      sql`SELECT ${COLUMNS} FROM allocations WHERE status = 'awaiting-verification' ${position}
       ORDER BY allocated_at, id LIMIT ${limit + 1}`,
    );
  }

  /**
   * Verified money in a service request that a transfer awaiting its second officer would move elsewhere:
   * not the case's to refund while it may be leaving.
   */
  async inTransferFrom(manager: Queryable, serviceRequestId: string): Promise<number> {
    const row = await queryOne<{ pence: string }>(
      manager,
      sql`SELECT COALESCE(sum(f.amount_pence), 0)::bigint AS pence FROM allocations f
       WHERE f.service_request_id = ${serviceRequestId} AND f.status = 'verified'
         AND EXISTS (SELECT 1 FROM allocations t WHERE t.replaces = f.id AND t.status = 'awaiting-verification')`,
    );
    return Number(row?.pence ?? 0);
  }

  /**
   * The payments whose verified money is in a service request, newest first, each with what of it is still
   * there to give back (its allocations, less the refunds already gone back to it). A payment taken back
   * (bounced, charged back) has nothing to give.
   */
  async refundablePaymentsInto(manager: Queryable, serviceRequestId: string): Promise<RefundablePayment[]> {
    const rows = await query<{ paymentId: string; method: PaymentMethod; accountId: string | null; held: string }>(
      manager,
      sql`SELECT p.id AS "paymentId", p.method, p.account_id AS "accountId",
              (sum(a.amount_pence) - COALESCE((SELECT sum(r.amount_pence) FROM refunds r
                 WHERE r.paid_back_to = p.id AND r.service_request_id = ${serviceRequestId}
                   AND r.status IN ('approved', 'paid')), 0))::bigint AS held
         FROM allocations a JOIN payments p ON p.id = a.payment_id
        WHERE a.service_request_id = ${serviceRequestId} AND a.status = 'verified' AND p.reversed_at IS NULL
          -- money a transfer awaiting its second officer would move elsewhere is not this case's to give back
          AND NOT EXISTS (SELECT 1 FROM allocations t WHERE t.replaces = a.id AND t.status = 'awaiting-verification')
        GROUP BY p.id ORDER BY max(a.allocated_at) DESC, p.id`,
    );
    return rows.map(({ held, ...payment }) => ({ ...payment, heldPence: Number(held) }));
  }
}
