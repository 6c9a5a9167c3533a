import { assertCanDebit, type PaymentAccount } from './payment-account';

describe("debiting a firm's payment account", () => {
  const account: PaymentAccount = {
    id: 'a1',
    accountNumber: 'PBA0012345',
    organisationId: 'org-a',
    name: 'A Law',
    status: 'active',
    creditLimitPence: 100_000,
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
});
