import { matchIdentity, type MatchedParty } from './identity-match';

const party = (caseId: string, partyId: string, identityId: string | null = null): MatchedParty => ({
  caseId,
  partyId,
  kind: 'person',
  identityId,
});
const newId = () => 'identity-new';

describe('matching a party with a party of another case', () => {
  it('gives two unmatched parties one new identity', () => {
    expect(matchIdentity(party('c1', 'p1'), party('c2', 'p2'), [], newId)).toEqual({
      identityId: 'identity-new',
      changed: [
        { caseId: 'c1', partyId: 'p1' },
        { caseId: 'c2', partyId: 'p2' },
      ],
    });
  });

  it('joins a party to the identity the other already has, and changes nothing when both have it', () => {
    expect(matchIdentity(party('c1', 'p1'), party('c2', 'p2', 'i2'), [], newId)).toEqual({
      identityId: 'i2',
      changed: [{ caseId: 'c1', partyId: 'p1' }],
    });
    const matched = party('c1', 'p1', 'i2');
    expect(matchIdentity(matched, party('c2', 'p2', 'i2'), [matched], newId)).toEqual({
      identityId: 'i2',
      changed: [],
    });
  });

  it('makes two identities one: every party of the first joins the second', () => {
    const first = [party('c1', 'p1', 'i1'), party('c3', 'p3', 'i1')];
    expect(matchIdentity(first[0]!, party('c2', 'p2', 'i2'), first, newId)).toEqual({
      identityId: 'i2',
      changed: [
        { caseId: 'c1', partyId: 'p1' },
        { caseId: 'c3', partyId: 'p3' },
      ],
    });
  });

  it('refuses the same party, two parties of one case, and a person matched with an organisation', () => {
    expect(() => matchIdentity(party('c1', 'p1'), party('c1', 'p1'), [])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => matchIdentity(party('c1', 'p1'), party('c1', 'p2'), [])).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => matchIdentity(party('c1', 'p1'), { ...party('c2', 'p2'), kind: 'organisation' }, [])).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });
});
