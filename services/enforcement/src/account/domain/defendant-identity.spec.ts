import { assertMatchMadeByAnother, identityOf, type PartyIdentities } from './defendant-identity';

describe("a defendant's identity", () => {
  it('is the identity staff matched its party to', () => {
    expect(identityOf('party-1', new Map([['party-1', { identityId: 'person-1', matchedBy: ['cw'] }]]))).toBe(
      'person-1',
    );
  });

  it('is the party itself when the party is matched with no one', () => {
    expect(identityOf('party-2', new Map([['party-1', { identityId: 'person-1', matchedBy: ['cw'] }]]))).toBe(
      'party-2',
    );
  });
});

describe('money moving on a match', () => {
  // Mallory matched a stranger S with defendant D; Bob later matched S with S2, one of the stranger's genuine cases,
  // which moved S and D into Bob's identity: both keep Mallory as well as Bob among who matched them.
  const identities: PartyIdentities = new Map([
    ['D', { identityId: 'I2', matchedBy: ['bob', 'mallory'] }],
    ['S', { identityId: 'I2', matchedBy: ['bob', 'mallory'] }],
    ['S2', { identityId: 'I2', matchedBy: ['bob'] }],
  ]);
  const forbidden = expect.objectContaining({ code: 'FORBIDDEN' });

  it('is refused to anyone whose match joined the two parties, however merged since', () => {
    expect(() => assertMatchMadeByAnother('D', 'S', identities, 'mallory')).toThrow(forbidden);
    expect(() => assertMatchMadeByAnother('D', 'S', identities, 'bob')).toThrow(forbidden);
    expect(() => assertMatchMadeByAnother('D', 'S', identities, 'carol')).not.toThrow();
    expect(() => assertMatchMadeByAnother('S', 'S2', identities, 'mallory')).toThrow(forbidden);
  });

  it('needs no match for one party, and relies on none whose makers are not known', () => {
    expect(() => assertMatchMadeByAnother('D', 'D', identities, 'mallory')).not.toThrow();
    const unknown: PartyIdentities = new Map([...identities, ['S', { identityId: 'I2', matchedBy: null }]]);
    expect(() => assertMatchMadeByAnother('D', 'S', unknown, 'carol')).toThrow(forbidden);
  });
});
