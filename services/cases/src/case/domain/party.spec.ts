import { Case, NewParty } from './case';
import { addressLinesProblem, normaliseAddressLines, partyNameProblem } from './party';

describe("a party's address lines", () => {
  it('takes 1 to 5 lines of 1 to 80 characters, trimmed', () => {
    for (const lines of [
      ['London'],
      ['Flat 2', '10 Downing Street', 'Westminster', 'London', 'Greater London'],
      ['x'.repeat(80)],
      ['  Tŷ Hywel  ', 'Caerdydd'],
      // Characters, not UTF-16 units: 80 of them outside the Basic Multilingual Plane are 80 characters.
      ['🏠'.repeat(80)],
      [`\u00a0${'y'.repeat(80)}\u3000`],
    ]) {
      expect(addressLinesProblem(lines)).toBeUndefined();
    }
    expect(normaliseAddressLines(['  Tŷ Hywel  ', '\u00a0Caerdydd\u3000'])).toEqual(['Tŷ Hywel', 'Caerdydd']);
  });

  it('refuses anything but a list of 1 to 5 lines', () => {
    for (const value of ['10 Downing Street', { 0: 'London' }, null, 7, []]) {
      expect(addressLinesProblem(value)).toMatch(/^addressLines must (be a list of|have) 1 to 5 lines$/);
    }
    expect(addressLinesProblem(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('addressLines must have 1 to 5 lines');
  });

  it('names the line that is empty, too long, not text or holds a control character', () => {
    expect(addressLinesProblem(['London', ''])).toBe(
      'addressLines line 2 must be 1 to 80 characters, not counting spaces around it',
    );
    expect(addressLinesProblem(['   ', 'London'])).toMatch(/^addressLines line 1 must be 1 to 80 characters/);
    expect(addressLinesProblem(['x'.repeat(81)])).toMatch(/^addressLines line 1 must be 1 to 80 characters/);
    expect(addressLinesProblem(['London', 7])).toBe('addressLines line 2 must be text');
    expect(addressLinesProblem(['London', null])).toBe('addressLines line 2 must be text');
    // A line is one line: line breaks and tabs, C0, DEL and C1 controls, and Unicode's separators are refused.
    for (const control of ['\n', '\r', '\t', '\u0000', '\u0007', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029']) {
      expect(addressLinesProblem(['London', `10 Downing${control}Street`])).toBe(
        'addressLines line 2 must not contain control characters or line breaks',
      );
    }
    // Even where trimming would have removed it.
    expect(addressLinesProblem(['London\n'])).toMatch(/control characters/);
  });

  it('never quotes the lines in its answer: they are personal data', () => {
    const secret = 'Secret Cottage';
    for (const lines of [[secret, ''], [`${secret}\n`], [secret.repeat(10)]]) {
      expect(addressLinesProblem(lines)).not.toContain('Secret');
    }
  });
});

describe("a party's address on the case", () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const claimant: NewParty = { role: 'claimant', kind: 'person', name: 'Alex', postcode: 'sw1a 2aa' };
  const open = (party: NewParty = claimant) =>
    Case.create({ caseType: 'civil-money-claim', parties: [party], createdBy: 'u1', now });
  const badInput = (message: RegExp) =>
    expect.objectContaining({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'addressLines', message: expect.stringMatching(message) }],
    });

  it('is kept trimmed, and a party need not have one', () => {
    expect(open({ ...claimant, addressLines: [' 10 Downing Street', 'London '] }).parties[0]).toMatchObject({
      addressLines: ['10 Downing Street', 'London'],
      postcode: 'SW1A2AA',
    });
    expect(open().parties[0]).not.toHaveProperty('addressLines');
  });

  it('is refused as bad input on the addressLines field, however it arrives', () => {
    expect(() => open({ ...claimant, addressLines: ['London', ''] })).toThrow(badInput(/line 2/));
    const c = open();
    const partyId = c.parties[0]!.id;
    expect(() => c.updateParty(partyId, { addressLines: Array(6).fill('x') }, now)).toThrow(badInput(/1 to 5/));
    expect(c.parties[0]).not.toHaveProperty('addressLines');
  });

  it('changes as a whole, is cleared by null, and counts as changed only when it differs', () => {
    const c = open();
    const partyId = c.parties[0]!.id;
    expect(c.updateParty(partyId, { addressLines: ['10 Downing Street', 'London'] }, now)).toEqual(['addressLines']);
    expect(c.updateParty(partyId, { addressLines: [' 10 Downing Street ', 'London'] }, now)).toEqual([]);
    expect(c.updateParty(partyId, { addressLines: ['11 Downing Street', 'London'] }, now)).toEqual(['addressLines']);
    expect(c.party(partyId).addressLines).toEqual(['11 Downing Street', 'London']);
    // Left out, it stays as it is.
    expect(c.updateParty(partyId, { phone: '020 7946 0000' }, now)).toEqual(['phone']);
    expect(c.party(partyId).addressLines).toEqual(['11 Downing Street', 'London']);
    expect(c.updateParty(partyId, { addressLines: null }, now)).toEqual(['addressLines']);
    expect(c.party(partyId)).not.toHaveProperty('addressLines');
    // Clearing what is not there changes nothing.
    expect(c.updateParty(partyId, { addressLines: null }, now)).toEqual([]);
    expect(c.party(partyId).postcode).toBe('SW1A2AA');
  });

  it('clears only the details a party need not have', () => {
    const c = open();
    const partyId = c.parties[0]!.id;
    expect(() => c.updateParty(partyId, { name: null }, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field: 'name' })] }),
    );
    expect(c.party(partyId).name).toBe('Alex');
    expect(c.updateParty(partyId, { postcode: null }, now)).toEqual(['postcode']);
    expect(c.party(partyId)).not.toHaveProperty('postcode');
  });
});

describe("a party's name", () => {
  it('is one line of 1 to 200 characters, in any script', () => {
    for (const name of ['Alex Smith', "Siân O'Brien-Ŵyn", 'Smith & Co Solicitors LLP', 'x'.repeat(200), ' Jo ']) {
      expect(partyNameProblem(name)).toBeUndefined();
    }
  });

  it('refuses line breaks, control characters and web addresses, the ways into a letter or an email', () => {
    expect(partyNameProblem('Alex\n\n# Pay now')).toBe('name must be one line, without control characters');
    expect(partyNameProblem('Alex\u2028Smith')).toBe('name must be one line, without control characters');
    expect(partyNameProblem('Alex\u0085Smith')).toBe('name must be one line, without control characters');
    expect(partyNameProblem('Alex https://evil.example')).toBe('name must not contain a web address');
    expect(partyNameProblem('Alex www.evil.example')).toBe('name must not contain a web address');
    expect(partyNameProblem('   ')).toBe('name must be 1 to 200 characters, not counting spaces around it');
    expect(partyNameProblem('x'.repeat(201))).toBe('name must be 1 to 200 characters, not counting spaces around it');
    expect(partyNameProblem(7)).toBe('name must be text');
  });
});
