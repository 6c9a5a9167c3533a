import { AppError } from '@ccsc/platform/errors';
import { miPeriodOf } from '@ccsc/management-information/period';
import { casesIssuedOf, complaintsFigures, figuresAsRows, perThousandCases } from './complaints-figures';

const period = miPeriodOf({ from: '2026-03-15', to: '2026-05-10', granularity: 'month' });

const stages = [
  { bucket: '2026-03-15', stage: 1, received: 4, answered: 2, answeredOnTime: 1 },
  // Escalations start stages too, but they are not new complaints.
  { bucket: '2026-03-15', stage: 2, received: 3, answered: 1, answeredOnTime: 1 },
  { bucket: '2026-05-01', stage: 1, received: 2, answered: 0, answeredOnTime: 0 },
  { bucket: '2026-05-01', stage: 3, received: 0, answered: 5, answeredOnTime: 2 },
];
const closures = [
  { businessArea: 'family', cause: 'process-failure', closed: 3, upheld: 1 },
  { businessArea: 'civil-listing', cause: 'staff-error', closed: 2, upheld: 2 },
  { businessArea: 'civil-listing', cause: 'process-failure', closed: 1, upheld: 0 },
];

describe('the complaints section of the management information', () => {
  it('counts new complaints at stage 1 only, answers at every stage, and gives a quiet month its zeros', () => {
    const figures = complaintsFigures(period, stages, closures, 40);
    expect(figures.periods).toEqual([
      { start: '2026-03-15', received: 4, answered: 3, answeredOnTime: 2 },
      { start: '2026-04-01', received: 0, answered: 0, answeredOnTime: 0 },
      { start: '2026-05-01', received: 2, answered: 5, answeredOnTime: 2 },
    ]);
    expect(figures).toMatchObject({ received: 6, answered: 8, answeredOnTime: 4, closed: 6, upheld: 3 });
    expect(figures.perThousandCases).toBe(150);
  });

  it('adds the closures up by business area and by cause, each in name order', () => {
    const figures = complaintsFigures(period, stages, closures);
    expect(figures.byBusinessArea).toEqual([
      { businessArea: 'civil-listing', closed: 3, upheld: 2 },
      { businessArea: 'family', closed: 3, upheld: 1 },
    ]);
    expect(figures.byCause).toEqual([
      { cause: 'process-failure', closed: 4, upheld: 1 },
      { cause: 'staff-error', closed: 2, upheld: 2 },
    ]);
    expect(complaintsFigures(period, [], [])).toMatchObject({ closed: 0, upheld: 0, byBusinessArea: [], byCause: [] });
  });

  it('is per thousand cases only when cases were issued', () => {
    expect(perThousandCases(6, undefined)).toBeNull();
    expect(perThousandCases(6, 0)).toBeNull();
    expect(perThousandCases(0, 7)).toBe(0);
    expect(perThousandCases(3, 7)).toBeCloseTo(428.571, 3);
    expect(complaintsFigures(period, stages, closures).perThousandCases).toBeNull();
  });

  it('reads the cases issued from the representation the gateway sends, and refuses a wrong one', () => {
    expect(casesIssuedOf(undefined)).toBeUndefined();
    expect(casesIssuedOf({ __typename: 'ManagementInformation' })).toBeUndefined();
    expect(casesIssuedOf({ cases: null })).toBeUndefined();
    expect(casesIssuedOf({ cases: { issued: 0 } })).toBe(0);
    expect(casesIssuedOf({ cases: { issued: 1250 } })).toBe(1250);
    for (const cases of [{ issued: -1 }, { issued: 2.5 }, { issued: '40' }, {}, 40, [40]]) {
      let refused: unknown;
      try {
        casesIssuedOf({ cases });
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'cases.issued' }] });
    }
  });

  it('is one row per measure for each bucket and the total, the breakdowns as by=value', () => {
    expect(figuresAsRows(complaintsFigures(period, stages, closures, 40))).toEqual([
      { bucket: '2026-03-15', measure: 'received', value: 4 },
      { bucket: '2026-03-15', measure: 'answered', value: 3 },
      { bucket: '2026-03-15', measure: 'answered_on_time', value: 2 },
      { bucket: '2026-04-01', measure: 'received', value: 0 },
      { bucket: '2026-04-01', measure: 'answered', value: 0 },
      { bucket: '2026-04-01', measure: 'answered_on_time', value: 0 },
      { bucket: '2026-05-01', measure: 'received', value: 2 },
      { bucket: '2026-05-01', measure: 'answered', value: 5 },
      { bucket: '2026-05-01', measure: 'answered_on_time', value: 2 },
      { bucket: 'total', measure: 'received', value: 6 },
      { bucket: 'total', measure: 'answered', value: 8 },
      { bucket: 'total', measure: 'answered_on_time', value: 4 },
      { bucket: 'total', measure: 'closed', value: 6 },
      { bucket: 'total', measure: 'upheld', value: 3 },
      { bucket: 'total', measure: 'per_thousand_cases', value: 150 },
      { bucket: 'total', measure: 'closed', dimension: 'business_area=civil-listing', value: 3 },
      { bucket: 'total', measure: 'upheld', dimension: 'business_area=civil-listing', value: 2 },
      { bucket: 'total', measure: 'closed', dimension: 'business_area=family', value: 3 },
      { bucket: 'total', measure: 'upheld', dimension: 'business_area=family', value: 1 },
      { bucket: 'total', measure: 'closed', dimension: 'cause=process-failure', value: 4 },
      { bucket: 'total', measure: 'upheld', dimension: 'cause=process-failure', value: 1 },
      { bucket: 'total', measure: 'closed', dimension: 'cause=staff-error', value: 2 },
      { bucket: 'total', measure: 'upheld', dimension: 'cause=staff-error', value: 2 },
    ]);
    // Without the cases issued (the export, the metrics) the measure is left out rather than shown as 0.
    expect(
      figuresAsRows(complaintsFigures(period, stages, closures)).filter((r) => r.measure === 'per_thousand_cases'),
    ).toEqual([]);
  });
});
