import { formatPence, formatPlaceholderValue } from './format-placeholder-value';

describe('formatPence', () => {
  it.each([
    [0, '£0.00'],
    [5, '£0.05'],
    [99, '£0.99'],
    [15_000, '£150.00'],
    [123_456, '£1,234.56'],
    [100_000_000, '£1,000,000.00'],
    [-250, '-£2.50'],
  ])('shows %i pence as %s', (pence, shown) => {
    expect(formatPence(pence)).toBe(shown);
  });

  it('refuses anything but whole pence', () => {
    expect(() => formatPence(12.5)).toThrow(RangeError);
    expect(() => formatPence(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatPlaceholderValue', () => {
  it('shows a London day long form in the language asked for', () => {
    expect(formatPlaceholderValue('date', '2026-12-18', 'en')).toEqual({ text: '18 December 2026' });
    expect(formatPlaceholderValue('date', '2026-12-18', 'cy')).toEqual({ text: '18 Rhagfyr 2026' });
  });

  it('reads an instant as its London day (23:30 UTC in summer is the next day in London)', () => {
    expect(formatPlaceholderValue('date', new Date('2026-07-01T23:30:00Z'), 'cy')).toEqual({
      text: '2 Gorffennaf 2026',
    });
  });

  it('says what is wrong with a value without repeating it', () => {
    expect(formatPlaceholderValue('money', '12.50', 'en')).toEqual({ problem: 'needs a whole number of pence' });
    expect(formatPlaceholderValue('money', 12.5, 'en')).toEqual({ problem: 'needs a whole number of pence' });
    expect(formatPlaceholderValue('date', '18/12/2026', 'en')).toEqual({
      problem: "needs a London day as 'YYYY-MM-DD' or an instant",
    });
    expect(formatPlaceholderValue('date', new Date(Number.NaN), 'en')).toHaveProperty('problem');
    expect(formatPlaceholderValue('text', '  ', 'en')).toEqual({ problem: 'needs a non-empty string' });
    expect(formatPlaceholderValue('text', undefined, 'en')).toEqual({ problem: 'has no value' });
  });

  it('puts text on one line, so that no value starts a paragraph, heading or list of its own', () => {
    expect(formatPlaceholderValue('text', 'Alex\n\n# Pay now\u2028- here\u0085\u0000end ', 'en')).toEqual({
      text: 'Alex # Pay now - here end',
    });
  });

  it('takes the Welsh or the English of text that has both, and only for text', () => {
    const court = { en: 'Civil National Business Centre', cy: 'Canolfan Fusnes Genedlaethol Sifil' };
    expect(formatPlaceholderValue('text', court, 'en')).toEqual({ text: 'Civil National Business Centre' });
    expect(formatPlaceholderValue('text', court, 'cy')).toEqual({ text: 'Canolfan Fusnes Genedlaethol Sifil' });
    expect(formatPlaceholderValue('text', { ...court, cy: ' ' }, 'cy')).toEqual({
      problem: 'needs a non-empty string',
    });
    expect(formatPlaceholderValue('money', court, 'en')).toEqual({ problem: 'needs a whole number of pence' });
  });

  it("keeps an officer's paragraphs, with one kind of line break and no other control character", () => {
    expect(formatPlaceholderValue('paragraphs', ' First.\r\n\r\nSecond\u0000 line.\u2028Third. ', 'en')).toEqual({
      text: 'First.\n\nSecond line.\nThird.',
    });
  });
});
