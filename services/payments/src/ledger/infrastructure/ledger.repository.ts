import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { and, execute, query, rawSql, sql, type Queryable } from '@ccsc/platform';
import type { LedgerAccountKind, LedgerBalance, LedgerEntry, LedgerKind, Movement } from '../domain/ledger';
import type { DaySum, MethodSum } from '../domain/reconciliation';

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

/** Where a page of entries, oldest first, starts after. */
export interface EntryPosition {
  occurredAt: Date;
  id: string;
}

const ENTRY_COLUMNS = rawSql(`e.id::text AS id, e.transaction_id AS "transactionId", e.account, e.kind,
  e.amount_pence::int AS "amountPence", e.method, e.business_area AS "businessArea", e.payment_id AS "paymentId",
  e.refund_id AS "refundId", e.recorded_by AS "recordedBy", e.occurred_at AS "occurredAt"`);

/** Oldest first from a position: the keyset every page of entries uses. */
const after = (position: EntryPosition | undefined) =>
  position && sql`(e.occurred_at, e.id) > (${position.occurredAt}, ${position.id}::bigint)`;

/** An account of a kind: the kind itself (`fee-income`), or the kind and what it is for (`cash:card`). */
const ofKind = (kind: LedgerAccountKind) => sql`(account = ${kind} OR account LIKE ${`${kind}:%`})`;

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

  /**
   * Undoes what a refund's approval put on the ledger: the same entries, negated, as one new transaction
   * (same accounts, method and tags, so each day's takings by method still balance).
   */
  async undoRefund(manager: EntityManager, refundId: string, actor: string, now: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO ledger_entries (transaction_id, account, kind, amount_pence, method, business_area, payment_id,
         refund_id, recorded_by, occurred_at)
       SELECT ${randomUUID()}::uuid, account, kind, -amount_pence, method, business_area, payment_id, refund_id,
         ${actor}, ${now}
       FROM ledger_entries WHERE refund_id = ${refundId} AND kind IN ('refund', 'remedy')`,
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

  /** A page of an account's entries, oldest first (`limit + 1` rows, to tell whether more follow). */
  async entries(manager: Queryable, account: string, limit: number, from?: EntryPosition): Promise<LedgerEntry[]> {
    return query<LedgerEntry>(
      manager,
      sql`SELECT ${ENTRY_COLUMNS} FROM ledger_entries e WHERE ${and([sql`e.account = ${account}`, after(from)])}
       ORDER BY e.occurred_at, e.id LIMIT ${limit + 1}`,
    );
  }

  /**
   * A page of a case's entries, oldest first: every entry of each movement on the case's service request
   * (fees, remissions, payments applied and refunded) or of the payments made for it and its refunds.
   */
  async caseEntries(manager: Queryable, caseId: string, limit: number, from?: EntryPosition): Promise<LedgerEntry[]> {
    return query<LedgerEntry>(
      manager,
      sql`WITH movements AS (
         SELECT l.transaction_id FROM service_requests r
           JOIN ledger_entries l ON l.account = 'service-request:' || r.id::text WHERE r.case_id = ${caseId}
         UNION SELECT l.transaction_id FROM payments p JOIN ledger_entries l ON l.payment_id = p.id
           WHERE p.case_id = ${caseId}
         UNION SELECT l.transaction_id FROM refunds f JOIN ledger_entries l ON l.refund_id = f.id
           WHERE f.case_id = ${caseId})
       SELECT ${ENTRY_COLUMNS} FROM ledger_entries e
       WHERE ${and([sql`e.transaction_id IN (SELECT transaction_id FROM movements)`, after(from)])}
       ORDER BY e.occurred_at, e.id LIMIT ${limit + 1}`,
    );
  }

  /**
   * The balance of each account (of a kind, when given) with entries before `before`, in account order
   * after `afterAccount` (`limit + 1` rows, to tell whether more follow).
   */
  async balancesBefore(
    manager: Queryable,
    before: Date,
    kind: LedgerAccountKind | undefined,
    limit: number,
    afterAccount?: string,
  ): Promise<LedgerBalance[]> {
    const rows = await query<{ account: string; balance: string; entries: number }>(
      manager,
      sql`SELECT account, sum(amount_pence)::bigint AS balance, count(*)::int AS entries FROM ledger_entries
       WHERE ${and([
         sql`occurred_at < ${before}`,
         kind && ofKind(kind),
         afterAccount !== undefined && sql`account > ${afterAccount}`,
       ])}
       GROUP BY account ORDER BY account LIMIT ${limit + 1}`,
    );
    return rows.map((r) => ({ account: r.account, balancePence: Number(r.balance), entries: r.entries }));
  }

  /** The net of each kind of movement on each kind of account over a period: what the reconciliation follows. */
  async sumsByKind(manager: Queryable, from: Date, to: Date): Promise<DaySum[]> {
    const rows = await query<{ accountKind: string; kind: LedgerKind; net: string }>(
      manager,
      sql`SELECT split_part(account, ':', 1) AS "accountKind", kind, sum(amount_pence)::bigint AS net
       FROM ledger_entries WHERE occurred_at >= ${from} AND occurred_at < ${to} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return rows.map((r) => ({ accountKind: r.accountKind, kind: r.kind, netPence: Number(r.net) }));
  }

  /** Money received less receipts undone (bounces, chargebacks), by method, on the takings side. */
  async receiptsByMethod(manager: Queryable, from: Date, to: Date): Promise<MethodSum[]> {
    const rows = await query<{ method: string; net: string }>(
      manager,
      sql`SELECT method, sum(amount_pence)::bigint AS net FROM ledger_entries
       WHERE occurred_at >= ${from} AND occurred_at < ${to} AND kind IN ('payment-received', 'reversal')
         AND (account LIKE 'cash:%' OR account LIKE 'firm-account:%')
       GROUP BY method ORDER BY method`,
    );
    return rows.map((r) => ({ method: r.method, netPence: Number(r.net) }));
  }

  /**
   * What the payments register says came in, by method: payments received less payments reversed in
   * the period. Read here, beside the ledger it is checked against.
   */
  async registerReceiptsByMethod(manager: Queryable, from: Date, to: Date): Promise<MethodSum[]> {
    const rows = await query<{ method: string; net: string }>(
      manager,
      sql`SELECT method, sum(amount)::bigint AS net FROM (
         SELECT method, amount_pence AS amount FROM payments WHERE received_at >= ${from} AND received_at < ${to}
         UNION ALL
         SELECT method, -amount_pence FROM payments WHERE reversed_at >= ${from} AND reversed_at < ${to}
       ) AS register GROUP BY method ORDER BY method`,
    );
    return rows.map((r) => ({ method: r.method, netPence: Number(r.net) }));
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
