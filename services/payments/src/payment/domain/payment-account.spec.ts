import { askCreditLimit, assertCanDebit, decideCreditLimit, type PaymentAccount } from './payment-account';

describe("debiting a firm's payment account", () => {
  const account: PaymentAccount = {
    id: 'a1',
    accountNumber: 'PBA0012345',
    organisationId: 'org-a',
    name: 'A Law',
    status: 'active',
    creditLimitPence: 100_000,
    proposedCreditLimit: null,
  };

  it('takes a payment up to exactly the credit left, counting what is already owed', () => {
    expect(() => assertCanDebit(account, 0, 100_000)).not.toThrow();
    expect(() => assertCanDebit(account, 60_000, 40_000)).not.toThrow();
    expect(() => assertCanDebit(account, 60_000, 40_001)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Account PBA0012345 has 40000 pence of credit left, less than the 40001 pence asked for',
      }),
    );
    // An account already over its limit (the limit was lowered) takes nothing more.
    const lowered = { ...account, creditLimitPence: 50_000 };
    expect(() => assertCanDebit(lowered, 60_000, 1)).toThrow(/has -10000 pence of credit left/);
  });

  it('refuses an account on hold or closed, whatever its credit', () => {
    const onHold = { ...account, status: 'on-hold' as const };
    expect(() => assertCanDebit(onHold, 0, 1)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/is on hold; pay by card/) }),
    );
    expect(() => assertCanDebit({ ...account, status: 'deleted' }, 0, 1)).toThrow('Account PBA0012345 has been closed');
  });

  it('grants more credit only with a second person: a lower limit holds at once, a higher one waits', () => {
    const raised = askCreditLimit(account, 1_000_000_000, 'finance-fo1');
    expect(raised).toMatchObject({
      creditLimitPence: 100_000,
      proposedCreditLimit: { pence: 1_000_000_000, by: 'finance-fo1' },
    });
    expect(() => decideCreditLimit(raised, true, 1_000_000_000, 'finance-fo1')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A higher credit limit must be approved by someone other than the person who proposed it',
      }),
    );
    // The approver names what they read: a raise swapped since is not the one they approve.
    expect(() => decideCreditLimit(raised, true, 1_000_000, 'leader-tl1')).toThrow(
      'The higher limit waiting on PBA0012345 is 1000000000 pence, not 1000000: read the account again',
    );
    expect(decideCreditLimit(raised, true, 1_000_000_000, 'leader-tl1')).toMatchObject({
      creditLimitPence: 1_000_000_000,
      proposedCreditLimit: null,
    });
    expect(decideCreditLimit(raised, false, 1_000_000_000, 'leader-tl1')).toMatchObject({
      creditLimitPence: 100_000,
      proposedCreditLimit: null,
    });
    expect(() => decideCreditLimit(account, true, 1, 'leader-tl1')).toThrow(/No higher credit limit is waiting/);
    // Lowering holds at once, and a raise still waiting goes with it; the limit in force asked again changes nothing.
    expect(askCreditLimit(raised, 20_000, 'finance-fo1')).toMatchObject({
      creditLimitPence: 20_000,
      proposedCreditLimit: null,
    });
    expect(askCreditLimit(raised, 100_000, 'finance-fo2')).toBe(raised);
  });
});
