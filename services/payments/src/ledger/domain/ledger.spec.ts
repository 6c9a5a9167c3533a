import { ledgerAccount, transfer } from './ledger';
import { present } from './present';

describe('ledger movements', () => {
  it('debit the account they go to and credit the one they come from, by the same whole pence', () => {
    // A cheque received: the takings hold it, credited to the payment until it is allocated.
    const tags = { method: 'cheque', paymentId: 'p1' } as const;
    const [held, takings] = [ledgerAccount.payment('p1'), ledgerAccount.cash('cheque')];
    const received = transfer('payment-received', held, takings, 12_345, tags);
    expect(received).toEqual({
      kind: 'payment-received',
      postings: [
        { account: 'cash:cheque', amountPence: 12_345 },
        { account: 'payment:p1', amountPence: -12_345 },
      ],
      method: 'cheque',
      paymentId: 'p1',
    });
    expect(received.postings.reduce((sum, p) => sum + p.amountPence, 0)).toBe(0);
  });

  it('are never of nothing, of money going backwards, or of a fraction of a penny', () => {
    for (const amountPence of [0, -1, 0.5, 100.01, Number.NaN]) {
      const charge = () => transfer('fee', ledgerAccount.feeIncome, ledgerAccount.serviceRequest('sr'), amountPence);
      expect(charge).toThrow(/positive whole number of pence/);
    }
  });

  it('keep every kind of money in an account of its own', () => {
    const accounts = [
      ledgerAccount.serviceRequest('x'),
      ledgerAccount.payment('x'),
      ledgerAccount.firmAccount('x'),
      ledgerAccount.fineAccount('x'),
      ledgerAccount.cash('card'),
      ledgerAccount.feeIncome,
      ledgerAccount.unidentified,
      ledgerAccount.remedies,
    ];
    expect(new Set(accounts).size).toBe(accounts.length);
    // The reconciliation sums the takings side by these prefixes.
    expect(ledgerAccount.cash('bank-transfer')).toMatch(/^cash:/);
    expect(ledgerAccount.firmAccount('a1')).toMatch(/^firm-account:/);
  });
});

describe('present', () => {
  it('passes a value through, falsy ones included, and fails loudly on a missing one', () => {
    expect(present(0)).toBe(0);
    expect(present('')).toBe('');
    expect(() => present(undefined, 'the payment')).toThrow('Expected the payment to be present');
    expect(() => present(null)).toThrow('Expected value to be present');
  });
});
