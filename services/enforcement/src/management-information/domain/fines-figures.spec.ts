import { miPeriodOf } from '@ccsc/management-information/period';
import { finesFiguresAsRows, finesFiguresOf, type FinesFlowRow } from './fines-figures';

const row = (businessUnit: string, bucket: string, flows: Partial<FinesFlowRow>): FinesFlowRow => ({
  businessUnit,
  bucket,
  accountsOpened: 0,
  imposedPence: 0,
  collectedPence: 0,
  writtenOffPence: 0,
  ...flows,
});

describe('the fines figures of a period', () => {
  // Three weeks from Monday 2 November 2026; the middle one is quiet.
  const period = miPeriodOf({ from: '2026-11-02', to: '2026-11-22', granularity: 'week' });
  const rows = [
    row('BU-SOUTH', '2026-11-16', { accountsOpened: 1, imposedPence: 8_000, collectedPence: 2_000 }),
    row('BU-NORTH', '2026-11-02', { accountsOpened: 2, imposedPence: 20_000, collectedPence: 5_000 }),
    row('BU-NORTH', '2026-11-16', { collectedPence: -1_000, writtenOffPence: 700 }),
  ];

  it('adds the flows up for the period, each bucket (a quiet one as zeros) and each unit with activity, by unit', () => {
    expect(finesFiguresOf(period, rows)).toEqual({
      accountsOpened: 3,
      imposedPence: 28_000,
      collectedPence: 6_000,
      writtenOffPence: 700,
      collectionRatePercent: 21.43,
      byBusinessUnit: [
        { businessUnit: 'BU-NORTH', imposedPence: 20_000, collectedPence: 4_000, writtenOffPence: 700 },
        { businessUnit: 'BU-SOUTH', imposedPence: 8_000, collectedPence: 2_000, writtenOffPence: 0 },
      ],
      periods: [
        {
          start: '2026-11-02',
          accountsOpened: 2,
          imposedPence: 20_000,
          collectedPence: 5_000,
          writtenOffPence: 0,
          collectionRatePercent: 25,
        },
        {
          start: '2026-11-09',
          accountsOpened: 0,
          imposedPence: 0,
          collectedPence: 0,
          writtenOffPence: 0,
          collectionRatePercent: null,
        },
        {
          start: '2026-11-16',
          accountsOpened: 1,
          imposedPence: 8_000,
          collectedPence: 1_000,
          writtenOffPence: 700,
          collectionRatePercent: 12.5,
        },
      ],
    });
  });

  it('has no rate when nothing was imposed, and a negative flow when more was taken back than paid', () => {
    const figures = finesFiguresOf(period, [row('BU-EAST', '2026-11-09', { collectedPence: -300 })]);
    expect(figures).toMatchObject({ imposedPence: 0, collectedPence: -300, collectionRatePercent: null });
    expect(figures.byBusinessUnit).toEqual([
      { businessUnit: 'BU-EAST', imposedPence: 0, collectedPence: -300, writtenOffPence: 0 },
    ]);
    expect(finesFiguresOf(period, [])).toMatchObject({ accountsOpened: 0, byBusinessUnit: [] });
  });

  it('writes every measure of each bucket, then the total, then the money by unit', () => {
    const month = miPeriodOf({ from: '2026-11-01', to: '2026-11-30', granularity: 'month' });
    const figures = finesFiguresOf(month, [
      row('BU-NORTH', '2026-11-01', { accountsOpened: 1, imposedPence: 3_000, collectedPence: 1_000 }),
      row('=HYPERLINK', '2026-11-01', { writtenOffPence: 50 }),
    ]);
    const bucket = (b: string, opened: number, imposed: number, collected: number, writtenOff: number) => [
      { bucket: b, measure: 'accounts_opened', value: opened },
      { bucket: b, measure: 'imposed_pence', value: imposed },
      { bucket: b, measure: 'collected_pence', value: collected },
      { bucket: b, measure: 'written_off_pence', value: writtenOff },
      { bucket: b, measure: 'collection_rate_percent', value: 33.33 },
    ];
    const unit = (name: string, imposed: number, collected: number, writtenOff: number) => [
      { bucket: 'total', measure: 'imposed_pence', dimension: `business_unit=${name}`, value: imposed },
      { bucket: 'total', measure: 'collected_pence', dimension: `business_unit=${name}`, value: collected },
      { bucket: 'total', measure: 'written_off_pence', dimension: `business_unit=${name}`, value: writtenOff },
    ];
    expect(finesFiguresAsRows(figures)).toEqual([
      ...bucket('2026-11-01', 1, 3_000, 1_000, 50),
      ...bucket('total', 1, 3_000, 1_000, 50),
      ...unit('=HYPERLINK', 0, 0, 50),
      ...unit('BU-NORTH', 3_000, 1_000, 0),
    ]);
    expect(
      finesFiguresAsRows(finesFiguresOf(month, [])).filter((r) => r.measure === 'collection_rate_percent'),
    ).toEqual([]);
  });
});
