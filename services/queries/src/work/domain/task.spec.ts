import { OpeningHours, WorkingDayCalendar } from '@ccsc/calendar';
import { dueBefore, dueOf } from './task';

const hours = new OpeningHours(WorkingDayCalendar.englandAndWales());

describe('when a task is due', () => {
  it('is 16:00 London time a number of working days on, past weekends and bank holidays', () => {
    // Wednesday 23 December 2026: two working days on skips Christmas Day, Boxing Day (Monday 28th, substitute).
    const due = dueOf({ workingDays: 2 }, {}, new Date('2026-12-23T11:00:00Z'), hours);
    expect(due.dueAt.toISOString()).toBe('2026-12-29T16:00:00.000Z');
    expect(due.calendarVersion).toBe(hours.calendar.version);
  });

  it('is in British Summer Time in summer', () => {
    expect(dueOf({ workingDays: 1 }, {}, new Date('2026-06-01T09:00:00Z'), hours).dueAt.toISOString()).toBe(
      '2026-06-02T15:00:00.000Z',
    );
  });

  it('takes a date the event gives, and the fallback when it gives none', () => {
    expect(
      dueOf(
        { field: 'dueAt', otherwise: { workingDays: 10 } },
        { dueAt: '2026-12-18T23:59:59Z' },
        new Date(),
        hours,
      ).dueAt.toISOString(),
    ).toBe('2026-12-18T23:59:59.000Z');
    const fallback = dueOf(
      { field: 'dueAt', otherwise: { workingDays: 1 } },
      {},
      new Date('2026-12-07T09:00:00Z'),
      hours,
    );
    expect(fallback.dueAt.toISOString()).toBe('2026-12-08T16:00:00.000Z');
  });

  it('counts working hours of the service centre', () => {
    const due = dueOf({ workingHours: 1 }, {}, new Date('2026-12-07T10:00:00Z'), hours);
    expect(due.dueAt.toISOString()).toBe('2026-12-07T11:00:00.000Z');
  });

  it('before a hearing: working days back, at 16:00', () => {
    // A hearing on Monday 4 January 2027: two working days before is Wednesday 30 December.
    expect(dueBefore(new Date('2027-01-04T10:00:00Z'), 2, hours.calendar).toISOString()).toBe(
      '2026-12-30T16:00:00.000Z',
    );
  });
});
