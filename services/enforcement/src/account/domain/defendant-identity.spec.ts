import { identityOf } from './defendant-identity';

describe("a defendant's identity", () => {
  it('is the identity staff matched its party to', () => {
    expect(identityOf('party-1', new Map([['party-1', { identityId: 'person-1', matchedBy: 'cw' }]]))).toBe('person-1');
  });

  it('is the party itself when the party is matched with no one', () => {
    expect(identityOf('party-2', new Map([['party-1', { identityId: 'person-1', matchedBy: 'cw' }]]))).toBe('party-2');
  });
});
