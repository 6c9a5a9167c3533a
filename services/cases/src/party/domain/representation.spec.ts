import type { Principal } from '@ccsc/auth/principal';
import { Case, NewParty } from '../../case/domain/case';
import {
  assertMayAddParty,
  assertMayChangeParty,
  assertMayChangeRepresentation,
  partiesEnteredBy,
} from './representation';

const firmA: Principal = { sub: 'sol-a', roles: ['professional'], organisationId: 'org-a' };
const firmB: Principal = { sub: 'sol-b', roles: ['professional'], organisationId: 'org-b' };
const alice: Principal = { sub: 'citizen-alice', roles: ['citizen'] };
const dan: Principal = { sub: 'citizen-dan', roles: ['citizen'] };
const caseworker: Principal = { sub: 'officer', roles: ['caseworker'] };
const forbidden = expect.objectContaining({ code: 'FORBIDDEN' });

const claimant = (extra: Partial<NewParty> = {}): NewParty => ({
  role: 'claimant',
  kind: 'person',
  name: 'Alice',
  ...extra,
});
const defendant = (extra: Partial<NewParty> = {}): NewParty => ({
  role: 'defendant',
  kind: 'organisation',
  name: 'Widgets Ltd',
  ...extra,
});

describe('parties of a new case', () => {
  it('lets a professional open a case for one client, naming only their own firm', () => {
    expect(partiesEnteredBy(firmA, [claimant({ representedBy: 'org-a' }), defendant()])).toEqual([
      claimant({ representedBy: 'org-a' }),
      defendant(),
    ]);
    // Naming another firm would give it the case, or put it on the other side's record.
    expect(() =>
      partiesEnteredBy(firmA, [claimant({ representedBy: 'org-a' }), defendant({ representedBy: 'org-b' })]),
    ).toThrow(forbidden);
    expect(() => partiesEnteredBy(firmA, [claimant({ representedBy: 'org-b' }), defendant()])).toThrow(forbidden);
    // Nor its own firm on both sides, nor no party at all.
    expect(() =>
      partiesEnteredBy(firmA, [claimant({ representedBy: 'org-a' }), defendant({ representedBy: 'org-a' })]),
    ).toThrow(forbidden);
    expect(() => partiesEnteredBy(firmA, [claimant(), defendant()])).toThrow(forbidden);
    expect(() =>
      partiesEnteredBy(firmA, [claimant({ representedBy: 'org-a' }), defendant({ userId: 'citizen-dan' })]),
    ).toThrow(forbidden);
  });

  it('links a citizen to their own party only and lets them name no firm', () => {
    expect(partiesEnteredBy(alice, [claimant(), defendant()])).toEqual([
      claimant({ userId: 'citizen-alice' }),
      defendant(),
    ]);
    expect(partiesEnteredBy(alice, [defendant(), claimant({ userId: 'citizen-alice' })])).toEqual([
      defendant(),
      claimant({ userId: 'citizen-alice' }),
    ]);
    expect(() => partiesEnteredBy(alice, [claimant(), defendant({ userId: 'citizen-dan' })])).toThrow(forbidden);
    expect(() =>
      partiesEnteredBy(alice, [claimant({ userId: 'citizen-alice' }), defendant({ userId: 'citizen-alice' })]),
    ).toThrow(forbidden);
    expect(() => partiesEnteredBy(alice, [claimant(), defendant({ representedBy: 'org-b' })])).toThrow(forbidden);
    expect(() => partiesEnteredBy(alice, [claimant({ representedBy: 'org-a' }), defendant()])).toThrow(forbidden);
  });

  it('lets staff enter any account and any firm', () => {
    const parties = [
      claimant({ userId: 'citizen-alice', representedBy: 'org-a' }),
      defendant({ userId: 'citizen-dan', representedBy: 'org-b' }),
    ];
    expect(partiesEnteredBy(caseworker, parties)).toEqual(parties);
  });
});

describe('parties added to a case', () => {
  const parties = Case.create({
    caseType: 'civil-money-claim',
    parties: [claimant({ representedBy: 'org-a' }), defendant()],
    createdBy: 'u',
    now: new Date(),
  }).parties;

  it('lets a firm add parties, and name itself only on its own side', () => {
    expect(() => assertMayAddParty(firmA, defendant({ name: 'Second Defendant' }), parties)).not.toThrow();
    expect(() =>
      assertMayAddParty(firmA, claimant({ name: 'Joint Claimant', representedBy: 'org-a' }), parties),
    ).not.toThrow();
    expect(() => assertMayAddParty(firmA, defendant({ representedBy: 'org-a' }), parties)).toThrow(forbidden);
    expect(() => assertMayAddParty(firmA, defendant({ representedBy: 'org-b' }), parties)).toThrow(forbidden);
    expect(() => assertMayAddParty(firmA, defendant({ userId: 'citizen-dan' }), parties)).toThrow(forbidden);
    // The side that answers the claim joins nobody to the claimant's side.
    const defended = Case.create({
      caseType: 'civil-money-claim',
      parties: [claimant({ representedBy: 'org-a' }), defendant({ representedBy: 'org-b' })],
      createdBy: 'u',
      now: new Date(),
    }).parties;
    expect(() => assertMayAddParty(firmB, claimant({ name: 'Ghost Claimant' }), defended)).toThrow(forbidden);
    expect(() => assertMayAddParty(firmB, claimant({ representedBy: 'org-b' }), defended)).toThrow(forbidden);
    expect(() => assertMayAddParty(firmB, defendant({ representedBy: 'org-b' }), defended)).not.toThrow();
    // Nor a stranger on its own side, with an address for the court's letters: one it does not represent.
    expect(() => assertMayAddParty(firmB, defendant({ name: 'Ghost', email: 'g@example.com' }), defended)).toThrow(
      forbidden,
    );
    expect(() => assertMayAddParty(firmA, claimant({ name: 'Ghost' }), defended)).toThrow(forbidden);
  });

  it('refuses citizens and lets staff add anyone', () => {
    expect(() => assertMayAddParty(alice, defendant(), parties)).toThrow(forbidden);
    expect(() =>
      assertMayAddParty(caseworker, defendant({ userId: 'citizen-dan', representedBy: 'org-b' }), parties),
    ).not.toThrow();
  });
});

describe('changing representation and details', () => {
  const [represented, unrepresented] = Case.create({
    caseType: 'civil-money-claim',
    parties: [claimant({ userId: 'citizen-alice', representedBy: 'org-a' }), defendant({ userId: 'citizen-dan' })],
    createdBy: 'u',
    now: new Date(),
  }).parties;

  it('leaves naming a firm to staff; whoever acts for the party may only take its firm off the record', () => {
    expect(() => assertMayChangeRepresentation(caseworker, represented!, 'org-c')).not.toThrow();
    expect(() => assertMayChangeRepresentation(firmA, represented!, undefined)).not.toThrow();
    expect(() => assertMayChangeRepresentation(alice, represented!, undefined)).not.toThrow();
    // A transfer, a firm putting itself on, and the other side's firm or citizen: all refused.
    expect(() => assertMayChangeRepresentation(firmA, represented!, 'org-c')).toThrow(forbidden);
    expect(() => assertMayChangeRepresentation(firmB, unrepresented!, 'org-b')).toThrow(forbidden);
    expect(() => assertMayChangeRepresentation(alice, represented!, 'org-c')).toThrow(forbidden);
    expect(() => assertMayChangeRepresentation(dan, represented!, undefined)).toThrow(forbidden);
    expect(() => assertMayChangeRepresentation(firmA, unrepresented!, undefined)).toThrow(forbidden);
  });

  it('lets only staff and whoever acts for the party change its details', () => {
    expect(() => assertMayChangeParty(caseworker, unrepresented!)).not.toThrow();
    expect(() => assertMayChangeParty(firmA, represented!)).not.toThrow();
    expect(() => assertMayChangeParty(alice, represented!)).not.toThrow();
    expect(() => assertMayChangeParty(dan, unrepresented!)).not.toThrow();
    expect(() => assertMayChangeParty(firmA, unrepresented!)).toThrow(forbidden);
    expect(() => assertMayChangeParty(dan, represented!)).toThrow(forbidden);
  });
});
