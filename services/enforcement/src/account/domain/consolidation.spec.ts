import { checkConsolidation } from './consolidation';

const account = (id: string, extra: Partial<{ status: 'live' | 'paid'; defendantPartyId: string | null }> = {}) => ({ id, status: 'live' as const, defendantPartyId: 'd-1', ...extra });

describe('consolidating accounts', () => {
  it("takes live accounts of the target's defendant", () => {
    expect(() => checkConsolidation(account('t'), [account('a'), account('b')], ['a', 'b'])).not.toThrow();
  });

  it('refuses nothing to do, repeats, the target itself and unknown accounts', () => {
    expect(() => checkConsolidation(account('t'), [], [])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkConsolidation(account('t'), [account('a')], ['a', 'a'])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkConsolidation(account('t'), [account('t')], ['t'])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkConsolidation(account('t'), [], ['x'])).toThrow(expect.objectContaining({ fieldErrors: [{ field: 'accountIds', message: 'no such account: x' }] }));
  });

  it("refuses accounts that are not live, or another defendant's", () => {
    expect(() => checkConsolidation(account('t'), [account('a', { status: 'paid' })], ['a'])).toThrow(/a is paid/);
    expect(() => checkConsolidation(account('t'), [account('a', { defendantPartyId: 'd-2' })], ['a'])).toThrow(/another defendant/);
    expect(() => checkConsolidation(account('t', { defendantPartyId: null }), [account('a')], ['a'])).toThrow(/names no defendant/);
  });
});
