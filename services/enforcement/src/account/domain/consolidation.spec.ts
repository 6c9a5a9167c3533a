import { checkConsolidation } from './consolidation';
import type { PartyIdentities } from './defendant-identity';

const account = (
  id: string,
  extra: Partial<{
    status: 'live' | 'paid';
    defendantPartyId: string | null;
    imposedPence: number;
    balancePence: number;
  }> = {},
) => ({
  id,
  status: 'live' as const,
  defendantPartyId: 'd-1',
  imposedPence: 10_000,
  balancePence: 10_000,
  ...extra,
});

/** No party matched with a party of another case. */
const unmatched: PartyIdentities = new Map();
/** Parties matched to identities by the caseworker cy. */
const matches = (...pairs: [string, string][]): PartyIdentities =>
  new Map(pairs.map(([party, identityId]) => [party, { identityId, matchedBy: ['caseworker-cy'] }]));

describe('consolidating accounts', () => {
  it("takes live accounts of the target's defendant", () => {
    expect(() =>
      checkConsolidation(account('t'), [account('a'), account('b')], ['a', 'b'], unmatched, 'officer'),
    ).not.toThrow();
  });

  it('refuses nothing to do, repeats, the target itself and unknown accounts', () => {
    expect(() => checkConsolidation(account('t'), [], [], unmatched, 'officer')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => checkConsolidation(account('t'), [account('a')], ['a', 'a'], unmatched, 'officer')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => checkConsolidation(account('t'), [account('t')], ['t'], unmatched, 'officer')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => checkConsolidation(account('t'), [], ['x'], unmatched, 'officer')).toThrow(
      expect.objectContaining({ fieldErrors: [{ field: 'accountIds', message: 'no such account: x' }] }),
    );
  });

  it("refuses accounts that are not live, or another defendant's", () => {
    expect(() =>
      checkConsolidation(account('t'), [account('a', { status: 'paid' })], ['a'], unmatched, 'officer'),
    ).toThrow(/a is paid/);
    expect(() =>
      checkConsolidation(account('t'), [account('a', { defendantPartyId: 'd-2' })], ['a'], unmatched, 'officer'),
    ).toThrow(/another defendant/);
    expect(() =>
      checkConsolidation(account('t', { defendantPartyId: null }), [account('a')], ['a'], unmatched, 'officer'),
    ).toThrow(/names no defendant/);
    expect(() =>
      checkConsolidation(account('t'), [account('a', { defendantPartyId: null })], ['a'], unmatched, 'officer'),
    ).toThrow(/another defendant cannot be consolidated: a$/);
  });

  it('takes the accounts of parties of other cases that staff matched as the same person', () => {
    const oneIdentity = matches(['d-1', 'person-1'], ['d-2', 'person-1']);
    expect(() =>
      checkConsolidation(
        account('t'),
        [account('a', { defendantPartyId: 'd-2' }), account('b')],
        ['a', 'b'],
        oneIdentity,
        'officer',
      ),
    ).not.toThrow();
  });

  it('is made by someone other than who matched the parties, on a match whose maker was recorded', () => {
    const oneIdentity = matches(['d-1', 'person-1'], ['d-2', 'person-1']);
    const matchedSource = [account('a', { defendantPartyId: 'd-2' })];
    expect(() => checkConsolidation(account('t'), matchedSource, ['a'], oneIdentity, 'caseworker-cy')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/^You matched these defendants/) }),
    );
    const unrecorded: PartyIdentities = new Map(
      [...oneIdentity].map(([party, match]) => [party, { ...match, matchedBy: null }]),
    );
    expect(() => checkConsolidation(account('t'), matchedSource, ['a'], unrecorded, 'officer')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    // The same party on both accounts needs no match, whoever consolidates.
    expect(() => checkConsolidation(account('t'), [account('a')], ['a'], unrecorded, 'caseworker-cy')).not.toThrow();
  });

  it('refuses the parties of other identities, and parties matched with no one, however alike their accounts', () => {
    const twoIdentities = matches(['d-1', 'person-1'], ['d-2', 'person-2']);
    expect(() =>
      checkConsolidation(account('t'), [account('a', { defendantPartyId: 'd-2' })], ['a'], twoIdentities, 'officer'),
    ).toThrow(/another defendant cannot be consolidated: a$/);
    // Only d-1 is matched: d-3 is matched with no one, so it is no one but itself.
    const onlyTarget = matches(['d-1', 'person-1']);
    expect(() =>
      checkConsolidation(account('t'), [account('a', { defendantPartyId: 'd-3' })], ['a'], onlyTarget, 'officer'),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('still refuses a matched defendant whose account is not live, or a target naming no defendant', () => {
    const oneIdentity = matches(['d-1', 'person-1'], ['d-2', 'person-1']);
    expect(() =>
      checkConsolidation(
        account('t'),
        [account('a', { defendantPartyId: 'd-2', status: 'paid' })],
        ['a'],
        oneIdentity,
        'officer',
      ),
    ).toThrow(/a is paid/);
    expect(() =>
      checkConsolidation(
        account('t', { defendantPartyId: null }),
        [account('a', { defendantPartyId: 'd-2' })],
        ['a'],
        oneIdentity,
        'officer',
      ),
    ).toThrow(/names no defendant/);
  });

  it('refuses a consolidation that would impose more on one account than any amount may be', () => {
    const big = (id: string) => account(id, { imposedPence: 900_000_000, balancePence: 900_000_000 });
    expect(() => checkConsolidation(big('t'), [big('a'), big('b')], ['a', 'b'], unmatched, 'officer')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() =>
      checkConsolidation(
        account('t', { imposedPence: 500_000_000 }),
        [account('a', { balancePence: 500_000_000 })],
        ['a'],
        unmatched,
        'officer',
      ),
    ).not.toThrow();
  });
});
