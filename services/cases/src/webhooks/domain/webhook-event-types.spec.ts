import type { EventEnvelope } from '@ccsc/contracts';
import { webhookPayloadsOf } from './webhook-event-types';

const caseId = '3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f';
const reference = '1234567890123456';
const shown = '1234-5678-9012-3456';
const envelope = (type: string, data: object): EventEnvelope =>
  ({
    specversion: '1.0',
    id: '0b6c1e3f-8d2a-4c5b-9e7f-1a2b3c4d5e6f',
    source: 'cases',
    type,
    subject: caseId,
    time: '2031-07-01T09:00:00.000Z',
    datacontenttype: 'application/json',
    data,
  }) as EventEnvelope;

describe('webhook payloads from the cases service events', () => {
  it('makes an issue both case.issued and case.state-changed, and any other change only the latter', () => {
    const issued = webhookPayloadsOf(
      envelope('cases.case-state-changed.v1', { caseId, reference, event: 'issue', from: 'Submitted', to: 'Issued' }),
      reference,
    );
    expect(issued).toEqual([
      {
        type: 'case.issued',
        timestamp: '2031-07-01T09:00:00.000Z',
        data: { caseReference: shown, caseId, state: 'Issued' },
      },
      {
        type: 'case.state-changed',
        timestamp: '2031-07-01T09:00:00.000Z',
        data: { caseReference: shown, caseId, event: 'issue', from: 'Submitted', to: 'Issued' },
      },
    ]);
    const submitted = webhookPayloadsOf(
      envelope('cases.case-state-changed.v1', {
        caseId,
        reference,
        event: 'submit',
        from: 'Draft',
        to: 'Submitted',
        feesDue: ['FEE0202'],
      }),
      reference,
    );
    expect(submitted.map((p) => p.type)).toEqual(['case.state-changed']);
    expect(submitted[0].data).not.toHaveProperty('feesDue');
  });

  it("gives a hearing's when and where, and a status change without the officer's reason", () => {
    const [listed] = webhookPayloadsOf(
      envelope('cases.hearing-listed.v1', {
        caseId,
        hearingId: caseId,
        hearingType: 'final-hearing',
        venueId: 'LDN-RCJ',
        venueName: 'Royal Courts of Justice',
        startsAt: '2031-07-14T10:00:00+01:00',
        durationMinutes: 120,
      }),
      reference,
    );
    expect(listed).toEqual({
      type: 'hearing.listed',
      timestamp: '2031-07-01T09:00:00.000Z',
      data: {
        caseReference: shown,
        caseId,
        hearingId: caseId,
        hearingType: 'final-hearing',
        venueId: 'LDN-RCJ',
        venueName: 'Royal Courts of Justice',
        startsAt: '2031-07-14T09:00:00.000Z',
        durationMinutes: 120,
      },
    });
    const [late] = webhookPayloadsOf(
      envelope('cases.hearing-status-changed.v1', {
        caseId,
        hearingId: caseId,
        from: 'listed',
        to: 'running-late',
        startsAt: '2031-07-14T09:00:00.000Z',
        delayMinutes: 30,
      }),
      reference,
    );
    expect(late.data).toEqual({
      caseReference: shown,
      caseId,
      hearingId: caseId,
      from: 'listed',
      to: 'running-late',
      startsAt: '2031-07-14T09:00:00.000Z',
      delayMinutes: 30,
    });
  });

  it("names a decision by id only: its outcome is the judge's text, read through the API", () => {
    const [decision] = webhookPayloadsOf(
      envelope('cases.decision-recorded.v1', { caseId, decisionId: caseId, outcome: 'Claim struck out' }),
      reference,
    );
    expect(decision).toEqual({
      type: 'decision.recorded',
      timestamp: '2031-07-01T09:00:00.000Z',
      data: { caseReference: shown, caseId, decisionId: caseId },
    });
  });

  it('ignores every other event', () => {
    expect(
      webhookPayloadsOf(envelope('cases.party-updated.v1', { caseId, partyId: caseId, fields: ['email'] }), reference),
    ).toEqual([]);
    expect(webhookPayloadsOf(envelope('cases.case-created.v1', { caseId, reference }), reference)).toEqual([]);
  });
});
