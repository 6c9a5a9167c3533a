import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, sql, type Queryable } from '@ccsc/platform';
import type { Movement } from '../domain/ledger';

/** One line of a day's sums: a payment method or a business area, what it netted and from how many entries. */
export interface LedgerSum {
  key: string;
  netPence: number;
  entries: number;
}

interface SumRow {
  key: string;
  net: string;
  entries: number;
}

const toSum = (r: SumRow): LedgerSum => ({ key: r.key, netPence: Number(r.net), entries: r.entries });

/** Appends movements to the ledger and sums accounts; nothing here updates or deletes an entry. */
@Injectable()
export class LedgerRepository {
  async record(manager: EntityManager, movements: Movement[], actor: string, now: Date): Promise<void> {
    const rows = movements.flatMap((m) => {
      const transactionId = randomUUID();
      const tags = [m.method ?? null, m.businessArea ?? null, m.paymentId ?? null, m.refundId ?? null];
      return m.postings.map((p) => [transactionId, p.account, m.kind, p.amountPence, ...tags]);
    });
    if (rows.length === 0) return;
    const column = (i: number) => rows.map((r) => r[i]);
    await execute(
      manager,
      sql`INSERT INTO ledger_entries (transaction_id, account, kind, amount_pence, method, business_area, payment_id,
         refund_id, recorded_by, occurred_at)
       SELECT t, a, k, p, m, b, pay, r, ${actor}, ${now}
       FROM unnest(${column(0)}::uuid[], ${column(1)}::varchar[], ${column(2)}::varchar[], ${column(3)}::bigint[],
         ${column(4)}::varchar[], ${column(5)}::varchar[], ${column(6)}::uuid[], ${column(7)}::uuid[])
         AS u(t, a, k, p, m, b, pay, r)`,
    );
  }

  /** The balance of each account asked for (0 for one with no entries), in one query. */
  async balances(manager: Queryable, accounts: readonly string[]): Promise<Map<string, number>> {
    const rows = await query<{ account: string; balance: string }>(
      manager,
      sql`SELECT account, sum(amount_pence)::bigint AS balance FROM ledger_entries
       WHERE account = ANY (${accounts}::varchar[]) GROUP BY account`,
    );
    const found = new Map(rows.map((r) => [r.account, Number(r.balance)]));
    return new Map(accounts.map((a) => [a, found.get(a) ?? 0]));
  }

  async balance(manager: Queryable, account: string): Promise<number> {
    return (await this.balances(manager, [account])).get(account) ?? 0;
  }

  /** Takings by how they came in: money on the cash and firm-account side, receipts less refunds and reversals. */
  async takingsByMethod(manager: Queryable, from: Date, to: Date): Promise<LedgerSum[]> {
    const rows = await query<SumRow>(
      manager,
      sql`SELECT method AS key, sum(amount_pence)::bigint AS net, count(*)::int AS entries FROM ledger_entries
       WHERE occurred_at >= ${from} AND occurred_at < ${to} AND (account LIKE 'cash:%' OR account LIKE 'firm-account:%')
       GROUP BY method ORDER BY method`,
    );
    return rows.map(toSum);
  }

  /** Money allocated (less what was taken back), by the business area it went to. */
  async allocationsByBusinessArea(manager: Queryable, from: Date, to: Date): Promise<LedgerSum[]> {
    const rows = await query<SumRow>(
      manager,
      sql`SELECT COALESCE(business_area, 'unassigned') AS key, sum(amount_pence)::bigint AS net,
         count(*)::int AS entries
       FROM ledger_entries
       WHERE occurred_at >= ${from} AND occurred_at < ${to} AND kind IN ('allocation', 'reversal')
         AND account LIKE 'payment:%'
       GROUP BY 1 ORDER BY 1`,
    );
    return rows.map(toSum);
  }
}
