import { approvalAccountsOf, assertWithinLimits, lockKeyOf } from './approval-accounts';

describe('approval accounts', () => {
  it('are every case, complaint and fine account an approval concerns, the number read as it is', () => {
    expect(approvalAccountsOf({ caseId: 'k', complaintId: 'c', fineAccountNumber: null })).toEqual([
      { kind: 'case', id: 'k' },
      { kind: 'complaint', id: 'c' },
    ]);
    expect(approvalAccountsOf({ fineAccountNumber: 'fa 1000 0002-p' })).toEqual([
      { kind: 'fine-account', id: 'FA10000002P' },
    ]);
    expect(approvalAccountsOf({})).toEqual([]);
    // A complaint remedy counts on every case its complaint names, each once.
    expect(approvalAccountsOf({ caseId: 'k', complaintId: 'c', complaintCaseIds: ['k', 'l'] })).toEqual([
      { kind: 'case', id: 'k' },
      { kind: 'case', id: 'l' },
      { kind: 'complaint', id: 'c' },
    ]);
    // Keys of different kinds never meet, whatever the ids.
    expect(lockKeyOf({ kind: 'case', id: 'x' })).not.toBe(lockKeyOf({ kind: 'complaint', id: 'x' }));
  });

  it('hold an approval within the limit on every account it concerns, counting what each has approved', () => {
    const accounts = approvalAccountsOf({ caseId: 'k', complaintId: 'c' });
    expect(() => assertWithinLimits(accounts, [0, 50_000], 450_000, ['team-leader'])).not.toThrow();
    expect(() => assertWithinLimits(accounts, [0, 50_001], 450_000, ['team-leader'])).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message:
          'Approving it would put 500001 pence approved on this complaint, above your approval limit of 500000 pence',
      }),
    );
    expect(() =>
      assertWithinLimits(approvalAccountsOf({ fineAccountNumber: 'FA10000002P' }), [9_000], 492_000, ['team-leader']),
    ).toThrow(/on fine account FA10000002P/);
    // An approval that concerns no account is held to the limit on its own.
    expect(() => assertWithinLimits([], [], 500_001, ['team-leader'])).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
