import type { Principal } from '@ccsc/auth';
import { Case } from '../domain/case';
import { CaseModel } from './case.model';

describe("a case's parties as each viewer sees them", () => {
  const aggregate = Case.create({
    caseType: 'civil-money-claim',
    parties: [
      {
        role: 'claimant',
        kind: 'person',
        name: 'Alex',
        email: 'alex@example.com',
        phone: '020 7946 0000',
        postcode: 'SW1A 2AA',
        addressLines: [' 10 Downing Street ', 'London'],
        userId: 'citizen-alex',
        representedBy: 'org-a',
        preferredLanguage: 'cy',
        reasonableAdjustments: ['large print'],
        vulnerabilityFlags: ['domestic abuse'],
      },
      { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd', representedBy: 'org-b' },
    ],
    createdBy: 'u',
    now: new Date(),
  });
  const claimantAs = (viewer: Principal) => CaseModel.from(aggregate, viewer).parties[0];

  it('shows the party and whoever acts for it every detail, and staff too', () => {
    const full = {
      role: 'claimant',
      kind: 'person',
      name: 'Alex',
      email: 'alex@example.com',
      phone: '020 7946 0000',
      postcode: 'SW1A2AA',
      addressLines: ['10 Downing Street', 'London'],
      representedBy: 'org-a',
      preferredLanguage: 'cy',
      reasonableAdjustments: ['large print'],
      vulnerabilityFlags: ['domestic abuse'],
    };
    for (const viewer of [
      { sub: 'officer', roles: ['caseworker'] },
      { sub: 'sol', roles: ['professional'], organisationId: 'org-a' },
      { sub: 'citizen-alex', roles: ['citizen'] },
    ] as Principal[]) {
      expect(claimantAs(viewer)).toEqual({ id: expect.any(String), ...full });
    }
  });

  it('shows the other side who the party is and who represents it, nothing more; never the account link', () => {
    expect(claimantAs({ sub: 'sol', roles: ['professional'], organisationId: 'org-b' })).toEqual({
      id: expect.any(String),
      role: 'claimant',
      kind: 'person',
      name: 'Alex',
      representedBy: 'org-a',
    });
    for (const viewer of [
      { sub: 'officer', roles: ['caseworker'] },
      { sub: 'citizen-alex', roles: ['citizen'] },
    ] as Principal[]) {
      expect(claimantAs(viewer)).not.toHaveProperty('userId');
    }
  });
});
