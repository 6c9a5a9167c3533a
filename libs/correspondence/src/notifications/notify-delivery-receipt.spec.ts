import {
  DeliveryReceiptRejected,
  isNotifyCallbackAuthorised,
  parseDeliveryReceipt,
  verifyNotifyCallback,
} from './notify-delivery-receipt';

const TOKEN = 'callback-token-0123456789abcdef';
// A delivery receipt as Notify's documentation shows it.
const receipt = {
  id: '740e5834-3a29-46b4-9a6f-16142fde533a',
  reference: 'ccsc-item-42',
  to: 'siân@example.cymru',
  status: 'delivered',
  created_at: '2026-12-06T10:15:30.000000Z',
  completed_at: '2026-12-06T10:15:32.250000Z',
  sent_at: '2026-12-06T10:15:31.000000Z',
  notification_type: 'email',
  template_id: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  template_version: 1,
};

describe('isNotifyCallbackAuthorised', () => {
  it('accepts the configured bearer token and nothing else', () => {
    expect(isNotifyCallbackAuthorised(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isNotifyCallbackAuthorised(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(isNotifyCallbackAuthorised(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(isNotifyCallbackAuthorised(TOKEN, TOKEN)).toBe(false);
    expect(isNotifyCallbackAuthorised('Bearer ', TOKEN)).toBe(false);
    expect(isNotifyCallbackAuthorised(undefined, TOKEN)).toBe(false);
  });

  it('refuses to run with no token configured, which would let anyone in', () => {
    expect(() => isNotifyCallbackAuthorised('Bearer ', '')).toThrow('must not be empty');
  });
});

describe('verifyNotifyCallback', () => {
  it('reads a receipt carrying the token, leaving the recipient out', () => {
    expect(verifyNotifyCallback(`Bearer ${TOKEN}`, JSON.stringify(receipt), TOKEN)).toEqual({
      id: receipt.id,
      reference: 'ccsc-item-42',
      status: 'delivered',
      notificationType: 'email',
      createdAt: new Date('2026-12-06T10:15:30.000Z'),
      sentAt: new Date('2026-12-06T10:15:31.000Z'),
      completedAt: new Date('2026-12-06T10:15:32.250Z'),
    });
  });

  it('answers 401 to a wrong token before reading the body', () => {
    expect(() => verifyNotifyCallback('Bearer guessed', receipt, TOKEN)).toThrow(
      expect.objectContaining({ httpStatus: 401 }),
    );
  });

  it('answers 400 to a body that is not a receipt, naming the field but not its value', () => {
    const cases: [unknown, string][] = [
      ['not json', 'the body is not JSON'],
      [{ ...receipt, id: undefined }, 'id is missing'],
      [{ ...receipt, status: 'lost-in-post' }, 'status is not a known status'],
      [{ ...receipt, notification_type: 'fax' }, 'notification_type is not email, sms or letter'],
      [{ ...receipt, completed_at: 'yesterday' }, 'completed_at is not a date and time'],
      // Bounded and checked here, or the write fails with a 500: provider_id is varchar(100), and
      // PostgreSQL's timestamps end where JavaScript's do not.
      [{ ...receipt, id: 'x'.repeat(101) }, 'id is longer than 100 characters'],
      [{ ...receipt, reference: 'r'.repeat(1_001) }, 'reference is longer than 1000 characters'],
      [{ ...receipt, completed_at: '-100000-01-01T00:00:00.000Z' }, 'completed_at is not a date and time'],
      [{ ...receipt, sent_at: '+275760-09-13T00:00:00.000Z' }, 'sent_at is not a date and time'],
      [{ ...receipt, created_at: '1' }, 'created_at is not a date and time'],
      [{ ...receipt, created_at: 1_700_000_000_000 }, 'created_at is not a date and time'],
      [{ ...receipt, completed_at: '2026-13-45T10:15:30Z' }, 'completed_at is not a date and time'],
    ];
    for (const [body, problem] of cases) {
      let error: unknown;
      try {
        verifyNotifyCallback(`Bearer ${TOKEN}`, body, TOKEN);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(DeliveryReceiptRejected);
      expect(error).toMatchObject({ httpStatus: 400, message: `Not a Notify delivery receipt: ${problem}` });
    }
  });
});

describe('parseDeliveryReceipt', () => {
  it('reads a failed text message with no reference and no completion yet', () => {
    expect(
      parseDeliveryReceipt({
        ...receipt,
        reference: null,
        status: 'temporary-failure',
        notification_type: 'sms',
        completed_at: null,
      }),
    ).toMatchObject({ reference: null, status: 'temporary-failure', notificationType: 'sms', completedAt: null });
  });
});

describe('the instants of a receipt', () => {
  it("reads Notify's microseconds, an offset, and no zone as UTC", () => {
    const read = (created_at: string) => parseDeliveryReceipt({ ...receipt, created_at }).createdAt.toISOString();
    expect(read('2026-12-06T10:15:30.123456Z')).toBe('2026-12-06T10:15:30.123Z');
    expect(read('2026-12-06T10:15:30+01:00')).toBe('2026-12-06T09:15:30.000Z');
    expect(read('2026-12-06T10:15:30.000000')).toBe('2026-12-06T10:15:30.000Z');
    expect(parseDeliveryReceipt({ ...receipt, id: 'x'.repeat(100) }).id).toHaveLength(100);
  });
});
