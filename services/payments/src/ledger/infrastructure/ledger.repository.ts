import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Movement } from '../domain/ledger';

/** Appends movements to the ledger and sums accounts; nothing here updates or deletes an entry. */
@Injectable()
export class LedgerRepository {
  async record(manager: EntityManager, movements: Movement[], actor: string, now: Date): Promise<void> {
    const rows = movements.flatMap((m) => {
      const transactionId = randomUUID();
      return m.postings.map((p) => [transactionId, p.account, m.kind, p.amountPence, m.method ?? null, m.businessArea ?? null, m.paymentId ?? null, m.refundId ?? null]);
    });
    if (rows.length === 0) return;
    const column = (i: number) => rows.map((r) => r[i]);
    await manager.query(
      `INSERT INTO ledger_entries (transaction_id, account, kind, amount_pence, method, business_area, payment_id, refund_id, recorded_by, occurred_at)
       SELECT t, a, k, p, m, b, pay, r, $9, $10
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::bigint[], $5::varchar[], $6::varchar[], $7::uuid[], $8::uuid[]) AS u(t, a, k, p, m, b, pay, r)`,
      [column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7), actor, now],
    );
  }

  /** The balance of each account asked for (0 for one with no entries), in one query. */
  async balances(manager: EntityManager, accounts: readonly string[]): Promise<Map<string, number>> {
    const rows = (await manager.query(
      `SELECT account, sum(amount_pence)::bigint AS balance FROM ledger_entries WHERE account = ANY ($1::varchar[]) GROUP BY account`,
      [accounts],
    )) as { account: string; balance: string }[];
    const found = new Map(rows.map((r) => [r.account, Number(r.balance)]));
    return new Map(accounts.map((a) => [a, found.get(a) ?? 0]));
  }

  async balance(manager: EntityManager, account: string): Promise<number> {
    return (await this.balances(manager, [account])).get(account) ?? 0;
  }
}
