import type { MiFigure } from '@ccsc/management-information';
import type { MiPeriod } from '@ccsc/management-information/period';

/**
 * The fees section of the management information: the money side of the service centre in a period,
 * each figure counted when its movement happened and on its own (nothing here is netted against another).
 */

/** Fees charged and remitted in one bucket, as the fee-income side of the ledger records them. */
export interface FeeIncomeRow {
  bucket: string;
  chargedPence: number;
  remittedPence: number;
}

/** Payments received in one bucket by one method, as the takings side of the ledger records them. */
export interface ReceiptRow {
  bucket: string;
  method: string;
  payments: number;
  collectedPence: number;
}

/** Refunds paid out in one bucket. */
export interface RefundRow {
  bucket: string;
  refundedPence: number;
}

/** What the database sums for a period, each grouped by bucket. */
export interface FeeRows {
  feeIncome: readonly FeeIncomeRow[];
  receipts: readonly ReceiptRow[];
  refunds: readonly RefundRow[];
}

export interface FeesByMethod {
  method: string;
  payments: number;
  collectedPence: number;
}

/** The figures of a stretch of time: a bucket, or the whole period. */
export interface FeeTotals {
  chargedPence: number;
  remittedPence: number;
  collectedPence: number;
  refundedPence: number;
  payments: number;
  /** Only methods that took a payment, by method name. */
  byMethod: FeesByMethod[];
}

export interface FeesPeriod extends FeeTotals {
  /** The bucket's first day within the period (YYYY-MM-DD). */
  start: string;
}

export interface FeeFigures extends FeeTotals {
  periods: FeesPeriod[];
}

const sum = <R>(rows: readonly R[], of: (row: R) => number) => rows.reduce((total, row) => total + of(row), 0);

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function totalsOf(
  feeIncome: readonly FeeIncomeRow[],
  receipts: readonly ReceiptRow[],
  refunds: readonly RefundRow[],
): FeeTotals {
  const methods = [...new Set(receipts.map((r) => r.method))].sort(byName);
  const byMethod = methods.map((method) => {
    const of = receipts.filter((r) => r.method === method);
    return { method, payments: sum(of, (r) => r.payments), collectedPence: sum(of, (r) => r.collectedPence) };
  });
  return {
    chargedPence: sum(feeIncome, (r) => r.chargedPence),
    remittedPence: sum(feeIncome, (r) => r.remittedPence),
    collectedPence: sum(receipts, (r) => r.collectedPence),
    refundedPence: sum(refunds, (r) => r.refundedPence),
    payments: sum(receipts, (r) => r.payments),
    byMethod,
  };
}

/** The section's figures: every bucket of the period (a quiet one as zeros), and the whole period. */
export function feeFigures(period: MiPeriod, rows: FeeRows): FeeFigures {
  const inBucket = <R extends { bucket: string }>(of: readonly R[], start: string) =>
    of.filter((r) => r.bucket === start);
  const periods = period.buckets.map(({ start }) => ({
    start,
    ...totalsOf(inBucket(rows.feeIncome, start), inBucket(rows.receipts, start), inBucket(rows.refunds, start)),
  }));
  // The whole period is its buckets added up, so a row the database put in no bucket cannot show in one and not the other.
  const buckets = new Set(period.buckets.map((b) => b.start));
  const inPeriod = <R extends { bucket: string }>(of: readonly R[]) => of.filter((r) => buckets.has(r.bucket));
  return { ...totalsOf(inPeriod(rows.feeIncome), inPeriod(rows.receipts), inPeriod(rows.refunds)), periods };
}

function rowsOf(bucket: string, t: FeeTotals): MiFigure[] {
  return [
    { bucket, measure: 'charged_pence', value: t.chargedPence },
    { bucket, measure: 'remitted_pence', value: t.remittedPence },
    { bucket, measure: 'collected_pence', value: t.collectedPence },
    { bucket, measure: 'refunded_pence', value: t.refundedPence },
    { bucket, measure: 'payments', value: t.payments },
    ...t.byMethod.flatMap((m) => [
      { bucket, measure: 'collected_pence', dimension: `method=${m.method}`, value: m.collectedPence },
      { bucket, measure: 'payments', dimension: `method=${m.method}`, value: m.payments },
    ]),
  ];
}

/** The long format: each bucket's measures and its breakdown by method, then the whole period's as `total`. */
export function figuresAsRows(figures: FeeFigures): MiFigure[] {
  return [...figures.periods.flatMap((p) => rowsOf(p.start, p)), ...rowsOf('total', figures)];
}
