import type { Principal } from '@ccsc/auth';
import { checkWarrantChange, mayActOnWarrant, warrantRoleOf } from './warrant';

const OFFICERS = ['enforcement-officer', 'team-leader'] as const;
const officer: Principal = { sub: 'officer-sam', roles: ['enforcement-officer'] };
const marston: Principal = { sub: 'agent-ali', roles: ['enforcement-agent'], organisationId: 'agency-marston' };
const solicitor: Principal = { sub: 'sol', roles: ['professional'], organisationId: 'agency-marston' };
const ofControl = (status: 'issued' | 'with-agent' | 'executed') => ({ status, kind: 'warrant-of-control' });

describe('who acts on a warrant', () => {
  it("acts as an officer only with an officer's role, as an agency on those given to it, else not at all", () => {
    expect(warrantRoleOf(officer, OFFICERS)).toBe('officer');
    expect(warrantRoleOf({ sub: 'scheduler', roles: ['system'] }, OFFICERS)).toBeUndefined();
    expect(warrantRoleOf({ sub: 'scheduler', roles: ['system'] }, ['system'])).toBe('officer');
    expect(warrantRoleOf(marston, OFFICERS)).toBe('agency');
    expect(warrantRoleOf(solicitor, OFFICERS)).toBeUndefined();
    expect(warrantRoleOf({ sub: 'a', roles: ['enforcement-agent'] }, OFFICERS)).toBeUndefined();
    // An agency's role beside a staff role that is not an officer's lends it nothing: it is the agency.
    const caseworkerAgency: Principal = { ...marston, roles: ['caseworker', 'enforcement-agent'] };
    expect(warrantRoleOf(caseworkerAgency, OFFICERS)).toBe('agency');

    expect(mayActOnWarrant('officer', officer, { agent: null })).toBe(true);
    expect(mayActOnWarrant('agency', marston, { agent: 'agency-marston' })).toBe(true);
    expect(mayActOnWarrant('agency', marston, { agent: 'agency-other' })).toBe(false);
    expect(mayActOnWarrant('agency', marston, { agent: null })).toBe(false);
    expect(mayActOnWarrant(undefined, solicitor, { agent: 'agency-marston' })).toBe(false);
  });
});

describe('checkWarrantChange', () => {
  it('lets the agency holding a warrant report what it did, and only that', () => {
    expect(
      checkWarrantChange(ofControl('with-agent'), { status: 'executed', collectedPence: 100 }, 'agency'),
    ).toBeTruthy();
    expect(checkWarrantChange(ofControl('with-agent'), { status: 'returned-unexecuted' }, 'agency')).toBeTruthy();
    for (const status of ['withdrawn', 'expired'] as const)
      expect(() => checkWarrantChange(ofControl('with-agent'), { status }, 'agency')).toThrow(/court's/);
    expect(() =>
      checkWarrantChange(ofControl('with-agent'), { status: 'with-agent', agent: 'agency-other' }, 'agency'),
    ).toThrow(/court's/);
  });

  it('leaves execution, with its money, to the agency: an officer saying so would clear a fine with none', () => {
    expect(() =>
      checkWarrantChange(ofControl('with-agent'), { status: 'executed', collectedPence: 100 }, 'officer'),
    ).toThrow(/Only the enforcement agency holding the warrant/);
    expect(
      checkWarrantChange(ofControl('issued'), { status: 'with-agent', agent: 'agency-marston' }, 'officer'),
    ).toBeTruthy();
    expect(checkWarrantChange(ofControl('with-agent'), { status: 'withdrawn' }, 'officer')).toBeTruthy();
  });

  it('gives an agency warrants of control only, and takes no more collected than the account owes', () => {
    const committal = { status: 'issued' as const, kind: 'committal-warrant' };
    expect(() => checkWarrantChange(committal, { status: 'with-agent', agent: 'agency-marston' }, 'officer')).toThrow(
      /committal-warrant is not given to an enforcement agency/,
    );
    const executed = { status: 'executed' as const, collectedPence: 70_001 };
    expect(() => checkWarrantChange(ofControl('with-agent'), executed, 'agency', 70_000)).toThrow(/owes 70000 pence/);
    expect(
      checkWarrantChange(ofControl('with-agent'), { ...executed, collectedPence: 70_000 }, 'agency', 70_000),
    ).toBeTruthy();
    expect(() => checkWarrantChange(ofControl('with-agent'), { ...executed, collectedPence: 1 }, 'agency', 0)).toThrow(
      /owes nothing now/,
    );
    // The agency is named only as the warrant is given to it: nobody hands it on with another report.
    for (const [change, by] of [
      [{ status: 'executed', collectedPence: 100, agent: 'agency-other' }, 'agency'],
      [{ status: 'returned-unexecuted', agent: 'agency-other' }, 'agency'],
      [{ status: 'withdrawn', agent: 'agency-other' }, 'officer'],
    ] as const)
      expect(() => checkWarrantChange(ofControl('with-agent'), change, by, 70_000)).toThrow(/named only when/);
  });

  it('refuses a move its status does not allow, and what a change lacks', () => {
    expect(() => checkWarrantChange(ofControl('executed'), { status: 'returned-unexecuted' }, 'agency')).toThrow(
      /executed cannot become returned-unexecuted/,
    );
    expect(() => checkWarrantChange(ofControl('issued'), { status: 'with-agent' }, 'officer')).toThrow(/Which agent/);
    expect(() => checkWarrantChange(ofControl('with-agent'), { status: 'executed' }, 'agency')).toThrow(
      /What was collected/,
    );
  });
});
