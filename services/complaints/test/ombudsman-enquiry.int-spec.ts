import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ombudsmanEnquiryAnsweredV1,
  ombudsmanEnquiryReceivedV1,
  ombudsmanOutcomeRecordedV1,
  type EventType,
} from '@ccsc/contracts';
import { bearer } from '@ccsc/testing';
import { announceCase, startComplaintsApp } from './complaints-app';

// The work queue opens a task when the Ombudsman makes an enquiry about a complaint: each enquiry recorded is
// published once, in the transaction that records it, with the officer as the actor; a refused one publishes nothing.
// Answering the enquiries waiting, and the Ombudsman's outcome, are published the same way.
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
  /** The complaint's events of a type in the outbox, oldest first. */
  const published = async (type: EventType<object>, complaintId: string) =>
    (
      (await app
        .get(DataSource)
        .query(`SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2 ORDER BY position`, [
          type.type,
          complaintId,
        ])) as { envelope: { subject: string; actor?: string; data: Record<string, unknown> } }[]
    ).map(({ envelope: e }) => ({ subject: e.subject, actor: e.actor, data: e.data }));
  /** The complaint's Ombudsman enquiry events in the outbox, oldest first. */
  const enquiries = (complaintId: string) => published(ombudsmanEnquiryReceivedV1, complaintId);
  const answers = (complaintId: string) => published(ombudsmanEnquiryAnsweredV1, complaintId);
  const outcomes = (complaintId: string) => published(ombudsmanOutcomeRecordedV1, complaintId);

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

  it('answers every enquiry waiting at once, publishes the answer and the outcome, and nothing it refuses', async () => {
    const { caseId } = await announceCase(app);
    const id = await answeredAtStage3(caseId);
    await post(`/${id}/closure`, { businessArea: 'civil-listing', causeCategory: 'communication' }).expect(200);
    const answer = { text: 'The stage 3 response and the listing history are attached.' };

    // Not referred: refused. Referred but asked nothing: refused. Neither publishes anything.
    await post(`/${id}/ombudsman-referral/answers`, answer).expect(409);
    await post(`/${id}/ombudsman-referral`, { ombudsmanReference: 'PHSO-777' }).expect(200);
    await post(`/${id}/ombudsman-referral/answers`, answer).expect(409);
    await post(`/${id}/ombudsman-referral/answers`, { text: '' }).expect(400);
    expect(await answers(id)).toEqual([]);

    // Two enquiries of a closed complaint, answered in one go.
    await post(`/${id}/ombudsman-referral/enquiries`, { text: 'Please send the stage 3 response.' }).expect(200);
    await post(`/${id}/ombudsman-referral/enquiries`, { text: 'Please send the listing history.' }).expect(200);
    const answered = (await post(`/${id}/ombudsman-referral/answers`, answer).expect(200)).body;
    expect(answered.ombudsman.enquiries).toEqual([
      expect.objectContaining({ text: 'Please send the stage 3 response.', answer: answer.text }),
      expect.objectContaining({ text: 'Please send the listing history.', answer: answer.text }),
    ]);
    expect(answered.ombudsman.enquiries.every((e: { answeredAt: string | null }) => e.answeredAt)).toBe(true);
    const done = { subject: id, actor: 'officer-ola', data: { complaintId: id, caseIds: [caseId] } };
    expect(await answers(id)).toEqual([done]);

    // Nothing waits now: refused, nothing more published.
    await post(`/${id}/ombudsman-referral/answers`, answer).expect(409);
    expect(await answers(id)).toHaveLength(1);

    // A later enquiry, answered through GraphQL; the earlier answers stay as they were.
    await post(`/${id}/ombudsman-referral/enquiries`, { text: 'Who reviewed stage 3?' }).expect(200);
    const graphql = await http()
      .post('/graphql')
      .set('Authorization', officer)
      .send({
        query: `mutation ($id: ID!, $input: ComplaintOmbudsmanAnswerInput!) {
          answerOmbudsmanEnquiries(id: $id, input: $input) { id ombudsman { enquiries { text answer answeredAt } } }
        }`,
        variables: { id, input: { text: 'The customer investigations team.' } },
      })
      .expect(200);
    expect(graphql.body.errors).toBeUndefined();
    expect(
      graphql.body.data.answerOmbudsmanEnquiries.ombudsman.enquiries.map((e: { answer: string }) => e.answer),
    ).toEqual([answer.text, answer.text, 'The customer investigations team.']);
    expect(await answers(id)).toEqual([done, done]);

    const timeline = (await http().get(`/api/v1/complaints/${id}/timeline`).set('Authorization', officer).expect(200))
      .body as { kind: string; summary: string }[];
    expect(timeline.filter((e) => e.kind === 'ombudsman-answer').map((e) => e.summary)).toEqual([
      '2 Ombudsman enquiries answered',
      'Ombudsman enquiry answered',
    ]);

    // The outcome is published once; after it nothing is answered.
    expect(await outcomes(id)).toEqual([]);
    await post(`/${id}/ombudsman-referral/enquiries`, { text: 'Anything else?' }).expect(200);
    await post(`/${id}/ombudsman-referral/outcome`, { outcome: 'partially-upheld' }).expect(200);
    expect(await outcomes(id)).toEqual([
      {
        subject: id,
        actor: 'officer-ola',
        data: { complaintId: id, caseIds: [caseId], outcome: 'partially-upheld' },
      },
    ]);
    await post(`/${id}/ombudsman-referral/outcome`, { outcome: 'upheld' }).expect(409);
    await post(`/${id}/ombudsman-referral/answers`, answer).expect(409);
    expect(await outcomes(id)).toHaveLength(1);
    expect(await answers(id)).toHaveLength(2);
  });

  it('reads and answers an enquiry stored before answers were recorded', async () => {
    const { caseId } = await announceCase(app);
    const id = await answeredAtStage3(caseId);
    await post(`/${id}/ombudsman-referral`, { ombudsmanReference: 'PHSO-778' }).expect(200);
    await post(`/${id}/ombudsman-referral/enquiries`, { text: 'Please send the file.' }).expect(200);
    // As an older build stored it: an enquiry with no answer fields at all.
    await app.get(DataSource).query(
      `UPDATE complaints SET ombudsman = jsonb_set(ombudsman, '{enquiries}',
         (SELECT jsonb_agg(e - 'answer' - 'answeredAt' - 'answeredBy') FROM jsonb_array_elements(ombudsman->'enquiries') e))
       WHERE id = $1`,
      [id],
    );
    const stored = (await http().get(`/api/v1/complaints/${id}`).set('Authorization', officer).expect(200)).body;
    expect(stored.ombudsman.enquiries).toEqual([
      expect.objectContaining({ text: 'Please send the file.', answer: null, answeredAt: null }),
    ]);
    const answered = (await post(`/${id}/ombudsman-referral/answers`, { text: 'Attached.' }).expect(200)).body;
    expect(answered.ombudsman.enquiries).toEqual([
      expect.objectContaining({ text: 'Please send the file.', answer: 'Attached.', answeredAt: expect.any(String) }),
    ]);
    expect(await answers(id)).toHaveLength(1);
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
