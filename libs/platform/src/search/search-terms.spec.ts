import { londonInstant } from '@ccsc/calendar';
import type { FieldError } from '../errors/app-error';
import { containsPattern, daysBetween, givenText, nameWordsOf } from './search-terms';

describe('search terms', () => {
  it('counts a blank box, or GraphQL null, as not given', () => {
    expect(givenText('  ')).toBeUndefined();
    expect(givenText(null)).toBeUndefined();
    expect(givenText(' Smith ')).toBe('Smith');
  });

  it("takes the user's wildcards literally in a name pattern", () => {
    expect(containsPattern('smi')).toBe('%smi%');
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it('searches a name by its words, one of them long enough for the trigram index, and not too many', () => {
    expect(nameWordsOf(' smi  jo ', 'name')).toEqual(['smi', 'jo']);
    expect(nameWordsOf('jo li', 'name')).toEqual({
      field: 'name',
      message: 'must have at least 3 characters in one of its words',
    });
    expect(nameWordsOf('a b c d e f ghi', 'name')).toEqual({ field: 'name', message: 'must have at most 6 words' });
  });

  it('reads a range of London days as instants, both days whole, either end open', () => {
    const errors: FieldError[] = [];
    const from = { field: 'receivedFrom', day: '2026-03-29' };
    const to = { field: 'receivedTo', day: '2026-03-31' };
    expect(daysBetween(from, to, errors)).toEqual({
      from: londonInstant('2026-03-29'),
      to: londonInstant('2026-04-01'),
    });
    expect(daysBetween({ ...from, day: undefined }, to, errors)).toEqual({ to: londonInstant('2026-04-01') });
    expect(daysBetween({ ...from, day: undefined }, { ...to, day: undefined }, errors)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('says which end of a range is wrong, and names both fields when they cross', () => {
    const errors: FieldError[] = [];
    expect(
      daysBetween({ field: 'receivedFrom', day: '3/12/2026' }, { field: 'receivedTo', day: '2026-13-01' }, errors),
    ).toBeUndefined();
    expect(
      daysBetween({ field: 'receivedFrom', day: '2026-12-03' }, { field: 'receivedTo', day: '2026-12-01' }, errors),
    ).toBeUndefined();
    expect(errors).toEqual([
      { field: 'receivedFrom', message: 'must be a date as YYYY-MM-DD' },
      { field: 'receivedTo', message: 'must be a date as YYYY-MM-DD' },
      { field: 'receivedTo', message: 'must not be before receivedFrom' },
    ]);
  });
});
