import { miPeriodOf } from '@ccsc/management-information/period';
import { enquiriesFiguresOf, figuresAsRows, percentOf, type EnquiryCountsRow } from './enquiries-figures';

const period = miPeriodOf({ from: '2026-11-01', to: '2026-11-14', granularity: 'week' });

const row = (bucket: string, channel: string, counts: Partial<EnquiryCountsRow> = {}): EnquiryCountsRow => ({
  bucket,
  channel,
  received: 0,
  answered: 0,
  answeredWithinSla: 0,
  firstContactResolved: 0,
  ...counts,
});

describe('the enquiries section of the management information', () => {
  const rows = [
    row('2026-11-02', 'telephone', { received: 4, answered: 3, answeredWithinSla: 2, firstContactResolved: 1 }),
    row('2026-11-02', 'email', { received: 2 }),
    row('2026-11-09', 'telephone', { received: 1, answered: 2, answeredWithinSla: 2, firstContactResolved: 2 }),
    row('2026-11-09', 'post', { answered: 1 }),
  ];

  it('adds up each bucket, a quiet one as zero, each channel with activity in order, and the rates of those answered', () => {
    expect(enquiriesFiguresOf(period, rows)).toEqual({
      received: 7,
      answered: 6,
      answeredWithinSla: 4,
      firstContactResolved: 3,
      slaMetPercent: (4 / 6) * 100,
      firstContactResolutionPercent: 50,
      byChannel: [
        { channel: 'email', received: 2, answered: 0, answeredWithinSla: 0, firstContactResolved: 0 },
        { channel: 'post', received: 0, answered: 1, answeredWithinSla: 0, firstContactResolved: 0 },
        { channel: 'telephone', received: 5, answered: 5, answeredWithinSla: 4, firstContactResolved: 3 },
      ],
      periods: [
        { start: '2026-11-01', received: 0, answered: 0, answeredWithinSla: 0, firstContactResolved: 0 },
        { start: '2026-11-02', received: 6, answered: 3, answeredWithinSla: 2, firstContactResolved: 1 },
        { start: '2026-11-09', received: 1, answered: 3, answeredWithinSla: 2, firstContactResolved: 2 },
      ],
    });
  });

  it('has no rates when nothing was answered, and no channels when nothing happened', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(enquiriesFiguresOf(period, [row('2026-11-02', 'email', { received: 3 })])).toMatchObject({
      received: 3,
      answered: 0,
      slaMetPercent: null,
      firstContactResolutionPercent: null,
    });
    expect(enquiriesFiguresOf(period, [])).toMatchObject({
      received: 0,
      answered: 0,
      slaMetPercent: null,
      firstContactResolutionPercent: null,
      byChannel: [],
    });
  });

  it('writes one row per measure for each bucket, the total, and each channel over the total', () => {
    const asRows = figuresAsRows(enquiriesFiguresOf(period, rows)).map((f) => [
      f.bucket,
      f.measure,
      f.dimension ?? '',
      f.value,
    ]);
    const counts = (bucket: string, dimension: string, values: number[]) =>
      ['received', 'answered', 'answered_within_sla', 'first_contact_resolved'].map((measure, i) => [
        bucket,
        measure,
        dimension,
        values[i],
      ]);
    expect(asRows).toEqual([
      ...counts('2026-11-01', '', [0, 0, 0, 0]),
      ...counts('2026-11-02', '', [6, 3, 2, 1]),
      ...counts('2026-11-09', '', [1, 3, 2, 2]),
      ...counts('total', '', [7, 6, 4, 3]),
      ...counts('total', 'channel=email', [2, 0, 0, 0]),
      ...counts('total', 'channel=post', [0, 1, 0, 0]),
      ...counts('total', 'channel=telephone', [5, 5, 4, 3]),
    ]);
  });
});
