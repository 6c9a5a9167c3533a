import { ruleBankHolidays } from './bank-holidays';
import { londonLocalDate } from './local-date';
import type { PublishedDivision } from './published-bank-holidays';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.englandAndWales();

// GOV.UK's 2026 list as the rules give it, with the spring bank holiday moved from Monday
// 25 May to Tuesday 26 May and a one-off day on Monday 15 June: the shape of a proclamation.
const amended2026: PublishedDivision = {
  division: 'england-and-wales',
  events: [
    ...ruleBankHolidays(2026)
      .filter((h) => h.date !== '2026-05-25')
      .map((h) => ({ title: h.title, date: h.date, notes: h.substituteDay ? 'Substitute day' : '', bunting: true })),
    { title: 'Spring bank holiday', date: '2026-05-26', notes: '', bunting: true },
    { title: 'Hypothetical one-off bank holiday', date: '2026-06-15', notes: '', bunting: true },
  ],
};

describe('WorkingDayCalendar', () => {
  describe('version', () => {
    it('names the rules and the bundled GOV.UK snapshot, with a hash of its content', () => {
      expect(calendar.version).toBe('ew-rules-1+govuk-2018-2027-d74ae29e');
      expect(WorkingDayCalendar.englandAndWales().version).toBe(calendar.version);
    });

    it('is the rules version alone without a published list, and changes with the list', () => {
      expect(WorkingDayCalendar.englandAndWales({ published: null }).version).toBe('ew-rules-1');
      expect(WorkingDayCalendar.englandAndWales({ published: amended2026 }).version).toMatch(
        /^ew-rules-1\+govuk-2026-2026-[0-9a-f]{8}$/,
      );
    });
  });

  describe('bank holidays', () => {
    it('gives the bundled list for a published year and the rules beyond it', () => {
      expect(calendar.bankHolidays(2026).map((h) => h.date)).toEqual([
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ]);
      expect(calendar.bankHolidays(2030)).toEqual(ruleBankHolidays(2030));
      expect(calendar.isBankHoliday('2022-09-19')).toBe(true);
      expect(calendar.isBankHoliday('2022-05-30')).toBe(false);
      expect(Object.isFrozen(calendar.bankHolidays(2026))).toBe(true);
    });

    it('lets a published list override the rules for the years it covers: a one-off appears, a moved day moves', () => {
      const amended = WorkingDayCalendar.englandAndWales({ published: amended2026 });
      expect(amended.isBankHoliday('2026-06-15')).toBe(true);
      expect(amended.isWorkingDay('2026-06-15')).toBe(false);
      expect(amended.isBankHoliday('2026-05-25')).toBe(false);
      expect(amended.isWorkingDay('2026-05-25')).toBe(true);
      expect(amended.isBankHoliday('2026-05-26')).toBe(true);
      expect(amended.bankHolidays(2026)).toHaveLength(9);
      expect(amended.bankHolidays(2026)[5]).toEqual({
        date: '2026-06-15',
        title: 'Hypothetical one-off bank holiday',
        substituteDay: false,
      });
      // Years the list does not cover still come from the rules.
      expect(amended.isBankHoliday('2025-05-26')).toBe(true);
      expect(amended.isBankHoliday('2027-12-28')).toBe(true);
      expect(amended.addWorkingDays('2026-05-22', 1)).toBe('2026-05-25');
    });

    it('refuses a published list for another division', () => {
      expect(() =>
        WorkingDayCalendar.englandAndWales({ published: { division: 'scotland', events: amended2026.events } }),
      ).toThrow('Expected the england-and-wales division');
    });
  });

  describe('working days', () => {
    it('is Monday to Friday except bank holidays', () => {
      expect(calendar.isWorkingDay('2026-04-02')).toBe(true); // Thursday before Easter
      expect(calendar.isWorkingDay('2026-04-03')).toBe(false); // Good Friday
      expect(calendar.isWorkingDay('2026-04-04')).toBe(false); // Saturday
      expect(calendar.isWorkingDay('2026-04-05')).toBe(false); // Sunday
      expect(calendar.isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
      expect(calendar.isWorkingDay('2026-04-07')).toBe(true);
      expect(calendar.isWorkingDay('2026-12-26')).toBe(false); // Saturday Boxing Day
      expect(calendar.isWorkingDay('2026-12-28')).toBe(false); // its substitute
      expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    });

    it('finds the next working day over Easter and Christmas', () => {
      expect(calendar.nextWorkingDay('2026-04-02')).toBe('2026-04-07');
      expect(calendar.nextWorkingDay('2026-12-24')).toBe('2026-12-29');
      expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
      expect(calendar.nextWorkingDay('2027-12-24')).toBe('2027-12-29');
    });

    it('adds working days, counting day 1 as the first working day after the date', () => {
      // Thu 24 Dec (1), [Fri 25, Mon 28 bank holidays], Tue 29 (2), Wed 30 (3), Thu 31 (4),
      // [Fri 1 Jan], Mon 4 (5), Tue 5 (6), Wed 6 (7), Thu 7 (8), Fri 8 (9), Mon 11 (10).
      expect(calendar.addWorkingDays('2026-12-23', 1)).toBe('2026-12-24');
      expect(calendar.addWorkingDays('2026-12-23', 2)).toBe('2026-12-29');
      expect(calendar.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
      expect(calendar.addWorkingDays('2026-12-23', 10)).toBe('2027-01-11');
      // Over Easter 2026: Fri 3 Apr and Mon 6 Apr are bank holidays.
      expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
      expect(calendar.addWorkingDays('2026-04-02', 3)).toBe('2026-04-09');
    });

    it('with 0 working days, keeps a working day and rolls anything else forward', () => {
      expect(calendar.addWorkingDays('2026-04-02', 0)).toBe('2026-04-02');
      expect(calendar.addWorkingDays('2026-04-03', 0)).toBe('2026-04-07');
      expect(calendar.addWorkingDays('2026-06-13', 0)).toBe('2026-06-15');
    });

    it('refuses negative or fractional counts', () => {
      expect(() => calendar.addWorkingDays('2026-04-02', -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2026-04-02', 1.5)).toThrow(RangeError);
    });

    it('counts working days between two dates as the inverse of addWorkingDays', () => {
      expect(calendar.workingDaysBetween('2026-12-23', '2027-01-11')).toBe(10);
      expect(calendar.workingDaysBetween('2027-01-11', '2026-12-23')).toBe(-10);
      expect(calendar.workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
      expect(calendar.workingDaysBetween('2026-04-02', '2026-04-06')).toBe(0);
      expect(calendar.workingDaysBetween('2026-04-02', '2026-04-02')).toBe(0);
      // 2026: 261 weekdays, all 8 bank holidays on weekdays.
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
      for (let n = 1; n <= 30; n++) {
        expect(calendar.workingDaysBetween('2026-12-19', calendar.addWorkingDays('2026-12-19', n))).toBe(n);
      }
    });
  });

  describe('periodEnd', () => {
    it('ends a calendar-day period on the nth day after the London day it started, at the end of that day', () => {
      // Served at 23:30 on Thursday 3 December 2026 (London): day 1 is Friday 4th; day 14 is Thursday 17th.
      const end = calendar.periodEnd(new Date('2026-12-03T23:30:00Z'), 14, 'calendar');
      expect(end.date).toBe('2026-12-17');
      expect(end.dueAt.toISOString()).toBe('2026-12-17T23:59:59.999Z');
      expect(end.calendarVersion).toBe(calendar.version);
    });

    it('runs a calendar-day period that ends when the courts are closed to the next working day', () => {
      // 14 days from Friday 11 December 2026 is Friday 25th (Christmas); the 26th-28th are closed too.
      expect(calendar.periodEnd(new Date('2026-12-11T10:00:00Z'), 14, 'calendar').date).toBe('2026-12-29');
      // 14 days from Wednesday 2 December 2026 is a Wednesday: no roll.
      expect(calendar.periodEnd(new Date('2026-12-02T10:00:00Z'), 14, 'calendar').date).toBe('2026-12-16');
    });

    it('counts a working-day period past weekends and bank holidays', () => {
      expect(calendar.periodEnd(new Date('2026-12-23T10:00:00Z'), 2, 'working').date).toBe('2026-12-29');
    });
  });

  describe('deadlineAfterReceipt', () => {
    it('runs 10 working days from Wed 23 Dec 2026 to the end of Mon 11 Jan 2027 (GMT)', () => {
      const deadline = calendar.deadlineAfterReceipt(new Date('2026-12-23T10:00:00Z'), 10);
      expect(deadline).toEqual({
        date: '2027-01-11',
        dueAt: new Date('2027-01-11T23:59:59.999Z'),
        calendarVersion: 'ew-rules-1+govuk-2018-2027-d74ae29e',
      });
    });

    it('ends at 23:59:59.999 London time, which is 22:59:59.999 UTC in BST', () => {
      // Received Thu 2 Apr 2026; Good Friday and Easter Monday are skipped.
      const deadline = calendar.deadlineAfterReceipt(new Date('2026-04-02T13:00:00Z'), 3);
      expect(deadline.date).toBe('2026-04-09');
      expect(deadline.dueAt.toISOString()).toBe('2026-04-09T22:59:59.999Z');
      expect(londonLocalDate(deadline.dueAt)).toBe('2026-04-09');
      expect(londonLocalDate(new Date(deadline.dueAt.getTime() + 1))).toBe('2026-04-10');
    });

    it('counts a receipt on a Saturday from the next working day', () => {
      // Sat 4 Apr 2026: Sunday and Easter Monday pass, so day 1 is Tue 7 Apr.
      const easterSaturday = calendar.deadlineAfterReceipt(new Date('2026-04-04T10:00:00Z'), 5);
      expect(easterSaturday.date).toBe('2026-04-13');
      expect(easterSaturday.dueAt.toISOString()).toBe('2026-04-13T22:59:59.999Z');
      expect(calendar.deadlineAfterReceipt(new Date('2026-06-13T12:00:00Z'), 1).date).toBe('2026-06-15');
    });

    it('counts a receipt on a bank holiday from the next working day', () => {
      expect(calendar.deadlineAfterReceipt(new Date('2026-04-03T12:00:00Z'), 1).date).toBe('2026-04-07');
      expect(calendar.deadlineAfterReceipt(new Date('2027-12-24T12:00:00Z'), 1).date).toBe('2027-12-29');
    });

    it('takes the day of receipt in London, not in UTC', () => {
      // 23:30 UTC on Tue 30 Jun is 00:30 on Wed 1 Jul in London, so day 1 is Thu 2 Jul.
      expect(calendar.deadlineAfterReceipt(new Date('2026-06-30T23:30:00Z'), 1).date).toBe('2026-07-02');
      expect(calendar.deadlineAfterReceipt(new Date('2026-01-13T23:30:00Z'), 1).date).toBe('2026-01-14');
    });

    it('crosses the clock change in March: received in GMT, due in BST', () => {
      const deadline = calendar.deadlineAfterReceipt(new Date('2026-03-27T16:00:00Z'), 1);
      expect(deadline.date).toBe('2026-03-30');
      expect(deadline.dueAt.toISOString()).toBe('2026-03-30T22:59:59.999Z');
    });

    it('refuses an invalid Date', () => {
      expect(() => calendar.deadlineAfterReceipt(new Date(Number.NaN), 1)).toThrow(RangeError);
    });
  });

  describe('taskDueAt', () => {
    it('defaults to 16:00 London time, 2 working days after creation', () => {
      // Created Fri 27 Mar 2026 (GMT); due Tue 31 Mar at 16:00 BST.
      expect(calendar.taskDueAt(new Date('2026-03-27T10:00:00Z'))).toEqual({
        date: '2026-03-31',
        dueAt: new Date('2026-03-31T15:00:00Z'),
        calendarVersion: calendar.version,
      });
      // Created Christmas Eve 2026; Christmas Day and the Boxing Day substitute pass.
      expect(calendar.taskDueAt(new Date('2026-12-24T09:00:00Z'))).toEqual({
        date: '2026-12-30',
        dueAt: new Date('2026-12-30T16:00:00Z'),
        calendarVersion: calendar.version,
      });
    });

    it('takes a configured number of working days and time', () => {
      const due = calendar.taskDueAt(new Date('2026-07-01T09:00:00Z'), 5, '12:30');
      expect(due.date).toBe('2026-07-08');
      expect(due.dueAt.toISOString()).toBe('2026-07-08T11:30:00.000Z');
    });
  });
});
