import { dailyFlows, DaySum, isBalanced, reconciliationChecks } from './reconciliation';
import { ledgerAccount, Movement, transfer } from './ledger';

/** The day's net postings by account kind and movement kind, as the database sums them. */
function daySums(movements: Movement[]): DaySum[] {
  const sums = new Map<string, DaySum>();
  for (const m of movements)
    for (const p of m.postings) {
      const accountKind = p.account.split(':')[0]!;
      const key = `${accountKind}/${m.kind}`;
      const sum = sums.get(key) ?? { accountKind, kind: m.kind, netPence: 0 };
      sums.set(key, { ...sum, netPence: sum.netPence + p.amountPence });
    }
  return [...sums.values()];
}

// A day: a £100 card payment for a case, allocated at once; a £50 cheque a second officer placed on a
// fine account; £20 of cash nobody could identify; £10 cash still in the queue; a £5 refund of the
// case's overpayment to the card; a £30 consolatory payment; and the cheque bouncing.
const card = ledgerAccount.payment('card-1');
const cheque = ledgerAccount.payment('cheque-1');
const cash = ledgerAccount.payment('cash-1');
const queued = ledgerAccount.payment('cash-2');
const request = ledgerAccount.serviceRequest('sr');
const fine = ledgerAccount.fineAccount('FA10000001M');
const day: Movement[] = [
  transfer('fee', ledgerAccount.feeIncome, request, 9_500),
  transfer('payment-received', card, ledgerAccount.cash('card'), 10_000, { method: 'card' }),
  transfer('allocation', request, card, 10_000, { method: 'card' }),
  transfer('payment-received', cheque, ledgerAccount.cash('cheque'), 5_000, { method: 'cheque' }),
  transfer('allocation', fine, cheque, 5_000, { method: 'cheque' }),
  transfer('payment-received', cash, ledgerAccount.cash('cash'), 2_000, { method: 'cash' }),
  transfer('allocation', ledgerAccount.unidentified, cash, 2_000, { method: 'cash' }),
  transfer('payment-received', queued, ledgerAccount.cash('cash'), 1_000, { method: 'cash' }),
  transfer('refund', ledgerAccount.cash('card'), request, 500, { method: 'card' }),
  transfer('remedy', ledgerAccount.cash('bank-transfer'), ledgerAccount.remedies, 3_000),
  transfer('reversal', cheque, fine, 5_000, { method: 'cheque' }),
  transfer('reversal', ledgerAccount.cash('cheque'), cheque, 5_000, { method: 'cheque' }),
];

describe('the daily reconciliation', () => {
  it('follows the day’s takings to where they went: held, allocated, in suspense or paid back out', () => {
    expect(dailyFlows(daySums(day))).toEqual({
      takingsPence: 10_000 + 2_000 + 1_000 - 500 - 3_000,
      heldUnallocatedPence: 1_000,
      allocatedToCasesPence: 10_000,
      allocatedToFineAccountsPence: 0,
      placedInSuspensePence: 2_000,
      refundedPence: 500 + 3_000,
    });
  });

  it('balances when the takings are accounted for and the ledger took in what the payments register received', () => {
    const register = [
      { method: 'card', netPence: 10_000 },
      { method: 'cheque', netPence: 0 },
      { method: 'cash', netPence: 3_000 },
    ];
    const ledger = [
      { method: 'card', netPence: 10_000 },
      { method: 'cash', netPence: 3_000 },
    ];
    const checks = reconciliationChecks(dailyFlows(daySums(day)), register, ledger);
    expect(checks).toEqual([
      {
        check: 'takings-accounted-for',
        key: 'all',
        expectedPence: 9_500,
        actualPence: 9_500,
        differencePence: 0,
        flagged: false,
      },
      {
        check: 'receipts-recorded',
        key: 'card',
        expectedPence: 10_000,
        actualPence: 10_000,
        differencePence: 0,
        flagged: false,
      },
      {
        check: 'receipts-recorded',
        key: 'cash',
        expectedPence: 3_000,
        actualPence: 3_000,
        differencePence: 0,
        flagged: false,
      },
      {
        check: 'receipts-recorded',
        key: 'cheque',
        expectedPence: 0,
        actualPence: 0,
        differencePence: 0,
        flagged: false,
      },
    ]);
    expect(isBalanced(checks)).toBe(true);
  });

  it('flags takings that went anywhere but a payment, an allocation or a refund, with the pence', () => {
    const stray = transfer('fee', ledgerAccount.feeIncome, ledgerAccount.cash('cash'), 700, { method: 'cash' });
    const [accountedFor] = reconciliationChecks(dailyFlows(daySums([...day, stray])), [], []);
    expect(accountedFor).toEqual({
      check: 'takings-accounted-for',
      key: 'all',
      expectedPence: 10_200,
      actualPence: 9_500,
      differencePence: 700,
      flagged: true,
    });
  });

  it('flags each method whose receipts the ledger and the payments register disagree on', () => {
    const checks = reconciliationChecks(
      dailyFlows(daySums(day)),
      [
        { method: 'card', netPence: 10_000 },
        { method: 'postal-order', netPence: 1_200 },
      ],
      [
        { method: 'card', netPence: 9_000 },
        { method: 'card', netPence: 1_000 },
        { method: 'cash', netPence: 3_000 },
      ],
    );
    expect(checks.filter((c) => c.flagged)).toEqual([
      {
        check: 'receipts-recorded',
        key: 'cash',
        expectedPence: 0,
        actualPence: 3_000,
        differencePence: -3_000,
        flagged: true,
      },
      {
        check: 'receipts-recorded',
        key: 'postal-order',
        expectedPence: 1_200,
        actualPence: 0,
        differencePence: 1_200,
        flagged: true,
      },
    ]);
    expect(isBalanced(checks)).toBe(false);
  });
});
