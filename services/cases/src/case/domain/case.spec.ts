import { Case, NewParty } from './case';
import { canSeeCase, caseAccessOf } from './case-access';

const claimant: NewParty = { role: 'claimant', kind: 'person', name: 'Alex', representedBy: 'org-a', userId: 'citizen-1' };
const defendant: NewParty = { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' };
const now = new Date('2026-11-23T10:00:00Z');

describe('Case', () => {
  it('starts in the initial state of its case type', () => {
    const c = Case.create({ caseType: 'civil-money-claim', parties: [claimant, defendant], createdBy: 'u1', now });
    expect(c.snapshot).toMatchObject({ state: 'Draft', caseType: 'civil-money-claim', version: 1, createdAt: now });
    expect(c.parties.map((p) => p.id)).toHaveLength(2);
  });

  it('refuses an unknown case type as bad input on the caseType field', () => {
    expect(() => Case.create({ caseType: 'nope', parties: [claimant], createdBy: 'u1', now })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field: 'caseType' })] }),
    );
  });

  it('assesses readiness criterion by criterion, in plain words', () => {
    const c = Case.create({ caseType: 'civil-money-claim', parties: [claimant], createdBy: 'u1', now });
    const readiness = c.assessReadiness('submit');
    expect(readiness.ready).toBe(false);
    expect(readiness.criteria).toEqual([
      { id: 'has-applicant', description: expect.any(String), met: true },
      { id: 'has-respondent', description: expect.any(String), met: false, reason: expect.stringContaining('respondent or defendant') },
    ]);
    expect(readiness.whatHappensNext).toContain('14 days');
  });

  it('moves on only when the state, the role and readiness allow it', () => {
    const later = new Date('2026-11-24T10:00:00Z');
    const unready = Case.create({ caseType: 'civil-money-claim', parties: [claimant], createdBy: 'u1', now });
    expect(() => unready.trigger('submit', ['caseworker'], later)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));

    const c = Case.create({ caseType: 'civil-money-claim', parties: [claimant, defendant], createdBy: 'u1', now });
    expect(() => c.trigger('submit', ['judiciary'], later)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => c.trigger('teleport', ['caseworker'], later)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(c.trigger('submit', ['caseworker'], later)).toEqual({ from: 'Draft', to: 'Submitted' });
    expect(c.snapshot).toMatchObject({ state: 'Submitted', updatedAt: later });
    expect(() => c.trigger('submit', ['caseworker'], later)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('case access', () => {
  const parties = Case.create({ caseType: 'civil-money-claim', parties: [claimant, defendant], createdBy: 'u1', now }).parties;

  it('lets staff see every case', () => {
    expect(canSeeCase(caseAccessOf({ sub: 's', roles: ['caseworker'] }), parties)).toBe(true);
  });

  it("lets a professional see only their organisation's cases", () => {
    expect(canSeeCase(caseAccessOf({ sub: 'p', roles: ['professional'], organisationId: 'org-a' }), parties)).toBe(true);
    expect(canSeeCase(caseAccessOf({ sub: 'p', roles: ['professional'], organisationId: 'org-b' }), parties)).toBe(false);
  });

  it('lets a citizen see only cases they are party to', () => {
    expect(canSeeCase(caseAccessOf({ sub: 'citizen-1', roles: ['citizen'] }), parties)).toBe(true);
    expect(canSeeCase(caseAccessOf({ sub: 'citizen-2', roles: ['citizen'] }), parties)).toBe(false);
  });
});
