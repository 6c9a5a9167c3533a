import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { execute, queryOne, sql } from '@ccsc/platform';

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
    const row = await queryOne(
      this.dataSource,
      sql`SELECT 1 FROM fine_account_numbers WHERE account_number = ${accountNumber}`,
    );
    return row !== undefined;
  }
}
