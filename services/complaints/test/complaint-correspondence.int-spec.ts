import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { londonLocalDate } from '@ccsc/calendar';
import { complaintOpenedV1, type ComplaintOpenedV1 } from '@ccsc/contracts';
import { loadTemplates, render, type SandboxNotificationSender } from '@ccsc/correspondence';
import { CorrespondenceDispatcher, NOTIFICATION_SENDER } from '@ccsc/correspondence/outbox';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { announceCase, startComplaintsApp } from './complaints-app';

interface Item {
  id: string;
  complaintId: string;
  template: string;
  language: string;
  channel?: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
}

describe('writing to complainants', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let sandbox: SandboxNotificationSender;
  let dispatcher: CorrespondenceDispatcher;
  let officer: string;
  let carys: string;
  let ownFirm: string;
  let opponentFirm: string;

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp({ CORRESPONDENCE_DISPATCH_INTERVAL_MS: '0' }));
    dataSource = app.get(DataSource);
    sandbox = app.get(NOTIFICATION_SENDER);
    dispatcher = app.get(CorrespondenceDispatcher);
    [officer, carys, ownFirm, opponentFirm] = await Promise.all([
      bearer('complaints-officer', { sub: 'officer-olu-corr' }),
      bearer('citizen', { sub: 'citizen-carys-corr' }),
      bearer('professional', { org: 'org-corr-a', sub: 'solicitor-a-corr' }),
      bearer('professional', { org: 'org-corr-b', sub: 'solicitor-b-corr' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const open = async (who: string, body: Record<string, unknown>) =>
    (await http().post('/api/v1/complaints').set('Authorization', who).send(body).expect(201)).body as {
      id: string;
      reference: string;
      receivedAt: string;
      stages: { dueDate: string }[];
    };
  const items = async (complaintId: string, token = officer) =>
    (await http().get(`/api/v1/complaints/${complaintId}/correspondence`).set('Authorization', token).expect(200))
      .body as Item[];
  const recorded = (complaintId: string, count = 1) =>
    eventually(async () => {
      const found = await items(complaintId);
      expect(found).toHaveLength(count);
      return found;
    });
  const post = (path: string, body: object = {}) =>
    http().post(`/api/v1/complaints/${path}`).set('Authorization', officer).send(body).expect(200);

  it('acknowledges a complaint made in Welsh in Welsh, by email, once however often the event comes', async () => {
    const opened = await open(officer, {
      category: 'delay',
      complainantName: 'Rhian Evans',
      complainantEmail: 'rhian@example.com',
      complainantPhone: '029 2000 0000',
      language: 'cy',
    });
    const [item] = await recorded(opened.id);
    const expected = render(loadTemplates().get('complaints.complaint-acknowledged'), 'cy', {
      complainantName: 'Rhian Evans',
      complaintReference: opened.reference,
      receivedDate: londonLocalDate(new Date(opened.receivedAt)),
      responseDueDate: opened.stages[0]!.dueDate,
    });
    expect(item).toMatchObject({
      complaintId: opened.id,
      template: 'complaints.complaint-acknowledged',
      language: 'cy',
      channel: 'email',
      subject: `Rydym wedi cael eich cwyn: ${opened.reference}`,
      body: expected.body,
      status: 'pending',
    });
    // The complainant is written to in the complaint's language when they asked for none.
    const complaint = (await http().get(`/api/v1/complaints/${opened.id}`).set('Authorization', officer).expect(200))
      .body as Record<string, unknown>;
    expect(complaint).toMatchObject({
      complainantEmail: 'rhian@example.com',
      complainantPhone: '029 2000 0000',
      complainantAddressLines: null,
      complainantPostcode: null,
      complainantLanguage: 'cy',
    });

    // The same event delivered again: still one item, sent once.
    const [{ envelope }] = (await dataSource.query('SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2', [
      complaintOpenedV1.type,
      opened.id,
    ])) as { envelope: { id: string; time: string; data: ComplaintOpenedV1 } }[];
    // The contact details go in no event.
    expect(JSON.stringify(envelope)).not.toMatch(/rhian@example\.com|2000 0000|Rhian/);
    await publishEvent(complaintOpenedV1, opened.id, envelope.data, { id: envelope.id, time: envelope.time });
    await dispatcher.run();
    await dispatcher.run();
    expect(await items(opened.id)).toHaveLength(1);
    const sent = sandbox.sentWithReference(item!.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.notification).toMatchObject({
      channel: 'email',
      emailAddress: 'rhian@example.com',
      body: expected.body,
    });
  });

  it("sends a stage 1 response with the response's paragraphs, by letter to a postal address", async () => {
    const opened = await open(officer, {
      category: 'delay',
      complainantName: 'Alex Smith',
      complainantEmail: 'alex@example.com',
      complainantAddressLines: [' 1 High Street ', 'Swindon'],
      complainantPostcode: 'sn1 1aa',
    });
    await recorded(opened.id);
    await post(`${opened.id}/acknowledgement`);
    await post(`${opened.id}/investigation`);
    const text = 'We looked into your hearing.\n\nIt was moved because the judge was unwell. We are sorry.';
    await post(`${opened.id}/response-draft`, { text });
    await post(`${opened.id}/response`, { outcome: 'upheld' });
    const found = await recorded(opened.id, 2);
    const response = found.find((i) => i.template === 'complaints.stage-response')!;
    expect(response).toMatchObject({ channel: 'letter', language: 'en', status: 'pending' });
    expect(response.body).toContain(`This is our stage 1 response to your complaint ${opened.reference}.`);
    expect(response.body).toContain('We looked into your hearing.\n\nIt was moved because the judge was unwell.');
    expect(response.body).toMatch(/Please do so by \d{1,2} \w+ \d{4}/);
    const [row] = (await dataSource.query('SELECT recipient FROM correspondence_items WHERE id = $1', [
      response.id,
    ])) as { recipient: { addressLines: string[]; postcode: string } }[];
    expect(row!.recipient).toMatchObject({ addressLines: ['1 High Street', 'Swindon'], postcode: 'SN11AA' });
  });

  it('follows the stage 3 (final) response with the escalation rights, and nothing more on escalating', async () => {
    const opened = await open(officer, {
      category: 'delay',
      complainantName: 'Siân Llŷr',
      complainantEmail: 's@example.com',
    });
    await recorded(opened.id);
    for (const stage of [1, 2, 3]) {
      if (stage > 1) await post(`${opened.id}/escalation`);
      await post(`${opened.id}/acknowledgement`);
      await post(`${opened.id}/investigation`);
      await post(`${opened.id}/response-draft`, { text: `Our findings at stage ${stage}.` });
      await post(`${opened.id}/response`, { outcome: 'not-upheld' });
    }
    const found = await recorded(opened.id, 4);
    expect(found.map((i) => i.template)).toEqual([
      'complaints.complaint-acknowledged',
      'complaints.stage-response',
      'complaints.stage-response',
      'complaints.escalation-rights',
    ]);
    expect(found[2]!.body).toContain('This is our stage 2 response');
    expect(found[3]!.body).toContain('Parliamentary and Health Service Ombudsman');
  });

  it('records an acknowledgement it cannot send as undeliverable, and never sends it', async () => {
    const opened = await open(officer, { category: 'delay', complainantName: 'Nobody Reachable' });
    const [item] = await recorded(opened.id);
    expect(item).toMatchObject({ status: 'undeliverable', attempts: 0 });
    expect(item!.channel).toBeUndefined();
    await dispatcher.run();
    expect(sandbox.sentWithReference(item!.id)).toHaveLength(0);
  });

  it("shows a complaint's correspondence to staff and the complainant's side, to no one else", async () => {
    const { caseId } = await announceCase(app, { organisations: ['org-corr-a', 'org-corr-b'] });
    const opened = await open(ownFirm, { category: 'delay', caseIds: [caseId], complainantEmail: 'firm@example.com' });
    const [item] = await recorded(opened.id);
    expect(await items(opened.id, ownFirm)).toEqual([item]);
    // GraphQL reads the same items under the same rule, on the complaint; the other side finds no complaint.
    const onComplaint = async (token: string) =>
      (
        await http()
          .post('/graphql')
          .set('Authorization', token)
          .send({
            query: 'query($id: ID!) { complaint(id: $id) { correspondence { id complaintId template status } } }',
            variables: { id: opened.id },
          })
          .expect(200)
      ).body as { data?: { complaint: { correspondence: unknown[] } }; errors?: unknown[] };
    expect((await onComplaint(ownFirm)).data?.complaint.correspondence).toEqual([
      { id: item!.id, complaintId: opened.id, template: item!.template, status: item!.status },
    ]);
    expect((await onComplaint(opponentFirm)).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    // The case's timeline hears of it: which template, how and in which language, never to whom or what.
    const [recordedEvent] = (await dataSource.query(
      'SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2',
      ['complaints.correspondence-recorded.v1', opened.id],
    )) as { envelope: { data: unknown } }[];
    expect(recordedEvent!.envelope.data).toEqual({
      itemId: item!.id,
      caseIds: [caseId],
      template: 'complaints.complaint-acknowledged',
      recipient: 'complainant',
      channel: 'email',
      language: 'en',
    });
    const opponent = await http()
      .get(`/api/v1/complaints/${opened.id}/correspondence`)
      .set('Authorization', opponentFirm)
      .expect(404);
    expect(opponent.headers['content-type']).toMatch(/application\/problem\+json/);
    await http().get(`/api/v1/complaints/${opened.id}/correspondence`).set('Authorization', carys).expect(404);
    const bad = await http()
      .get('/api/v1/complaints/not-a-uuid/correspondence')
      .set('Authorization', officer)
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const reads = (await dataSource.query(
      `SELECT actor FROM audit_trail WHERE kind = 'read' AND record_type = 'correspondence' AND $1 = ANY(record_ids)`,
      [item!.id],
    )) as { actor: string }[];
    expect(reads.map((r) => r.actor)).toEqual(expect.arrayContaining(['officer-olu-corr', 'solicitor-a-corr']));
  });

  it("reads a page of complaints' correspondence in one batch, with one audit record", async () => {
    const { caseId } = await announceCase(app, { organisations: ['org-corr-a'] });
    const opened = [
      await open(ownFirm, { category: 'delay', caseIds: [caseId], complainantEmail: 'firm@example.com' }),
      await open(ownFirm, { category: 'delay', caseIds: [caseId], complainantEmail: 'firm@example.com' }),
    ];
    const recordedItems = await Promise.all(opened.map((c) => recorded(c.id)));
    const before = new Date();
    const page = await http()
      .post('/graphql')
      .set('Authorization', ownFirm)
      .send({ query: '{ complaints(first: 2) { nodes { id correspondence { id } } } }' })
      .expect(200);
    expect(page.body.errors).toBeUndefined();
    // Newest first: each complaint with its own acknowledgement.
    expect(page.body.data.complaints.nodes).toEqual(
      [1, 0].map((i) => ({ id: opened[i]!.id, correspondence: [{ id: recordedItems[i]![0]!.id }] })),
    );
    const reads = (await dataSource.query(
      `SELECT record_ids AS "recordIds" FROM audit_trail
        WHERE kind = 'read' AND record_type = 'correspondence' AND actor = 'solicitor-a-corr' AND at >= $1`,
      [before],
    )) as { recordIds: string[] }[];
    expect(reads).toHaveLength(1);
    expect([...reads[0]!.recordIds].sort()).toEqual(recordedItems.map((items) => items[0]!.id).sort());
  });

  it('refuses bad contact details with 400 and stores nothing', async () => {
    const count = async () =>
      ((await dataSource.query('SELECT count(*)::int AS n FROM complaints')) as [{ n: number }])[0].n;
    const before = await count();
    for (const bad of [
      { complainantEmail: 'not-an-email' },
      { complainantPhone: 'call me' },
      { complainantAddressLines: ['1 High Street\nSwindon'], complainantPostcode: 'SN1 1AA' },
      { complainantAddressLines: ['a', 'b', 'c', 'd', 'e', 'f'], complainantPostcode: 'SN1 1AA' },
      { complainantAddressLines: ['1 High Street'] },
      { complainantAddressLines: ['1 High Street'], complainantPostcode: 'nowhere' },
      { complainantLanguage: 'fr' },
      { complainantLanguage: 'cy', language: 'en' },
    ]) {
      const res = await http()
        .post('/api/v1/complaints')
        .set('Authorization', officer)
        .send({ category: 'delay', complainantName: 'Bad Input', ...bad });
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await count()).toBe(before);
  });
});
