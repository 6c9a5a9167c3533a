import { WorkingDayCalendar } from '@ccsc/calendar';
import { addressLinesProblem, complainantContact } from './complainant-contact';
import { Complaint } from './complaint';

describe('complainant contact details', () => {
  it('keeps what was given, trimmed, with the postcode normalised and the language defaulting to the complaint', () => {
    const { contact, problems } = complainantContact(
      {
        email: ' a@example.com ',
        phone: '+44 (0)29 2000-0000',
        addressLines: [' 1 High St ', 'Town'],
        postcode: 'cf10 1aa',
      },
      'cy',
    );
    expect(problems).toEqual([]);
    expect(contact).toEqual({
      email: 'a@example.com',
      phone: '+44 (0)29 2000-0000',
      addressLines: ['1 High St', 'Town'],
      postcode: 'CF101AA',
      language: 'cy',
    });
    expect(complainantContact({}, 'en').contact).toEqual({
      email: null,
      phone: null,
      addressLines: null,
      postcode: null,
      language: 'en',
    });
  });

  it('refuses a bad phone, a bad postcode, and an address without its postcode or the other way round', () => {
    const fields = (input: Parameters<typeof complainantContact>[0]) =>
      complainantContact(input, 'en').problems.map((p) => p.field);
    expect(fields({ phone: 'ring me' })).toEqual(['complainantPhone']);
    expect(fields({ addressLines: ['1 High St'], postcode: 'NOWHERE' })).toEqual(['complainantPostcode']);
    expect(fields({ addressLines: ['1 High St'] })).toEqual(['complainantPostcode']);
    expect(fields({ postcode: 'SN1 1AA' })).toEqual(['complainantAddressLines']);
  });

  it("checks address lines by the cases service's rule, never quoting them", () => {
    expect(addressLinesProblem(['1 High St', 'Town'])).toBeUndefined();
    expect(addressLinesProblem([])).toBe('addressLines must have 1 to 5 lines');
    expect(addressLinesProblem(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('addressLines must have 1 to 5 lines');
    expect(addressLinesProblem(['1 High St\nTown'], 'complainantAddressLines')).toBe(
      'complainantAddressLines line 1 must not contain control characters or line breaks',
    );
    expect(addressLinesProblem(['   '])).toMatch(/line 1 must be 1 to 80 characters/);
    expect(addressLinesProblem(['x'.repeat(81)])).toMatch(/line 1 must be 1 to 80/);
    expect(addressLinesProblem('1 High St')).toBe('addressLines must be a list of 1 to 5 lines');
  });
});

describe('opening a complaint with contact details', () => {
  const calendar = WorkingDayCalendar.englandAndWales();
  const now = new Date('2026-12-07T10:00:00Z');
  const base = {
    reference: 'CMP-000001',
    complainantType: 'public' as const,
    origin: 'telephone' as const,
    caseIds: [],
    category: 'delay',
    severity: 'minor' as const,
    receivedAt: now,
    createdBy: 'officer',
    now,
  };

  it("writes to a complainant in the complaint's language unless they asked for another, and the complaint follows theirs", () => {
    expect(Complaint.open({ ...base, language: 'cy' }, calendar).snapshot.complainantContact.language).toBe('cy');
    const asked = Complaint.open({ ...base, complainantContact: { language: 'cy' } }, calendar).snapshot;
    expect([asked.language, asked.complainantContact.language]).toEqual(['cy', 'cy']);
    expect(Complaint.open(base, calendar).snapshot.complainantContact.language).toBe('en');
  });

  it('refuses a complainant language other than the complaint language, and bad details, naming the fields', () => {
    expect(() =>
      Complaint.open(
        { ...base, language: 'en', complainantContact: { language: 'cy', phone: 'x', postcode: 'SN1 1AA' } },
        calendar,
      ),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: [
          expect.objectContaining({ field: 'complainantLanguage' }),
          expect.objectContaining({ field: 'complainantPhone' }),
          expect.objectContaining({ field: 'complainantAddressLines' }),
        ],
      }),
    );
  });
});
