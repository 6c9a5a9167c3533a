import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Allocation, AllocationStatus } from '../domain/allocation';

export interface StoredAllocation extends Allocation {
  serviceRequestId: string | null;
}

const COLUMNS = `id, payment_id AS "paymentId", target, case_id AS "caseId", service_request_id AS "serviceRequestId", fine_account_number AS "fineAccountNumber",
  amount_pence::int AS "amountPence", reason, status, allocated_by AS "allocatedBy", allocated_at AS "allocatedAt", verified_by AS "verifiedBy", verified_at AS "verifiedAt", replaces`;

@Injectable()
export class AllocationRepository {
  async insert(manager: EntityManager, a: StoredAllocation): Promise<void> {
    await manager.query(
      `INSERT INTO allocations (id, payment_id, target, case_id, service_request_id, fine_account_number, amount_pence, reason, status, allocated_by, allocated_at, verified_by, verified_at, replaces)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [a.id, a.paymentId, a.target, a.caseId, a.serviceRequestId, a.fineAccountNumber, a.amountPence, a.reason, a.status, a.allocatedBy, a.allocatedAt, a.verifiedBy, a.verifiedAt, a.replaces],
    );
  }

  async setStatus(manager: EntityManager, id: string, status: AllocationStatus, verifiedBy: string | null, verifiedAt: Date | null): Promise<void> {
    await manager.query(`UPDATE allocations SET status = $2, verified_by = COALESCE($3, verified_by), verified_at = COALESCE($4, verified_at) WHERE id = $1`, [id, status, verifiedBy, verifiedAt]);
  }

  async find(manager: EntityManager, id: string): Promise<StoredAllocation | undefined> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM allocations WHERE id = $1`, [id])) as StoredAllocation[];
    return row;
  }

  async forPayments(manager: EntityManager, paymentIds: readonly string[]): Promise<StoredAllocation[]> {
    return (await manager.query(`SELECT ${COLUMNS} FROM allocations WHERE payment_id = ANY ($1::uuid[]) ORDER BY allocated_at, id`, [paymentIds])) as StoredAllocation[];
  }

  /** Allocations awaiting a second officer, oldest first. */
  async awaitingVerification(manager: EntityManager, limit: number, after?: { createdAt: Date; id: string }): Promise<StoredAllocation[]> {
    const position = after ? `AND (allocated_at, id) > ($1, $2)` : '';
    return (await manager.query(
      `SELECT ${COLUMNS} FROM allocations WHERE status = 'awaiting-verification' ${position} ORDER BY allocated_at, id LIMIT ${limit + 1}`,
      after ? [after.createdAt, after.id] : [],
    )) as StoredAllocation[];
  }
}
