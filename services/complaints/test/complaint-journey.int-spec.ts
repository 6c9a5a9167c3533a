import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { londonLocalDate } from '@ccsc/calendar';
import {
  complaintClosedV1,
  complaintStageBreachedV1,
  enquiryConvertedToComplaintV1,
  enquiryConvertedToComplaintV2,
  financialRemedyAgreedV2,
  refundStatusChangedV1,
  refundStatusChangedV2,
} from '@ccsc/contracts';
import { bearer, eventually } from '@ccsc/testing';
import { announceCase, inboxed, outbox, publish, startComplaintsApp } from './complaints-app';

// The must-show journey inside the service, with queries' and payments' events published on the
// bus exactly as those services publish them: an enquiry converted to a complaint, answered late
// at stage 1, escalated, upheld at stage 2 with a refund that payments reports awaiting approval;
// the timeline and the MI show every step.
describe('a complaint from an enquiry to a refund remedy', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let officer: string;

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp());
    officer = await bearer('complaints-officer');
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const post = (path: string, body: object = {}) =>
    http().post(`/api/v1/complaints${path}`).set('Authorization', officer).send(body);

  it('opens once from the enquiry, runs both stages on their clocks, hands the refund to payments, and reports it all', async () => {
    const { caseId, reference: caseReference } = await announceCase(app, { organisations: ['org-a'] });
    const enquiryId = randomUUID();
    const converted = {
      enquiryId,
      contactId: randomUUID(),
      complainantType: 'public' as const,
      channel: 'telephone' as const,
      category: 'delay',
      caseIds: [caseId],
      receivedAt: '2025-12-19T10:30:00.000Z',
      language: 'en' as const,
    };
    const first = await publish(enquiryConvertedToComplaintV1, enquiryId, converted);
    // Redelivered as is, and told again as a new event: still one complaint.
    await publish(enquiryConvertedToComplaintV1, enquiryId, converted, { id: first.id, time: first.time });
    await publish(enquiryConvertedToComplaintV1, enquiryId, converted);

    const complaint = await eventually(async () => {
      const list = await http().get('/api/v1/complaints').set('Authorization', officer).expect(200);
      expect(list.body.items).toHaveLength(1);
      return list.body.items[0];
    });
    await eventually(async () => expect(await inboxed(app, enquiryConvertedToComplaintV1.type)).toBe(2));
    expect((await http().get('/api/v1/complaints').set('Authorization', officer).expect(200)).body.items).toHaveLength(
      1,
    );
    expect(complaint).toMatchObject({
      enquiryId,
      origin: 'telephone',
      complainantType: 'public',
      caseIds: [caseId],
      currentStage: 1,
      status: 'open',
      severity: 'minor',
    });
    expect(complaint.stages[0]).toMatchObject({
      stage: 1,
      status: 'received',
      workingDays: 10,
      dueDate: '2026-01-07',
      calendarVersion: expect.stringMatching(/^ew-rules/),
    });
    expect((await outbox(app, 'complaints.complaint-opened.v1')).map((e) => e.data)).toEqual([
      {
        complaintId: complaint.id,
        reference: complaint.reference,
        severity: 'minor',
        caseIds: [caseId],
        enquiryId,
        receivedAt: '2025-12-19T10:30:00.000Z',
      },
    ]);

    // Nobody answered by 7 January 2026: the scheduled run flags the breach, once.
    const run = await http().post('/api/v1/complaints/sla/runs').set('Authorization', officer).expect(200);
    expect(run.body).toMatchObject({ breached: 1 });
    expect(
      (await http().post('/api/v1/complaints/sla/runs').set('Authorization', officer).expect(200)).body,
    ).toMatchObject({ breached: 0 });
    expect((await outbox(app, complaintStageBreachedV1.type)).map((e) => e.data)).toEqual([
      { complaintId: complaint.id, stage: 1, dueAt: '2026-01-07T23:59:59.999Z', caseIds: [caseId] },
    ]);

    await post(`/${complaint.id}/acknowledgement`).expect(200);
    await post(`/${complaint.id}/investigation`, { investigatingOfficer: 'officer-olu' }).expect(200);
    const drafted = await post(`/${complaint.id}/response-draft`, {
      templateId: 'stage-1-response',
      findings: 'Your hearing was listed late.',
    }).expect(200);
    const draft: string = drafted.body.stages[0].draft;
    expect(draft).toContain(`Complaint ${complaint.reference}`);
    expect(draft).toContain(
      'received on 19 December 2025, about delay on case ' + caseReference.replace(/(\d{4})(?=\d)/g, '$1-'),
    );
    expect(draft).toContain('Your hearing was listed late.');
    expect(draft).toContain('senior manager (stage 2)');
    const answered = await post(`/${complaint.id}/response`, { outcome: 'not-upheld' }).expect(200);
    expect(answered.body.stages[0]).toMatchObject({
      status: 'response-sent',
      outcome: 'not-upheld',
      answeredOnTime: false,
      breached: true,
      responseText: draft,
    });

    // A remedy needs an upheld outcome; stage 1 upheld nothing.
    const refused = await post(`/${complaint.id}/remedies`, { kind: 'refund', amountPence: 2500, caseId }).expect(409);
    expect(refused.body.code).toBe('CONFLICT');

    const escalated = await post(`/${complaint.id}/escalation`).expect(200);
    expect(escalated.body).toMatchObject({ currentStage: 2 });
    expect(escalated.body.stages[1]).toMatchObject({
      stage: 2,
      status: 'received',
      workingDays: 10,
      dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    await post(`/${complaint.id}/acknowledgement`).expect(200);
    await post(`/${complaint.id}/investigation`).expect(200);
    await post(`/${complaint.id}/response-draft`, {
      text: 'On review, we uphold your complaint and will refund the fee.',
    }).expect(200);
    const upheld = await post(`/${complaint.id}/response`, { outcome: 'upheld' }).expect(200);
    expect(upheld.body.stages[1]).toMatchObject({ outcome: 'upheld', answeredOnTime: true, breached: false });

    const remedied = await post(`/${complaint.id}/remedies`, { kind: 'refund', amountPence: 2500, caseId }).expect(201);
    const remedy = remedied.body.remedies[0];
    expect(remedy).toMatchObject({
      kind: 'refund',
      amountPence: 2500,
      caseId,
      stage: 2,
      paymentStatus: 'sent-to-payments',
    });
    expect((await outbox(app, financialRemedyAgreedV2.type)).map((e) => e.data)).toEqual([
      {
        complaintId: complaint.id,
        remedyId: remedy.id,
        kind: 'refund',
        amountPence: 2500,
        caseId,
        agreedBy: 'complaints-officer-user',
        complaintCaseIds: [caseId],
      },
    ]);

    // Payments raises the refund and reports it awaiting approval (as v1 did, published before payments
    // moved to v2 and still read), then approved.
    const refundId = randomUUID();
    const refunded = { refundId, kind: 'refund', amountPence: 2500, caseId, complaintId: complaint.id } as const;
    await publish(refundStatusChangedV1, refundId, { ...refunded, status: 'awaiting-approval', remedyId: remedy.id });
    await eventually(async () => {
      const got = await http().get(`/api/v1/complaints/${complaint.id}`).set('Authorization', officer).expect(200);
      expect(got.body.remedies[0]).toMatchObject({ paymentStatus: 'awaiting-approval', refundId });
    });
    await publish(refundStatusChangedV2, refundId, {
      ...refunded,
      status: 'approved',
      remedyId: remedy.id,
      requestedBy: 'complaints-officer-user',
    });
    await eventually(async () => {
      const got = await http().get(`/api/v1/complaints/${complaint.id}`).set('Authorization', officer).expect(200);
      expect(got.body.remedies[0]).toMatchObject({ paymentStatus: 'approved', refundId });
    });

    const closed = await post(`/${complaint.id}/closure`, {
      businessArea: 'civil-listing',
      causeCategory: 'process-failure',
    }).expect(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      outcome: 'upheld',
      businessArea: 'civil-listing',
      causeCategory: 'process-failure',
    });
    expect((await outbox(app, complaintClosedV1.type)).map((e) => e.data)).toEqual([
      {
        complaintId: complaint.id,
        businessArea: 'civil-listing',
        causeCategory: 'process-failure',
        outcome: 'upheld',
        caseIds: [caseId],
      },
    ]);
    expect(
      (await outbox(app, 'complaints.complaint-stage-changed.v1')).map((e) => `${e.data.stage} ${e.data.status}`),
    ).toEqual([
      '1 received',
      '1 acknowledged',
      '1 investigating',
      '1 response-drafted',
      '1 response-sent',
      '2 received',
      '2 acknowledged',
      '2 investigating',
      '2 response-drafted',
      '2 response-sent',
    ]);

    const timeline = await http()
      .get(`/api/v1/complaints/${complaint.id}/timeline`)
      .set('Authorization', officer)
      .expect(200);
    expect(timeline.body.map((e: { summary: string }) => e.summary)).toEqual([
      'Complaint opened (telephone, from an enquiry); stage 1 due 2026-01-07',
      'Stage 1 deadline missed',
      'Stage 1 acknowledged',
      'Stage 1 under investigation by officer-olu',
      'Stage 1 response drafted from template stage-1-response',
      'Stage 1 answered late: not upheld',
      'Escalated to stage 2 (senior review)',
      'Stage 2 acknowledged',
      'Stage 2 under investigation',
      'Stage 2 response drafted',
      'Stage 2 answered on time: upheld',
      'Remedy agreed: refund of £25.00, handed to payments',
      'Payments: refund of £25.00 awaiting approval',
      'Payments: refund of £25.00 approved',
      'Closed at stage 2 (upheld); root cause process-failure in civil-listing',
    ]);

    const today = londonLocalDate(new Date());
    const daily = await http()
      .get('/api/v1/complaints/mi/day')
      .query({ start: today })
      .set('Authorization', officer)
      .expect(200);
    expect(daily.body).toMatchObject({
      period: 'day',
      start: today,
      received: 0,
      stages: [
        { stage: 1, received: 0, answered: 1, answeredOnTime: 0 },
        { stage: 2, received: 1, answered: 1, answeredOnTime: 1 },
        { stage: 3, received: 0, answered: 0, answeredOnTime: 0 },
      ],
      outcomes: [
        {
          category: 'delay',
          businessArea: 'civil-listing',
          closed: 1,
          upheld: 1,
          partiallyUpheld: 0,
          notUpheld: 0,
          upheldRatePercent: 100,
        },
      ],
    });
    const december = await http()
      .get('/api/v1/complaints/mi/month')
      .query({ start: '2025-12' })
      .set('Authorization', officer)
      .expect(200);
    expect(december.body).toMatchObject({
      received: 1,
      stages: [
        { stage: 1, received: 1, answered: 0 },
        { stage: 2, received: 0 },
        { stage: 3, received: 0 },
      ],
      outcomes: [],
    });
  });

  it("opens a complaint from a citizen's or a firm's enquiry as theirs: they follow it, nobody else does", async () => {
    const opened = async (owner: { complainantUserId?: string; complainantOrganisationId?: string }) => {
      const enquiryId = randomUUID();
      await publish(enquiryConvertedToComplaintV2, enquiryId, {
        enquiryId,
        contactId: randomUUID(),
        complainantType: owner.complainantOrganisationId ? ('professional' as const) : ('public' as const),
        channel: 'online-form' as const,
        caseIds: [],
        receivedAt: new Date().toISOString(),
        language: 'en' as const,
        ...owner,
      });
      return eventually(async () => {
        const list = await http().get(`/api/v1/complaints?limit=100`).set('Authorization', officer).expect(200);
        const found = (list.body.items as { id: string; enquiryId: string }[]).find((c) => c.enquiryId === enquiryId);
        expect(found).toBeDefined();
        return found!.id;
      });
    };
    const seen = async (who: string, id: string) =>
      (await http().get(`/api/v1/complaints/${id}`).set('Authorization', who)).status;
    const cats = await opened({ complainantUserId: 'citizen-cat' });
    const firms = await opened({ complainantOrganisationId: 'org-converted' });
    const cat = await bearer('citizen', { sub: 'citizen-cat' });
    const firm = await bearer('professional', { org: 'org-converted', sub: 'sol-1' });
    expect(await seen(cat, cats)).toBe(200);
    expect(await seen(firm, firms)).toBe(200);
    expect(await seen(cat, firms)).toBe(404);
    expect(await seen(firm, cats)).toBe(404);
    expect(await seen(await bearer('citizen', { sub: 'citizen-dan' }), cats)).toBe(404);
  });
});
