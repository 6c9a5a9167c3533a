import {
  formatCaseReference,
  generateCaseReference,
  isValidCaseReference,
  luhnCheckDigit,
  parseCaseReference,
} from './case-reference';

describe('case reference', () => {
  it('computes the Luhn check digit', () => {
    // 7992739871 has check digit 3: the textbook Luhn example.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(isValidCaseReference('1234567890123452')).toBe(true);
    expect(isValidCaseReference('1234567890123453')).toBe(false);
  });

  it('accepts a reference with or without dashes or spaces, and nothing else', () => {
    expect(parseCaseReference('1234-5678-9012-3452')).toBe('1234567890123452');
    expect(parseCaseReference('1234 5678 9012 3452')).toBe('1234567890123452');
    expect(parseCaseReference('1234567890123452')).toBe('1234567890123452');
    expect(parseCaseReference('1234-5678-9012-345')).toBeUndefined();
    expect(parseCaseReference('1234-5678-9012-3450')).toBeUndefined();
    expect(parseCaseReference('abcd-5678-9012-3452')).toBeUndefined();
  });

  it('formats as four groups of four', () => {
    expect(formatCaseReference('1234567890123452')).toBe('1234-5678-9012-3452');
  });

  it('generates valid 16-digit references that never start with 0', () => {
    for (let i = 0; i < 1000; i++) {
      const ref = generateCaseReference();
      expect(ref).toMatch(/^[1-9]\d{15}$/);
      expect(isValidCaseReference(ref)).toBe(true);
    }
    let n = 0;
    const digits = [0, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5];
    expect(generateCaseReference(() => digits[n++]!)).toBe(`1234567890123452`.replace(/^./, '1'));
  });
});
