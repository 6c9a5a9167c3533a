import { chooseLanguage, type LanguageChoiceFacts } from './choose-language';

const letter = (facts: Partial<LanguageChoiceFacts>): LanguageChoiceFacts => ({
  preference: 'unknown',
  channel: 'letter',
  inWales: false,
  ...facts,
});

describe('chooseLanguage', () => {
  it.each(['letter', 'email', 'sms'] as const)(
    'honours a stated choice on the %s channel, in or out of Wales',
    (channel) => {
      for (const inWales of [true, false]) {
        expect(chooseLanguage({ preference: 'cy', channel, inWales })).toBe('cy');
        expect(chooseLanguage({ preference: 'en', channel, inWales })).toBe('en');
        expect(chooseLanguage({ preference: 'en', channel, inWales, bilingualWhenPreferenceUnknown: true })).toBe('en');
      }
    },
  );

  it('writes both, Welsh first, to someone who asked for both', () => {
    expect(chooseLanguage(letter({ preference: 'cy-and-en' }))).toBe('bilingual');
    expect(chooseLanguage(letter({ preference: 'cy-and-en', channel: 'email' }))).toBe('bilingual');
  });

  it('writes both when the preference is unknown and the recipient is in Wales', () => {
    expect(chooseLanguage(letter({ inWales: true }))).toBe('bilingual');
    expect(chooseLanguage(letter({ inWales: true, channel: 'email' }))).toBe('bilingual');
  });

  it('writes both when the preference is unknown and the template asks for it, wherever the recipient is', () => {
    expect(chooseLanguage(letter({ bilingualWhenPreferenceUnknown: true }))).toBe('bilingual');
  });

  it('writes English when the preference is unknown outside Wales', () => {
    expect(chooseLanguage(letter({}))).toBe('en');
    expect(chooseLanguage(letter({ channel: 'email' }))).toBe('en');
  });

  it('sends a text in one language: Welsh to someone who asked for both, English when unknown', () => {
    expect(chooseLanguage(letter({ channel: 'sms', preference: 'cy-and-en' }))).toBe('cy');
    expect(chooseLanguage(letter({ channel: 'sms', inWales: true, bilingualWhenPreferenceUnknown: true }))).toBe('en');
  });
});
