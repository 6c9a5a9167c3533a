import { AppError } from '@ccsc/platform';
import { toSearchFilter } from './payment-search-criteria';

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

describe('payment search criteria', () => {
  it('takes a reference whole, trimmed, as typed (the database compares it in lower case)', () => {
    expect(toSearchFilter({ reference: '  J Smith CLAIM fee ' })).toEqual({ reference: 'J Smith CLAIM fee' });
    expect(fieldErrorsOf(() => toSearchFilter({ reference: 'x'.repeat(65) })).map((e) => e.field)).toEqual([
      'reference',
    ]);
    expect(toSearchFilter({ reference: ` ${'x'.repeat(64)} ` })).toEqual({ reference: 'x'.repeat(64) });
  });

  it('requires at least one criterion, blanks and nulls counting as none', () => {
    expect(fieldErrorsOf(() => toSearchFilter({})).map((e) => e.field)).toEqual(['criteria']);
    expect(
      fieldErrorsOf(() => toSearchFilter({ reference: '', payer: '  ', method: '', amountPence: null })).map(
        (e) => e.field,
      ),
    ).toEqual(['criteria']);
    expect(toSearchFilter({ reference: '', method: ' cheque ' })).toEqual({ method: 'cheque' });
  });

  it('splits a payer into words and needs one of at least three characters for the trigram index', () => {
    expect(toSearchFilter({ payer: '  smith   & CO ' })).toEqual({ payerWords: ['smith', '&', 'CO'] });
    expect(toSearchFilter({ payer: 'J Smi' })).toEqual({ payerWords: ['J', 'Smi'] });
    expect(fieldErrorsOf(() => toSearchFilter({ payer: 'Ng Li' })).map((e) => e.field)).toEqual(['payer']);
    expect(fieldErrorsOf(() => toSearchFilter({ payer: 'a b c d e f ghi' }))).toEqual([
      { field: 'payer', message: 'must have at most 6 words' },
    ]);
  });

  it('takes an amount as whole pence above nothing, up to the most any amount may be', () => {
    expect(toSearchFilter({ amountPence: 4500 })).toEqual({ amountPence: 4500 });
    expect(toSearchFilter({ amountPence: 1_000_000_000 })).toEqual({ amountPence: 1_000_000_000 });
    for (const amountPence of [0, -4500, 45.5, Number.NaN, 1_000_000_001]) {
      expect(fieldErrorsOf(() => toSearchFilter({ amountPence })).map((e) => e.field)).toEqual(['amountPence']);
    }
  });

  it('refuses a method no payment has, naming those there are, rather than finding nothing', () => {
    expect(toSearchFilter({ method: 'payment-by-account' })).toEqual({ method: 'payment-by-account' });
    expect(fieldErrorsOf(() => toSearchFilter({ method: 'Cheque' }))).toEqual([
      {
        field: 'method',
        message: 'must be one of card, payment-by-account, cheque, postal-order, cash, bank-transfer',
      },
    ]);
  });

  it('reads received days as London days, receivedTo inclusive', () => {
    // Summer time: a London day starts at 23:00 UTC the day before.
    expect(toSearchFilter({ receivedFrom: '2027-06-01', receivedTo: '2027-06-30' })).toEqual({
      received: { from: new Date('2027-05-31T23:00:00.000Z'), to: new Date('2027-06-30T23:00:00.000Z') },
    });
    // Winter time, one day, and either end alone.
    expect(toSearchFilter({ receivedFrom: '2027-01-15', receivedTo: '2027-01-15' })).toEqual({
      received: { from: new Date('2027-01-15T00:00:00.000Z'), to: new Date('2027-01-16T00:00:00.000Z') },
    });
    expect(toSearchFilter({ receivedFrom: '2027-01-15' })).toEqual({
      received: { from: new Date('2027-01-15T00:00:00.000Z') },
    });
    expect(toSearchFilter({ receivedTo: '2027-03-28' })).toEqual({
      received: { to: new Date('2027-03-28T23:00:00.000Z') },
    });
  });

  it('refuses a day that is not one, and a receivedTo before receivedFrom', () => {
    expect(fieldErrorsOf(() => toSearchFilter({ receivedFrom: '2027-02-30', receivedTo: '15/01/2027' }))).toEqual([
      { field: 'receivedFrom', message: 'must be a date as YYYY-MM-DD' },
      { field: 'receivedTo', message: 'must be a date as YYYY-MM-DD' },
    ]);
    expect(fieldErrorsOf(() => toSearchFilter({ receivedFrom: '2027-01-15', receivedTo: '2027-01-14' }))).toEqual([
      { field: 'receivedTo', message: 'must not be before receivedFrom' },
    ]);
  });

  it('reports every bad criterion at once', () => {
    expect(
      fieldErrorsOf(() =>
        toSearchFilter({
          reference: 'r'.repeat(100),
          payer: 'ab',
          amountPence: 0,
          method: 'paypal',
          receivedFrom: '2027-01-15',
          receivedTo: '2027-01-01',
        }),
      ).map((e) => e.field),
    ).toEqual(['reference', 'payer', 'amountPence', 'method', 'receivedTo']);
  });

  it('keeps every criterion given, all to be matched', () => {
    expect(
      toSearchFilter({
        reference: 'CHQ 0042',
        payer: 'smith co',
        amountPence: 4500,
        method: 'cheque',
        receivedFrom: '2027-01-15',
        receivedTo: '2027-01-15',
      }),
    ).toEqual({
      reference: 'CHQ 0042',
      payerWords: ['smith', 'co'],
      amountPence: 4500,
      method: 'cheque',
      received: { from: new Date('2027-01-15T00:00:00.000Z'), to: new Date('2027-01-16T00:00:00.000Z') },
    });
  });
});
