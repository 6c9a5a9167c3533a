import { asSeenByParties, checkDecision, type Decision } from './decision';

const now = new Date('2026-12-10T10:00:00Z');
const decision: Decision = {
  id: 'd1',
  caseId: 'c1',
  outcome: 'Indefinite leave to remain revoked',
  legalBasis: 'Nationality, Immigration and Asylum Act 2002, section 76',
  reasons: 'The representations do not answer the evidence of deception.',
  evidenceReferences: ['bundle p.12'],
  decidedBy: 'caseworker-a',
  decidedAt: new Date('2026-12-09T15:00:00Z'),
};

describe('the check of a decision by a second person', () => {
  it('lets a second caseworker approve it, recording who and when', () => {
    expect(checkDecision(decision, { outcome: 'approved' }, 'caseworker-b', now)).toEqual({
      outcome: 'approved',
      checkedBy: 'caseworker-b',
      checkedAt: now,
    });
  });

  it('refuses the decision maker, whatever role or route they come by', () => {
    expect(() => checkDecision(decision, { outcome: 'approved' }, 'caseworker-a', now)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A decision must be approved by someone other than the person who proposed it',
      }),
    );
    expect(() => checkDecision(decision, { outcome: 'approved' }, 'system', now)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('returns it only with comments saying what to correct', () => {
    expect(() => checkDecision(decision, { outcome: 'returned', comments: '  ' }, 'caseworker-b', now)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fieldErrors: [expect.objectContaining({ field: 'comments' })],
      }),
    );
    expect(
      checkDecision(decision, { outcome: 'returned', comments: 'Answer the representations.' }, 'caseworker-b', now),
    ).toMatchObject({ outcome: 'returned', comments: 'Answer the representations.' });
  });

  it('is made once, on the current decision only: a superseding decision needs its own', () => {
    const checked = { ...decision, check: { outcome: 'returned' as const, checkedBy: 'caseworker-b', checkedAt: now } };
    expect(() => checkDecision(checked, { outcome: 'approved' }, 'caseworker-c', now)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: 'The decision has already been checked (returned)' }),
    );
    expect(() =>
      checkDecision({ ...decision, supersededBy: 'd2' }, { outcome: 'approved' }, 'caseworker-b', now),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('superseded') }));
  });

  it("keeps the decision maker, the checker and the checker's comments from the parties, who still see that it was checked", () => {
    const returned = {
      ...decision,
      check: { outcome: 'returned' as const, checkedBy: 'caseworker-b', checkedAt: now, comments: 'Weak reasons.' },
    };
    const seen = asSeenByParties(returned);
    expect(seen.check).toEqual({ outcome: 'returned', checkedAt: now });
    expect(seen).not.toHaveProperty('decidedBy');
    expect(seen.outcome).toBe(decision.outcome);
  });
});
