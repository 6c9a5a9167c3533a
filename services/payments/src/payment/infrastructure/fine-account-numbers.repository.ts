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

  async isIssued(accountNumber: string): Promise<boolean> {
    return (await this.accountIdOf(accountNumber)) !== undefined;
  }

  /** Enforcement's id of the account with this number, if it issued the number. */
  async accountIdOf(accountNumber: string): Promise<string | undefined> {
    const row = await queryOne<{ account_id: string }>(
      this.dataSource,
      sql`SELECT account_id FROM fine_account_numbers WHERE account_number = ${accountNumber}`,
    );
    return row?.account_id;
  }
}
