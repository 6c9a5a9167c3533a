import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { and, execute, query, Queryable, rawSql, Sql, sql } from '@ccsc/platform';
import type { SuspenseReason } from '../../account/domain/fine-account';
import type { SuspenseItem, SuspenseState } from '../domain/suspense-item';

interface SuspenseRow {
  id: string;
  payment_id: string;
  account_number: string;
  amount_pence: number;
  reason: SuspenseReason;
  source: 'payments' | 'warrant';
  method: string | null;
  received_at: Date;
  suspended_at: Date;
  state: SuspenseState;
  reversed_at: Date | null;
  allocated_account_id: string | null;
  allocated_by: string | null;
  allocated_at: Date | null;
  refund_requested_by: string | null;
  refund_requested_at: Date | null;
  refund_id: string | null;
  refunded_at: Date | null;
}

const COLUMNS = rawSql(`s.id, s.payment_id, s.account_number, s.amount_pence::int AS amount_pence, s.reason, s.source,
  s.method, s.received_at, s.suspended_at, s.state, s.reversed_at, s.allocated_account_id, s.allocated_by,
  s.allocated_at, s.refund_requested_by, s.refund_requested_at, s.refund_id, s.refunded_at`);

function itemOf(r: SuspenseRow): SuspenseItem {
  return {
    id: r.id,
    paymentId: r.payment_id,
    accountNumber: r.account_number,
    amountPence: r.amount_pence,
    reason: r.reason,
    source: r.source,
    method: r.method,
    receivedAt: r.received_at,
    suspendedAt: r.suspended_at,
    state: r.state,
    reversedAt: r.reversed_at,
    allocatedAccountId: r.allocated_account_id,
    allocatedBy: r.allocated_by,
    allocatedAt: r.allocated_at,
    refundRequestedBy: r.refund_requested_by,
    refundRequestedAt: r.refund_requested_at,
    refundId: r.refund_id,
    refundedAt: r.refunded_at,
  };
}

export interface SuspenseListFilter {
  reason?: SuspenseReason;
  state?: SuspenseState;
  /** The position of the last item of the previous page (oldest first). */
  after?: { createdAt: Date; id: string };
}

/**
 * The payments held in suspense as officers work them (PaymentRepository puts them there); writes take
 * the transaction's EntityManager.
 */
@Injectable()
export class SuspenseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async where(condition: Sql, runner: Queryable = this.dataSource): Promise<SuspenseItem[]> {
    const rows = await query<SuspenseRow>(runner, sql`SELECT ${COLUMNS} FROM suspense_payments s WHERE ${condition}`);
    return rows.map(itemOf);
  }

  /** Oldest first; one more than `limit` when there is a next page. */
  list(filter: SuspenseListFilter, limit: number): Promise<SuspenseItem[]> {
    const { reason, state, after } = filter;
    const condition = and([
      reason ? sql`s.reason = ${reason}` : undefined,
      state ? sql`s.state = ${state}` : undefined,
      after ? sql`(s.suspended_at, s.id) > (${after.createdAt}, ${after.id}::uuid)` : undefined,
    ]);
    return this.where(sql`${condition} ORDER BY s.suspended_at, s.id LIMIT ${limit + 1}`);
  }

  async find(id: string, runner: Queryable = this.dataSource): Promise<SuspenseItem | undefined> {
    const [item] = await this.where(sql`s.id = ${id}`, runner);
    return item;
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<SuspenseItem | undefined> {
    const [item] = await this.where(sql`s.id = ${id} FOR UPDATE`, manager);
    return item;
  }

  async allocated(manager: EntityManager, id: string, accountId: string, by: string, at: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE suspense_payments SET state = 'allocated', allocated_account_id = ${accountId}, allocated_by = ${by},
            allocated_at = ${at} WHERE id = ${id}`,
    );
  }

  async refundRequested(manager: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE suspense_payments SET state = 'refund-requested', refund_requested_by = ${by},
            refund_requested_at = ${at}, refund_id = NULL WHERE id = ${id}`,
    );
  }

  /** The refund raised for the item, as payments first names it. */
  async refundRaised(manager: EntityManager, id: string, refundId: string): Promise<void> {
    await execute(manager, sql`UPDATE suspense_payments SET refund_id = ${refundId} WHERE id = ${id}`);
  }

  /** A rejected refund: the money is held again, and a new request starts afresh. */
  async backToHeld(manager: EntityManager, id: string): Promise<void> {
    await execute(
      manager,
      sql`UPDATE suspense_payments SET state = 'held', refund_requested_by = NULL, refund_requested_at = NULL,
            refund_id = NULL WHERE id = ${id}`,
    );
  }

  async refunded(manager: EntityManager, id: string, refundId: string, at: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE suspense_payments SET state = 'refunded', refund_id = ${refundId}, refunded_at = ${at}
            WHERE id = ${id}`,
    );
  }
}
