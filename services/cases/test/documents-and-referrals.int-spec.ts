import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { bearer } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';

describe('documents and assisted-digital referrals', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    caseworker = await bearer('caseworker');
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());

  it('accepts online documents as they come and holds scanned ones for review; a rejection needs a reason', async () => {
    const { body: created } = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(claim())
      .expect(201);
    const doc = (channel: string) => ({
      title: 'Evidence',
      documentType: 'evidence',
      channel,
      storeReference: `dm-store://${channel}`,
    });
    expect(
      (
        await http()
          .post(`/api/v1/cases/${created.id}/documents`)
          .set('Authorization', caseworker)
          .send(doc('online'))
          .expect(201)
      ).body.status,
    ).toBe('accepted');
    const scanned = await http()
      .post(`/api/v1/cases/${created.id}/documents`)
      .set('Authorization', caseworker)
      .send(doc('bulk-scan'))
      .expect(201);
    expect(scanned.body.status).toBe('pending-review');

    const noReason = await http()
      .post(`/api/v1/cases/${created.id}/documents/${scanned.body.id}/review`)
      .set('Authorization', caseworker)
      .send({ decision: 'rejected' })
      .expect(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: 'is required when rejecting' }]);
    const rejected = await http()
      .post(`/api/v1/cases/${created.id}/documents/${scanned.body.id}/review`)
      .set('Authorization', caseworker)
      .send({ decision: 'rejected', reason: 'Illegible scan' })
      .expect(201);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Illegible scan' });
    await http()
      .post(`/api/v1/cases/${created.id}/documents/${scanned.body.id}/review`)
      .set('Authorization', caseworker)
      .send({ decision: 'accepted' })
      .expect(409);

    const bad = await http()
      .post(`/api/v1/cases/${created.id}/documents`)
      .set('Authorization', caseworker)
      .send({ ...doc('fax'), colour: 'blue' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'colour']);
    expect(
      (await http().get(`/api/v1/cases/${created.id}/documents`).set('Authorization', caseworker).expect(200)).body,
    ).toHaveLength(2);
  });

  it('holds a case back while an assisted-digital referral is open, where its case type says so', async () => {
    const { body: appeal } = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({
        caseType: 'social-security-appeal',
        parties: [
          { role: 'appellant', kind: 'person', name: 'Ana' },
          { role: 'respondent', kind: 'organisation', name: 'DWP' },
        ],
      })
      .expect(201);
    await http()
      .post(`/api/v1/cases/${appeal.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'submit' })
      .expect(200);
    const referral = await http()
      .post(`/api/v1/cases/${appeal.id}/assisted-digital-referrals`)
      .set('Authorization', caseworker)
      .send({ partyId: appeal.parties[0].id, needs: ['no-device', 'low-digital-confidence'] })
      .expect(201);
    expect(referral.body.status).toBe('referred');

    const blocked = await http()
      .get(`/api/v1/cases/${appeal.id}/readiness?event=send-to-respondent`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(blocked.body.criteria).toEqual([
      expect.objectContaining({ id: 'no-open-assisted-digital-referral', met: false }),
    ]);
    await http()
      .post(`/api/v1/cases/${appeal.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'send-to-respondent' })
      .expect(409);

    const status = (s: string) =>
      http()
        .post(`/api/v1/cases/${appeal.id}/assisted-digital-referrals/${referral.body.id}/status`)
        .set('Authorization', caseworker)
        .send({ status: s });
    await status('completed').expect(409);
    await status('accepted').expect(201);
    await status('completed').expect(201);
    await http()
      .post(`/api/v1/cases/${appeal.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'send-to-respondent' })
      .expect(200);

    const bad = await http()
      .post(`/api/v1/cases/${appeal.id}/assisted-digital-referrals`)
      .set('Authorization', caseworker)
      .send({ partyId: appeal.parties[0].id, needs: ['telepathy'] })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('needs');
    await http()
      .post(`/api/v1/cases/${appeal.id}/assisted-digital-referrals`)
      .set('Authorization', await bearer('citizen'))
      .send({ partyId: appeal.parties[0].id, needs: ['no-device'] })
      .expect(403);
  });
});
