import { apportion, DueFee } from './service-request';

const fee = (id: string, amountPence: number, minute: number, remittedPence = 0): DueFee => ({
  id,
  code: `FEE000${id}`,
  amountPence,
  remittedPence,
  createdAt: new Date(Date.UTC(2026, 0, 1, 9, minute)),
});

describe('apportioning payments over a service request', () => {
  it('pays the oldest fee first and records any surplus as overpayment', () => {
    const fees = [fee('2', 5_000, 2), fee('1', 3_500, 1)];
    expect(apportion(fees, 4_000)).toMatchObject({
      status: 'partially-paid',
      outstandingPence: 4_500,
      fees: [
        { id: '1', outstandingPence: 0, settlement: 'paid' },
        { id: '2', paidPence: 500, settlement: null },
      ],
    });
    expect(apportion(fees, 9_000)).toMatchObject({ status: 'paid', outstandingPence: 0, overpaymentPence: 500 });
    expect(apportion(fees, 0)).toMatchObject({ status: 'not-paid', outstandingPence: 8_500 });
  });

  it('counts remissions before payments; a fee covered by remission alone is remitted', () => {
    expect(apportion([fee('1', 3_500, 1, 3_500), fee('2', 5_000, 2, 1_000)], 4_000)).toMatchObject({
      status: 'paid',
      remittedPence: 4_500,
      fees: [{ settlement: 'remitted' }, { paidPence: 4_000, settlement: 'paid' }],
    });
  });

  it('reads paid when remission alone settles every fee', () => {
    expect(apportion([fee('1', 3_500, 1, 3_500), fee('2', 5_000, 2, 5_000)], 0)).toMatchObject({
      status: 'paid',
      paidPence: 0,
      outstandingPence: 0,
      fees: [{ settlement: 'remitted' }, { settlement: 'remitted' }],
    });
  });

  it('after a refund and then a bounce of the refunded payment, owes no more than the fees and shows the loss apart', () => {
    // 8,500 paid, 500 overpayment refunded, then the 9,000 cheque bounced: the ledger nets to -500.
    expect(apportion([fee('2', 5_000, 2), fee('1', 3_500, 1)], -500)).toMatchObject({
      status: 'not-paid',
      paidPence: 0,
      outstandingPence: 8_500,
      overpaymentPence: 0,
      unrecoveredPence: 500,
      fees: [
        { paidPence: 0, outstandingPence: 3_500 },
        { paidPence: 0, outstandingPence: 5_000 },
      ],
    });
    expect(apportion([fee('1', 3_500, 1)], 1_000)).toMatchObject({ unrecoveredPence: 0 });
  });

  it('shows a disputed request as disputed whatever is paid', () => {
    expect(apportion([fee('1', 3_500, 1)], 3_500, true).status).toBe('disputed');
  });
});
