import type { LocalDate } from '@ccsc/calendar';
import { runDay } from './run-day';

const today = '2026-12-03' as LocalDate;
const refused = (field: string) =>
  expect.objectContaining({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field })] });

describe('the day a scheduled run is for', () => {
  it('is today when none is asked for, and any earlier day asked for', () => {
    expect(runDay(undefined, today)).toBe('2026-12-03');
    expect(runDay('2026-12-03' as LocalDate, today)).toBe('2026-12-03');
    expect(runDay('2026-11-30' as LocalDate, today)).toBe('2026-11-30');
  });

  it('refuses a day to come, even tomorrow, and a day that is not one', () => {
    expect(() => runDay('2026-12-04' as LocalDate, today)).toThrow(refused('runOn'));
    expect(() => runDay('2126-12-03' as LocalDate, today)).toThrow(refused('runOn'));
    expect(() => runDay('2026-02-30' as LocalDate, today)).toThrow(refused('runOn'));
  });
});
