import { NO_PERSON } from '@ccsc/auth/four-eyes';
import {
  allocatedToFineAccount,
  assertCanResubmit,
  assertWithinRefundable,
  decide,
  heldStatuses,
  Refund,
  refundablePence,
  type RefundHolds,
  shortOfRefund,
  refundMovement,
  REQUESTABLE_REFUND_REASONS,
  suspenseRefundablePence,
  paymentToRefundTo,
} from './refund';

const refund: Refund = {
  id: 'r',
  kind: 'consolatory-payment',
  caseId: null,
  serviceRequestId: null,
  amountPence: 100_000_000,
  reason: 'complaint-remedy',
  status: 'awaiting-approval',
  requestedBy: 'lee',
  decidedBy: null,
  note: null,
  complaintId: 'c',
  remedyId: 'm',
  complaintCaseIds: [],
  suspenseId: null,
  paymentId: null,
  fineAccountNumber: null,
  createdAt: new Date(),
};

describe('refund decisions', () => {
  it('are never made by who proposed the refund, the officer who agreed a remedy included', () => {
    for (const decision of ['approve', 'reject', 'return'] as const) {
      expect(() => decide(refund, decision, 'lee')).toThrow(
        expect.objectContaining({
          code: 'CONFLICT',
          message: 'A consolatory payment must be approved by someone other than the person who proposed it',
        }),
      );
    }
    expect(decide(refund, 'approve', 'fay')).toBe('approved');
    expect(() => decide({ ...refund, status: 'approved' }, 'approve', 'fay')).toThrow(/not awaiting approval/);
  });

  it('on a refund that names no proposer: returned or rejected, never approved, and taken on by whoever updates it', () => {
    const nobody = { ...refund, requestedBy: NO_PERSON };
    expect(() => decide(nobody, 'approve', 'fay')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/no officer who proposed it/) }),
    );
    expect(decide(nobody, 'return', 'fay')).toBe('returned-for-update');
    expect(() => assertCanResubmit({ ...nobody, status: 'returned-for-update' }, 'sam', 100)).not.toThrow();
    expect(() => assertCanResubmit({ ...refund, status: 'returned-for-update' }, 'sam', 100)).toThrow(
      /Only the officer who asked/,
    );
  });

  it("on a remedy's or a suspense item's refund: updated to less, never to more than the other service asked for", () => {
    const returned = { ...refund, status: 'returned-for-update' as const, amountPence: 490_000 };
    const suspense = { ...returned, remedyId: null, complaintId: null, suspenseId: 's', paymentId: 'p' };
    for (const asked of [returned, suspense]) {
      expect(() => assertCanResubmit(asked, 'lee', 490_000)).not.toThrow();
      expect(() => assertCanResubmit(asked, 'lee', 100)).not.toThrow();
      expect(() => assertCanResubmit(asked, 'lee', 500_000)).toThrow(
        expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/may lower it, not raise it/) }),
      );
    }
    const ordinary = { ...overpaid, remedyId: null, complaintId: null, status: 'returned-for-update' as const };
    expect(() => assertCanResubmit(ordinary, 'lee', 100_000)).not.toThrow();
  });
});

/** An ordinary refund of 850 pence of the overpayment on case `case`'s service request `sr`. */
const overpaid: Refund = {
  ...refund,
  kind: 'refund',
  reason: 'overpayment',
  caseId: 'case',
  serviceRequestId: 'sr',
  amountPence: 850,
};

describe('how much may be refunded', () => {
  const remedy: Refund = { ...overpaid, reason: 'complaint-remedy' };
  const balance = { paidPence: 10_000, overpaymentPence: 850 };

  const holds = (over: Partial<RefundHolds> = {}): RefundHolds => ({
    remediesPence: 0,
    undecidedRefundsPence: 0,
    inTransferPence: 0,
    ...over,
  });

  it('is the overpayment for an ordinary refund, less what other undecided refunds already ask for', () => {
    expect(refundablePence(overpaid, balance, holds())).toBe(850);
    expect(refundablePence(overpaid, balance, holds({ undecidedRefundsPence: 600 }))).toBe(250);
    expect(refundablePence(overpaid, balance, holds({ undecidedRefundsPence: 1_000 }))).toBe(0);
  });

  it('is what was paid for a complaint remedy, less every remedy not rejected and the undecided refunds', () => {
    expect(refundablePence(remedy, balance, holds({ remediesPence: 4_000 }))).toBe(6_000);
    expect(refundablePence(remedy, balance, holds({ remediesPence: 4_000, undecidedRefundsPence: 850 }))).toBe(5_150);
  });

  it('never gives the same money back twice: a remedy that gave back what was paid leaves no overpayment to refund', () => {
    expect(refundablePence(overpaid, balance, holds({ remediesPence: 10_000 }))).toBe(0);
    expect(refundablePence(overpaid, balance, holds({ remediesPence: 9_500 }))).toBe(500);
  });

  it('leaves out money a transfer awaiting its second officer would move elsewhere', () => {
    expect(refundablePence(overpaid, balance, holds({ inTransferPence: 850 }))).toBe(0);
    expect(refundablePence(remedy, balance, holds({ inTransferPence: 4_000 }))).toBe(6_000);
  });

  it('counts how short a case is once money was taken back: fees owed too, except for a remedy', () => {
    const taken = { outstandingPence: 150, unrecoveredPence: 850 };
    expect(shortOfRefund(overpaid, taken)).toBe(1_000);
    expect(shortOfRefund(remedy, taken)).toBe(850);
    expect(shortOfRefund(overpaid, { outstandingPence: 0, unrecoveredPence: 0 })).toBe(0);
  });

  it("has no bound for a consolatory payment, on a case or not (the courts' money, not a return), and is never exceeded", () => {
    expect(refundablePence(refund, balance, holds())).toBe(Number.MAX_SAFE_INTEGER);
    const onCase = { ...refund, reason: 'complaint-remedy' as const, serviceRequestId: 'sr' };
    expect(refundablePence(onCase, { paidPence: 0, overpaymentPence: 0 }, holds())).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => assertWithinRefundable(850, 850)).not.toThrow();
    expect(() => assertWithinRefundable(851, 850)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'At most 850 pence can be refunded here, less than the 851 pence asked for',
      }),
    );
  });
});

describe('an approved refund on the ledger', () => {
  it("goes back the way the money last came: to the card, or the firm's account, else by bank transfer", () => {
    expect(refundMovement(overpaid, { method: 'card', accountId: null })).toEqual({
      kind: 'refund',
      refundId: 'r',
      method: 'card',
      postings: [
        { account: 'service-request:sr', amountPence: 850 },
        { account: 'cash:card', amountPence: -850 },
      ],
    });
    const byAccount = refundMovement(overpaid, { method: 'payment-by-account', accountId: 'a1' });
    expect(byAccount.postings[1]).toEqual({ account: 'firm-account:a1', amountPence: -850 });
    for (const lastPaidBy of [{ method: 'cheque' as const, accountId: null }, undefined]) {
      expect(refundMovement(overpaid, lastPaidBy)).toMatchObject({
        method: 'bank-transfer',
        postings: [{ account: 'service-request:sr' }, { account: 'cash:bank-transfer' }],
      });
    }
  });

  it("is paid from the courts' budget for a complaint remedy, leaving the fees paid", () => {
    expect(refundMovement({ ...overpaid, reason: 'complaint-remedy' }, { method: 'card', accountId: null })).toEqual({
      kind: 'remedy',
      refundId: 'r',
      method: 'bank-transfer',
      businessArea: 'complaints',
      postings: [
        { account: 'remedies', amountPence: 850 },
        { account: 'cash:bank-transfer', amountPence: -850 },
      ],
    });
    expect(refundMovement(refund, undefined)).toMatchObject({
      kind: 'remedy',
      postings: [{ account: 'remedies', amountPence: 100_000_000 }, expect.anything()],
    });
  });
});

/** A refund of 3,000 pence that enforcement held in suspense, from card payment `p` to fine account FA10000001M. */
const suspense: Refund = {
  ...refund,
  kind: 'refund',
  reason: 'enforcement-suspense',
  complaintId: null,
  remedyId: null,
  amountPence: 3_000,
  suspenseId: 's',
  paymentId: 'p',
  fineAccountNumber: 'FA10000001M',
};

describe('a refund of enforcement suspense', () => {
  const allocation = {
    target: 'fine-account' as const,
    status: 'verified' as const,
    fineAccountNumber: 'fa 1000 0001 m',
    amountPence: 5_000,
  };

  it('comes out of what the payment put on the fine account, however its number was typed', () => {
    const others = [
      { ...allocation, status: 'transferred' as const },
      { ...allocation, status: 'awaiting-verification' as const },
      { ...allocation, fineAccountNumber: 'FA20000002B' },
      { ...allocation, target: 'unidentified' as const, fineAccountNumber: null },
    ];
    expect(allocatedToFineAccount([allocation, ...others], 'FA10000001M')).toEqual({
      fineAccountNumber: 'fa 1000 0001 m',
      allocatedPence: 5_000,
    });
    expect(allocatedToFineAccount(others, 'FA10000001M')).toEqual({
      fineAccountNumber: 'FA10000001M',
      allocatedPence: 0,
    });
  });

  it('is never more than the payment, less every other refund of it not rejected; nothing once it was reversed', () => {
    expect(heldStatuses(suspense)).toEqual(['awaiting-approval', 'returned-for-update', 'approved', 'paid']);
    expect(suspenseRefundablePence({ amountPence: 5_000, reversed: false }, 5_000, 0)).toBe(5_000);
    expect(suspenseRefundablePence({ amountPence: 5_000, reversed: false }, 5_000, 3_000)).toBe(2_000);
    expect(suspenseRefundablePence({ amountPence: 4_000, reversed: false }, 5_000, 0)).toBe(4_000);
    expect(suspenseRefundablePence({ amountPence: 5_000, reversed: false }, 5_000, 6_000)).toBe(0);
    expect(suspenseRefundablePence({ amountPence: 5_000, reversed: true }, 5_000, 0)).toBe(0);
  });

  it('is not a reason an officer gives for a refund on a case', () => {
    expect(REQUESTABLE_REFUND_REASONS).not.toContain('enforcement-suspense');
    expect(REQUESTABLE_REFUND_REASONS).toContain('overpayment');
  });

  it('goes back the way the payment came, out of the fine account it was allocated to', () => {
    expect(refundMovement(suspense, { method: 'card', accountId: null })).toEqual({
      kind: 'refund',
      refundId: 'r',
      method: 'card',
      paymentId: 'p',
      businessArea: 'criminal-fines',
      postings: [
        { account: 'fine-account:FA10000001M', amountPence: 3_000 },
        { account: 'cash:card', amountPence: -3_000 },
      ],
    });
    expect(refundMovement(suspense, { method: 'cash', accountId: null })).toMatchObject({
      method: 'bank-transfer',
      postings: [{ account: 'fine-account:FA10000001M' }, { account: 'cash:bank-transfer' }],
    });
  });
});

describe('paymentToRefundTo', () => {
  const paid = (paymentId: string, heldPence: number) => ({
    paymentId,
    heldPence,
    method: 'cash' as const,
    accountId: null,
  });

  it('gives a refund back to the newest payment that still holds all of it, never split between payers', () => {
    expect(paymentToRefundTo([paid('newest', 1), paid('older', 100_000)], 100_000).paymentId).toBe('older');
    expect(paymentToRefundTo([paid('newest', 600), paid('older', 600)], 600).paymentId).toBe('newest');
    expect(() => paymentToRefundTo([paid('newest', 600), paid('older', 600)], 1_050)).toThrow(
      /refund at most 600 pence/,
    );
    expect(() => paymentToRefundTo([], 1)).toThrow(/refund at most 0 pence/);
  });
});
