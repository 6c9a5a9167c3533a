import { isSupportedLocalDate, SUPPORTED_YEARS } from './supported-years';

describe('the years the platform takes a day in', () => {
  it('are the calendar years less the last, so the day after any of them is one the calendar knows', () => {
    expect(SUPPORTED_YEARS).toEqual({ first: 1978, last: 9998 });
    expect(['1978-01-01', '2026-12-07', '9998-12-31'].map(isSupportedLocalDate)).toEqual([true, true, true]);
    expect(['1977-12-31', '9999-01-01', '0001-01-01', '2026-02-30', 20261207].map(isSupportedLocalDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
