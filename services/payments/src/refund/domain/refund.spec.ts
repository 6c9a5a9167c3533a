import { NO_PERSON } from '@ccsc/auth/four-eyes';
import { assertCanResubmit, decide, Refund } from './refund';

const refund: Refund = {
  id: 'r', kind: 'consolatory-payment', caseId: null, serviceRequestId: null, amountPence: 100_000_000, reason: 'complaint-remedy', status: 'awaiting-approval',
  requestedBy: 'lee', decidedBy: null, note: null, complaintId: 'c', remedyId: 'm', createdAt: new Date(),
};

describe('refund decisions', () => {
  it('are never made by who proposed the refund, the officer who agreed a remedy included', () => {
    for (const decision of ['approve', 'reject', 'return'] as const) {
      expect(() => decide(refund, decision, 'lee')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'A consolatory payment must be approved by someone other than the person who proposed it' }));
    }
    expect(decide(refund, 'approve', 'fay')).toBe('approved');
    expect(() => decide({ ...refund, status: 'approved' }, 'approve', 'fay')).toThrow(/not awaiting approval/);
  });

  it('on a refund that names no proposer: returned or rejected, never approved, and taken on by whoever updates it', () => {
    const nobody = { ...refund, requestedBy: NO_PERSON };
    expect(() => decide(nobody, 'approve', 'fay')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/no officer who proposed it/) }));
    expect(decide(nobody, 'return', 'fay')).toBe('returned-for-update');
    expect(() => assertCanResubmit({ ...nobody, status: 'returned-for-update' }, 'sam')).not.toThrow();
    expect(() => assertCanResubmit({ ...refund, status: 'returned-for-update' }, 'sam')).toThrow(/Only the officer who asked/);
  });
});
