import { BadUserInputError } from '@ccsc/platform/errors';
import { addMonths, checkTerms, checkTermsFor, expectedBy, expectedSchedule, PaymentTerms } from './payment-terms';
import { proposeTerms, weeklyDisposablePence } from './means-assessment';

describe('payment terms', () => {
  const weekly: PaymentTerms = {
    kind: 'instalments',
    frequency: 'weekly',
    instalmentPence: 2_000,
    firstInstalment: '2026-01-05',
    lumpSumPence: 5_000,
    lumpSumDue: '2026-01-02',
  };

  it('derive the schedule: the lump sum, then instalments until the total, the last one smaller', () => {
    expect(expectedSchedule(weekly, 10_500)).toEqual([
      { dueOn: '2026-01-02', amountPence: 5_000, cumulativePence: 5_000 },
      { dueOn: '2026-01-05', amountPence: 2_000, cumulativePence: 7_000 },
      { dueOn: '2026-01-12', amountPence: 2_000, cumulativePence: 9_000 },
      { dueOn: '2026-01-19', amountPence: 1_500, cumulativePence: 10_500 },
    ]);
  });

  it('count a payment as expected from the day after it is due', () => {
    expect(expectedBy(weekly, 10_500, '2026-01-05')).toBe(5_000);
    expect(expectedBy(weekly, 10_500, '2026-01-06')).toBe(7_000);
    expect(expectedBy(weekly, 10_500, '2027-01-01')).toBe(10_500);
    expect(expectedBy({ kind: 'pay-by-date', payBy: '2026-02-01' }, 9_000, '2026-02-01')).toBe(0);
    expect(expectedBy({ kind: 'pay-by-date', payBy: '2026-02-01' }, 9_000, '2026-02-02')).toBe(9_000);
  });

  it('fall due monthly on the same day, or the last day of a shorter month, counted from the first date', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    const monthly: PaymentTerms = {
      kind: 'instalments',
      frequency: 'monthly',
      instalmentPence: 1_000,
      firstInstalment: '2026-01-31',
    };
    expect(expectedSchedule(monthly, 3_000).map((p) => p.dueOn)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    const fortnightly: PaymentTerms = {
      kind: 'instalments',
      frequency: 'fortnightly',
      instalmentPence: 1_000,
      firstInstalment: '2026-01-31',
    };
    expect(expectedSchedule(fortnightly, 2_000).map((p) => p.dueOn)).toEqual(['2026-01-31', '2026-02-14']);
  });

  it('are refused with every problem named', () => {
    expect(() =>
      checkTerms({
        kind: 'instalments',
        frequency: 'daily' as 'weekly',
        instalmentPence: 0,
        firstInstalment: '2026-02-30',
        lumpSumPence: 100,
      }),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: [
          { field: 'terms.frequency', message: expect.any(String) },
          { field: 'terms.instalmentPence', message: expect.any(String) },
          { field: 'terms.firstInstalment', message: expect.any(String) },
          { field: 'terms.lumpSumDue', message: expect.any(String) },
        ],
      }),
    );
  });
});

describe('means assessment', () => {
  it('leaves an allowance for each dependant', () => {
    expect(weeklyDisposablePence({ weeklyIncomePence: 40_000, weeklyOutgoingsPence: 25_000, dependants: 2 })).toBe(
      9_000,
    );
    expect(weeklyDisposablePence({ weeklyIncomePence: 10_000, weeklyOutgoingsPence: 25_000, dependants: 0 })).toBe(0);
  });

  it('proposes payment in 28 days when four weeks of half the disposable income cover the balance', () => {
    expect(
      proposeTerms({ weeklyIncomePence: 60_000, weeklyOutgoingsPence: 20_000, dependants: 0 }, 80_000, '2026-03-02'),
    ).toEqual({ kind: 'pay-by-date', payBy: '2026-03-30' });
  });

  it('otherwise proposes instalments of half the disposable income in whole pounds, never below £5 a week', () => {
    const means = { weeklyIncomePence: 40_000, weeklyOutgoingsPence: 25_000, dependants: 2 };
    expect(proposeTerms(means, 100_000, '2026-03-02')).toEqual({
      kind: 'instalments',
      frequency: 'weekly',
      instalmentPence: 4_500,
      firstInstalment: '2026-03-09',
    });
    expect(proposeTerms(means, 100_000, '2026-03-02', 'monthly')).toMatchObject({
      frequency: 'monthly',
      instalmentPence: 19_500,
    });
    expect(
      proposeTerms({ weeklyIncomePence: 10_000, weeklyOutgoingsPence: 9_900, dependants: 1 }, 100_000, '2026-03-02'),
    ).toMatchObject({ instalmentPence: 500 });
  });

  it('refuses negative or fractional figures', () => {
    expect(() =>
      proposeTerms({ weeklyIncomePence: -1, weeklyOutgoingsPence: 0.5, dependants: 0 }, 1, '2026-03-02'),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: [
          expect.objectContaining({ field: 'weeklyIncomePence' }),
          expect.objectContaining({ field: 'weeklyOutgoingsPence' }),
        ],
      }),
    );
  });
});

describe('terms against the account they are set on', () => {
  const today = '2026-12-07';
  const fieldsOf = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return (error as BadUserInputError).fieldErrors.map((e) => e.field);
    }
    return [];
  };

  it('start today or within three years, never on a day already past', () => {
    expect(fieldsOf(() => checkTermsFor({ kind: 'pay-by-date', payBy: today }, 10_000, today))).toEqual([]);
    expect(fieldsOf(() => checkTermsFor({ kind: 'pay-by-date', payBy: '2029-12-07' }, 10_000, today))).toEqual([]);
    expect(fieldsOf(() => checkTermsFor({ kind: 'pay-by-date', payBy: '2026-12-06' }, 10_000, today))).toEqual([
      'terms.payBy',
    ]);
    expect(fieldsOf(() => checkTermsFor({ kind: 'pay-by-date', payBy: '2029-12-08' }, 10_000, today))).toEqual([
      'terms.payBy',
    ]);
    const instalments = {
      kind: 'instalments' as const,
      frequency: 'monthly' as const,
      instalmentPence: 5_000,
      firstInstalment: '9999-12-31',
      lumpSumPence: 1_000,
      lumpSumDue: '2026-11-30',
    };
    expect(fieldsOf(() => checkTermsFor(instalments, 10_000, today))).toEqual([
      'terms.firstInstalment',
      'terms.lumpSumDue',
    ]);
  });

  it('put the lump sum first and ask for no more than is owed', () => {
    const terms = {
      kind: 'instalments' as const,
      frequency: 'weekly' as const,
      instalmentPence: 20_000,
      firstInstalment: '2026-12-14',
      lumpSumPence: 50_000,
      lumpSumDue: '2026-12-21',
    };
    expect(fieldsOf(() => checkTermsFor(terms, 10_000, today))).toEqual([
      'terms.lumpSumDue',
      'terms.instalmentPence',
      'terms.lumpSumPence',
    ]);
    expect(fieldsOf(() => checkTermsFor({ ...terms, lumpSumDue: '2026-12-14' }, 100_000, today))).toEqual([]);
  });

  it('clear what is owed in at most ten years of instalments', () => {
    const weekly = { kind: 'instalments' as const, frequency: 'weekly' as const, firstInstalment: '2026-12-14' };
    // £1,000 owed: at least 192p a week (522 weeks), 834p a month (120); a penny a week is refused.
    expect(fieldsOf(() => checkTermsFor({ ...weekly, instalmentPence: 192 }, 100_000, today))).toEqual([]);
    expect(fieldsOf(() => checkTermsFor({ ...weekly, instalmentPence: 191 }, 100_000, today))).toEqual([
      'terms.instalmentPence',
    ]);
    expect(() => checkTermsFor({ ...weekly, instalmentPence: 1 }, 100_000_000, today)).toThrow(
      'Payment terms that cannot apply to this account',
    );
    // A lump sum first leaves less for the instalments.
    const withLump = { ...weekly, instalmentPence: 100, lumpSumPence: 50_000, lumpSumDue: '2026-12-10' };
    expect(fieldsOf(() => checkTermsFor(withLump, 100_000, today))).toEqual([]);
    expect(
      fieldsOf(() => checkTermsFor({ ...weekly, frequency: 'monthly', instalmentPence: 833 }, 100_000, today)),
    ).toEqual(['terms.instalmentPence']);
  });
});

describe('proposed terms are terms an officer may set', () => {
  it('asks at least what clears the balance in the most instalments allowed, whatever the affordable share', () => {
    const onBenefits = { weeklyIncomePence: 20_000, weeklyOutgoingsPence: 20_000, dependants: 0 };
    for (const balance of [300, 2_000, 10_000, 500_000, 5_000_000]) {
      const terms = proposeTerms(onBenefits, balance, '2026-12-07');
      expect(() => checkTermsFor(terms, balance, '2026-12-07')).not.toThrow();
    }
    expect(proposeTerms(onBenefits, 10_000, '2026-12-07')).toMatchObject({ instalmentPence: 500 });
    expect(proposeTerms(onBenefits, 300, '2026-12-07')).toEqual({ kind: 'pay-by-date', payBy: '2027-01-04' });
    expect(proposeTerms(onBenefits, 500_000, '2026-12-07')).toMatchObject({ instalmentPence: 1_000 });
  });
});
