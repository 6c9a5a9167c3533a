import type { EventEnvelope } from '@ccsc/contracts';
import { asRulesRead, olderVersionsOf } from './older-events';

const envelope = (type: string, data: Record<string, unknown>, actor?: string): EventEnvelope => ({
  specversion: '1.0',
  id: 'e-1',
  source: 'test',
  type,
  subject: 's-1',
  time: '2026-12-05T10:00:00Z',
  datacontenttype: 'application/json',
  data,
  ...(actor ? { actor } : {}),
});

describe('older versions of the events the task rules name', () => {
  it('are subscribed to only for the versions the rules name', () => {
    expect(olderVersionsOf(['payments.refund-status-changed.v2', 'cases.case-created.v1'])).toEqual([
      'payments.refund-status-changed.v1',
    ]);
  });

  it('are read as the version the rules name, with what they cannot say at its safe default', () => {
    expect(asRulesRead(envelope('payments.refund-status-changed.v1', { refundId: 'r' }, 'ann'))).toMatchObject({
      type: 'payments.refund-status-changed.v2',
      data: { refundId: 'r', requestedBy: 'ann' },
    });
    expect(asRulesRead(envelope('payments.refund-status-changed.v1', { refundId: 'r' })).data).toMatchObject({
      requestedBy: 'system',
    });
    // An officer may start the default run too: a v1 action never counts as an officer's.
    expect(
      asRulesRead(envelope('enforcement.enforcement-action-taken.v1', { accountId: 'a' }, 'olu')).data,
    ).toMatchObject({ takenBy: 'default-run' });
    expect(asRulesRead(envelope('cases.document-received.v1', { documentId: 'd' }))).toMatchObject({
      type: 'cases.document-received.v2',
      data: { documentId: 'd' },
    });
    const current = envelope('payments.refund-status-changed.v2', { refundId: 'r', requestedBy: 'bea' });
    expect(asRulesRead(current)).toBe(current);
  });
});
