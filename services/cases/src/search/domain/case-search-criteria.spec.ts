import { AppError } from '@ccsc/platform';
import { generateCaseReference } from '../../case/domain/case-reference';
import { normalisePostcode } from '../../case/domain/party';
import { toSearchFilter } from './case-search-criteria';

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

describe('case search criteria', () => {
  const reference = generateCaseReference();
  const dashed = reference.replace(/(\d{4})(?=\d)/g, '$1-');

  it('accepts a reference with dashes, spaces or neither, as its 16 digits', () => {
    for (const typed of [reference, dashed, ` ${dashed.replace(/-/g, ' ')} `])
      expect(toSearchFilter({ reference: typed })).toEqual({ reference });
  });

  it('refuses a malformed reference on the field reference', () => {
    const wrongCheckDigit = reference.slice(0, 15) + String((Number(reference[15]) + 1) % 10);
    for (const typed of [wrongCheckDigit, '1234', 'abcd-efgh-ijkl-mnop']) {
      expect(fieldErrorsOf(() => toSearchFilter({ reference: typed })).map((e) => e.field)).toEqual(['reference']);
    }
  });

  it('requires at least one criterion, blanks counting as none', () => {
    expect(fieldErrorsOf(() => toSearchFilter({})).map((e) => e.field)).toEqual(['criteria']);
    expect(
      fieldErrorsOf(() => toSearchFilter({ reference: '', partyName: '  ', state: '' })).map((e) => e.field),
    ).toEqual(['criteria']);
    expect(toSearchFilter({ reference: '', state: ' Issued ' })).toEqual({ state: 'Issued' });
  });

  it('splits a party name into words and needs one of at least three characters for the trigram index', () => {
    expect(toSearchFilter({ partyName: '  alex   SMI ' })).toEqual({ nameWords: ['alex', 'SMI'] });
    expect(toSearchFilter({ partyName: 'J Smi' })).toEqual({ nameWords: ['J', 'Smi'] });
    expect(fieldErrorsOf(() => toSearchFilter({ partyName: 'Ng Li' })).map((e) => e.field)).toEqual(['partyName']);
    expect(fieldErrorsOf(() => toSearchFilter({ partyName: 'a b c d e f g' })).map((e) => e.field)).toEqual([
      'partyName',
    ]);
  });

  it('normalises postcodes to upper case without spaces, as stored', () => {
    expect(normalisePostcode(' sw1a  1aa ')).toBe('SW1A1AA');
    expect(toSearchFilter({ postcode: 'cf10 1ep' })).toEqual({ postcode: 'CF101EP' });
    expect(fieldErrorsOf(() => toSearchFilter({ postcode: 'SW1A-1AA' })).map((e) => e.field)).toEqual(['postcode']);
  });

  it('reports every bad criterion at once', () => {
    expect(
      fieldErrorsOf(() => toSearchFilter({ reference: '1', partyName: 'ab', postcode: '%' })).map((e) => e.field),
    ).toEqual(['reference', 'partyName', 'postcode']);
  });

  it('refuses a case type or state that no definition has, rather than finding nothing', () => {
    expect(
      fieldErrorsOf(() => toSearchFilter({ caseType: 'no-such-type', state: 'Nowhere' })).map((e) => e.field),
    ).toEqual(['caseType', 'state']);
    expect(
      fieldErrorsOf(() => toSearchFilter({ caseType: 'probate', state: 'StruckOut' })).map((e) => e.field),
    ).toEqual(['state']);
    expect(toSearchFilter({ caseType: 'civil-money-claim', state: 'StruckOut' })).toEqual({
      caseType: 'civil-money-claim',
      state: 'StruckOut',
    });
  });
});
