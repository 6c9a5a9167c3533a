import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, queryOne, sql, type Sql } from '@ccsc/platform';
import { type ApprovalAccount, lockKeyOf } from '../domain/approval-accounts';

/** A fine account number as stored, read as the number it is (rows stored before numbers were normalised). */
const FINE_ACCOUNT = sql`upper(regexp_replace(fine_account_number, '[\\s-]', '', 'g'))`;

/**
 * What is approved on approval accounts: refunds and consolatory payments approved or paid, and fee waivers
 * approved (what they remitted), each account locked first (advisory locks, in one order) so that two
 * approvals on one account are counted one after the other.
 */
@Injectable()
export class ApprovedMoney {
  /**
   * One figure per account, in its order, leaving out the refund or waiver being approved (`except`).
   */
  async lockAndCount(
    manager: EntityManager,
    accounts: readonly ApprovalAccount[],
    except: { refundId?: string; waiverId?: string },
  ): Promise<number[]> {
    for (const key of accounts.map(lockKeyOf).sort())
      await execute(manager, sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    const counts: number[] = [];
    for (const account of accounts) {
      const refunds = sql`SELECT COALESCE(sum(amount_pence), 0) AS pence FROM refunds
        WHERE ${refundsOn(account)} AND status IN ('approved', 'paid') AND id IS DISTINCT FROM ${except.refundId ?? null}::uuid`;
      const waivers =
        account.kind === 'fine-account'
          ? sql`SELECT 0 AS pence`
          : sql`SELECT COALESCE(sum(remitted_pence), 0) AS pence FROM fee_waivers
              WHERE ${account.kind === 'case' ? sql`case_id` : sql`complaint_id`} = ${account.id}::uuid
                AND status = 'approved' AND id IS DISTINCT FROM ${except.waiverId ?? null}::uuid`;
      const row = await queryOne<{ pence: string }>(
        manager,
        sql`SELECT ((${refunds}) + (${waivers}))::bigint AS pence`,
      );
      counts.push(Number(row?.pence ?? 0));
    }
    return counts;
  }
}

function refundsOn(account: ApprovalAccount): Sql {
  if (account.kind === 'case') return sql`case_id = ${account.id}::uuid`;
  if (account.kind === 'complaint') return sql`complaint_id = ${account.id}::uuid`;
  return sql`${FINE_ACCOUNT} = ${account.id}`;
}
