import {
  approvalLimit,
  approvalLimitsText,
  assertApprovable,
  assertSecondPerson,
  assertWithinApprovalLimit,
  HIGHEST_APPROVAL_LIMIT_PENCE,
  NO_PERSON,
} from './four-eyes';

describe('four eyes on money', () => {
  it('lets a second person approve what the first proposed', () => {
    expect(() => assertSecondPerson('officer-a', 'officer-b', 'A refund')).not.toThrow();
  });

  it('refuses the person who proposed it, as a conflict that says why', () => {
    expect(() => assertSecondPerson('officer-a', 'officer-a', 'A refund')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A refund must be approved by someone other than the person who proposed it',
      }),
    );
  });

  it('tells people apart by subject alone: another role or token of the same subject is the same person', () => {
    // Roles and tokens never reach the rule; only the subject does, and the comparison is exact.
    expect(() => assertSecondPerson('f:1234', 'f:1234', 'A write-off')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => assertSecondPerson('Officer-A', 'officer-a', 'A write-off')).not.toThrow();
  });

  it('refuses what no person proposed, and an approval by the system', () => {
    for (const nobody of [NO_PERSON, '', null, undefined]) {
      expect(() => assertSecondPerson(nobody, 'officer-b', 'A refund')).toThrow(
        expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/no officer who proposed it/) }),
      );
    }
    expect(() => assertSecondPerson('officer-a', NO_PERSON, 'An allocation')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'An allocation is approved by a person, never by the system',
      }),
    );
    expect(() => assertSecondPerson('officer-a', '', 'An allocation')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });
});

describe('approval authority', () => {
  it("is a role's limit, the largest of an approver's roles, and nothing for a role without one", () => {
    expect(approvalLimit(['caseworker'])).toBe(50_000);
    expect(approvalLimit(['team-leader'])).toBe(500_000);
    expect(approvalLimit(['caseworker', 'finance-officer'])).toBe(10_000_000);
    expect(approvalLimit(['citizen', 'professional', 'judiciary', 'system'])).toBe(0);
    expect(approvalLimit([])).toBe(0);
    expect(HIGHEST_APPROVAL_LIMIT_PENCE).toBe(10_000_000);
    expect(approvalLimitsText(['team-leader', 'finance-officer', 'citizen'])).toBe(
      'team-leader £5,000, finance-officer £100,000',
    );
  });

  it('lets an approval take what is approved on the account up to the limit, and refuses the first penny over (403)', () => {
    expect(() => assertWithinApprovalLimit(500_000, ['team-leader'], 'given back on this case')).not.toThrow();
    expect(() => assertWithinApprovalLimit(500_001, ['team-leader'], 'given back on this case')).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message:
          'Approving it would put 500001 pence given back on this case, above your approval limit of 500000 pence',
      }),
    );
    expect(() => assertWithinApprovalLimit(1, ['system'], 'waived on this case')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses as it is proposed a sum nobody may approve, which would wait for ever (409)', () => {
    expect(() => assertApprovable(HIGHEST_APPROVAL_LIMIT_PENCE, 'A refund')).not.toThrow();
    expect(() => assertApprovable(HIGHEST_APPROVAL_LIMIT_PENCE + 1, 'A refund')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A refund of 10000001 pence is above the most anyone may approve (10000000 pence)',
      }),
    );
  });
});
