import type { Server } from 'node:http';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { LiveEvents } from '@ccsc/messaging';
import {
  bearer,
  describeKafka,
  eventually,
  kafkaBrokers,
  nextWithin,
  TestService,
  testServiceEnv,
  testToken,
} from '@ccsc/testing';
import { casesApp } from '../src/cases.app';
import { readCasesConfig } from '../src/config';
import { claim, startCasesApp } from './cases-app';

const year = new Date().getUTCFullYear() + 1;
const SUBSCRIPTION = `subscription($caseId: ID!) {
  hearingStatusChanged(caseId: $caseId) {
    from to changedAt
    hearing { id caseId status delayMinutes goingAhead cy: goingAhead(language: cy) }
  }
}`;
const UPDATE_STATUS = `mutation($input: UpdateHearingStatusInput!) { updateHearingStatus(input: $input) { id status } }`;

/** How a raw graphql-transport-ws connection sent `payload` as its first message ends: its close code and reason. */
function closeOf(url: string, payload: Record<string, unknown> | undefined): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', ...(payload ? { payload } : {}) })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') reject(new Error('the connection was accepted'));
    });
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}

// The subgraph side of live subscriptions, on real PostgreSQL and Kafka: graphql-ws at /graphql on the
// service's own port, authenticated by the token the gateway passes in connectionParams, fed by the
// service's own events that every replica follows from the end of its topic.
describeKafka('hearing status subscriptions over graphql-ws (real PostgreSQL and Kafka, two replicas)', () => {
  let replicaA: TestService;
  let replicaB: INestApplication;
  let replicaBClosed = false;
  let urlA: string;
  let urlB: string;
  let caseworker: string;
  let claimantFirm: string;
  let strangerFirm: string;
  let claimantCitizen: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    const env = { KAFKA_BROKERS: kafkaBrokers()!.join(','), OUTBOX_POLL_MS: '50' };
    replicaA = await startCasesApp(env);
    // A second replica of the service on the same database: each follows the events from Kafka on its own.
    replicaB = await casesApp(readCasesConfig(testServiceEnv(replicaA.database.url, env)));
    await replicaB.init();
    // The test service listens already (to check its answers against the contract); the second replica is told to.
    for (const app of [replicaA.app, replicaB])
      if (!(app.getHttpServer() as Server).listening) await app.listen(0, '127.0.0.1');
    const wsUrl = async (app: INestApplication) => `${(await app.getUrl()).replace(/^http/, 'ws')}/graphql`;
    [urlA, urlB] = await Promise.all([wsUrl(replicaA.app), wsUrl(replicaB)]);
    [caseworker, claimantFirm, strangerFirm, claimantCitizen] = await Promise.all([
      bearer('caseworker'),
      bearer('professional', { org: 'org-a' }),
      bearer('professional', { org: 'org-b' }),
      bearer('citizen', { sub: 'citizen-alex' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    if (!replicaBClosed) await replicaB?.close();
    await replicaA?.close();
  });

  const http = () => request(replicaA.app.getHttpServer());
  const connect = (url: string, authorization: string, onClosed?: (event: unknown) => void) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization },
      retryAttempts: 0,
      lazy: false,
      // A refused or closed connection is what some tests are about; the subscriptions report it.
      onNonLazyError: () => undefined,
      on: onClosed ? { closed: onClosed } : undefined,
    });
    clients.push(client);
    return client;
  };
  const subscribe = (client: Client, caseId: string, query = SUBSCRIPTION) =>
    client.iterate<Record<string, unknown>>({ query, variables: { caseId } });

  /** A claim whose claimant is the citizen citizen-alex, represented by org-a, with a hearing listed. */
  const caseWithHearing = async () => {
    const [claimant, defendant] = claim().parties;
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(claim({ parties: [{ ...claimant, userId: 'citizen-alex' }, defendant] }))
      .expect(201);
    const caseId = created.body.id as string;
    const hearing = await http()
      .post(`/api/v1/cases/${caseId}/hearings`)
      .set('Authorization', caseworker)
      .send({
        venueId: 'LDN-RCJ',
        venueName: 'Royal Courts of Justice',
        hearingType: 'final-hearing',
        startsAt: `${year}-07-14T10:00:00+01:00`,
        durationMinutes: 120,
      })
      .expect(201);
    return { caseId, claimantId: created.body.parties[0].id as string, hearingId: hearing.body.id as string };
  };
  const changeStatus = async (hearingId: string, input: Record<string, unknown>) => {
    const res = await http()
      .post('/graphql')
      .set('Authorization', caseworker)
      .send({ query: UPDATE_STATUS, variables: { input: { hearingId, ...input } } })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    return Date.now();
  };
  /** Subscribed once the server has taken the subscription: it checks the case before it listens. */
  const subscribed = async (app: INestApplication, count: number) => {
    const live = app.get(LiveEvents);
    for (let i = 0; i < 100 && live.subscriberCount < count; i++) await new Promise((r) => setTimeout(r, 20));
    expect(live.subscriberCount).toBeGreaterThanOrEqual(count);
  };

  it("delivers a hearing's status change to a party within a second, on whichever replica they are connected to", async () => {
    const { caseId, hearingId } = await caseWithHearing();
    const onB = subscribe(connect(urlB, claimantCitizen), caseId);
    const onA = subscribe(connect(urlA, claimantFirm), caseId);
    const firstB = nextWithin(onB, 5_000);
    const firstA = nextWithin(onA, 5_000);
    await subscribed(replicaA.app, 1);
    await subscribed(replicaB, 1);

    // Changed through replica A: the subscriber on replica B hears of it from Kafka, as the one on A does.
    const changedAt = await changeStatus(hearingId, { status: 'running-late', delayMinutes: 30 });
    const [b, a] = await Promise.all([firstB, firstA]);
    expect(Date.now() - changedAt).toBeLessThan(1_000);
    for (const received of [a, b]) {
      expect(received).toEqual({
        data: {
          hearingStatusChanged: {
            from: 'listed',
            to: 'running-late',
            changedAt: expect.any(String),
            hearing: {
              id: hearingId,
              caseId,
              status: 'running-late',
              delayMinutes: 30,
              goingAhead: 'yes, running about 30 minutes late',
              cy: "ydy, mae'n rhedeg tua 30 munud yn hwyr",
            },
          },
        },
      });
    }

    // Completing the subscription ends it on the server too.
    await onA.return?.();
    await onB.return?.();
    await eventually(async () => {
      for (const app of [replicaA.app, replicaB]) expect(app.get(LiveEvents).subscriberCount).toBe(0);
    }, 5_000);
  });

  it('refuses a subscriber who may not read the case as reading it would, and a malformed case id as bad input', async () => {
    const { caseId } = await caseWithHearing();
    const stranger = await nextWithin(subscribe(connect(urlA, strangerFirm), caseId), 5_000);
    expect(stranger).toMatchObject({
      errors: [{ extensions: { code: 'NOT_FOUND' } }],
    });
    const otherCitizen = await nextWithin(
      subscribe(connect(urlA, await bearer('citizen', { sub: 'citizen-nobody' })), caseId),
      5_000,
    );
    expect(otherCitizen).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const malformed = await nextWithin(subscribe(connect(urlA, claimantFirm), 'not-a-uuid'), 5_000);
    expect(malformed).toMatchObject({
      errors: [
        { extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'caseId', message: 'must be a UUID' }] } },
      ],
    });
    expect(replicaA.app.get(LiveEvents).subscriberCount).toBe(0);
  });

  it('stops delivering to a firm once it no longer acts for a party, while staff still hear of changes', async () => {
    const { caseId, claimantId, hearingId } = await caseWithHearing();
    const firm = subscribe(connect(urlA, claimantFirm), caseId);
    const staff = subscribe(connect(urlA, caseworker), caseId);
    const firmFirst = nextWithin(firm, 3_000);
    const staffFirst = nextWithin(staff, 5_000);
    await subscribed(replicaA.app, 2);

    await http()
      .put(`/api/v1/cases/${caseId}/parties/${claimantId}/representation`)
      .set('Authorization', caseworker)
      .send({ organisationId: 'org-c' })
      .expect(200);
    await changeStatus(hearingId, { status: 'in-progress' });
    expect(await staffFirst).toMatchObject({
      data: { hearingStatusChanged: { from: 'listed', to: 'in-progress', hearing: { status: 'in-progress' } } },
    });
    expect(await firmFirst).toBe('nothing');
  });

  it('refuses a connection without a valid token, and closes one when its token expires', async () => {
    expect(await closeOf(urlA, undefined)).toEqual({
      code: 4403,
      reason: 'Forbidden: Send the token as connectionParams.authorization: "Bearer <token>"',
    });
    expect(await closeOf(urlA, { authorization: 'Bearer not-a-token' })).toEqual({
      code: 4403,
      reason: 'Forbidden: The token is not valid',
    });
    const expired = await testToken('caseworker', { ttl: -60 });
    expect(await closeOf(urlA, { authorization: `Bearer ${expired}` })).toEqual({
      code: 4403,
      reason: 'Forbidden: The token has expired',
    });

    // A token good for a few more seconds: accepted, then the connection is closed as it expires.
    const { caseId } = await caseWithHearing();
    const brief = await testToken('caseworker', { ttl: 4 });
    let client!: Client;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      client = connect(urlA, `Bearer ${brief}`, (event) => resolve(event as { code: number; reason: string }));
    });
    const subscription = subscribe(client, caseId);
    const ended = subscription.next().catch((error: unknown) => error);
    const { code, reason } = await closed;
    expect({ code, reason }).toEqual({ code: 4401, reason: 'Unauthorized: the token has expired' });
    await ended;
  });

  it('serves only subscriptions over the WebSocket: a query is refused, not run', async () => {
    const { caseId } = await caseWithHearing();
    const client = connect(urlA, caseworker);
    const query = await nextWithin(
      client.iterate({ query: 'query($id: ID!) { case(id: $id) { id } }', variables: { id: caseId } }),
      5_000,
    ).catch((errors: unknown) => ({ errors }));
    expect(query).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const broken = await nextWithin(client.iterate({ query: 'subscription {' }), 5_000).catch((errors: unknown) => ({
      errors,
    }));
    expect(broken).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
  });

  // Last: it stops replica B.
  it('ends its subscriptions with 1001 Going Away when it stops, and stops promptly', async () => {
    const { caseId } = await caseWithHearing();
    let client!: Client;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      client = connect(urlB, caseworker, (event) => resolve(event as { code: number; reason: string }));
    });
    const ended = subscribe(client, caseId)
      .next()
      .catch((error: unknown) => error);
    await subscribed(replicaB, 1);
    const started = Date.now();
    await replicaB.close();
    replicaBClosed = true;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await closed).code).toBe(1001);
    await ended;
  });
});
