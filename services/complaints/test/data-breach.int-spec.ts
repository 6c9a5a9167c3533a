import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { enquiryConvertedToComplaintV1, personalDataBreachFlaggedV1 } from '@ccsc/contracts';
import { bearer, eventually } from '@ccsc/testing';
import { inboxed, outbox, publish, startComplaintsApp } from './complaints-app';

// A personal-data breach: the regulator's 72-hour clock runs in calendar hours, and information
// assurance hears of it once, whether the trigger is an event redelivered or a command repeated.
describe('personal-data breach complaints', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let officer: string;

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp());
    officer = await bearer('complaints-officer');
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const notifications = async (complaintId: string) =>
    (await outbox(app, personalDataBreachFlaggedV1.type)).filter((e) => e.subject === complaintId).map((e) => e.data);

  it('opens from a redelivered enquiry event as a breach with a 72-hour deadline, and notifies once', async () => {
    const enquiryId = randomUUID();
    // Friday 19 December 2025, 16:00: 72 hours later is Monday 22 December, 16:00, weekend included.
    const converted = {
      enquiryId,
      contactId: randomUUID(),
      complainantType: 'public' as const,
      channel: 'email' as const,
      category: 'personal-data-breach',
      caseIds: [],
      receivedAt: '2025-12-19T16:00:00.000Z',
      language: 'cy' as const,
    };
    const first = await publish(enquiryConvertedToComplaintV1, enquiryId, converted);
    await publish(enquiryConvertedToComplaintV1, enquiryId, converted, { id: first.id, time: first.time });
    await publish(enquiryConvertedToComplaintV1, enquiryId, converted);
    await eventually(async () => expect(await inboxed(app, enquiryConvertedToComplaintV1.type)).toBe(2));

    const list = await http().get('/api/v1/complaints').set('Authorization', officer).expect(200);
    const opened = list.body.items.filter((c: { enquiryId: string }) => c.enquiryId === enquiryId);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      severity: 'security-breach',
      dataBreach: {
        awareAt: '2025-12-19T16:00:00.000Z',
        regulatorDeadline: '2025-12-22T16:00:00.000Z',
        reportable: null,
      },
    });
    expect(await notifications(opened[0].id)).toEqual([
      { complaintId: opened[0].id, awareAt: '2025-12-19T16:00:00.000Z', regulatorDeadline: '2025-12-22T16:00:00.000Z' },
    ]);

    // Flagging it again by hand changes and publishes nothing.
    await http()
      .post(`/api/v1/complaints/${opened[0].id}/data-breach`)
      .set('Authorization', officer)
      .send({})
      .expect(200);
    expect(await notifications(opened[0].id)).toHaveLength(1);
  });

  it('notifies once for a complaint raised to a breach, however often the command is sent', async () => {
    const key = randomUUID();
    const body = { category: 'staff-conduct', receivedAt: '2025-12-24T09:00:00+00:00', origin: 'post' };
    const created = await http()
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const replayed = await http()
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.id).toBe(created.body.id);
    expect(created.body).toMatchObject({ severity: 'minor', dataBreach: null });

    const flag = () =>
      http()
        .post(`/api/v1/complaints/${created.body.id}/data-breach`)
        .set('Authorization', officer)
        .send({ awareAt: '2025-12-24T15:30:00Z' })
        .expect(200);
    const flagged = await flag();
    // Christmas Eve 15:30 to 27 December 15:30: bank holidays count, as the regulator counts hours.
    expect(flagged.body).toMatchObject({
      severity: 'security-breach',
      dataBreach: { awareAt: '2025-12-24T15:30:00.000Z', regulatorDeadline: '2025-12-27T15:30:00.000Z' },
    });
    await flag();
    await Promise.all([flag(), flag()]);
    expect(await notifications(created.body.id)).toEqual([
      {
        complaintId: created.body.id,
        awareAt: '2025-12-24T15:30:00.000Z',
        regulatorDeadline: '2025-12-27T15:30:00.000Z',
      },
    ]);
    const timeline = await http()
      .get(`/api/v1/complaints/${created.body.id}/timeline`)
      .set('Authorization', officer)
      .expect(200);
    expect(timeline.body.filter((e: { kind: string }) => e.kind === 'breach-flagged')).toHaveLength(1);
  });

  it('records whether the breach is reportable, once, and only for a breach', async () => {
    const breach = await http()
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .send({ category: 'data-handling', severity: 'security-breach' })
      .expect(201);
    expect(breach.body.dataBreach.regulatorDeadline).toBe(
      new Date(new Date(breach.body.receivedAt).getTime() + 72 * 3600_000).toISOString(),
    );
    expect(await notifications(breach.body.id)).toHaveLength(1);

    const blank = await http()
      .post(`/api/v1/complaints/${breach.body.id}/data-breach/decision`)
      .set('Authorization', officer)
      .send({ reportable: true, reason: '  ' })
      .expect(400);
    expect(blank.body.errors).toEqual([{ field: 'reason', message: 'must not be blank' }]);
    const decided = await http()
      .post(`/api/v1/complaints/${breach.body.id}/data-breach/decision`)
      .set('Authorization', officer)
      .send({ reportable: true, reason: 'Special category data sent to the wrong party' })
      .expect(200);
    expect(decided.body.dataBreach).toMatchObject({
      reportable: true,
      decisionReason: 'Special category data sent to the wrong party',
      decidedAt: expect.any(String),
    });
    await http()
      .post(`/api/v1/complaints/${breach.body.id}/data-breach/decision`)
      .set('Authorization', officer)
      .send({ reportable: false, reason: 'second thoughts' })
      .expect(409);

    const minor = await http()
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .send({ category: 'delay' })
      .expect(201);
    await http()
      .post(`/api/v1/complaints/${minor.body.id}/data-breach/decision`)
      .set('Authorization', officer)
      .send({ reportable: false, reason: 'n/a' })
      .expect(409);
    await http()
      .post(`/api/v1/complaints/${minor.body.id}/data-breach`)
      .set('Authorization', officer)
      .send({ awareAt: '2999-01-01T00:00:00Z' })
      .expect(400);
    expect(await notifications(minor.body.id)).toEqual([]);
  });
});
