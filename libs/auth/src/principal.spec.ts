import { isStaff, principalFromClaims } from './principal';
import { CONTRACTOR_ROLES, STAFF_ROLES } from './roles';

describe('principalFromClaims', () => {
  it('reads the roles it knows and the organisation', () => {
    expect(principalFromClaims({ sub: 'u1', roles: ['caseworker', 'wizard'] })).toEqual({
      sub: 'u1',
      roles: ['caseworker'],
    });
    expect(principalFromClaims({ sub: 'a1', roles: ['enforcement-agent'], org: ' agency-marston ' })).toEqual({
      sub: 'a1',
      roles: ['enforcement-agent'],
      organisationId: 'agency-marston',
    });
  });

  it.each(['professional', 'enforcement-agent'])('refuses a %s token that names no organisation', (role) => {
    expect(() => principalFromClaims({ sub: 'x', roles: [role] })).toThrow(/must name its organisation/);
    expect(() => principalFromClaims({ sub: 'x', roles: [role], org: '  ' })).toThrow(/must name its organisation/);
  });
});

describe('staff', () => {
  it('excludes an enforcement agency, which works for the court under contract and sees only its warrants', () => {
    expect(CONTRACTOR_ROLES).toEqual(['enforcement-agent']);
    expect(STAFF_ROLES).not.toContain('enforcement-agent');
    expect(isStaff({ sub: 'a1', roles: ['enforcement-agent'], organisationId: 'agency' })).toBe(false);
  });
});
