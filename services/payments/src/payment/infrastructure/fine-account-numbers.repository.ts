import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, execute, queryOne, sql, type Sql } from '@ccsc/platform';

/** What a payer is told of a well-formed number enforcement never issued. */
export function fineAccountNotIssued(accountNumber: string): AppError {
  return new AppError('NOT_FOUND', `No fine account has the number ${accountNumber}: check it against the notice`);
}

/**
 * `chain`: the account with this number, then each account it was consolidated into, in turn (`depth` 0, 1,
 * ...; at most 20 steps, so a loop in the register ends).
 */
const chainFrom = (accountNumber: string): Sql => sql`chain AS (
    SELECT account_id, consolidated_into, 0 AS depth FROM fine_account_numbers WHERE account_number = ${accountNumber}
    UNION ALL
    SELECT n.account_id, n.consolidated_into, c.depth + 1
      FROM fine_account_numbers n JOIN chain c ON n.account_id = c.consolidated_into WHERE c.depth < 20
  )`;

/** The fine account numbers enforcement has issued, as its events told payments. */
@Injectable()
export class FineAccountNumbers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Idempotent: a number told again (a redelivery, the backfill) stays as first registered. */
  async register(manager: EntityManager, accountNumber: string, accountId: string, at: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO fine_account_numbers (account_number, account_id, registered_at)
        VALUES (${accountNumber}, ${accountId}, ${at}) ON CONFLICT (account_number) DO NOTHING`,
    );
  }

  /** The accounts enforcement consolidated into another: their numbers now send payers to that one. */
  async consolidated(manager: EntityManager, accountIds: readonly string[], intoAccountId: string): Promise<void> {
    await execute(
      manager,
      sql`UPDATE fine_account_numbers SET consolidated_into = ${intoAccountId}
           WHERE account_id = ANY(${accountIds}::uuid[]) AND account_id <> ${intoAccountId}`,
    );
  }

  /**
   * The account with this number, if enforcement issued it: enforcement's id for it, and when it was
   * consolidated, the number of the account at the end of its consolidations, which takes its payments now.
   */
  async find(accountNumber: string): Promise<{ accountId: string; payInstead?: string } | undefined> {
    const row = await queryOne<{ account_id: string; pay_instead: string | null }>(
      this.dataSource,
      sql`WITH RECURSIVE ${chainFrom(accountNumber)}
          SELECT (SELECT account_id FROM chain WHERE depth = 0) AS account_id,
                 (SELECT n.account_number FROM chain c JOIN fine_account_numbers n ON n.account_id = c.account_id
                   WHERE c.depth > 0 AND c.consolidated_into IS NULL ORDER BY c.depth DESC LIMIT 1) AS pay_instead`,
    );
    if (!row?.account_id) return undefined;
    return { accountId: row.account_id, ...(row.pay_instead ? { payInstead: row.pay_instead } : {}) };
  }

  /**
   * The numbers of every account consolidated, at any depth, into the same account as this one, and the least
   * of them (`lockAs`: the same whichever member it is asked for, a loop in the register included); a number
   * enforcement never told payments of is a family of one.
   */
  async family(manager: EntityManager, accountNumber: string): Promise<{ lockAs: string; numbers: string[] }> {
    const row = await queryOne<{ lock_as: string | null; numbers: string[] | null }>(
      manager,
      sql`WITH RECURSIVE ${chainFrom(accountNumber)},
          family AS (
            SELECT account_id, account_number, 0 AS depth FROM fine_account_numbers
             WHERE account_id = (SELECT account_id FROM chain ORDER BY depth DESC, account_id LIMIT 1)
            UNION ALL
            SELECT n.account_id, n.account_number, f.depth + 1
              FROM fine_account_numbers n JOIN family f ON n.consolidated_into = f.account_id WHERE f.depth < 20
          )
          SELECT min(account_number) AS lock_as, array_agg(DISTINCT account_number) AS numbers FROM family`,
    );
    if (!row?.lock_as || !row.numbers) return { lockAs: accountNumber, numbers: [accountNumber] };
    return { lockAs: row.lock_as, numbers: row.numbers };
  }
}
