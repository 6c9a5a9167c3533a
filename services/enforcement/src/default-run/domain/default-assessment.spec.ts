import { assessAccount } from './default-assessment';
import { assertValidPaths, ENFORCEMENT_PATHS, enforcementPath } from './enforcement-paths';

const standard = enforcementPath('standard');

describe('assessing an account against its terms', () => {
  const weekly = {
    kind: 'instalments' as const,
    frequency: 'weekly' as const,
    instalmentPence: 1_000,
    firstInstalment: '2026-01-05',
  };

  it('is in default after two missed weekly instalments on the standard path, not after one', () => {
    expect(
      assessAccount(
        { imposedPence: 10_000, creditedPence: 0, creditedBeforeTermsPence: 0, terms: weekly },
        standard,
        '2026-01-06',
      ),
    ).toEqual({
      arrearsPence: 1_000,
      missed: 1,
      inDefault: false,
    });
    expect(
      assessAccount(
        { imposedPence: 10_000, creditedPence: 0, creditedBeforeTermsPence: 0, terms: weekly },
        standard,
        '2026-01-13',
      ),
    ).toEqual({
      arrearsPence: 2_000,
      missed: 2,
      inDefault: true,
    });
    expect(
      assessAccount(
        { imposedPence: 10_000, creditedPence: 1_500, creditedBeforeTermsPence: 0, terms: weekly },
        standard,
        '2026-01-13',
      ),
    ).toEqual({ arrearsPence: 500, missed: 1, inDefault: false });
  });

  it('counts varied terms from what was left when they were set: money paid before is no credit against the new instalments', () => {
    // £100 imposed, £50 paid under earlier terms, then £10 a week from 5 January for the £50 left.
    const varied = { imposedPence: 10_000, creditedBeforeTermsPence: 5_000, terms: weekly };
    expect(assessAccount({ ...varied, creditedPence: 5_000 }, standard, '2026-01-13')).toEqual({
      arrearsPence: 2_000,
      missed: 2,
      inDefault: true,
    });
    expect(assessAccount({ ...varied, creditedPence: 7_000 }, standard, '2026-01-13').arrearsPence).toBe(0);
    // The last instalment is the fifth: nothing more is expected after it, and paid up is paid up.
    expect(assessAccount({ ...varied, creditedPence: 7_000 }, standard, '2026-03-01').arrearsPence).toBe(3_000);
    expect(assessAccount({ ...varied, creditedPence: 10_000 }, standard, '2026-03-01').arrearsPence).toBe(0);
    // Pay-by-date terms set after a part was paid ask for the rest by the date.
    const payBy = { kind: 'pay-by-date' as const, payBy: '2026-02-01' };
    expect(
      assessAccount(
        { imposedPence: 10_000, creditedPence: 6_000, creditedBeforeTermsPence: 6_000, terms: payBy },
        standard,
        '2026-02-20',
      ),
    ).toMatchObject({ arrearsPence: 4_000, inDefault: true });
  });

  it('counts days overdue for pay-by-date terms, and nothing when paid up', () => {
    const terms = { kind: 'pay-by-date' as const, payBy: '2026-02-01' };
    expect(
      assessAccount(
        { imposedPence: 5_000, creditedPence: 0, creditedBeforeTermsPence: 0, terms },
        standard,
        '2026-02-01',
      ).inDefault,
    ).toBe(false);
    expect(
      assessAccount(
        { imposedPence: 5_000, creditedPence: 0, creditedBeforeTermsPence: 0, terms },
        standard,
        '2026-02-03',
      ),
    ).toEqual({
      arrearsPence: 5_000,
      missed: 2,
      inDefault: true,
    });
    expect(
      assessAccount(
        { imposedPence: 5_000, creditedPence: 5_000, creditedBeforeTermsPence: 0, terms },
        standard,
        '2026-03-01',
      ),
    ).toEqual({
      arrearsPence: 0,
      missed: 0,
      inDefault: false,
    });
  });

  it('uses the thresholds of the path: one missed month is a default on the standard path', () => {
    const monthly = {
      kind: 'instalments' as const,
      frequency: 'monthly' as const,
      instalmentPence: 1_000,
      firstInstalment: '2026-01-31',
    };
    expect(
      assessAccount(
        { imposedPence: 10_000, creditedPence: 0, creditedBeforeTermsPence: 0, terms: monthly },
        standard,
        '2026-02-01',
      ).inDefault,
    ).toBe(true);
    expect(
      assessAccount(
        { imposedPence: 10_000, creditedPence: 0, creditedBeforeTermsPence: 0, terms: monthly },
        enforcementPath('confiscation'),
        '2026-02-01',
      ).inDefault,
    ).toBe(true);
  });
});

describe('enforcement paths', () => {
  it('are sound as shipped', () => {
    expect(() => assertValidPaths(ENFORCEMENT_PATHS)).not.toThrow();
  });

  it('are refused when a step may not follow the last, takes no gap, or holds enforcement', () => {
    expect(() =>
      assertValidPaths([
        {
          id: 'bad',
          missedToDefault: { weekly: 0, fortnightly: 1, monthly: 1 },
          daysOverdueToDefault: 1,
          steps: [
            { action: 'committal-warrant', gapDays: 0 },
            { action: 'enforcement-hold', gapDays: 0 },
          ],
        },
      ]),
    ).toThrow(
      /committal-warrant may not follow the start[\s\S]*must wait at least a day[\s\S]*may not put an account on hold[\s\S]*thresholds must be positive/,
    );
  });
});
