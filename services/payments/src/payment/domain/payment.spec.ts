import { assertReversible, nextStatus, type PaymentMethod } from './payment';

const conflict = (message: string) => expect.objectContaining({ code: 'CONFLICT', message });

describe('a card payment as the provider reports it', () => {
  it('moves forward from created or pending to an outcome, and a repeated report changes nothing', () => {
    expect(nextStatus('created', 'pending')).toBe('pending');
    expect(nextStatus('created', 'success')).toBe('success');
    expect(nextStatus('pending', 'failed')).toBe('failed');
    expect(nextStatus('pending', 'cancelled')).toBe('cancelled');
    expect(nextStatus('success', 'success')).toBe('unchanged');
    expect(nextStatus('failed', 'failed')).toBe('unchanged');
  });

  it('never goes back, nor from one outcome to another', () => {
    expect(() => nextStatus('pending', 'created')).toThrow(conflict('A pending payment cannot become created'));
    expect(() => nextStatus('success', 'failed')).toThrow(conflict('A success payment cannot become failed'));
    expect(() => nextStatus('failed', 'success')).toThrow(conflict('A failed payment cannot become success'));
    expect(() => nextStatus('cancelled', 'pending')).toThrow(conflict('A cancelled payment cannot become pending'));
  });
});

describe('reversing a payment', () => {
  const received = (method: PaymentMethod) => ({ status: 'success' as const, method, reversedAt: null });

  it('lets a cheque, postal order or transfer bounce, and a card be charged back', () => {
    for (const method of ['cheque', 'postal-order', 'bank-transfer'] as const) {
      expect(() => assertReversible(received(method), 'bounced')).not.toThrow();
    }
    expect(() => assertReversible(received('card'), 'chargeback')).not.toThrow();
  });

  it('refuses a reason that does not fit how the money came', () => {
    expect(() => assertReversible(received('card'), 'bounced')).toThrow(conflict('A card payment cannot bounce'));
    expect(() => assertReversible(received('cash'), 'bounced')).toThrow('A cash payment cannot bounce');
    const byAccount = received('payment-by-account');
    expect(() => assertReversible(byAccount, 'bounced')).toThrow('A payment-by-account payment cannot bounce');
    expect(() => assertReversible(received('cheque'), 'chargeback')).toThrow('Only a card payment can be charged back');
  });

  it('only of money received, and only once', () => {
    const pending = { ...received('card'), status: 'pending' as const };
    expect(() => assertReversible(pending, 'chargeback')).toThrow(
      'Only a successful payment can be reversed; this one is pending',
    );
    const reversed = { ...received('cheque'), reversedAt: new Date() };
    expect(() => assertReversible(reversed, 'bounced')).toThrow(conflict('The payment has already been reversed'));
  });
});
