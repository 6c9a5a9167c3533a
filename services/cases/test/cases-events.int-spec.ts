import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer, createTestDatabase, describeKafka, eventually, kafkaBrokers, TestDatabase, testServiceEnv } from '@ccsc/testing';
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
    app = await casesApp(readCasesConfig(testServiceEnv(database.url, { KAFKA_BROKERS: kafkaBrokers()!.join(','), OUTBOX_POLL_MS: '50' })));
    await app.init();
    caseworker = await bearer('caseworker');
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const http = () => request(app.getHttpServer());

  it("puts the case's events on its timeline through Kafka, and reports the pipeline in health and metrics", async () => {
    const created = await http().post('/api/v1/cases').set('Authorization', caseworker).set('x-correlation-id', 'flow-1').send(claim()).expect(201);
    await http().post(`/api/v1/cases/${created.body.id}/events`).set('Authorization', caseworker).send({ event: 'submit' }).expect(200);

    const timeline = await eventually(async () => {
      const res = await http().get(`/api/v1/cases/${created.body.id}/timeline`).set('Authorization', caseworker).expect(200);
      expect(res.body).toHaveLength(2);
      return res.body as { type: string; source: string }[];
    }, 60_000);
    expect(timeline.map((e) => e.type)).toEqual(['cases.case-created.v1', 'cases.case-state-changed.v1']);

    const [envelope] = (await app.get(DataSource).query(`SELECT envelope FROM outbox WHERE type = 'cases.case-created.v1'`)) as [{ envelope: Record<string, unknown> }];
    expect(envelope.envelope).toMatchObject({ specversion: '1.0', source: 'cases', subject: created.body.id, correlationid: 'flow-1', actor: 'caseworker-user' });

    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.checks.events.details).toMatchObject({ transport: 'kafka', outbox: { unpublished: 0 }, deadLetters: 0 });
    await eventually(async () => {
      const metrics = await http().get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^ccsc_outbox_unpublished_events 0$/m);
      expect(metrics.text).toMatch(/^ccsc_dead_letter_events 0$/m);
      expect(metrics.text).toMatch(/^ccsc_consumer_lag_events 0$/m);
    });
  });
});
