import { NO_PERSON } from '@ccsc/auth/four-eyes';
import { decideFeeWaiver, FeeWaiver, waiverRemission } from './fee-waiver';

const waiver: FeeWaiver = {
  id: 'w',
  complaintId: 'c',
  remedyId: 'r',
  caseId: 'case',
  serviceRequestId: 'sr',
  feeId: 'f',
  feeCode: 'FEE0209',
  amountPence: 16_300,
  status: 'awaiting-approval',
  requestedBy: 'lee',
  decidedBy: null,
  remittedPence: null,
  createdAt: new Date(),
};

describe('fee waivers', () => {
  it('are approved or rejected by someone other than the officer who agreed the remedy', () => {
    expect(decideFeeWaiver(waiver, true, 'fay')).toBe('approved');
    expect(decideFeeWaiver(waiver, false, 'fay')).toBe('rejected');
    expect(() => decideFeeWaiver(waiver, true, 'lee')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A fee waiver must be approved by someone other than the person who proposed it',
      }),
    );
    expect(() => decideFeeWaiver(waiver, false, 'lee')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => decideFeeWaiver({ ...waiver, status: 'approved' }, true, 'fay')).toThrow(
      /already|not awaiting approval/,
    );
  });

  it('that name no officer can be rejected, never approved', () => {
    const nobody = { ...waiver, requestedBy: NO_PERSON };
    expect(() => decideFeeWaiver(nobody, true, 'fay')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(decideFeeWaiver(nobody, false, 'fay')).toBe('rejected');
  });

  it('remit no more than is left of the fee', () => {
    expect(waiverRemission(waiver, { amountPence: 20_000, remittedPence: 0 })).toBe(16_300);
    expect(waiverRemission(waiver, { amountPence: 20_000, remittedPence: 10_000 })).toBe(10_000);
    expect(() => waiverRemission(waiver, { amountPence: 20_000, remittedPence: 20_000 })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });
});
