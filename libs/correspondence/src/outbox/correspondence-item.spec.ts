import {
  channelFor,
  letterSenderFor,
  nextAttemptAt,
  statusAfterProvider,
  undeliverableReason,
} from './correspondence-item';

const someone = { name: 'Siân Llŷr', addressLines: null, postcode: null, email: null, phone: null };

describe('channelFor', () => {
  it('posts a letter when the party has an address, even with an email', () => {
    const recipient = { ...someone, addressLines: ['1 Heol y Frenhines'], postcode: 'CF101AA', email: 's@example.com' };
    expect(channelFor(recipient, ['letter', 'email'])).toBe('letter');
  });
  it('emails when there is no full address, or the template has no letter', () => {
    expect(channelFor({ ...someone, postcode: 'CF101AA', email: 's@example.com' }, ['letter', 'email'])).toBe('email');
    expect(
      channelFor({ ...someone, addressLines: ['1 High St'], postcode: 'CF101AA', email: 's@example.com' }, ['email']),
    ).toBe('email');
  });
  it('texts when there is only a phone number and the template has a text', () => {
    expect(channelFor({ ...someone, phone: '07700 900123' }, ['letter', 'email', 'sms'])).toBe('sms');
    expect(channelFor({ ...someone, email: 's@example.com', phone: '07700 900123' }, ['email', 'sms'])).toBe('email');
    expect(channelFor({ ...someone, phone: '07700 900123' }, ['letter', 'email'])).toBeUndefined();
  });
  it('finds no channel without an address, an email or a phone number', () => {
    expect(channelFor({ ...someone, postcode: 'CF101AA' }, ['letter', 'email', 'sms'])).toBeUndefined();
    expect(channelFor({ name: 'Siân Llŷr', addressLines: null, postcode: null, email: null }, ['sms'])).toBeUndefined();
  });
});

describe('statusAfterProvider', () => {
  it("follows the provider's outcome", () => {
    expect(statusAfterProvider('pending', 'created')).toBe('sent');
    expect(statusAfterProvider('sent', 'delivered')).toBe('delivered');
    expect(statusAfterProvider('sent', 'received')).toBe('delivered');
    expect(statusAfterProvider('sent', 'permanent-failure')).toBe('failed');
    expect(statusAfterProvider('sent', 'validation-failed')).toBe('failed');
  });
  it('keeps an outcome when a late progress report arrives', () => {
    expect(statusAfterProvider('delivered', 'sending')).toBe('delivered');
    expect(statusAfterProvider('failed', 'accepted')).toBe('failed');
    expect(statusAfterProvider('undeliverable', 'delivered')).toBe('undeliverable');
  });
});

describe('nextAttemptAt', () => {
  const policy = { firstDelayMs: 1_000, maxDelayMs: 5_000, maxAttempts: 5 };
  const now = new Date('2026-12-01T10:00:00Z');
  it('doubles the wait after each failure up to the cap, then gives up', () => {
    expect(nextAttemptAt(policy, 1, now)?.getTime()).toBe(now.getTime() + 1_000);
    expect(nextAttemptAt(policy, 2, now)?.getTime()).toBe(now.getTime() + 2_000);
    expect(nextAttemptAt(policy, 4, now)?.getTime()).toBe(now.getTime() + 5_000);
    expect(nextAttemptAt(policy, 5, now)).toBeUndefined();
  });
});

describe('letterSenderFor', () => {
  it("sends enforcement's notices from the fines office and the rest from the courts' service centre", () => {
    expect(letterSenderFor('enforcement.further-steps-notice').name.en).toMatch(/Fines/);
    expect(letterSenderFor('cases.hearing-listed').name.en).toBe('HM Courts & Tribunals Service');
    expect(letterSenderFor('queries.enquiry-acknowledged').name.en).toBe('HM Courts & Tribunals Service');
  });
});

describe('an address too long for the envelope window', () => {
  const tooLong = {
    name: 'Siân Llŷr',
    addressLines: Array.from({ length: 5 }, () => 'W'.repeat(80)),
    postcode: 'SA14DN',
    email: null,
    phone: null,
  };

  it('is treated as no address: an email, else a text, else nothing', () => {
    expect(channelFor({ ...tooLong, email: 's@example.com' }, ['letter', 'email'])).toBe('email');
    expect(channelFor({ ...tooLong, phone: '07700 900123' }, ['letter', 'email', 'sms'])).toBe('sms');
    expect(channelFor(tooLong, ['letter', 'email', 'sms'])).toBeUndefined();
  });

  it('is named as the reason an officer sees, without the address itself', () => {
    const reason = undeliverableReason(tooLong);
    expect(reason).toMatch(/does not fit the envelope window/);
    expect(reason).not.toMatch(/WWW|SA1|Siân/);
    expect(reason.length).toBeLessThanOrEqual(300);
    expect(undeliverableReason({ ...tooLong, addressLines: null, postcode: null })).toMatch(/^No postal address/);
  });
});
