import { checkConsolidation } from './consolidation';

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

describe('consolidating accounts', () => {
  it("takes live accounts of the target's defendant", () => {
    expect(() => checkConsolidation(account('t'), [account('a'), account('b')], ['a', 'b'])).not.toThrow();
  });

  it('refuses nothing to do, repeats, the target itself and unknown accounts', () => {
    expect(() => checkConsolidation(account('t'), [], [])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkConsolidation(account('t'), [account('a')], ['a', 'a'])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => checkConsolidation(account('t'), [account('t')], ['t'])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => checkConsolidation(account('t'), [], ['x'])).toThrow(
      expect.objectContaining({ fieldErrors: [{ field: 'accountIds', message: 'no such account: x' }] }),
    );
  });

  it("refuses accounts that are not live, or another defendant's", () => {
    expect(() => checkConsolidation(account('t'), [account('a', { status: 'paid' })], ['a'])).toThrow(/a is paid/);
    expect(() => checkConsolidation(account('t'), [account('a', { defendantPartyId: 'd-2' })], ['a'])).toThrow(
      /another defendant/,
    );
    expect(() => checkConsolidation(account('t', { defendantPartyId: null }), [account('a')], ['a'])).toThrow(
      /names no defendant/,
    );
  });

  it('refuses a consolidation that would impose more on one account than any amount may be', () => {
    const big = (id: string) => account(id, { imposedPence: 900_000_000, balancePence: 900_000_000 });
    expect(() => checkConsolidation(big('t'), [big('a'), big('b')], ['a', 'b'])).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() =>
      checkConsolidation(
        account('t', { imposedPence: 500_000_000 }),
        [account('a', { balancePence: 500_000_000 })],
        ['a'],
      ),
    ).not.toThrow();
  });
});
