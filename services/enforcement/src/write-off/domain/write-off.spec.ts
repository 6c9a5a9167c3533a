import { checkDecision, checkWriteOffRequest } from './write-off';

describe('write-offs', () => {
  const clear = { balancePence: 100_000, writtenOffPence: 0, approverPendingPence: 0 };

  it('are never above the balance, and carry a known reason', () => {
    expect(checkWriteOffRequest(1_000, 'hardship', 1_000)).toBe('hardship');
    expect(() => checkWriteOffRequest(1_001, 'hardship', 1_000)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fieldErrors: [expect.objectContaining({ field: 'amountPence' })],
      }),
    );
    // Above the most anyone may approve, it could never be approved: refused as it is asked for.
    expect(() => checkWriteOffRequest(10_000_001, 'hardship', 20_000_000)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => checkWriteOffRequest(100, 'bored', 1_000)).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'reason' })] }),
    );
  });

  it('need a second person within their limit, and a balance that still covers them', () => {
    const request = { amountPence: 60_000, requestedBy: 'officer-a', status: 'requested' };
    expect(() => checkDecision(request, { sub: 'officer-a', roles: ['team-leader'] }, true, clear)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A write-off must be approved by someone other than the person who proposed it',
      }),
    );
    expect(() => checkDecision(request, { sub: 'officer-a', roles: ['finance-officer'] }, false, clear)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => checkDecision(request, { sub: 'officer-b', roles: ['enforcement-officer'] }, true, clear)).toThrow(
      /approval limit of 50000/,
    );
    expect(() =>
      checkDecision(request, { sub: 'leader', roles: ['team-leader'] }, true, { ...clear, balancePence: 50_000 }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() =>
      checkDecision({ ...request, status: 'approved' }, { sub: 'leader', roles: ['team-leader'] }, true, clear),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => checkDecision(request, { sub: 'leader', roles: ['team-leader'] }, true, clear)).not.toThrow();
    // Rejecting forgives nothing: no limit applies, but still never by who asked.
    expect(() =>
      checkDecision(request, { sub: 'officer-b', roles: ['enforcement-officer'] }, false, clear),
    ).not.toThrow();
  });

  it("count what is already written off on the account, and the approver's own pending requests on it", () => {
    const slice = { amountPence: 50_000, requestedBy: 'officer-a', status: 'requested' };
    const approver = { sub: 'officer-b', roles: ['enforcement-officer'] as const };
    expect(() => checkDecision(slice, approver, true, clear)).not.toThrow();
    expect(() => checkDecision(slice, approver, true, { ...clear, writtenOffPence: 50_000 })).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message:
          'Approving it would put 100000 pence written off (or asked for by you) on the account, above your approval limit of 50000 pence',
      }),
    );
    expect(() =>
      checkDecision({ ...slice, amountPence: 30_000 }, approver, true, { ...clear, approverPendingPence: 30_000 }),
    ).toThrow(/above your approval limit of 50000/);
  });
});
