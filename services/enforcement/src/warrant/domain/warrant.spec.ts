import type { Principal } from '@ccsc/auth';
import { checkWarrantChange, mayActOnWarrant, warrantRoleOf } from './warrant';

const officer: Principal = { sub: 'officer-sam', roles: ['enforcement-officer'] };
const marston: Principal = { sub: 'agent-ali', roles: ['enforcement-agent'], organisationId: 'agency-marston' };
const solicitor: Principal = { sub: 'sol', roles: ['professional'], organisationId: 'agency-marston' };

describe('who acts on a warrant', () => {
  it('staff act as officers on every warrant; an agency only on those given to it; anyone else on none', () => {
    expect(warrantRoleOf(officer)).toBe('officer');
    expect(warrantRoleOf({ sub: 'scheduler', roles: ['system'] })).toBe('officer');
    expect(warrantRoleOf(marston)).toBe('agency');
    expect(warrantRoleOf(solicitor)).toBeUndefined();
    expect(warrantRoleOf({ sub: 'a', roles: ['enforcement-agent'] })).toBeUndefined();
    expect(warrantRoleOf({ sub: 'aud', roles: ['auditor'] })).toBeUndefined();

    expect(mayActOnWarrant(officer, { agent: null })).toBe(true);
    expect(mayActOnWarrant(marston, { agent: 'agency-marston' })).toBe(true);
    expect(mayActOnWarrant(marston, { agent: 'agency-other' })).toBe(false);
    expect(mayActOnWarrant(marston, { agent: null })).toBe(false);
    // A firm's organisation that happens to share the agency's name is still a firm.
    expect(mayActOnWarrant(solicitor, { agent: 'agency-marston' })).toBe(false);
  });
});

describe('checkWarrantChange', () => {
  it('lets the agency holding a warrant report what it did, and only that', () => {
    expect(checkWarrantChange('with-agent', { status: 'executed', collectedPence: 100 }, 'agency')).toBeTruthy();
    expect(checkWarrantChange('with-agent', { status: 'returned-unexecuted' }, 'agency')).toBeTruthy();
    for (const status of ['withdrawn', 'expired'] as const)
      expect(() => checkWarrantChange('with-agent', { status }, 'agency')).toThrow(/court's/);
    expect(() => checkWarrantChange('with-agent', { status: 'with-agent', agent: 'agency-other' }, 'agency')).toThrow(
      /court's/,
    );
  });

  it('leaves execution, with its money, to the agency: an officer saying so would clear a fine with none', () => {
    expect(() => checkWarrantChange('with-agent', { status: 'executed', collectedPence: 100 }, 'officer')).toThrow(
      /Only the enforcement agency holding the warrant/,
    );
    expect(checkWarrantChange('issued', { status: 'with-agent', agent: 'agency-marston' }, 'officer')).toBeTruthy();
    expect(checkWarrantChange('with-agent', { status: 'withdrawn' }, 'officer')).toBeTruthy();
  });

  it('refuses a move its status does not allow, and what a change lacks', () => {
    expect(() => checkWarrantChange('executed', { status: 'returned-unexecuted' }, 'agency')).toThrow(
      /executed cannot become returned-unexecuted/,
    );
    expect(() => checkWarrantChange('issued', { status: 'with-agent' }, 'officer')).toThrow(/Which agent/);
    expect(() => checkWarrantChange('with-agent', { status: 'executed' }, 'agency')).toThrow(/What was collected/);
  });
});
