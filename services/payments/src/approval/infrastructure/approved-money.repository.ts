import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, queryOne, sql, type Sql } from '@ccsc/platform';
import { type ApprovalAccount, lockKeyOf } from '../domain/approval-accounts';
import { FineAccountNumbers } from '../../payment/infrastructure/fine-account-numbers.repository';

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
  constructor(private readonly numbers: FineAccountNumbers) {}

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
    if (account.kind === 'case')
      return {
        account,
        lockAs: account,
        // The case's own refunds, and remedies of every complaint that names it.
        refundsOn: sql`(case_id = ${account.id}::uuid OR complaint_case_ids @> ARRAY[${account.id}::uuid])`,
      };
    if (account.kind === 'complaint')
      return { account, lockAs: account, refundsOn: sql`complaint_id = ${account.id}::uuid` };
    const family = await this.numbers.family(manager, account.id);
    return {
      account,
      lockAs: { kind: 'fine-account', id: family.lockAs },
      refundsOn: sql`${FINE_ACCOUNT} = ANY(${family.numbers}::text[])`,
    };
  }
}
