import { afterRefundStatus, checkAllocation, checkRefundRequest, SUSPENSE_STATES } from './suspense-item';

describe('suspense items', () => {
  const held = { state: 'held' as const, reversedAt: null, source: 'payments' as const };

  it('go to an account only while held, so money is allocated once', () => {
    expect(() => checkAllocation(held, 'officer')).not.toThrow();
    for (const state of SUSPENSE_STATES.filter((s) => s !== 'held'))
      expect(() => checkAllocation({ ...held, state }, 'officer')).toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      );
    expect(() => checkAllocation({ ...held, state: 'allocated' }, 'officer')).toThrow(
      'The suspense item is allocated already',
    );
  });

  it("go from a defendant's account only to that defendant's accounts; money for no account anywhere", () => {
    const account = (id: string, defendantPartyId: string | null) => ({
      id,
      accountNumber: `FA-${id}`,
      defendantPartyId,
    });
    const dans = account('dans', 'party-dan');
    expect(() => checkAllocation(held, 'officer', undefined, account('anyone', 'party-x'))).not.toThrow();
    expect(() => checkAllocation(held, 'officer', dans, dans)).not.toThrow();
    expect(() => checkAllocation(held, 'officer', dans, account('dans-other-case', 'party-dan'))).not.toThrow();
    const matched = new Map([
      ['party-dan', { identityId: 'identity-dan', matchedBy: ['caseworker-cy'] }],
      ['party-dan-2', { identityId: 'identity-dan', matchedBy: ['caseworker-cy'] }],
    ]);
    expect(() => checkAllocation(held, 'officer', dans, account('dans-matched', 'party-dan-2'), matched)).not.toThrow();
    // Not by who matched them, nor on a match whose maker was not recorded.
    expect(() => checkAllocation(held, 'caseworker-cy', dans, account('dans-matched', 'party-dan-2'), matched)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/^You matched these defendants/) }),
    );
    const unrecorded = new Map([...matched].map(([party, match]) => [party, { ...match, matchedBy: null }]));
    expect(() => checkAllocation(held, 'officer', dans, account('dans-matched', 'party-dan-2'), unrecorded)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => checkAllocation(held, 'officer', dans, account('strangers', 'party-x'))).toThrow(
      /paid to FA-dans: it goes only to that defendant's accounts/,
    );
    expect(() => checkAllocation(held, 'officer', account('penalty', null), account('other-penalty', null))).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('are not worked once the payment behind them has bounced', () => {
    const bounced = { ...held, reversedAt: new Date('2026-03-01T10:00:00Z') };
    expect(() => checkAllocation(bounced, 'officer')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => checkRefundRequest(bounced)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('are refunded only while held, and only when payments took the money', () => {
    expect(() => checkRefundRequest(held)).not.toThrow();
    expect(() => checkRefundRequest({ ...held, state: 'refund-requested' })).toThrow(
      'A refund of the suspense item is waiting for payments',
    );
    expect(() => checkRefundRequest({ ...held, state: 'refunded' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => checkRefundRequest({ ...held, source: 'warrant' })).toThrow(/allocate it/);
  });

  it('go back to held when the refund is rejected, and close when it is paid', () => {
    const requested = { state: 'refund-requested' as const, refundId: null };
    expect(afterRefundStatus(requested, 'refund-1', 'awaiting-approval')).toEqual({
      state: 'refund-requested',
      refundId: 'refund-1',
    });
    expect(afterRefundStatus(requested, 'refund-1', 'rejected')).toEqual({ state: 'held' });
    expect(afterRefundStatus(requested, 'refund-1', 'paid')).toEqual({ state: 'refunded', refundId: 'refund-1' });
  });

  it('ignore news told twice, and news of a refund other than the one raised for them', () => {
    const raised = { state: 'refund-requested' as const, refundId: 'refund-2' };
    expect(afterRefundStatus(raised, 'refund-2', 'approved')).toBeNull();
    expect(afterRefundStatus(raised, 'refund-1', 'rejected')).toBeNull();
    expect(afterRefundStatus(raised, 'refund-1', 'paid')).toBeNull();
    expect(afterRefundStatus({ state: 'refunded', refundId: 'refund-2' }, 'refund-2', 'paid')).toBeNull();
    expect(afterRefundStatus({ state: 'held', refundId: null }, 'refund-2', 'rejected')).toBeNull();
    expect(afterRefundStatus({ state: 'allocated', refundId: null }, 'refund-2', 'paid')).toBeNull();
  });
});
