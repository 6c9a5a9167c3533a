import { BadUserInputError } from '@ccsc/platform/errors';
import { allowedReturnUrl } from './return-url';

const origins = ['https://claims.service.example', 'https://fines.service.example'];

describe('a card payment returns the payer only to the service', () => {
  it.each([
    ['https://claims.service.example/done', 'https://claims.service.example/done'],
    ['https://fines.service.example:443/paid?ref=1#top', 'https://fines.service.example/paid?ref=1#top'],
    ['HTTPS://CLAIMS.Service.Example/done', 'https://claims.service.example/done'],
  ])('accepts %s, handing on %s as it was read', (url, handedOn) =>
    expect(allowedReturnUrl(url, origins)).toBe(handedOn),
  );

  it.each([
    'https://attacker.example/done',
    'https://claims.service.example.attacker.example/done',
    'https://claims.service.example@attacker.example/done',
    'https://claims.service.example\\@attacker.example/done',
    'https://someone@claims.service.example/done',
    'https://claims.service.example/done\nLocation: https://attacker.example',
    'https://claims.service.example./done',
    'https://claims.service.example:8443/done',
    'http://claims.service.example/done',
    'not a url',
  ])('refuses %s with the field and the pages allowed', (url) => {
    let thrown: unknown;
    try {
      allowedReturnUrl(url, origins);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadUserInputError);
    expect((thrown as BadUserInputError).fieldErrors).toEqual([
      {
        field: 'returnUrl',
        message: 'must be an address on https://claims.service.example, https://fines.service.example',
      },
    ]);
  });
});
