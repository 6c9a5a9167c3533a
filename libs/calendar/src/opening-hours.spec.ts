import { londonInstant } from './local-date';
import { OpeningHours, type WeeklyOpeningHours } from './opening-hours';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.englandAndWales();
const hours = new OpeningHours(calendar);
const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();

const ALWAYS_OPEN: WeeklyOpeningHours = {
  monday: [{ open: '00:00', close: '24:00' }],
  tuesday: [{ open: '00:00', close: '24:00' }],
  wednesday: [{ open: '00:00', close: '24:00' }],
  thursday: [{ open: '00:00', close: '24:00' }],
  friday: [{ open: '00:00', close: '24:00' }],
  saturday: [{ open: '00:00', close: '24:00' }],
  sunday: [{ open: '00:00', close: '24:00' }],
};

describe('OpeningHours (service centre defaults)', () => {
  it('opens 08:00-20:00 on weekdays and 08:00-14:00 on Saturdays, London time', () => {
    expect(hours.openPeriods('2026-06-15').map((p) => [iso(p.start), iso(p.end)])).toEqual([
      ['2026-06-15T07:00:00.000Z', '2026-06-15T19:00:00.000Z'],
    ]);
    expect(hours.openPeriods('2026-06-13').map((p) => [iso(p.start), iso(p.end)])).toEqual([
      ['2026-06-13T07:00:00.000Z', '2026-06-13T13:00:00.000Z'],
    ]);
    expect(hours.openPeriods('2026-01-12').map((p) => [iso(p.start), iso(p.end)])).toEqual([
      ['2026-01-12T08:00:00.000Z', '2026-01-12T20:00:00.000Z'],
    ]);
  });

  it('is closed on Sundays and bank holidays', () => {
    expect(hours.openPeriods('2026-06-14')).toEqual([]);
    expect(hours.openPeriods('2026-08-31')).toEqual([]);
    expect(hours.openPeriods('2026-12-28')).toEqual([]);
  });

  it('knows whether it is open at an instant', () => {
    expect(hours.isOpen(at('2026-06-15T06:59:59.999Z'))).toBe(false); // Mon 07:59:59.999 BST
    expect(hours.isOpen(at('2026-06-15T07:00:00.000Z'))).toBe(true); // Mon 08:00 BST
    expect(hours.isOpen(at('2026-06-15T18:59:59.999Z'))).toBe(true); // Mon 19:59:59.999 BST
    expect(hours.isOpen(at('2026-06-15T19:00:00.000Z'))).toBe(false); // Mon 20:00 BST
    expect(hours.isOpen(at('2026-06-13T12:59:00.000Z'))).toBe(true); // Sat 13:59 BST
    expect(hours.isOpen(at('2026-06-13T13:00:00.000Z'))).toBe(false); // Sat 14:00 BST
    expect(hours.isOpen(at('2026-06-14T11:00:00.000Z'))).toBe(false); // Sunday
    expect(hours.isOpen(at('2026-04-03T11:00:00.000Z'))).toBe(false); // Good Friday
    expect(hours.isOpen(at('2026-01-12T08:00:00.000Z'))).toBe(true); // Mon 08:00 GMT
    expect(hours.isOpen(at('2026-01-12T07:59:00.000Z'))).toBe(false);
  });

  describe('addWorkingHours', () => {
    it('adds hours within a day, including fractions and up to closing time exactly', () => {
      expect(iso(hours.addWorkingHours(at('2026-06-15T08:00:00Z'), 3))).toBe('2026-06-15T11:00:00.000Z');
      expect(iso(hours.addWorkingHours(at('2026-06-15T07:00:00Z'), 1.5))).toBe('2026-06-15T08:30:00.000Z');
      expect(iso(hours.addWorkingHours(at('2026-06-15T18:00:00Z'), 1))).toBe('2026-06-15T19:00:00.000Z');
      expect(iso(hours.addWorkingHours(at('2026-06-15T18:00:00Z'), 0))).toBe('2026-06-15T18:00:00.000Z');
    });

    it('starts counting at the next opening when started while closed', () => {
      expect(iso(hours.addWorkingHours(at('2026-06-14T09:00:00Z'), 1))).toBe('2026-06-15T08:00:00.000Z');
      expect(iso(hours.addWorkingHours(at('2026-06-15T05:00:00Z'), 1))).toBe('2026-06-15T08:00:00.000Z');
    });

    it('crosses a Saturday half-day and a closed Sunday', () => {
      // Fri 18:00 BST: 2h Friday, 6h Saturday, Sunday closed, 2h Monday from 08:00.
      expect(iso(hours.addWorkingHours(at('2026-06-12T17:00:00Z'), 10))).toBe('2026-06-15T09:00:00.000Z');
      expect(iso(hours.addWorkingHours(at('2026-06-12T17:00:00Z'), 5))).toBe('2026-06-13T10:00:00.000Z');
    });

    it('skips a bank holiday Monday', () => {
      // Sat 29 Aug 12:00 BST: 2h Saturday, Sunday and Mon 31 Aug closed, 2h Tuesday.
      expect(iso(hours.addWorkingHours(at('2026-08-29T11:00:00Z'), 4))).toBe('2026-09-01T09:00:00.000Z');
    });

    it('opens on a Saturday Boxing Day, since only the substitute Monday is a bank holiday', () => {
      // Thu 24 Dec 19:00 GMT: 1h Thursday, Christmas closed, then Sat 26 Dec from 08:00.
      expect(iso(hours.addWorkingHours(at('2026-12-24T19:00:00Z'), 2))).toBe('2026-12-26T09:00:00.000Z');
      // 7h: 1h Thursday, 6h Saturday, ending at Saturday's close.
      expect(iso(hours.addWorkingHours(at('2026-12-24T19:00:00Z'), 7))).toBe('2026-12-26T14:00:00.000Z');
      expect(iso(hours.addWorkingHours(at('2026-12-24T19:00:00Z'), 8))).toBe('2026-12-29T09:00:00.000Z');
    });

    it('crosses the clocks going forward (last Sunday of March)', () => {
      // Sat 28 Mar 13:00 GMT: 1h Saturday, Sunday closed, Mon 30 Mar 08:00 BST (07:00Z) + 2h.
      expect(iso(hours.addWorkingHours(at('2026-03-28T13:00:00Z'), 3))).toBe('2026-03-30T09:00:00.000Z');
    });

    it('crosses the clocks going back (last Sunday of October)', () => {
      // Sat 24 Oct 13:00 BST (12:00Z): 1h Saturday, Sunday closed, Mon 26 Oct 08:00 GMT + 1h.
      expect(iso(hours.addWorkingHours(at('2026-10-24T12:00:00Z'), 2))).toBe('2026-10-26T09:00:00.000Z');
    });

    it('refuses negative or non-finite hours', () => {
      expect(() => hours.addWorkingHours(at('2026-06-15T08:00:00Z'), -1)).toThrow(RangeError);
      expect(() => hours.addWorkingHours(at('2026-06-15T08:00:00Z'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    });
  });

  describe('workingMinutesBetween', () => {
    it('counts a whole week: five 12-hour days and a 6-hour Saturday', () => {
      expect(hours.workingMinutesBetween(londonInstant('2026-06-15'), londonInstant('2026-06-22'))).toBe(66 * 60);
    });

    it('leaves out a bank holiday', () => {
      expect(hours.workingMinutesBetween(londonInstant('2026-08-31'), londonInstant('2026-09-07'))).toBe(54 * 60);
    });

    it('counts across Christmas 2026', () => {
      // Thu 24 Dec 19:00 to Tue 29 Dec 09:00 GMT: 1h Thursday, 6h Saturday, 1h Tuesday.
      expect(hours.workingMinutesBetween(at('2026-12-24T19:00:00Z'), at('2026-12-29T09:00:00Z'))).toBe(480);
    });

    it('counts completed minutes only, and is negative backwards', () => {
      expect(hours.workingMinutesBetween(at('2026-01-12T08:00:00Z'), at('2026-01-12T08:00:59.999Z'))).toBe(0);
      expect(hours.workingMinutesBetween(at('2026-01-12T08:00:00Z'), at('2026-01-12T08:01:30Z'))).toBe(1);
      expect(hours.workingMinutesBetween(at('2026-01-12T10:00:00Z'), at('2026-01-12T08:00:00Z'))).toBe(-120);
      expect(hours.workingMinutesBetween(at('2026-06-14T08:00:00Z'), at('2026-06-14T20:00:00Z'))).toBe(0);
    });

    it('measures only opening time across both clock changes', () => {
      // Sat 28 Mar 13:00 GMT to Mon 30 Mar 10:00 BST: 1h + 2h, though 44 hours pass.
      expect(hours.workingMinutesBetween(at('2026-03-28T13:00:00Z'), at('2026-03-30T09:00:00Z'))).toBe(180);
      // Sat 24 Oct 12:00 BST to Mon 26 Oct 10:00 GMT: 2h + 2h, though 47 hours pass.
      expect(hours.workingMinutesBetween(at('2026-10-24T11:00:00Z'), at('2026-10-26T10:00:00Z'))).toBe(240);
    });

    it('agrees with addWorkingHours through the year, clock changes included', () => {
      const start = Date.parse('2026-03-20T00:00:00Z');
      for (let i = 0; i < 120; i++) {
        // Steps of 5h 17m land on every hour of the day and every day of the week in turn.
        const from = new Date(start + i * 317 * 60_000 + (i >= 60 ? 200 * 86_400_000 : 0));
        for (const h of [1, 5, 13, 30]) {
          expect(hours.workingMinutesBetween(from, hours.addWorkingHours(from, h))).toBe(h * 60);
        }
      }
    });
  });
});

describe('OpeningHours (custom weekly table)', () => {
  it('counts a day that is 23 hours long in March and 25 hours long in October', () => {
    const always = new OpeningHours(calendar, ALWAYS_OPEN);
    expect(always.workingMinutesBetween(londonInstant('2026-03-29'), londonInstant('2026-03-30'))).toBe(23 * 60);
    expect(always.workingMinutesBetween(londonInstant('2026-10-25'), londonInstant('2026-10-26'))).toBe(25 * 60);
    expect(iso(always.addWorkingHours(londonInstant('2026-03-29'), 24))).toBe('2026-03-30T00:00:00.000Z');
    expect(iso(always.addWorkingHours(londonInstant('2026-10-25'), 24))).toBe('2026-10-25T23:00:00.000Z');
    // Still closed on bank holidays: Good Friday and Easter Monday 2026.
    expect(always.workingMinutesBetween(londonInstant('2026-04-03'), londonInstant('2026-04-07'))).toBe(48 * 60);
  });

  it('supports split sessions', () => {
    const withLunch = new OpeningHours(calendar, {
      ...ALWAYS_OPEN,
      monday: [
        { open: '09:00', close: '12:00' },
        { open: '13:00', close: '17:00' },
      ],
    });
    expect(iso(withLunch.addWorkingHours(at('2026-01-12T11:00:00Z'), 2))).toBe('2026-01-12T14:00:00.000Z');
    expect(withLunch.isOpen(at('2026-01-12T12:30:00Z'))).toBe(false);
    expect(withLunch.workingMinutesBetween(londonInstant('2026-01-12'), londonInstant('2026-01-13'))).toBe(7 * 60);
  });

  it('refuses tables that would make clocks wrong', () => {
    const closed: WeeklyOpeningHours = {
      monday: [],
      tuesday: [],
      wednesday: [],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [],
    };
    expect(() => new OpeningHours(calendar, closed)).toThrow('closed every day');
    expect(() => new OpeningHours(calendar, { ...closed, monday: [{ open: '20:00', close: '08:00' }] })).toThrow(
      'is not before',
    );
    expect(
      () =>
        new OpeningHours(calendar, {
          ...closed,
          monday: [
            { open: '08:00', close: '12:00' },
            { open: '11:00', close: '14:00' },
          ],
        }),
    ).toThrow('overlap');
    expect(() => new OpeningHours(calendar, { ...closed, monday: [{ open: '8am', close: '12:00' }] })).toThrow(
      RangeError,
    );
  });
});
