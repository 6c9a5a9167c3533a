import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, execute, queryOne, sql } from '@ccsc/platform';

/** What a payer is told of a well-formed number enforcement never issued. */
export function fineAccountNotIssued(accountNumber: string): AppError {
  return new AppError('NOT_FOUND', `No fine account has the number ${accountNumber}: check it against the notice`);
}

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
      sql`WITH RECURSIVE chain AS (
            SELECT account_id, consolidated_into, 0 AS depth FROM fine_account_numbers WHERE account_number = ${accountNumber}
            UNION ALL
            SELECT n.account_id, n.consolidated_into, c.depth + 1
              FROM fine_account_numbers n JOIN chain c ON n.account_id = c.consolidated_into WHERE c.depth < 20
          )
          SELECT (SELECT account_id FROM chain WHERE depth = 0) AS account_id,
                 (SELECT n.account_number FROM chain c JOIN fine_account_numbers n ON n.account_id = c.account_id
                   WHERE c.depth > 0 AND c.consolidated_into IS NULL ORDER BY c.depth DESC LIMIT 1) AS pay_instead`,
    );
    if (!row?.account_id) return undefined;
    return { accountId: row.account_id, ...(row.pay_instead ? { payInstead: row.pay_instead } : {}) };
  }
}
