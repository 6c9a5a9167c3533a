import { londonInstant, WorkingDayCalendar } from '@ccsc/calendar';
import { regulatorDeadline, stageClock } from './clocks';

describe('stage clocks', () => {
  const calendar = WorkingDayCalendar.englandAndWales();
  // Friday 19 December 2025, mid-morning in London (GMT).
  const friday = londonInstant('2025-12-19', '10:30');

  // Working days after Fri 19 Dec: 22, 23, 24 Dec; (25 Christmas, 26 Boxing Day, 27-28 weekend) 29, 30, 31 Dec;
  // (1 Jan New Year's Day) 2 Jan; (3-4 weekend) 5, 6, 7 Jan (day 10); 8, 9, 12, 13, 14 Jan (day 15).
  it.each([
    [1, 10, '2026-01-07'],
    [2, 10, '2026-01-07'],
    [3, 15, '2026-01-14'],
  ] as const)(
    'stage %i started on Friday 19 December 2025 has %i working days and is due on %s',
    (stage, workingDays, dueDate) => {
      const clock = stageClock(calendar, stage, friday);
      expect(clock).toMatchObject({ stage, workingDays, dueDate, calendarVersion: calendar.version });
      expect(clock.dueAt).toEqual(londonInstant(dueDate, '23:59:59.999'));
    },
  );

  it('is at risk from the end of its third-last working day', () => {
    // Stage 1: day 8 is Monday 5 January 2026.
    expect(stageClock(calendar, 1, friday).atRiskAt).toEqual(londonInstant('2026-01-05', '23:59:59.999'));
  });

  it('counts day 1 from the first working day after a complaint received at a weekend', () => {
    expect(stageClock(calendar, 1, londonInstant('2025-12-20', '09:00')).dueDate).toBe('2026-01-07');
    expect(stageClock(calendar, 1, londonInstant('2025-12-22', '23:30')).dueDate).toBe('2026-01-08');
  });

  it('gives the regulator 72 calendar hours, weekends, bank holidays and clock changes included', () => {
    expect(regulatorDeadline(new Date('2025-12-24T15:00:00Z'))).toEqual(new Date('2025-12-27T15:00:00Z'));
    // Over the end of British Summer Time: 72 elapsed hours, one hour less on the wall clock.
    expect(regulatorDeadline(new Date('2025-10-24T09:00:00Z'))).toEqual(new Date('2025-10-27T09:00:00Z'));
  });
});
