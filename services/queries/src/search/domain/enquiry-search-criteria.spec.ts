import { AppError } from '@ccsc/platform/errors';
import { londonInstant } from '@ccsc/calendar';
import { toEnquirySearchFilter } from './enquiry-search-criteria';

function fieldErrorsOf(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors ?? [];
  }
  throw new Error('expected the criteria to be refused');
}

describe('enquiry search criteria', () => {
  it('reads an enquiry reference however it is read out over the phone', () => {
    for (const typed of ['ENQ-0000123', 'enq 123', 'ENQ0000123', ' enq-123 '])
      expect(toEnquirySearchFilter({ reference: typed })).toEqual({ reference: 'ENQ-0000123' });
    expect(fieldErrorsOf(() => toEnquirySearchFilter({ reference: 'CMP-000123' }))).toEqual([
      { field: 'reference', message: 'must be an enquiry reference: ENQ- and up to seven digits' },
    ]);
  });

  it('normalises contact details to how they are indexed: email in lower case, phone as its digits', () => {
    expect(
      toEnquirySearchFilter({ contactName: 'smi jo', email: ' Joan.Smith@Example.org ', phone: '+44 (0)20 7946-0958' }),
    ).toEqual({ nameWords: ['smi', 'jo'], email: 'joan.smith@example.org', phoneDigits: '4402079460958' });
  });

  it('reads a case reference as its 16 digits and a period as whole London days', () => {
    expect(
      toEnquirySearchFilter({
        caseReference: '1234-5678-9012-3456',
        receivedFrom: '2026-03-29',
        receivedTo: '2026-03-29',
      }),
    ).toEqual({
      caseReference: '1234567890123456',
      received: { from: londonInstant('2026-03-29'), to: londonInstant('2026-03-30') },
    });
  });

  it('reports every problem at once, names the field of each, and ignores blank boxes', () => {
    expect(
      fieldErrorsOf(() =>
        toEnquirySearchFilter({
          reference: '',
          contactName: 'jo',
          email: 'not an email',
          phone: '12ab',
          caseReference: '123',
          status: 'lost',
          channel: 'pigeon',
          receivedFrom: '2026-12-03',
          receivedTo: '2026-12-01',
        }),
      ).map((e) => e.field),
    ).toEqual(['contactName', 'email', 'phone', 'caseReference', 'status', 'channel', 'receivedTo']);
  });

  it('refuses a search with no criterion rather than listing every enquiry', () => {
    expect(fieldErrorsOf(() => toEnquirySearchFilter({ contactName: '  ', status: '' }))).toEqual([
      expect.objectContaining({ field: 'criteria' }),
    ]);
  });
});
