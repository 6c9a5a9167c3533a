import { miPeriodOf } from '@ccsc/management-information/period';
import { feeFigures, figuresAsRows } from './fees-figures';

// November 2026 by week: Sunday the 1st alone, then weeks from Monday the 2nd, the 9th...
const period = miPeriodOf({ from: '2026-11-01', to: '2026-11-14', granularity: 'week' });

const rows = {
  feeIncome: [
    { bucket: '2026-11-01', chargedPence: 61_200, remittedPence: 0 },
    { bucket: '2026-11-09', chargedPence: -1_000, remittedPence: 30_000 },
  ],
  receipts: [
    { bucket: '2026-11-01', method: 'cheque', payments: 1, collectedPence: 10_000 },
    { bucket: '2026-11-09', method: 'card', payments: 2, collectedPence: 3_000 },
    { bucket: '2026-11-09', method: 'cheque', payments: 3, collectedPence: 4_500 },
  ],
  refunds: [{ bucket: '2026-11-09', refundedPence: 2_500 }],
};

describe('the fees section', () => {
  it('adds up each bucket and the whole period, a quiet bucket as zeros, methods in order', () => {
    const figures = feeFigures(period, rows);
    expect(figures).toEqual({
      chargedPence: 60_200,
      remittedPence: 30_000,
      collectedPence: 17_500,
      refundedPence: 2_500,
      payments: 6,
      byMethod: [
        { method: 'card', payments: 2, collectedPence: 3_000 },
        { method: 'cheque', payments: 4, collectedPence: 14_500 },
      ],
      periods: [
        {
          start: '2026-11-01',
          chargedPence: 61_200,
          remittedPence: 0,
          collectedPence: 10_000,
          refundedPence: 0,
          payments: 1,
          byMethod: [{ method: 'cheque', payments: 1, collectedPence: 10_000 }],
        },
        {
          start: '2026-11-02',
          chargedPence: 0,
          remittedPence: 0,
          collectedPence: 0,
          refundedPence: 0,
          payments: 0,
          byMethod: [],
        },
        {
          start: '2026-11-09',
          chargedPence: -1_000,
          remittedPence: 30_000,
          collectedPence: 7_500,
          refundedPence: 2_500,
          payments: 5,
          byMethod: [
            { method: 'card', payments: 2, collectedPence: 3_000 },
            { method: 'cheque', payments: 3, collectedPence: 4_500 },
          ],
        },
      ],
    });
  });

  it('is all zeros with no method for a period without movements', () => {
    const figures = feeFigures(period, { feeIncome: [], receipts: [], refunds: [] });
    expect(figures).toMatchObject({ chargedPence: 0, collectedPence: 0, payments: 0, byMethod: [] });
    expect(figures.periods.map((p) => p.start)).toEqual(['2026-11-01', '2026-11-02', '2026-11-09']);
  });

  it('leaves out of the total a row in no bucket of the period, as it is in none of the buckets', () => {
    const stray = { ...rows, refunds: [...rows.refunds, { bucket: '2026-10-26', refundedPence: 99 }] };
    expect(feeFigures(period, stray).refundedPence).toBe(2_500);
  });

  it('writes every measure of every bucket, then of the whole period, with the methods as dimensions', () => {
    const csv = figuresAsRows(feeFigures(period, rows));
    const line = (r: { bucket: string; measure: string; dimension?: string; value: number }) =>
      [r.bucket, r.measure, r.dimension ?? '', r.value].join(',');
    expect(csv.map(line)).toEqual([
      '2026-11-01,charged_pence,,61200',
      '2026-11-01,remitted_pence,,0',
      '2026-11-01,collected_pence,,10000',
      '2026-11-01,refunded_pence,,0',
      '2026-11-01,payments,,1',
      '2026-11-01,collected_pence,method=cheque,10000',
      '2026-11-01,payments,method=cheque,1',
      '2026-11-02,charged_pence,,0',
      '2026-11-02,remitted_pence,,0',
      '2026-11-02,collected_pence,,0',
      '2026-11-02,refunded_pence,,0',
      '2026-11-02,payments,,0',
      '2026-11-09,charged_pence,,-1000',
      '2026-11-09,remitted_pence,,30000',
      '2026-11-09,collected_pence,,7500',
      '2026-11-09,refunded_pence,,2500',
      '2026-11-09,payments,,5',
      '2026-11-09,collected_pence,method=card,3000',
      '2026-11-09,payments,method=card,2',
      '2026-11-09,collected_pence,method=cheque,4500',
      '2026-11-09,payments,method=cheque,3',
      'total,charged_pence,,60200',
      'total,remitted_pence,,30000',
      'total,collected_pence,,17500',
      'total,refunded_pence,,2500',
      'total,payments,,6',
      'total,collected_pence,method=card,3000',
      'total,payments,method=card,2',
      'total,collected_pence,method=cheque,14500',
      'total,payments,method=cheque,4',
    ]);
  });
});
