import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inMiPeriod, miBucketSql, type MiPeriod } from '@ccsc/management-information';
import { query, rawSql, sql } from '@ccsc/platform';
import type { FeeIncomeRow, ReceiptRow, RefundRow } from '../domain/fees-figures';

const OCCURRED_AT = rawSql('occurred_at');
// A refund is paid last of all (approved is the step before, and nothing follows paid), so a paid
// refund's last change is its payout.
const PAID_AT = rawSql('updated_at');

/**
 * The fees section's sums, grouped by bucket in PostgreSQL. Fees, remissions and payments are read from
 * the ledger, the book of record; refunds from the refunds register, because the ledger records a refund
 * when it is approved and the section counts it when it is paid.
 */
@Injectable()
export class FeesFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Fees charged (net of repricing: a fee repriced down is credited back to fee income as a `fee`
   * movement) and remitted (Help with Fees and complaint fee waivers alike), off the fee-income account
   * (`ledgerAccount.feeIncome`): every fee and remission passes through it. Written as a literal to match
   * the partial index ledger_entries_fee_income, which holds that account's entries alone.
   */
  async feeIncome(period: MiPeriod): Promise<FeeIncomeRow[]> {
    const rows = await query<{ bucket: string; charged: string; remitted: string }>(
      this.dataSource,
      sql`SELECT ${miBucketSql(OCCURRED_AT, period)} AS bucket,
         COALESCE(-sum(amount_pence) FILTER (WHERE kind = 'fee'), 0)::bigint AS charged,
         COALESCE(sum(amount_pence) FILTER (WHERE kind = 'remission'), 0)::bigint AS remitted
       FROM ledger_entries
       WHERE account = 'fee-income' AND kind IN ('fee', 'remission') AND ${inMiPeriod(OCCURRED_AT, period)}
       GROUP BY 1`,
    );
    return rows.map((r) => ({ bucket: r.bucket, chargedPence: Number(r.charged), remittedPence: Number(r.remitted) }));
  }

  /**
   * Payments received, by method: the debit of each `payment-received` movement, its takings side (cash
   * or a firm's account), one per payment. Counted when the ledger took it in, as the daily
   * reconciliation counts it (a bulk-scanned payment's received_at may be the earlier day it was banked).
   * A bounce or chargeback is a `reversal` movement of its own and is not taken off. The literals match
   * the partial index ledger_entries_receipts, which holds these entries alone.
   */
  async receipts(period: MiPeriod): Promise<ReceiptRow[]> {
    const rows = await query<{ bucket: string; method: string; payments: number; collected: string }>(
      this.dataSource,
      sql`SELECT ${miBucketSql(OCCURRED_AT, period)} AS bucket, method, count(*)::int AS payments,
         sum(amount_pence)::bigint AS collected
       FROM ledger_entries
       WHERE kind = 'payment-received' AND amount_pence > 0 AND ${inMiPeriod(OCCURRED_AT, period)}
       GROUP BY 1, 2`,
    );
    return rows.map((r) => ({
      bucket: r.bucket,
      method: r.method,
      payments: r.payments,
      collectedPence: Number(r.collected),
    }));
  }

  /**
   * Refunds paid out: those of money paid (off a case, or of a payment enforcement held in suspense),
   * not consolatory payments, which give back nothing that was paid. Read off the refunds_paid index.
   */
  async refunds(period: MiPeriod): Promise<RefundRow[]> {
    const rows = await query<{ bucket: string; refunded: string }>(
      this.dataSource,
      sql`SELECT ${miBucketSql(PAID_AT, period)} AS bucket, sum(amount_pence)::bigint AS refunded
       FROM refunds
       WHERE status = 'paid' AND kind = 'refund' AND ${inMiPeriod(PAID_AT, period)}
       GROUP BY 1`,
    );
    return rows.map((r) => ({ bucket: r.bucket, refundedPence: Number(r.refunded) }));
  }
}
