import { sql } from '@ccsc/platform/sql';
import { accessScopeOf, isOwnedBy, ownerFilter, scopeFilter } from './access-scope';

describe('access scope', () => {
  const citizen = { sub: 'u1', roles: ['citizen' as const] };
  const solicitor = { sub: 'p1', roles: ['professional' as const], organisationId: 'firm-1' };
  const caseworker = { sub: 's1', roles: ['caseworker' as const] };

  it('gives staff everything, a firm its own, a citizen their own', () => {
    expect(accessScopeOf(caseworker)).toEqual({ kind: 'all' });
    expect(accessScopeOf(solicitor)).toEqual({ kind: 'organisation', organisationId: 'firm-1' });
    expect(accessScopeOf(citizen)).toEqual({ kind: 'user', userId: 'u1' });
    expect(accessScopeOf({ sub: 'p2', roles: ['professional'] })).toEqual({ kind: 'none' });
  });

  it("gives an enforcement agency, which is neither staff nor a party, nothing of anyone's data", () => {
    const agency = { sub: 'a1', roles: ['enforcement-agent' as const], organisationId: 'firm-1' };
    expect(accessScopeOf(agency)).toEqual({ kind: 'none' });
    expect(isOwnedBy(accessScopeOf(agency), { organisationId: 'firm-1' })).toBe(false);
  });

  it('lets a service narrow which staff see everything', () => {
    expect(accessScopeOf(caseworker, ['complaints-officer'])).toEqual({ kind: 'none' });
  });

  it('admits an owner the same way in memory and in SQL', () => {
    const owner = { userId: 'u1', organisationId: null };
    expect(isOwnedBy(accessScopeOf(citizen), owner)).toBe(true);
    expect(isOwnedBy(accessScopeOf(solicitor), owner)).toBe(false);
    expect(isOwnedBy({ kind: 'none' }, owner)).toBe(false);
    const columns = { user: 'c.user_id', organisation: 'c.organisation_id' };
    expect(ownerFilter(accessScopeOf(citizen), columns).toQuery()).toEqual({ text: 'c.user_id = $1', values: ['u1'] });
    expect(ownerFilter(accessScopeOf(solicitor), columns).toQuery()).toEqual({
      text: 'c.organisation_id = $1',
      values: ['firm-1'],
    });
    expect(ownerFilter(accessScopeOf(caseworker), columns).toQuery().text).toBe('true');
    expect(ownerFilter({ kind: 'none' }, columns).toQuery().text).toBe('false');
  });

  it('takes any condition for data that records its owners elsewhere', () => {
    const filter = scopeFilter(accessScopeOf(solicitor), {
      user: (u) => sql`${u} = ANY (users)`,
      organisation: (o) => sql`${o} = ANY (organisations)`,
    });
    expect(filter.toQuery()).toEqual({ text: '$1 = ANY (organisations)', values: ['firm-1'] });
  });
});
