import { ruleBankHolidays } from './bank-holidays';
import { GOVUK_ENGLAND_AND_WALES_SNAPSHOT } from './govuk-bank-holidays-snapshot';
import { readPublishedBankHolidays } from './published-bank-holidays';

// The real England and Wales bank holidays, as published by GOV.UK.
const REAL_BANK_HOLIDAYS: Record<number, string[]> = {
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
};

const dates = (holidays: readonly { date: string }[]): string[] => holidays.map((h) => h.date);

describe('ruleBankHolidays', () => {
  it.each([2024, 2025, 2026, 2027])('computes the real %i bank holidays exactly', (year) => {
    expect(dates(ruleBankHolidays(year))).toEqual(REAL_BANK_HOLIDAYS[year]);
  });

  it('titles the days as GOV.UK does', () => {
    expect(ruleBankHolidays(2026)).toEqual([
      { date: '2026-01-01', title: 'New Year’s Day', substituteDay: false },
      { date: '2026-04-03', title: 'Good Friday', substituteDay: false },
      { date: '2026-04-06', title: 'Easter Monday', substituteDay: false },
      { date: '2026-05-04', title: 'Early May bank holiday', substituteDay: false },
      { date: '2026-05-25', title: 'Spring bank holiday', substituteDay: false },
      { date: '2026-08-31', title: 'Summer bank holiday', substituteDay: false },
      { date: '2026-12-25', title: 'Christmas Day', substituteDay: false },
      { date: '2026-12-28', title: 'Boxing Day', substituteDay: true },
    ]);
  });

  describe('substitute days', () => {
    it('Christmas on a Friday: Boxing Day (Saturday) moves to Monday 28th', () => {
      expect(ruleBankHolidays(2026).slice(-2)).toEqual([
        { date: '2026-12-25', title: 'Christmas Day', substituteDay: false },
        { date: '2026-12-28', title: 'Boxing Day', substituteDay: true },
      ]);
    });

    it('Christmas on a Saturday: Monday 27th for Christmas and Tuesday 28th for Boxing Day', () => {
      expect(ruleBankHolidays(2027).slice(-2)).toEqual([
        { date: '2027-12-27', title: 'Christmas Day', substituteDay: true },
        { date: '2027-12-28', title: 'Boxing Day', substituteDay: true },
      ]);
      expect(dates(ruleBankHolidays(2021).slice(-2))).toEqual(['2021-12-27', '2021-12-28']);
    });

    it('Christmas on a Sunday: Boxing Day stays on Monday 26th and Christmas moves to Tuesday 27th', () => {
      expect(ruleBankHolidays(2022).slice(-2)).toEqual([
        { date: '2022-12-26', title: 'Boxing Day', substituteDay: false },
        { date: '2022-12-27', title: 'Christmas Day', substituteDay: true },
      ]);
    });

    it('New Year’s Day on a Saturday or Sunday moves to the Monday', () => {
      expect(ruleBankHolidays(2022)[0]).toEqual({ date: '2022-01-03', title: 'New Year’s Day', substituteDay: true });
      expect(ruleBankHolidays(2023)[0]).toEqual({ date: '2023-01-02', title: 'New Year’s Day', substituteDay: true });
      expect(ruleBankHolidays(2028)[0]).toEqual({ date: '2028-01-03', title: 'New Year’s Day', substituteDay: true });
    });
  });

  it('computes a year beyond the published list', () => {
    expect(dates(ruleBankHolidays(2028))).toEqual([
      '2028-01-03',
      '2028-04-14',
      '2028-04-17',
      '2028-05-01',
      '2028-05-29',
      '2028-08-28',
      '2028-12-25',
      '2028-12-26',
    ]);
  });

  it('knows the days moved and added by proclamation', () => {
    const y2020 = dates(ruleBankHolidays(2020));
    expect(y2020).toContain('2020-05-08');
    expect(y2020).not.toContain('2020-05-04');

    expect(dates(ruleBankHolidays(2022))).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect(dates(ruleBankHolidays(2023))).toContain('2023-05-08');
    expect(dates(ruleBankHolidays(2012))).toEqual(expect.arrayContaining(['2012-06-04', '2012-06-05']));
    expect(dates(ruleBankHolidays(2012))).not.toContain('2012-05-28');
  });

  it('refuses years before the current pattern began', () => {
    expect(() => ruleBankHolidays(1977)).toThrow(RangeError);
    expect(() => ruleBankHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('bundled GOV.UK snapshot', () => {
  const snapshot = readPublishedBankHolidays(GOVUK_ENGLAND_AND_WALES_SNAPSHOT);

  it('covers 2018 to 2027', () => {
    expect([snapshot.firstYear, snapshot.lastYear]).toEqual([2018, 2027]);
    expect([...snapshot.byYear.keys()]).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  });

  it.each([2024, 2025, 2026, 2027])('publishes the real %i bank holidays', (year) => {
    expect(dates(snapshot.byYear.get(year) ?? [])).toEqual(REAL_BANK_HOLIDAYS[year]);
  });

  it.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])(
    'agrees with the rules for %i, titles and substitute days included',
    (year) => {
      expect(snapshot.byYear.get(year)).toEqual(ruleBankHolidays(year));
    },
  );

  it('includes the one-off days of 2020, 2022 and 2023', () => {
    expect(snapshot.byYear.get(2022)?.filter((h) => ['2022-06-03', '2022-09-19'].includes(h.date))).toEqual([
      { date: '2022-06-03', title: 'Platinum Jubilee bank holiday', substituteDay: false },
      { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II', substituteDay: false },
    ]);
    expect(dates(snapshot.byYear.get(2023) ?? [])).toContain('2023-05-08');
    expect(dates(snapshot.byYear.get(2020) ?? [])).toContain('2020-05-08');
  });
});

describe('readPublishedBankHolidays', () => {
  const event = { title: 'Christmas Day', date: '2030-12-25', notes: '', bunting: true };

  it('reads GOV.UK notes into substitute days and sorts each year', () => {
    const read = readPublishedBankHolidays({
      division: 'england-and-wales',
      events: [
        { title: 'Boxing Day', date: '2027-12-28', notes: 'Substitute day', bunting: true },
        { title: 'Christmas Day', date: '2027-12-27', notes: 'Substitute day', bunting: true },
      ],
    });
    expect(read.byYear.get(2027)).toEqual([
      { date: '2027-12-27', title: 'Christmas Day', substituteDay: true },
      { date: '2027-12-28', title: 'Boxing Day', substituteDay: true },
    ]);
  });

  it('refuses another division, an empty list, a bad date, a missing title and a repeated date', () => {
    expect(() => readPublishedBankHolidays({ division: 'scotland', events: [event] })).toThrow(
      'Expected the england-and-wales division, got "scotland"',
    );
    expect(() => readPublishedBankHolidays({ division: 'england-and-wales', events: [] })).toThrow('no events');
    expect(() =>
      readPublishedBankHolidays({ division: 'england-and-wales', events: [{ ...event, date: '25/12/2030' }] }),
    ).toThrow('invalid date');
    expect(() =>
      readPublishedBankHolidays({ division: 'england-and-wales', events: [{ ...event, title: ' ' }] }),
    ).toThrow('no title');
    expect(() => readPublishedBankHolidays({ division: 'england-and-wales', events: [event, event] })).toThrow(
      'repeats 2030-12-25',
    );
  });

  it('gives the same content hash to the same days, and a different one when a day changes', () => {
    const base = readPublishedBankHolidays({ division: 'england-and-wales', events: [event] });
    const again = readPublishedBankHolidays({ division: 'england-and-wales', events: [{ ...event, bunting: false }] });
    const moved = readPublishedBankHolidays({
      division: 'england-and-wales',
      events: [{ ...event, date: '2030-12-24' }],
    });
    expect(base.contentHash).toMatch(/^[0-9a-f]{8}$/);
    expect(again.contentHash).toBe(base.contentHash);
    expect(moved.contentHash).not.toBe(base.contentHash);
  });
});
