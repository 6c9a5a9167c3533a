import { postcodeInWales } from './in-wales';

describe('postcodeInWales', () => {
  it('knows the Welsh postcode areas, with or without a space, in any case', () => {
    for (const postcode of ['CF10 1AA', 'll57 2dg', 'NP201AA', 'SA1 1AA', 'LD1 5AA'])
      expect(postcodeInWales(postcode)).toBe(true);
  });
  it('takes the Welsh districts of the border areas and leaves the English ones', () => {
    expect(postcodeInWales('SY23 1AA')).toBe(true);
    expect(postcodeInWales('SY1 1AA')).toBe(false);
    expect(postcodeInWales('CH7 1AA')).toBe(true);
    expect(postcodeInWales('CH1 1AA')).toBe(false);
  });
  it('is false for England, Scotland, no postcode and anything that is not a postcode', () => {
    for (const postcode of ['SW1A 1AA', 'EH1 1AA', null, undefined, '', 'CARDIFF'])
      expect(postcodeInWales(postcode)).toBe(false);
  });
});
