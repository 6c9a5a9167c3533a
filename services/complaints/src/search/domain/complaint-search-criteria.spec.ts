import { AppError } from '@ccsc/platform';
import { londonInstant } from '@ccsc/calendar';
import { normaliseComplaintReference, toSearchFilter } from './complaint-search-criteria';

function fieldErrorsOf(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    return (error as AppError).fieldErrors;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('complaint search criteria', () => {
  it('reads a reference in any case and spacing, with or without its prefix, dash or leading zeros', () => {
    for (const typed of ['CMP-000123', 'cmp-000123', ' Cmp 000123 ', 'CMP000123', 'CMP-123', '000123', '123'])
      expect(toSearchFilter({ reference: typed })).toEqual({ reference: 'CMP-000123' });
    // Past six digits the number is written whole, as the sequence writes it.
    expect(normaliseComplaintReference('cmp-1234567')).toBe('CMP-1234567');
    expect(normaliseComplaintReference('CMP-0001234567')).toBe('CMP-1234567');
  });

  it('refuses what cannot be a complaint reference on the field reference', () => {
    for (const typed of ['CMP-', 'ABC-000123', 'CMP-12a', 'CMP--1', '1234567890123'])
      expect(fieldErrorsOf(() => toSearchFilter({ reference: typed }))).toEqual([
        { field: 'reference', message: 'must be a complaint reference such as CMP-000123' },
      ]);
  });

  it('requires at least one criterion, blanks and nulls counting as none', () => {
    expect(fieldErrorsOf(() => toSearchFilter({})).map((e) => e.field)).toEqual(['criteria']);
    expect(
      fieldErrorsOf(() =>
        toSearchFilter({ reference: '', complainant: '  ', caseReference: null, stage: null, status: ' ' }),
      ).map((e) => e.field),
    ).toEqual(['criteria']);
    expect(toSearchFilter({ reference: '', status: ' open ' })).toEqual({ status: 'open' });
  });

  it('splits a name into words and needs one of at least three characters for the trigram index', () => {
    expect(toSearchFilter({ complainant: '  mrs   JONES ' })).toEqual({ nameWords: ['mrs', 'JONES'] });
    expect(toSearchFilter({ complainant: 'E Jon' })).toEqual({ nameWords: ['E', 'Jon'] });
    expect(fieldErrorsOf(() => toSearchFilter({ complainant: 'Ng Li' }))).toEqual([
      { field: 'complainant', message: 'must have at least 3 characters in one of its words' },
    ]);
    expect(fieldErrorsOf(() => toSearchFilter({ complainant: 'a b c d e f ghi' }))).toEqual([
      { field: 'complainant', message: 'must have at most 6 words' },
    ]);
  });

  it('reads a case reference as its 16 digits, dashes or spaces allowed', () => {
    for (const typed of ['1234567890123456', '1234-5678-9012-3456', ' 1234 5678 9012 3456 '])
      expect(toSearchFilter({ caseReference: typed })).toEqual({ caseReference: '1234567890123456' });
    for (const typed of ['1234-5678', '1234-5678-9012-345X', '12345678901234567'])
      expect(fieldErrorsOf(() => toSearchFilter({ caseReference: typed })).map((e) => e.field)).toEqual([
        'caseReference',
      ]);
  });

  it('refuses a stage or a status the complaints process does not have, naming the ones it has', () => {
    expect(toSearchFilter({ stage: 2, status: 'Closed' })).toEqual({ stage: 2, status: 'closed' });
    expect(fieldErrorsOf(() => toSearchFilter({ stage: 4, status: 'pending' }))).toEqual([
      { field: 'stage', message: 'must be one of 1, 2, 3' },
      { field: 'status', message: 'must be one of open, closed' },
    ]);
    expect(fieldErrorsOf(() => toSearchFilter({ stage: 0 })).map((e) => e.field)).toEqual(['stage']);
    expect(fieldErrorsOf(() => toSearchFilter({ stage: Number.NaN })).map((e) => e.field)).toEqual(['stage']);
  });

  it('turns received days into the London instants they begin and end at, receivedTo included', () => {
    // 31 March 2025 is the first day of British Summer Time: it starts at midnight GMT, ends at 23:00 UTC.
    expect(toSearchFilter({ receivedFrom: '2025-03-30', receivedTo: '2025-03-31' })).toEqual({
      received: { from: new Date('2025-03-30T00:00:00Z'), to: new Date('2025-03-31T23:00:00Z') },
    });
    expect(toSearchFilter({ receivedFrom: '2025-06-01' })).toEqual({
      received: { from: londonInstant('2025-06-01') },
    });
    expect(toSearchFilter({ receivedTo: '2025-06-01' })).toEqual({
      received: { to: new Date('2025-06-01T23:00:00Z') },
    });
    // One day: from and to the same.
    expect(toSearchFilter({ receivedFrom: '2025-12-01', receivedTo: '2025-12-01' })).toEqual({
      received: { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2025-12-02T00:00:00Z') },
    });
  });

  it('refuses malformed days, and a receivedTo before receivedFrom', () => {
    expect(fieldErrorsOf(() => toSearchFilter({ receivedFrom: '2025-02-30', receivedTo: '1/3/2025' }))).toEqual([
      { field: 'receivedFrom', message: 'must be a date as YYYY-MM-DD' },
      { field: 'receivedTo', message: 'must be a date as YYYY-MM-DD' },
    ]);
    expect(fieldErrorsOf(() => toSearchFilter({ receivedFrom: '2025-03-02', receivedTo: '2025-03-01' }))).toEqual([
      { field: 'receivedTo', message: 'must not be before receivedFrom' },
    ]);
  });

  it('reports every bad criterion at once', () => {
    expect(
      fieldErrorsOf(() =>
        toSearchFilter({
          reference: 'x',
          complainant: 'ab',
          caseReference: '1',
          stage: 9,
          status: 'lost',
          receivedFrom: 'today',
        }),
      ).map((e) => e.field),
    ).toEqual(['reference', 'complainant', 'caseReference', 'stage', 'status', 'receivedFrom']);
  });
});
