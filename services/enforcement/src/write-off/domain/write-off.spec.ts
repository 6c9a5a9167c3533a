import { checkApproval, checkWriteOffRequest } from './write-off';

describe('write-offs', () => {
  it('are never above the balance, and carry a known reason', () => {
    expect(checkWriteOffRequest(1_000, 'hardship', 1_000)).toBe('hardship');
    expect(() => checkWriteOffRequest(1_001, 'hardship', 1_000)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field: 'amountPence' })] }));
    expect(() => checkWriteOffRequest(100, 'bored', 1_000)).toThrow(expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'reason' })] }));
  });

  it('need a second person within their limit, and a balance that still covers them', () => {
    const request = { amountPence: 60_000, requestedBy: 'officer-a', status: 'requested' };
    expect(() => checkApproval(request, { sub: 'officer-a', roles: ['team-leader'] }, 100_000)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => checkApproval(request, { sub: 'officer-b', roles: ['enforcement-officer'] }, 100_000)).toThrow(/approval limit of 50000/);
    expect(() => checkApproval(request, { sub: 'leader', roles: ['team-leader'] }, 50_000)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => checkApproval({ ...request, status: 'approved' }, { sub: 'leader', roles: ['team-leader'] }, 100_000)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => checkApproval(request, { sub: 'leader', roles: ['team-leader'] }, 100_000)).not.toThrow();
  });
});
