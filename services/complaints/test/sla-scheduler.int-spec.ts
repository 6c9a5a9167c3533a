import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { bearer, eventually } from '@ccsc/testing';
import { outbox, startComplaintsApp } from './complaints-app';

// The scheduled run is the same use case on an interval timer (SLA_RUN_INTERVAL_MS), which the
// other tests turn off.
describe('the scheduled SLA run', () => {
  let app: INestApplication;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp({ SLA_RUN_INTERVAL_MS: '100' }));
  });
  afterAll(() => close());

  it('flags an overdue stage by itself, and announces the breach once', async () => {
    const officer = await bearer('complaints-officer');
    const overdue = await request(app.getHttpServer()).post('/api/v1/complaints').set('Authorization', officer).send({ category: 'delay', receivedAt: '2025-12-19T10:30:00Z' }).expect(201);
    await eventually(async () => {
      const got = await request(app.getHttpServer()).get(`/api/v1/complaints/${overdue.body.id}`).set('Authorization', officer).expect(200);
      expect(got.body.stages[0]).toMatchObject({ breached: true, atRisk: false });
    });
    // Several more runs go by; the breach is still announced once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await outbox(app, 'complaints.complaint-stage-breached.v1')).map((e) => e.subject)).toEqual([overdue.body.id]);
  });
});
