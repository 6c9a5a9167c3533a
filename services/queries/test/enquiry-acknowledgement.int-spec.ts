import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { londonLocalDate } from '@ccsc/calendar';
import { enquiryRaisedV1, type EnquiryRaisedV1 } from '@ccsc/contracts';
import { loadTemplates, render, type SandboxNotificationSender } from '@ccsc/correspondence';
import { CorrespondenceDispatcher, NOTIFICATION_SENDER } from '@ccsc/correspondence/outbox';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { enquiry, knownCase, startQueriesApp } from './queries-app';

interface Item {
  id: string;
  enquiryId: string;
  contactId: string;
  template: string;
  language: string;
  channel?: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
}

describe('acknowledging an enquiry to its contact', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let sandbox: SandboxNotificationSender;
  let dispatcher: CorrespondenceDispatcher;
  let caseworker: string;
  let sian: string;
  let dai: string;
  let quiet: string;
  let texter: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp({ CORRESPONDENCE_DISPATCH_INTERVAL_MS: '0' }));
    sandbox = app.get(NOTIFICATION_SENDER);
    dispatcher = app.get(CorrespondenceDispatcher);
    [caseworker, sian, dai, quiet, texter] = await Promise.all([
      bearer('caseworker', { sub: 'officer-sam' }),
      bearer('citizen', { sub: 'citizen-sian-ack' }),
      bearer('citizen', { sub: 'citizen-dai-ack' }),
      bearer('citizen', { sub: 'citizen-quiet-ack' }),
      bearer('citizen', { sub: 'citizen-texter-ack' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const raise = async (who: string, overrides: Record<string, unknown>) =>
    (await http().post('/api/v1/queries/enquiries').set('Authorization', who).send(enquiry(overrides)).expect(201))
      .body as { id: string; reference: string; receivedAt: string };
  const items = async (enquiryId: string, token = caseworker) =>
    (await http().get(`/api/v1/queries/enquiries/${enquiryId}/correspondence`).set('Authorization', token).expect(200))
      .body as Item[];
  const recorded = (enquiryId: string) =>
    eventually(async () => {
      const found = await items(enquiryId);
      expect(found).toHaveLength(1);
      return found[0]!;
    });
  const raisedEvent = async (enquiryId: string) =>
    (
      (await dataSource.query('SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2', [
        enquiryRaisedV1.type,
        enquiryId,
      ])) as { envelope: { id: string; time: string; data: EnquiryRaisedV1 } }[]
    )[0]!.envelope;
  const targetDay = async (enquiryId: string) => {
    const [clock] = (await dataSource.query(
      `SELECT due_at AS "dueAt" FROM enquiry_sla_clocks WHERE enquiry_id = $1 AND clock = 'resolution'`,
      [enquiryId],
    )) as { dueAt: Date }[];
    return londonLocalDate(new Date(clock!.dueAt));
  };

  it('acknowledges an enquiry raised in Welsh in Welsh, with its reference and target day, sent once', async () => {
    const raised = await raise(sian, {
      language: 'cy',
      subject: 'Fy hawliad',
      message: 'Pryd fydd fy hawliad yn cael ei gyhoeddi?',
      contact: { name: 'Siân Llŷr', email: 'sian@example.com' },
    });
    expect(raised.reference).toMatch(/^ENQ-\d{7}$/);
    const item = await recorded(raised.id);
    const expected = render(loadTemplates().get('queries.enquiry-acknowledged'), 'cy', {
      name: 'Siân Llŷr',
      enquiryReference: raised.reference,
      receivedDate: londonLocalDate(new Date(raised.receivedAt)),
      targetDate: await targetDay(raised.id),
    });
    expect(item).toMatchObject({
      enquiryId: raised.id,
      template: 'queries.enquiry-acknowledged',
      language: 'cy',
      channel: 'email',
      subject: `Rydym wedi cael eich ymholiad: ${raised.reference}`,
      body: expected.body,
      status: 'pending',
    });

    // The same event delivered again: still one item.
    const event = await raisedEvent(raised.id);
    await publishEvent(enquiryRaisedV1, raised.id, event.data, { id: event.id, time: event.time });
    await dispatcher.run();
    await dispatcher.run();
    expect(await items(raised.id)).toHaveLength(1);
    const sent = sandbox.sentWithReference(item.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.notification).toMatchObject({
      channel: 'email',
      emailAddress: 'sian@example.com',
      subject: item.subject,
      body: expected.body,
    });
    expect((await items(raised.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('texts a contact who gave only a phone number, in the enquiry language', async () => {
    const raised = await raise(texter, { contact: { name: 'Dewi Text', phone: '07700 900123' } });
    const item = await recorded(raised.id);
    expect(item).toMatchObject({ channel: 'sms', language: 'en', status: 'pending' });
    expect(item.body).toBe(
      `We received your enquiry ${raised.reference} and aim to reply by ${item.body.split('aim to reply by ')[1]}`,
    );
    await dispatcher.run();
    expect(sandbox.sentWithReference(item.id)[0]!.notification).toMatchObject({
      channel: 'sms',
      phoneNumber: '07700 900123',
      body: item.body,
    });
  });

  it('records an acknowledgement it cannot send as undeliverable, and never sends it', async () => {
    const raised = await raise(quiet, { contact: { name: 'Nobody Reachable' } });
    const item = await recorded(raised.id);
    expect(item).toMatchObject({ status: 'undeliverable', attempts: 0 });
    expect(item.channel).toBeUndefined();
    await dispatcher.run();
    expect(sandbox.sentWithReference(item.id)).toHaveLength(0);
  });

  it("shows an enquiry's correspondence to staff and its own contact, to no one else", async () => {
    const raised = await raise(dai, { contact: { name: 'Dai Jones', email: 'dai@example.com' } });
    const item = await recorded(raised.id);
    expect(await items(raised.id, dai)).toEqual([item]);
    // GraphQL reads the same items under the same rule, on the enquiry.
    const onEnquiry = async (token: string) =>
      (
        await http()
          .post('/graphql')
          .set('Authorization', token)
          .send({
            query: 'query($id: ID!) { enquiry(id: $id) { correspondence { id enquiryId channel template } } }',
            variables: { id: raised.id },
          })
          .expect(200)
      ).body as { data?: { enquiry: { correspondence: unknown[] } }; errors?: unknown[] };
    expect((await onEnquiry(dai)).data?.enquiry.correspondence).toEqual([
      { id: item.id, enquiryId: raised.id, channel: item.channel, template: item.template },
    ]);
    expect((await onEnquiry(sian)).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    const stranger = await http()
      .get(`/api/v1/queries/enquiries/${raised.id}/correspondence`)
      .set('Authorization', sian)
      .expect(404);
    expect(stranger.headers['content-type']).toMatch(/application\/problem\+json/);
    const bad = await http()
      .get('/api/v1/queries/enquiries/not-a-uuid/correspondence')
      .set('Authorization', caseworker)
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    // Every look is in the audit trail, naming the items shown.
    const reads = (await dataSource.query(
      `SELECT actor FROM audit_trail WHERE kind = 'read' AND record_type = 'correspondence' AND $1 = ANY(record_ids)`,
      [item.id],
    )) as { actor: string }[];
    expect(reads.map((r) => r.actor)).toEqual(expect.arrayContaining(['officer-sam', 'citizen-dai-ack']));
  });

  it("puts the acknowledgement of an enquiry about a case on the case's timeline, and nothing for one about none", async () => {
    const recordedEvents = (enquiryId: string) =>
      dataSource.query('SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2', [
        'queries.correspondence-recorded.v1',
        enquiryId,
      ]) as Promise<{ envelope: { data: unknown } }[]>;
    const caseId = await knownCase(dataSource);
    const onCase = await raise(caseworker, { caseId, contact: { name: 'Nia Owen', email: 'nia@example.com' } });
    const item = await recorded(onCase.id);
    const [event] = await recordedEvents(onCase.id);
    // Which template, how and in which language: never to whom or what it said.
    expect(event!.envelope.data).toEqual({
      itemId: item.id,
      caseIds: [caseId],
      template: 'queries.enquiry-acknowledged',
      recipient: 'enquirer',
      channel: 'email',
      language: 'en',
    });
    const offCase = await raise(caseworker, { contact: { name: 'Nia Owen', email: 'nia@example.com' } });
    await recorded(offCase.id);
    expect(await recordedEvents(offCase.id)).toEqual([]);
  });
});
