import {
  type Allocation,
  allocationAmount,
  allocationProblems,
  assertCanTransfer,
  assertCanVerify,
} from './allocation';

const allocation: Allocation = {
  id: 'al',
  paymentId: 'p',
  target: 'service-request',
  caseId: 'case-1',
  fineAccountNumber: null,
  amountPence: 5_000,
  reason: null,
  status: 'awaiting-verification',
  allocatedBy: 'lee',
  allocatedAt: new Date('2026-12-01T10:00:00Z'),
  verifiedBy: null,
  verifiedAt: null,
  replaces: null,
};
const conflict = (message: string) => expect.objectContaining({ code: 'CONFLICT', message });

describe('allocating a payment', () => {
  it('needs what its target needs and nothing that belongs to another target', () => {
    expect(allocationProblems({ target: 'service-request', caseId: 'case-1' })).toEqual([]);
    expect(allocationProblems({ target: 'fine-account', fineAccountNumber: 'fa 0000 0001 c' })).toEqual([]);
    // Typed any way, but a number whose check letter is wrong (or blank, or none at all) is not an account.
    for (const typed of ['FA00000001A', '   ', 'FA1'])
      expect(allocationProblems({ target: 'fine-account', fineAccountNumber: typed })).toEqual([
        { field: 'fineAccountNumber', message: 'must be a fine account number: FA, eight digits and the check letter' },
      ]);
    expect(allocationProblems({ target: 'unidentified', reason: 'no reference on the slip' })).toEqual([]);
    expect(allocationProblems({ target: 'service-request' })).toEqual([
      { field: 'caseId', message: 'is required to allocate to service-request' },
    ]);
    expect(allocationProblems({ target: 'fine-account', caseId: 'case-1' })).toEqual([
      { field: 'caseId', message: 'cannot be given to allocate to fine-account' },
      { field: 'fineAccountNumber', message: 'is required to allocate to fine-account' },
    ]);
    expect(allocationProblems({ target: 'unidentified' })).toEqual([
      { field: 'reason', message: 'is required to allocate to unidentified' },
    ]);
  });

  it('takes what is asked, or all that is left, and never more than the payment', () => {
    const toCase = { target: 'service-request', caseId: 'c' } as const;
    expect(allocationAmount(toCase, 10_000, 2_500)).toBe(7_500);
    expect(allocationAmount({ ...toCase, amountPence: 7_500 }, 10_000, 2_500)).toBe(7_500);
    expect(() => allocationAmount({ ...toCase, amountPence: 7_501 }, 10_000, 2_500)).toThrow(
      conflict('Only 7500 pence of the payment is left to allocate'),
    );
    expect(() => allocationAmount(toCase, 10_000, 10_000)).toThrow('The payment has already been allocated in full');
    expect(() => allocationAmount({ target: 'unidentified' }, 10_000, 0)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field: 'reason' })] }),
    );
  });
});

describe('verifying an allocation', () => {
  it('is for a second officer, never the one who allocated, whatever their role', () => {
    expect(() => assertCanVerify(allocation, 'lee')).toThrow(
      conflict('An allocation must be approved by someone other than the person who proposed it'),
    );
    expect(() => assertCanVerify(allocation, 'fay')).not.toThrow();
  });

  it('happens once, and never by the system', () => {
    const verified = { ...allocation, status: 'verified' as const };
    const rejected = { ...allocation, status: 'rejected' as const };
    expect(() => assertCanVerify(verified, 'fay')).toThrow('The allocation is already verified');
    expect(() => assertCanVerify(rejected, 'fay')).toThrow(conflict('The allocation is already rejected'));
    expect(() => assertCanVerify(allocation, 'system')).toThrow(
      'An allocation is approved by a person, never by the system',
    );
  });
});

describe('transferring an allocation', () => {
  const verified: Allocation = { ...allocation, status: 'verified', verifiedBy: 'fay' };
  const toFine = { target: 'fine-account', fineAccountNumber: 'FA00000001C' } as const;

  it('moves only money that went somewhere, and to somewhere else', () => {
    expect(() => assertCanTransfer(verified, toFine)).not.toThrow();
    expect(() => assertCanTransfer(verified, { target: 'service-request', caseId: 'case-2' })).not.toThrow();
    expect(() => assertCanTransfer(allocation, toFine)).toThrow(
      'Only a verified allocation can be transferred; this one is awaiting-verification',
    );
    expect(() => assertCanTransfer(verified, { target: 'service-request', caseId: 'case-1' })).toThrow(
      'A transfer must go somewhere other than where the money already is',
    );
    // The same fine account typed another way is the same account.
    const onFine = { ...verified, target: 'fine-account', caseId: null, fineAccountNumber: 'FA00000001C' } as const;
    expect(() => assertCanTransfer(onFine, { target: 'fine-account', fineAccountNumber: 'fa 0000 0001-c' })).toThrow(
      'A transfer must go somewhere other than where the money already is',
    );
  });

  it('moves the whole allocation', () => {
    expect(() => assertCanTransfer(verified, { ...toFine, amountPence: 5_000 })).not.toThrow();
    expect(() => assertCanTransfer(verified, { ...toFine, amountPence: 4_999 })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'amountPence', message: 'must be 5000 or left out' }],
      }),
    );
  });
});
