import { arrearsOn, balanceOf, missedSince, nextPayment, scheduleOf, type AccountStanding } from './terms-standing';

/** £300 imposed; £100 paid and £20 written off before the terms were varied to £50 a month from 1 March. */
const varied: AccountStanding = {
  imposedPence: 30_000,
  creditedPence: 12_000,
  creditedBeforeTermsPence: 12_000,
  terms: { kind: 'instalments', frequency: 'monthly', instalmentPence: 5_000, firstInstalment: '2026-03-01' },
};

describe("an account's standing against its terms", () => {
  it('schedules what was left when the terms were set, not what was imposed', () => {
    expect(scheduleOf(varied).map((p) => [p.dueOn, p.amountPence])).toEqual([
      ['2026-03-01', 5_000],
      ['2026-04-01', 5_000],
      ['2026-05-01', 5_000],
      ['2026-06-01', 3_000],
    ]);
    expect(balanceOf(varied)).toBe(18_000);
  });

  it('counts only what was credited since against the schedule', () => {
    expect(arrearsOn(varied, '2026-03-02')).toBe(5_000);
    expect(missedSince(varied, '2026-04-15')).toBe('2026-03-01');
    expect(nextPayment(varied, '2026-02-15')).toEqual({ amountPence: 5_000, dueOn: '2026-03-01' });
    const paidMarch = { ...varied, creditedPence: 17_000 };
    expect(arrearsOn(paidMarch, '2026-03-20')).toBe(0);
    expect(missedSince(paidMarch, '2026-03-20')).toBeUndefined();
    expect(nextPayment(paidMarch, '2026-03-20')).toEqual({ amountPence: 5_000, dueOn: '2026-04-01' });
  });

  it('reads terms set at the start as before: nothing credited before them', () => {
    const fresh = { ...varied, creditedPence: 0, creditedBeforeTermsPence: 0 };
    expect(scheduleOf(fresh)).toHaveLength(6);
    expect(arrearsOn(fresh, '2026-04-02')).toBe(10_000);
  });

  it('adds money credited before the terms and taken back since (a bounced cheque) to the end of the schedule', () => {
    const bounced = { ...varied, creditedPence: 10_000 };
    expect(arrearsOn(bounced, '2026-02-15')).toBe(0);
    expect(scheduleOf(bounced).at(-1)).toEqual({ dueOn: '2026-06-01', amountPence: 5_000, cumulativePence: 20_000 });
  });
});
