import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ombudsmanEnquiryReceivedV1 } from '@ccsc/contracts';
import { bearer } from '@ccsc/testing';
import { announceCase, startComplaintsApp } from './complaints-app';

// The work queue opens a task when the Ombudsman makes an enquiry about a complaint: each enquiry recorded is
// published once, in the transaction that records it, with the officer as the actor; a refused one publishes nothing.
describe('Ombudsman enquiries for the work queue', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let officer: string;

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp());
    officer = await bearer('complaints-officer', { sub: 'officer-ola' });
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const post = (path: string, body: object = {}) =>
    http().post(`/api/v1/complaints${path}`).set('Authorization', officer).send(body);
  /** The complaint's Ombudsman enquiry events in the outbox, oldest first. */
  const enquiries = async (complaintId: string) =>
    (
      (await app
        .get(DataSource)
        .query(`SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2 ORDER BY position`, [
          ombudsmanEnquiryReceivedV1.type,
          complaintId,
        ])) as { envelope: { subject: string; actor?: string; data: Record<string, unknown> } }[]
    ).map(({ envelope: e }) => ({ subject: e.subject, actor: e.actor, data: e.data }));

  /** A complaint about the case, answered at stage 1, 2 and 3 in turn. */
  async function answeredAtStage3(caseId: string): Promise<string> {
    const id = (await post('', { category: 'delay', caseIds: [caseId] }).expect(201)).body.id as string;
    for (const stage of [1, 2, 3]) {
      if (stage > 1) await post(`/${id}/escalation`).expect(200);
      await post(`/${id}/acknowledgement`).expect(200);
      await post(`/${id}/investigation`).expect(200);
      await post(`/${id}/response-draft`, { text: `Our stage ${stage} answer.` }).expect(200);
      await post(`/${id}/response`, { outcome: 'not-upheld' }).expect(200);
    }
    return id;
  }

  it('publishes each enquiry once with the complaint and its cases, and nothing for an enquiry it refuses', async () => {
    const { caseId } = await announceCase(app);
    const id = await answeredAtStage3(caseId);
    const enquiry = { text: 'Please send the stage 3 response by 18 December 2026.' };

    // Not referred yet: refused, and nothing published.
    await post(`/${id}/ombudsman-referral/enquiries`, enquiry).expect(409);
    await post(`/${id}/ombudsman-referral`, { ombudsmanReference: 'PHSO-12345' }).expect(200);
    expect(await enquiries(id)).toEqual([]);

    await post(`/${id}/ombudsman-referral/enquiries`, enquiry).expect(200);
    const received = { subject: id, actor: 'officer-ola', data: { complaintId: id, caseIds: [caseId] } };
    expect(await enquiries(id)).toEqual([received]);

    // A second enquiry, through GraphQL, is a second task.
    const graphql = await http()
      .post('/graphql')
      .set('Authorization', officer)
      .send({
        query: `mutation ($id: ID!, $input: ComplaintOmbudsmanEnquiryInput!) {
          recordOmbudsmanEnquiry(id: $id, input: $input) { id ombudsman { enquiries { text } } }
        }`,
        variables: { id, input: { text: 'Please also send the listing history.' } },
      })
      .expect(200);
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data.recordOmbudsmanEnquiry.ombudsman.enquiries).toHaveLength(2);
    expect(await enquiries(id)).toEqual([received, received]);

    // After the Ombudsman's outcome no enquiry is recorded, and none is published.
    await post(`/${id}/ombudsman-referral/outcome`, { outcome: 'not-upheld' }).expect(200);
    await post(`/${id}/ombudsman-referral/enquiries`, enquiry).expect(409);
    expect(await enquiries(id)).toHaveLength(2);
  });

  it('gives every stage change the due date of its stage, answered or not', async () => {
    const { caseId } = await announceCase(app);
    const id = await answeredAtStage3(caseId);
    const changes = (
      (await app
        .get(DataSource)
        .query(`SELECT envelope->'data' AS data FROM outbox WHERE type = $1 AND message_key = $2 ORDER BY position`, [
          'complaints.complaint-stage-changed.v1',
          id,
        ])) as { data: { stage: number; status: string; dueAt?: string } }[]
    ).map((r) => r.data);
    expect(changes).toHaveLength(15);
    for (const stage of [1, 2, 3]) {
      const dueAts = new Set(changes.filter((c) => c.stage === stage).map((c) => c.dueAt));
      expect([...dueAts]).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)]);
    }
  });

  it('publishes nothing for an enquiry on a complaint that is not found', async () => {
    const before = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM outbox WHERE type = $1`, [ombudsmanEnquiryReceivedV1.type]);
    await post(`/00000000-0000-4000-8000-000000000000/ombudsman-referral/enquiries`, { text: 'Hello?' }).expect(404);
    expect(
      await app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM outbox WHERE type = $1`, [ombudsmanEnquiryReceivedV1.type]),
    ).toEqual(before);
  });
});
