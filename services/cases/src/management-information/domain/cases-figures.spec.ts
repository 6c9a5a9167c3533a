import { miPeriodOf } from '@ccsc/management-information/period';
import { casesFiguresOf, figuresAsRows, type CaseMovesRow } from './cases-figures';

const period = miPeriodOf({ from: '2026-11-01', to: '2026-11-14', granularity: 'week' });

const row = (bucket: string | null, caseType: string | null, counts: Partial<CaseMovesRow> = {}): CaseMovesRow => ({
  bucket,
  caseType,
  issued: 0,
  progressed: 0,
  closed: 0,
  medianDaysToIssue: null,
  ...counts,
});

describe('the cases section of the management information', () => {
  const rows = [
    row(null, null, { issued: 3, progressed: 5, closed: 1, medianDaysToIssue: 7.5 }),
    row('2026-11-02', null, { issued: 2, progressed: 4 }),
    row('2026-11-09', null, { issued: 1, progressed: 1, closed: 1 }),
    row(null, 'probate', { progressed: 2, closed: 1 }),
    row(null, 'divorce', { issued: 1, progressed: 1, medianDaysToIssue: 4 }),
    row(null, 'civil-money-claim', { issued: 2, progressed: 2, medianDaysToIssue: 11 }),
    row(null, 'lasting-power-of-attorney'),
  ];

  it('gives every bucket its counts, a quiet one as zero, and the case types with activity in order', () => {
    expect(casesFiguresOf(period, rows)).toEqual({
      issued: 3,
      progressed: 5,
      closed: 1,
      medianDaysToIssue: 7.5,
      byCaseType: [
        { caseType: 'civil-money-claim', issued: 2, progressed: 2, closed: 0, medianDaysToIssue: 11 },
        { caseType: 'divorce', issued: 1, progressed: 1, closed: 0, medianDaysToIssue: 4 },
        { caseType: 'probate', issued: 0, progressed: 2, closed: 1, medianDaysToIssue: null },
      ],
      periods: [
        { start: '2026-11-01', issued: 0, progressed: 0, closed: 0 },
        { start: '2026-11-02', issued: 2, progressed: 4, closed: 0 },
        { start: '2026-11-09', issued: 1, progressed: 1, closed: 1 },
      ],
    });
  });

  it('is all zeros and no median for a period with nothing in it', () => {
    expect(casesFiguresOf(period, [row(null, null)])).toEqual({
      issued: 0,
      progressed: 0,
      closed: 0,
      medianDaysToIssue: null,
      byCaseType: [],
      periods: ['2026-11-01', '2026-11-02', '2026-11-09'].map((start) => ({
        start,
        issued: 0,
        progressed: 0,
        closed: 0,
      })),
    });
  });

  it('writes one row per measure for each bucket and the total, a median only where there is one', () => {
    const asRows = figuresAsRows(casesFiguresOf(period, rows)).map((f) => [
      f.bucket,
      f.measure,
      f.dimension ?? '',
      f.value,
    ]);
    expect(asRows).toEqual([
      ['2026-11-01', 'issued', '', 0],
      ['2026-11-01', 'progressed', '', 0],
      ['2026-11-01', 'closed', '', 0],
      ['2026-11-02', 'issued', '', 2],
      ['2026-11-02', 'progressed', '', 4],
      ['2026-11-02', 'closed', '', 0],
      ['2026-11-09', 'issued', '', 1],
      ['2026-11-09', 'progressed', '', 1],
      ['2026-11-09', 'closed', '', 1],
      ['total', 'issued', '', 3],
      ['total', 'progressed', '', 5],
      ['total', 'closed', '', 1],
      ['total', 'median_days_to_issue', '', 7.5],
      ['total', 'issued', 'case_type=civil-money-claim', 2],
      ['total', 'progressed', 'case_type=civil-money-claim', 2],
      ['total', 'closed', 'case_type=civil-money-claim', 0],
      ['total', 'median_days_to_issue', 'case_type=civil-money-claim', 11],
      ['total', 'issued', 'case_type=divorce', 1],
      ['total', 'progressed', 'case_type=divorce', 1],
      ['total', 'closed', 'case_type=divorce', 0],
      ['total', 'median_days_to_issue', 'case_type=divorce', 4],
      ['total', 'issued', 'case_type=probate', 0],
      ['total', 'progressed', 'case_type=probate', 2],
      ['total', 'closed', 'case_type=probate', 1],
    ]);
    expect(figuresAsRows(casesFiguresOf(period, [row(null, null)])).map((f) => f.measure)).not.toContain(
      'median_days_to_issue',
    );
  });
});
