import type { PaymentSearchFilter } from '../domain/payment-search-criteria';
import * as search from './payment-search.repository';

// The statement as node-postgres receives it: the text with its $n, and the values in order.
const paymentSearchSql = (...args: Parameters<typeof search.paymentSearchSql>) =>
  search.paymentSearchSql(...args).toQuery();

describe('payment search SQL', () => {
  const after = { createdAt: new Date('2027-01-02T03:04:05.678Z'), id: '00000000-0000-4000-8000-000000000000' };
  const from = new Date('2027-01-15T00:00:00.000Z');
  const to = new Date('2027-01-16T00:00:00.000Z');
  const firm = { kind: 'organisation', organisationId: 'org-a' } as const;

  it('matches every criterion given, within the caller’s access, newest first; every value bound, none inlined', () => {
    const filter: PaymentSearchFilter = {
      reference: "CHQ '42",
      payerWords: ['smith', '100%'],
      amountPence: 4500,
      method: 'cheque',
      received: { from, to },
    };
    const { text, values } = paymentSearchSql(filter, firm, 21, after);
    expect(text).toBe(
      'SELECT p.id, p.created_at AS "createdAt" FROM payments p WHERE lower(p.reference) = lower($1)' +
        ' AND p.account_id IN (SELECT a.id FROM payment_accounts a WHERE lower(a.name) ILIKE $2 AND lower(a.name) ILIKE $3)' +
        ' AND p.amount_pence = $4 AND p.method = $5 AND p.received_at >= $6 AND p.received_at < $7' +
        ' AND p.organisation_id = $8 AND (p.created_at, p.id) < ($9, $10)' +
        ' ORDER BY p.created_at DESC, p.id DESC LIMIT $11',
    );
    expect(values).toEqual([
      "CHQ '42",
      '%smith%',
      '%100\\%%',
      4500,
      'cheque',
      from,
      to,
      'org-a',
      after.createdAt,
      after.id,
      21,
    ]);
  });

  it('applies the payments list’s access rule: staff all, a firm its own, anyone else what they paid', () => {
    expect(paymentSearchSql({ method: 'cash' }, { kind: 'all' }, 5).text).toBe(
      'SELECT p.id, p.created_at AS "createdAt" FROM payments p WHERE p.method = $1 AND true' +
        ' ORDER BY p.created_at DESC, p.id DESC LIMIT $2',
    );
    expect(paymentSearchSql({ method: 'cash' }, { kind: 'user', userId: 'citizen-alex' }, 5)).toEqual({
      text: expect.stringContaining('p.method = $1 AND p.payer = $2 ORDER BY') as string,
      values: ['cash', 'citizen-alex', 5],
    });
    expect(paymentSearchSql({ method: 'cash' }, { kind: 'none' }, 5).text).toContain('AND false');
  });

  it('bounds the received days at either end alone', () => {
    expect(paymentSearchSql({ received: { from } }, { kind: 'all' }, 5).text).toContain(
      'WHERE p.received_at >= $1 AND true',
    );
    expect(paymentSearchSql({ received: { to } }, { kind: 'all' }, 5).text).toContain(
      'WHERE p.received_at < $1 AND true',
    );
  });
});
