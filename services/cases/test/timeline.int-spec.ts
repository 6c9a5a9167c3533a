import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { assistedDigitalNeedIdentifiedV1, complaintOpenedV1, EventType, paymentAllocatedV1 } from '@ccsc/contracts';
import { InProcessTransport, type TransportMessage } from '@ccsc/messaging';
import { bearer, eventMessage, eventually } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';

// Every event that names a case lands on that case's timeline, whichever service sent it.
describe("other services' events on the case timeline", () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    caseworker = await bearer('caseworker');
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  // Each event a second apart, so the timeline's order (by when it happened) is the order sent.
  let clock = 0;
  const message = <T extends object>(type: EventType<T>, subject: string, data: T) => eventMessage(type, subject, data, { time: new Date((clock += 1000)), actor: 'officer-9' });
  const publish = (...messages: TransportMessage[]) => InProcessTransport.shared().publish(messages);
  const timeline = async (id: string, query = '') =>
    (await http().get(`/api/v1/cases/${id}/timeline${query}`).set('Authorization', caseworker).expect(200)).body as { summary: string; source: string; actor: string }[];

  it('records each once per case it names, even when redelivered, and filters by kind', async () => {
    const [a, b] = await Promise.all([1, 2].map(async () => (await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201)).body.id as string));
    clock = Date.now();
    const complaint = message(complaintOpenedV1, randomUUID(), { complaintId: randomUUID(), reference: 'CMP-000123', severity: 'major', caseIds: [a, b], receivedAt: new Date().toISOString() });
    const allocated = message(paymentAllocatedV1, randomUUID(), {
      paymentId: randomUUID(), allocationId: randomUUID(), target: 'service-request', caseId: a, amountPence: 45500, method: 'cheque',
      receivedAt: new Date().toISOString(), allocatedAt: new Date().toISOString(),
    });
    const need = message(assistedDigitalNeedIdentifiedV1, randomUUID(), { enquiryId: randomUUID(), caseId: b, needs: ['no-device', 'language'] });
    await publish(complaint, allocated, need, complaint);

    await eventually(async () => {
      expect((await timeline(a)).map((e) => e.summary)).toEqual([
        'Case opened as civil-money-claim, state Draft',
        'Complaint CMP-000123 opened (major)',
        'Payment of £455.00 allocated to the service request',
      ]);
      expect((await timeline(b)).map((e) => e.summary)).toEqual([
        'Case opened as civil-money-claim, state Draft',
        'Complaint CMP-000123 opened (major)',
        'Assisted-digital need spotted on an enquiry: no-device, language (assess and refer the party)',
      ]);
    });
    expect(await timeline(a, '?kind=payments')).toEqual([expect.objectContaining({ source: 'payments', actor: 'officer-9' })]);
    expect((await timeline(b, '?kind=complaints')).map((e) => e.summary)).toEqual(['Complaint CMP-000123 opened (major)']);
  });
});
