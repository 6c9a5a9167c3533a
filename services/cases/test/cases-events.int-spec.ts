import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestDatabase,
  describeKafka,
  eventually,
  kafkaBrokers,
  TestDatabase,
  testServiceEnv,
} from '@ccsc/testing';
import { casesApp } from '../src/cases.app';
import { readCasesConfig } from '../src/config';
import { casesDatabase } from '../src/data-source';
import { claim } from './cases-app';

// The first real flow, on the real broker: cases publishes through its outbox to Kafka and its
// timeline consumes the events back through the inbox.
describeKafka('cases events over Kafka', () => {
  let app: INestApplication;
  let database: TestDatabase;
  let caseworker: string;

  beforeAll(async () => {
    database = await createTestDatabase('cases', casesDatabase);
    app = await casesApp(
      readCasesConfig(testServiceEnv(database.url, { KAFKA_BROKERS: kafkaBrokers()!.join(','), OUTBOX_POLL_MS: '50' })),
    );
    await app.init();
    caseworker = await bearer('caseworker');
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const http = () => request(app.getHttpServer());

  it("puts the case's events on its timeline through Kafka, and reports the pipeline in health and metrics", async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .set('x-correlation-id', 'flow-1')
      .send(claim())
      .expect(201);
    await http()
      .post(`/api/v1/cases/${created.body.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'submit' })
      .expect(200);

    const timeline = await eventually(async () => {
      const res = await http()
        .get(`/api/v1/cases/${created.body.id}/timeline`)
        .set('Authorization', caseworker)
        .expect(200);
      expect(res.body).toHaveLength(2);
      return res.body as { type: string; source: string }[];
    }, 60_000);
    expect(timeline.map((e) => e.type)).toEqual(['cases.case-created.v1', 'cases.case-state-changed.v1']);

    const [envelope] = (await app
      .get(DataSource)
      .query(`SELECT envelope FROM outbox WHERE type = 'cases.case-created.v1'`)) as [
      { envelope: Record<string, unknown> },
    ];
    expect(envelope.envelope).toMatchObject({
      specversion: '1.0',
      source: 'cases',
      subject: created.body.id,
      correlationid: 'flow-1',
      actor: 'caseworker-user',
    });

    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.checks.events.details).toMatchObject({
      transport: 'kafka',
      outbox: { unpublished: 0 },
      deadLetters: 0,
    });
    await eventually(async () => {
      const metrics = await http().get('/metrics').expect(200);
      const value = (name: string, labels: Record<string, string> = {}) =>
        sample(metrics.text, name, { service: 'cases', ...labels });
      expect(value('ccsc_outbox_unpublished_events')).toBe(0);
      expect(value('ccsc_dead_letter_events')).toBe(0);
      expect(value('ccsc_consumer_lag_events')).toBe(0);
      // Business counters come from the events published; requests are timed by route pattern, never by raw path.
      expect(value('ccsc_business_events_total', { event: 'cases.case-created.v1' })).toBe(1);
      expect(value('ccsc_business_events_total', { event: 'cases.case-state-changed.v1' })).toBe(1);
      expect(
        value('ccsc_http_request_duration_seconds_count', {
          method: 'POST',
          route: '/api/v1/cases/:id/events',
          status: '200',
        }),
      ).toBe(1);
      expect(metrics.text).not.toContain(created.body.id);
      expect(value('ccsc_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    });
    await http()
      .post('/graphql')
      .set('Authorization', caseworker)
      .send({ query: '{ cases(first: 1) { nodes { id } } }' })
      .expect(200);
    const afterQuery = await http().get('/metrics').expect(200);
    expect(
      sample(afterQuery.text, 'ccsc_graphql_operation_duration_seconds_count', {
        service: 'cases',
        operation: 'query cases',
        outcome: 'ok',
      }),
    ).toBe(1);
  });
});

/** The value of the Prometheus sample with exactly these labels, in any order; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (
      Object.keys(found).length === Object.keys(labels).length &&
      Object.entries(labels).every(([k, v]) => found[k] === v)
    )
      return Number(match[3]);
  }
  return undefined;
}
