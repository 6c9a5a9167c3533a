import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { bearer, eventually } from '@ccsc/testing';
import { ComplaintSlaRun } from '../src/sla/application/sla.commands';
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
    const overdue = await request(app.getHttpServer())
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .send({ category: 'delay', receivedAt: '2025-12-19T10:30:00Z' })
      .expect(201);
    await eventually(async () => {
      const got = await request(app.getHttpServer())
        .get(`/api/v1/complaints/${overdue.body.id}`)
        .set('Authorization', officer)
        .expect(200);
      expect(got.body.stages[0]).toMatchObject({ breached: true, atRisk: false });
    });
    // Several more runs go by (runs never overlap, so a third has started once two have ended); the
    // breach is still announced once.
    const runs = jest.spyOn(app.get(ComplaintSlaRun), 'run');
    await eventually(async () => expect(runs.mock.calls.length).toBeGreaterThanOrEqual(3));
    runs.mockRestore();
    expect((await outbox(app, 'complaints.complaint-stage-breached.v1')).map((e) => e.subject)).toEqual([
      overdue.body.id,
    ]);
  });
});
