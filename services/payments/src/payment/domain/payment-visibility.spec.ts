import type { Principal } from '@ccsc/auth/principal';
import { asSeenBy, maySeePayment } from './payment-visibility';

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

  it("the provider's page only to whoever paid", () => {
    expect(asSeenBy(citizen, byCat).nextUrl).toBe('https://pay.example/t');
    expect(asSeenBy(staff, byCat).nextUrl).toBeNull();
    expect(asSeenBy(firm, byFirm).nextUrl).toBeNull();
  });
});
