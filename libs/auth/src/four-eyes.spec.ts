import { assertSecondPerson, NO_PERSON } from './four-eyes';

describe('four eyes on money', () => {
  it('lets a second person approve what the first proposed', () => {
    expect(() => assertSecondPerson('officer-a', 'officer-b', 'A refund')).not.toThrow();
  });

  it('refuses the person who proposed it, as a conflict that says why', () => {
    expect(() => assertSecondPerson('officer-a', 'officer-a', 'A refund')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A refund must be approved by someone other than the person who proposed it',
      }),
    );
  });

  it('tells people apart by subject alone: another role or token of the same subject is the same person', () => {
    // Roles and tokens never reach the rule; only the subject does, and the comparison is exact.
    expect(() => assertSecondPerson('f:1234', 'f:1234', 'A write-off')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => assertSecondPerson('Officer-A', 'officer-a', 'A write-off')).not.toThrow();
  });

  it('refuses what no person proposed, and an approval by the system', () => {
    for (const nobody of [NO_PERSON, '', null, undefined]) {
      expect(() => assertSecondPerson(nobody, 'officer-b', 'A refund')).toThrow(
        expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/no officer who proposed it/) }),
      );
    }
    expect(() => assertSecondPerson('officer-a', NO_PERSON, 'An allocation')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'An allocation is approved by a person, never by the system',
      }),
    );
    expect(() => assertSecondPerson('officer-a', '', 'An allocation')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });
});
