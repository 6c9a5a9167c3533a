import type { Principal } from '@ccsc/auth/principal';
import { Case, NewParty } from './case';
import { caseAccessOf } from './case-access';
import { caseActorOf, hasPartyAccess } from './party-access';

const now = new Date('2026-11-23T10:00:00Z');
const claimantFirm: Principal = { sub: 'sol-1', roles: ['professional'], organisationId: 'org-claimant' };
const defendantFirm: Principal = { sub: 'sol-2', roles: ['professional'], organisationId: 'org-defendant' };
const claimantCitizen: Principal = { sub: 'citizen-claimant', roles: ['citizen'] };
const defendantCitizen: Principal = { sub: 'citizen-defendant', roles: ['citizen'] };
const unrelatedFirm: Principal = { sub: 'sol-3', roles: ['professional'], organisationId: 'org-elsewhere' };
const caseworker: Principal = { sub: 'officer', roles: ['caseworker'] };
const judge: Principal = { sub: 'judge', roles: ['judiciary'] };

function claim(state?: string): Case {
  const parties: NewParty[] = [
    {
      role: 'claimant',
      kind: 'person',
      name: 'Alex',
      userId: 'citizen-claimant',
      representedBy: 'org-claimant',
      email: 'alex@example.com',
    },
    {
      role: 'defendant',
      kind: 'person',
      name: 'Dee',
      userId: 'citizen-defendant',
      representedBy: 'org-defendant',
      phone: '020 7946 0000',
    },
  ];
  const c = Case.create({ caseType: 'civil-money-claim', parties, createdBy: 'u1', now });
  return state ? Case.restore({ ...c.snapshot, state }) : c;
}

const trigger = (c: Case, event: string, who: Principal) => () => c.trigger(event, caseActorOf(who, c.parties), now);

describe('who acts on a case', () => {
  it('is staff by role, or the parties the caller acts for: the citizen who is the party, or its firm', () => {
    const c = claim();
    expect(caseActorOf(judge, c.parties)).toEqual({ kind: 'staff', roles: ['judiciary'] });
    const roles = (who: Principal) => {
      const actor = caseActorOf(who, c.parties);
      return actor.kind === 'parties' ? actor.parties.map((p) => p.role) : actor.kind;
    };
    expect(roles(claimantFirm)).toEqual(['claimant']);
    expect(roles(claimantCitizen)).toEqual(['claimant']);
    expect(roles(defendantFirm)).toEqual(['defendant']);
    expect(roles(unrelatedFirm)).toEqual([]);
  });
});

describe('case events by party role', () => {
  it("lets the claimant's side withdraw the claim and refuses the defendant's side", () => {
    for (const who of [defendantFirm, defendantCitizen, unrelatedFirm]) {
      expect(trigger(claim('Issued'), 'withdraw', who)).toThrow(
        expect.objectContaining({
          code: 'FORBIDDEN',
          message: 'Only the claimant or their representative may withdraw the claim',
        }),
      );
    }
    for (const who of [claimantFirm, claimantCitizen, caseworker])
      expect(trigger(claim('Issued'), 'withdraw', who)()).toMatchObject({ from: 'Issued', to: 'Withdrawn' });
  });

  it('keeps judicial acts for the judiciary: decide, stay and strike out', () => {
    for (const [event, from, to] of [
      ['decide', 'AwaitingOutcome', 'Decided'],
      ['stay', 'Issued', 'Stayed'],
      ['strike-out', 'Issued', 'StruckOut'],
    ] as const) {
      // "decide" also needs the judgment on record (readiness); who may trigger it is what is tested here.
      const at = () => Case.restore({ ...claim(from).snapshot, decisionRecorded: event === 'decide' });
      for (const who of [claimantFirm, defendantCitizen])
        expect(trigger(at(), event, who)).toThrow(
          expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/^Only the court may/) }),
        );
      expect(trigger(at(), event, caseworker)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/^Your role may not/) }),
      );
      expect(trigger(at(), event, judge)()).toMatchObject({ from, to });
    }
  });

  it('lets only the prosecution withdraw a prosecution', () => {
    const prosecution = () =>
      Case.create({
        caseType: 'criminal-prosecution',
        parties: [
          { role: 'applicant', kind: 'organisation', name: 'CPS', representedBy: 'cps' },
          { role: 'defendant', kind: 'person', name: 'Jo', representedBy: 'org-defence' },
        ],
        createdBy: 'u1',
        now,
      });
    const defence: Principal = { sub: 'd', roles: ['professional'], organisationId: 'org-defence' };
    const cps: Principal = { sub: 'p', roles: ['professional'], organisationId: 'cps' };
    expect(trigger(prosecution(), 'withdraw', defence)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(trigger(prosecution(), 'withdraw', cps)()).toMatchObject({ to: 'Withdrawn' });
  });

  it('checks who acts before the state, so a refused side learns nothing of what the case could do', () => {
    expect(trigger(claim('Closed'), 'withdraw', defendantFirm)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe("a party's own details", () => {
  const [claimant, defendant] = claim().parties;

  it('are for staff and whoever acts for the party, not for the other side or a stranger', () => {
    const may = (who: Principal) => [
      hasPartyAccess(caseAccessOf(who), claimant!),
      hasPartyAccess(caseAccessOf(who), defendant!),
    ];
    expect(may(caseworker)).toEqual([true, true]);
    expect(may(judge)).toEqual([true, true]);
    expect(may(claimantFirm)).toEqual([true, false]);
    expect(may(claimantCitizen)).toEqual([true, false]);
    expect(may(defendantFirm)).toEqual([false, true]);
    expect(may(defendantCitizen)).toEqual([false, true]);
    expect(may(unrelatedFirm)).toEqual([false, false]);
  });
});
