import { longDate } from './long-date';

describe('longDate', () => {
  it('writes a day as GOV.UK does, without a leading zero, in English and in Welsh', () => {
    expect(longDate('2026-12-04', 'en')).toBe('4 December 2026');
    expect(longDate('2026-12-04', 'cy')).toBe('4 Rhagfyr 2026');
    expect(longDate('2027-01-18', 'cy')).toBe('18 Ionawr 2027');
  });
});
