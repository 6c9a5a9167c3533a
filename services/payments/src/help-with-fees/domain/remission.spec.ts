import {
  assertCanConclude,
  assessRemission,
  incomeThreshold,
  initialStatus,
  pickedForEvidenceCheck,
  RemissionApplicant,
  savingsLimit,
} from './remission';

const single: RemissionApplicant = {
  monthlyIncomePence: 100_000,
  couple: false,
  childrenAges: [],
  savingsPence: 0,
  age: 40,
};

describe('Help with Fees remission', () => {
  it('adds premiums for a partner and for each child by age band to the 1,420 GBP threshold', () => {
    expect(incomeThreshold(single)).toBe(142_000);
    expect(incomeThreshold({ couple: true, childrenAges: [] })).toBe(142_000 + 71_000);
    expect(incomeThreshold({ couple: false, childrenAges: [3, 15] })).toBe(142_000 + 42_500 + 71_000);
  });

  it('remits the whole fee when income is at or below the threshold', () => {
    expect(assessRemission(61_200, single)).toMatchObject({
      outcome: 'full',
      contributionPence: 0,
      remittedPence: 61_200,
    });
    expect(assessRemission(61_200, { ...single, monthlyIncomePence: 142_000 })).toMatchObject({
      outcome: 'full',
      remittedPence: 61_200,
    });
  });

  it('charges 50% of the first 1,000 GBP above the threshold: part remission', () => {
    // 400 GBP above: the applicant pays 200 GBP of a 612 GBP fee.
    expect(assessRemission(61_200, { ...single, monthlyIncomePence: 182_000 })).toMatchObject({
      outcome: 'part',
      contributionPence: 20_000,
      remittedPence: 41_200,
    });
  });

  it('charges 70% of the second and 90% of the third 1,000 GBP', () => {
    // 1,500 GBP above: 500 + 70% of 500 = 850 GBP towards a 10,000 GBP fee.
    expect(assessRemission(1_000_000, { ...single, monthlyIncomePence: 292_000 })).toMatchObject({
      outcome: 'part',
      contributionPence: 85_000,
      remittedPence: 915_000,
    });
    // 2,500 GBP above: 500 + 700 + 90% of 500 = 1,650 GBP.
    expect(assessRemission(1_000_000, { ...single, monthlyIncomePence: 392_000 })).toMatchObject({
      outcome: 'part',
      contributionPence: 165_000,
      remittedPence: 835_000,
    });
  });

  it('remits nothing when the contribution covers the fee, or income is over 3,000 GBP above the threshold', () => {
    expect(assessRemission(3_500, { ...single, monthlyIncomePence: 182_000 })).toMatchObject({
      outcome: 'none',
      contributionPence: 3_500,
      remittedPence: 0,
      reason: 'income-assessed',
    });
    expect(assessRemission(1_000_000, { ...single, monthlyIncomePence: 442_001 })).toMatchObject({
      outcome: 'none',
      remittedPence: 0,
      reason: 'income-above-limit',
    });
  });

  it('tests savings first, against a limit that depends on the fee and the age', () => {
    expect(savingsLimit(61_200, 40)).toBe(425_000);
    expect(savingsLimit(300_000, 40)).toBe(900_000);
    expect(savingsLimit(1_000_000, 40)).toBe(1_600_000);
    expect(savingsLimit(61_200, 70)).toBe(1_600_000);
    expect(assessRemission(61_200, { ...single, savingsPence: 425_000 })).toMatchObject({
      outcome: 'none',
      reason: 'savings-above-limit',
    });
    expect(assessRemission(61_200, { ...single, savingsPence: 424_999 })).toMatchObject({ outcome: 'full' });
    expect(assessRemission(61_200, { ...single, savingsPence: 500_000, age: 70 })).toMatchObject({ outcome: 'full' });
  });

  it('refuses impossible input, naming the field', () => {
    expect(() => assessRemission(61_200, { ...single, monthlyIncomePence: -1 })).toThrow(
      expect.objectContaining({ fieldErrors: [{ field: 'monthlyIncomePence', message: expect.any(String) }] }),
    );
    expect(() => assessRemission(61_200, { ...single, childrenAges: [25] })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });

  it('picks a stable sample of about the configured share for evidence checks', () => {
    const ids = Array.from(
      { length: 1000 },
      (_, i) => `00000000-0000-4000-8000-${(i * 7919).toString(16).padStart(12, '0')}`,
    );
    const picked = ids.filter((id) => pickedForEvidenceCheck(id, 10)).length;
    expect(picked).toBeGreaterThan(50);
    expect(picked).toBeLessThan(150);
    expect(pickedForEvidenceCheck(ids[3]!, 10)).toBe(pickedForEvidenceCheck(ids[3]!, 10));
    expect(ids.every((id) => !pickedForEvidenceCheck(id, 0))).toBe(true);
  });

  it('never remits on its own: a remission waits for staff, with evidence when sampled or when the fee was turned down before', () => {
    expect(initialStatus(0, false, true)).toBe('decided');
    expect(initialStatus(61_200, false, false)).toBe('awaiting-decision');
    expect(initialStatus(61_200, false, true)).toBe('awaiting-evidence');
    // A failed evidence check stands: the same figures again wait for new evidence, not for a grant.
    expect(initialStatus(61_200, true, false)).toBe('awaiting-evidence');
  });
});

describe('concluding a Help with Fees application', () => {
  const waiting = { status: 'awaiting-decision' as const, appliedBy: 'lee' };

  it('is for staff other than whoever applied, and only from the step it waits at', () => {
    expect(() => assertCanConclude(waiting, 'awaiting-decision', 'fay')).not.toThrow();
    expect(() => assertCanConclude(waiting, 'awaiting-decision', 'lee')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A Help with Fees remission must be approved by someone other than the person who proposed it',
      }),
    );
    const notWaitingThere = 'The application is awaiting-decision, not awaiting evidence';
    expect(() => assertCanConclude(waiting, 'awaiting-evidence', 'fay')).toThrow(notWaitingThere);
    const decided = { ...waiting, status: 'decided' as const };
    expect(() => assertCanConclude(decided, 'awaiting-decision', 'fay')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });
});
