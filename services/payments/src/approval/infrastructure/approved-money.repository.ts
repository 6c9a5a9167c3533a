import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, queryOne, sql, type Sql } from '@ccsc/platform';
import { type ApprovalAccount, lockKeyOf } from '../domain/approval-accounts';

/** A fine account number as stored, read as the number it is (rows stored before numbers were normalised). */
const FINE_ACCOUNT = sql`upper(regexp_replace(fine_account_number, '[\\s-]', '', 'g'))`;

/**
 * What is approved on approval accounts: refunds and consolatory payments approved or paid, and fee waivers
 * approved (what they remitted), each account locked first (advisory locks, in one order) so that two
 * approvals on one account are counted one after the other. A fine account is one with every account
 * consolidated into the same one (fine_account_numbers, as enforcement told payments): refunds on a
 * defendant's old accounts and on the account they went into count together, under one lock.
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
    const counted = await Promise.all(accounts.map((account) => this.asCounted(manager, account)));
    for (const key of counted.map(({ lockAs }) => lockKeyOf(lockAs)).sort())
      await execute(manager, sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    const counts: number[] = [];
    for (const { account, refundsOn } of counted) {
      const refunds = sql`SELECT COALESCE(sum(amount_pence), 0) AS pence FROM refunds
        WHERE ${refundsOn} AND status IN ('approved', 'paid') AND id IS DISTINCT FROM ${except.refundId ?? null}::uuid`;
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

  /** How an account is locked and its refunds found: a fine account as the family it is consolidated into. */
  private async asCounted(
    manager: EntityManager,
    account: ApprovalAccount,
  ): Promise<{ account: ApprovalAccount; lockAs: ApprovalAccount; refundsOn: Sql }> {
    if (account.kind === 'case') return { account, lockAs: account, refundsOn: sql`case_id = ${account.id}::uuid` };
    if (account.kind === 'complaint')
      return { account, lockAs: account, refundsOn: sql`complaint_id = ${account.id}::uuid` };
    const family = await consolidationFamilyOf(manager, account.id);
    return {
      account,
      lockAs: { kind: 'fine-account', id: family.lockAs },
      refundsOn: sql`${FINE_ACCOUNT} = ANY(${family.numbers}::text[])`,
    };
  }
}

/**
 * The numbers of every account consolidated, at any depth, into the same account as this one, and the least
 * of them (`lockAs`: the same whichever member it is asked for, a loop in the register included); a number
 * enforcement never told payments of is a family of one.
 */
async function consolidationFamilyOf(
  manager: EntityManager,
  accountNumber: string,
): Promise<{ lockAs: string; numbers: string[] }> {
  const row = await queryOne<{ lock_as: string | null; numbers: string[] | null }>(
    manager,
    sql`WITH RECURSIVE up AS (
          SELECT account_id, consolidated_into, 0 AS depth FROM fine_account_numbers WHERE account_number = ${accountNumber}
          UNION ALL
          SELECT n.account_id, n.consolidated_into, up.depth + 1
            FROM fine_account_numbers n JOIN up ON n.account_id = up.consolidated_into WHERE up.depth < 20
        ),
        down AS (
          SELECT account_id, account_number, 0 AS depth FROM fine_account_numbers
           WHERE account_id = (SELECT account_id FROM up ORDER BY depth DESC, account_id LIMIT 1)
          UNION ALL
          SELECT n.account_id, n.account_number, down.depth + 1
            FROM fine_account_numbers n JOIN down ON n.consolidated_into = down.account_id WHERE down.depth < 20
        )
        SELECT min(account_number) AS lock_as, array_agg(DISTINCT account_number) AS numbers FROM down`,
  );
  if (!row?.lock_as || !row.numbers) return { lockAs: accountNumber, numbers: [accountNumber] };
  return { lockAs: row.lock_as, numbers: row.numbers };
}
