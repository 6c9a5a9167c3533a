import type { Principal } from '@ccsc/auth/principal';
import { asSeenBy, maySeePayment, paymentScope } from './payment-visibility';

const citizen: Principal = { sub: 'cat', roles: ['citizen'] };
const opponent: Principal = { sub: 'bob', roles: ['citizen'] };
const firm: Principal = { sub: 'sol-2', roles: ['professional'], organisationId: 'org-a' };
const staff: Principal = { sub: 'fay', roles: ['finance-officer'] };

describe('who sees a payment', () => {
  const byCat = { payer: 'cat', organisationId: null, nextUrl: 'https://pay.example/t' };
  const byFirm = { payer: 'sol-1', organisationId: 'org-a', nextUrl: 'https://pay.example/u' };

  it('staff and the payer (a citizen, or any user of the paying firm); never the other side of the case', () => {
    expect(maySeePayment(staff, byCat)).toBe(true);
    expect(maySeePayment(citizen, byCat)).toBe(true);
    expect(maySeePayment(opponent, byCat)).toBe(false);
    expect(maySeePayment(firm, byCat)).toBe(false);
    expect(maySeePayment(firm, byFirm)).toBe(true);
    expect(maySeePayment(citizen, byFirm)).toBe(false);
  });

  it("a payer with neither a firm nor a citizen's role: only what they paid themselves", () => {
    const loneSolicitor: Principal = { sub: 'sol-9', roles: ['professional'] };
    expect(paymentScope(loneSolicitor)).toEqual({ kind: 'user', userId: 'sol-9' });
    expect(maySeePayment(loneSolicitor, { payer: 'sol-9', organisationId: null })).toBe(true);
    expect(maySeePayment(loneSolicitor, byFirm)).toBe(false);
    expect(paymentScope(staff)).toEqual({ kind: 'all' });
    expect(paymentScope(firm)).toEqual({ kind: 'organisation', organisationId: 'org-a' });
  });

  it("the provider's page only to whoever paid", () => {
    expect(asSeenBy(citizen, byCat).nextUrl).toBe('https://pay.example/t');
    expect(asSeenBy(staff, byCat).nextUrl).toBeNull();
    expect(asSeenBy(firm, byFirm).nextUrl).toBeNull();
  });
});
