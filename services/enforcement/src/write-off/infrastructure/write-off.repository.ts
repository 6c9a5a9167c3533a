import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { and, execute, query, queryOne, sql } from '@ccsc/platform';
import type { WriteOff } from '../domain/write-off';

interface WriteOffRow {
  id: string;
  account_id: string;
  amount_pence: number;
  reason: string;
  status: WriteOff['status'];
  requested_by: string;
  decided_by: string | null;
}

export interface NewWriteOff {
  id: string;
  accountId: string;
  amountPence: number;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
}

/** Write-offs asked for and decided; all within the caller's transaction, with the account locked. */
@Injectable()
export class WriteOffRepository {
  /** The write-off, locked: take its account's lock first. */
  findForUpdate(manager: EntityManager, id: string): Promise<WriteOff | undefined> {
    return this.find(manager, id, true);
  }

  async find(manager: EntityManager, id: string, forUpdate = false): Promise<WriteOff | undefined> {
    const row = await queryOne<WriteOffRow>(
      manager,
      sql`SELECT id, account_id, amount_pence::int AS amount_pence, reason, status, requested_by, decided_by
            FROM write_offs WHERE id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
    );
    return (
      row && {
        id: row.id,
        accountId: row.account_id,
        amountPence: row.amount_pence,
        reason: row.reason,
        status: row.status,
        requestedBy: row.requested_by,
        decidedBy: row.decided_by,
      }
    );
  }

  /** What is asked for on the account and not yet decided: `by` one person only, `except` one write-off, if given. */
  async pendingPence(
    manager: EntityManager,
    accountId: string,
    only: { by?: string; except?: string } = {},
  ): Promise<number> {
    const condition = and([
      sql`account_id = ${accountId}`,
      sql`status = 'requested'`,
      only.by === undefined ? undefined : sql`requested_by = ${only.by}`,
      only.except === undefined ? undefined : sql`id <> ${only.except}`,
    ]);
    const row = await queryOne<{ p: string }>(
      manager,
      sql`SELECT COALESCE(sum(amount_pence), 0)::bigint AS p FROM write_offs WHERE ${condition}`,
    );
    return Number(row?.p ?? 0);
  }

  async insert(manager: EntityManager, w: NewWriteOff): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO write_offs (id, account_id, amount_pence, reason, status, requested_by, requested_at)
          VALUES (${w.id}, ${w.accountId}, ${w.amountPence}, ${w.reason}, 'requested', ${w.requestedBy},
                  ${w.requestedAt})`,
    );
  }

  /**
   * Rejects, as the system, the write-offs still asked for on those of the accounts that are no longer live;
   * each one's id and account.
   */
  async rejectRequestedOnClosed(
    manager: EntityManager,
    accountIds: readonly string[],
    decidedAt: Date,
  ): Promise<{ id: string; accountId: string }[]> {
    return query<{ id: string; accountId: string }>(
      manager,
      sql`UPDATE write_offs w SET status = 'rejected', decided_by = 'system', decided_at = ${decidedAt}
            FROM fine_accounts a
           WHERE a.id = w.account_id AND w.account_id = ANY(${accountIds}::uuid[]) AND w.status = 'requested'
             AND a.status <> 'live'
       RETURNING w.id, w.account_id AS "accountId"`,
    );
  }

  async decide(
    manager: EntityManager,
    id: string,
    status: 'approved' | 'rejected',
    decidedBy: string,
    decidedAt: Date,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE write_offs SET status = ${status}, decided_by = ${decidedBy}, decided_at = ${decidedAt}
           WHERE id = ${id}`,
    );
  }
}
