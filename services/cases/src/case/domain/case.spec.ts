import { MAX_CASE_PARTIES } from '@ccsc/contracts';
import { Case, NewParty } from './case';
import { canSeeCase, caseAccessOf } from './case-access';
import { caseActorOf, type CaseActor } from './party-access';

const claimant: NewParty = {
  role: 'claimant',
  kind: 'person',
  name: 'Alex',
  representedBy: 'org-a',
  userId: 'citizen-1',
};
const defendant: NewParty = { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' };
const now = new Date('2026-11-23T10:00:00Z');
const staff = (...roles: ('caseworker' | 'judiciary')[]): CaseActor => ({ kind: 'staff', roles });

describe('Case', () => {
  it('starts in the initial state of its case type', () => {
    const c = Case.create({ caseType: 'civil-money-claim', parties: [claimant, defendant], createdBy: 'u1', now });
    expect(c.snapshot).toMatchObject({ state: 'Draft', caseType: 'civil-money-claim', version: 1, createdAt: now });
    expect(c.parties.map((p) => p.id)).toHaveLength(2);
  });

  it('refuses an unknown case type as bad input on the caseType field', () => {
    expect(() => Case.create({ caseType: 'nope', parties: [claimant], createdBy: 'u1', now })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fieldErrors: [expect.objectContaining({ field: 'caseType' })],
      }),
    );
  });

  it("refuses a party in a role its case type's parties do not take, when opened and when added", () => {
    const respondent: NewParty = { role: 'respondent', kind: 'person', name: 'Rory' };
    expect(() =>
      Case.create({ caseType: 'civil-money-claim', parties: [claimant, respondent], createdBy: 'u1', now }),
    ).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fieldErrors: [
          { field: 'parties.1.role', message: 'must be one of claimant, defendant on a civil-money-claim case' },
        ],
      }),
    );
    const claim = Case.create({ caseType: 'civil-money-claim', parties: [claimant, defendant], createdBy: 'u1', now });
    expect(() => claim.addParty(respondent, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ field: 'role' })] }),
    );
    expect(claim.addParty({ ...defendant, name: 'Second Ltd' }, now).role).toBe('defendant');
    expect(claim.parties).toHaveLength(3);
  });

  it('holds at most MAX_CASE_PARTIES parties: one event tells every service who is on the case, and carries that many', () => {
    const claim = Case.create({ caseType: 'civil-money-claim', parties: [claimant, defendant], createdBy: 'u1', now });
    while (claim.parties.length < MAX_CASE_PARTIES)
      claim.addParty({ ...defendant, name: `D${claim.parties.length}` }, now);
    expect(() => claim.addParty({ ...defendant, name: 'One too many' }, now)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'A case holds at most 100 parties, and this one has them all',
      }),
    );
    expect(claim.parties).toHaveLength(MAX_CASE_PARTIES);
  });

  it('assesses readiness criterion by criterion, in plain words', () => {
    const c = Case.create({ caseType: 'civil-money-claim', parties: [claimant], createdBy: 'u1', now });
    const readiness = c.assessReadiness('submit', now);
    expect(readiness.ready).toBe(false);
    expect(readiness.criteria).toEqual([
      { id: 'has-claimant', description: 'The case names its claimant', met: true },
      {
        id: 'has-defendant',
        description: 'The case names its defendant',
        met: false,
        reason: 'Add the defendant to the case.',
      },
    ]);
    expect(readiness.whatHappensNext).toContain('Pay the claim fee');
    const welsh = c.assessReadiness('submit', now, 'cy');
    expect(welsh.criteria[1]).toMatchObject({ met: false, reason: 'Ychwanegwch y diffynnydd at yr achos.' });
    expect(welsh.whatHappensNext).toContain('Talwch');
  });

  it('moves on only when the state, the role and readiness allow it', () => {
    const later = new Date('2026-11-24T10:00:00Z');
    const unready = Case.create({ caseType: 'civil-money-claim', parties: [claimant], createdBy: 'u1', now });
    expect(() => unready.trigger('submit', staff('caseworker'), later)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );

    const c = Case.create({ caseType: 'civil-money-claim', parties: [claimant, defendant], createdBy: 'u1', now });
    expect(() => c.trigger('submit', staff('judiciary'), later)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => c.trigger('teleport', staff('caseworker'), later)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(c.trigger('submit', staff('caseworker'), later)).toEqual({
      from: 'Draft',
      to: 'Submitted',
      feesDue: ['FEE0202'],
    });
    expect(c.snapshot).toMatchObject({
      state: 'Submitted',
      updatedAt: later,
      fees: [{ code: 'FEE0202', event: 'submit', status: 'due' }],
    });
    expect(() => c.trigger('submit', staff('caseworker'), later)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it("lets a side withdraw a claim only when it acts for every claimant: a co-claimant's firm does not end the others'", () => {
    const coClaimant: NewParty = { role: 'claimant', kind: 'person', name: 'Chris', representedBy: 'org-c' };
    const c = Case.create({
      caseType: 'civil-money-claim',
      parties: [claimant, coClaimant, defendant],
      createdBy: 'u1',
      now,
    });
    const firm = (org: string) =>
      caseActorOf({ sub: `${org}-user`, roles: ['professional'], organisationId: org }, c.parties);
    // Submitting is each side's own step; withdrawing ends the claim for every claimant.
    expect(c.trigger('submit', firm('org-c'), now)).toMatchObject({ to: 'Submitted' });
    for (const org of ['org-a', 'org-c'])
      expect(() => c.trigger('withdraw', firm(org), now)).toThrow(
        expect.objectContaining({
          code: 'FORBIDDEN',
          message:
            'Every claimant of the case must agree to withdraw the claim, and you do not act for all of them: the court records it for them',
        }),
      );
    expect(c.snapshot.state).toBe('Submitted');
    // Acting for both claimants (the claimant's firm, once it represents the other too), or the court, it may.
    c.changeRepresentation(c.parties[1]!.id, 'org-a', now);
    expect(c.trigger('withdraw', firm('org-a'), now)).toMatchObject({ to: 'Withdrawn' });
  });

  it('lets a donor withdraw a power of attorney alone, whoever else its firm acts for; one of two attorneys not', () => {
    const c = Case.create({
      caseType: 'lasting-power-of-attorney',
      parties: [
        { role: 'donor', kind: 'person', name: 'Dora', representedBy: 'org-d' },
        { role: 'attorney', kind: 'person', name: 'Ann', representedBy: 'org-d' },
        { role: 'attorney', kind: 'person', name: 'Abe', representedBy: 'org-e' },
      ],
      createdBy: 'u1',
      now,
    });
    const firm = (org: string) =>
      caseActorOf({ sub: `${org}-user`, roles: ['professional'], organisationId: org }, c.parties);
    expect(() => c.trigger('withdraw', firm('org-e'), now)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(c.trigger('withdraw', firm('org-d'), now)).toMatchObject({ to: 'Withdrawn' });
  });

  it("refuses a side's step while the other side's papers are in review without telling it of them", () => {
    const opened = Case.create({
      caseType: 'divorce',
      parties: [
        { role: 'applicant', kind: 'person', name: 'Ann', userId: 'citizen-ann' },
        { role: 'respondent', kind: 'person', name: 'Rob' },
      ],
      createdBy: 'u1',
      now,
    });
    const c = Case.restore({ ...opened.snapshot, state: 'AwaitingResponse', documentsAwaitingAcceptance: 1 });
    const applicant = caseActorOf({ sub: 'citizen-ann', roles: ['citizen'] }, c.parties);
    const ownView = { documentsAwaitingAcceptance: 0, openAssistedDigitalReferral: false };
    expect(() => c.trigger('apply-conditional-order', applicant, now, undefined, ownView)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'The case is not ready: the court has work to finish on the case before this step.',
      }),
    );
    // Its own papers in review it is told of; staff are told everything.
    expect(() =>
      c.trigger('apply-conditional-order', applicant, now, undefined, { ...ownView, documentsAwaitingAcceptance: 1 }),
    ).toThrow(/1 document\(s\) are waiting for a caseworker/);
    expect(() => c.trigger('apply-conditional-order', staff('caseworker'), now)).toThrow(/1 document\(s\) are waiting/);
  });

  it('waits for its fees before it is issued, and moves on once payments reports them settled', () => {
    const c = Case.create({ caseType: 'civil-money-claim', parties: [claimant, defendant], createdBy: 'u1', now });
    c.trigger('submit', caseActorOf({ sub: 'citizen-1', roles: ['citizen'] }, c.parties), now);
    const waiting = c.assessReadiness('issue', now);
    expect(waiting.ready).toBe(false);
    expect(waiting.criteria.find((x) => x.id === 'fees-settled')).toMatchObject({
      met: false,
      reason: expect.stringContaining('FEE0202'),
    });
    expect(() => c.trigger('issue', staff('caseworker'), now)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));

    expect(c.settleFees(['FEE0202', 'FEE9999'], 'remitted')).toEqual([
      { code: 'FEE0202', event: 'submit', status: 'remitted' },
    ]);
    // A bounced payment or a repriced fee: owed again, and readiness waits for it once more.
    expect(c.reopenFees(['FEE0202'])).toEqual([{ code: 'FEE0202', event: 'submit', status: 'due' }]);
    expect(c.reopenFees(['FEE0202'])).toEqual([]);
    expect(c.assessReadiness('issue', now).criteria.find((x) => x.id === 'fees-settled')).toMatchObject({ met: false });
    c.settleFees(['FEE0202'], 'paid');
    expect(c.assessReadiness('issue', now).ready).toBe(true);
    expect(c.trigger('issue', staff('caseworker'), now)).toMatchObject({ from: 'Submitted', to: 'Issued' });
  });
});

describe('case access', () => {
  const parties = Case.create({
    caseType: 'civil-money-claim',
    parties: [claimant, defendant],
    createdBy: 'u1',
    now,
  }).parties;

  it('lets staff see every case', () => {
    expect(canSeeCase(caseAccessOf({ sub: 's', roles: ['caseworker'] }), parties)).toBe(true);
  });

  it("lets a professional see only their organisation's cases", () => {
    expect(canSeeCase(caseAccessOf({ sub: 'p', roles: ['professional'], organisationId: 'org-a' }), parties)).toBe(
      true,
    );
    expect(canSeeCase(caseAccessOf({ sub: 'p', roles: ['professional'], organisationId: 'org-b' }), parties)).toBe(
      false,
    );
  });

  it('lets a citizen see only cases they are party to', () => {
    expect(canSeeCase(caseAccessOf({ sub: 'citizen-1', roles: ['citizen'] }), parties)).toBe(true);
    expect(canSeeCase(caseAccessOf({ sub: 'citizen-2', roles: ['citizen'] }), parties)).toBe(false);
  });
});
