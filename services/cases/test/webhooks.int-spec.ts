import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { feesSettledV1 } from '@ccsc/contracts';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';

/**
 * Standard Webhooks verification written here from the specification, independently of the
 * `standardwebhooks` library the service signs with: HMAC-SHA256 over `id.timestamp.body` keyed by
 * the base64 after `whsec_`, each `v1,<base64>` signature compared in constant time, and the
 * timestamp within five minutes of now.
 */
function verifies(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.split(' ').some((signature) => {
    const [version, value] = signature.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A partner's receiver on this machine: answers with the statuses given in turn, then 200. */
async function receiver(
  statuses: number[] = [],
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answered = statuses.shift() ?? 200;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const year = new Date().getUTCFullYear() + 1;
const HEARING = {
  venueId: 'LDN-RCJ',
  venueName: 'Royal Courts of Justice',
  hearingType: 'final-hearing',
  startsAt: `${year}-07-14T10:00:00+01:00`,
  durationMinutes: 120,
};

describe('partner webhooks', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let dataSource: DataSource;
  let caseworker: string;
  const receivers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    ({ app, close } = await startCasesApp({
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      WEBHOOK_DISPATCH_INTERVAL_MS: '50',
      WEBHOOK_RETRY_FIRST_DELAY_MS: '50',
      WEBHOOK_RETRY_MAX_DELAY_MS: '200',
      // A short window, so the parking test parks within seconds; the retry test's four attempts take well under it.
      WEBHOOK_RETRY_WINDOW_MS: '3000',
      WEBHOOK_TIMEOUT_MS: '2000',
    }));
    dataSource = app.get(DataSource);
    caseworker = await bearer('caseworker');
  });
  afterAll(async () => {
    await close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const http = () => request(app.getHttpServer());
  const firm = (org: string) => bearer('professional', { org, sub: `solicitor-of-${org}` });
  const listen = async (statuses: number[] = []) => {
    const r = await receiver(statuses);
    receivers.push(r);
    return r;
  };
  const register = async (token: string, url: string, eventTypes = ['case.issued', 'hearing.listed']) =>
    (
      await http()
        .post('/api/v1/cases/webhooks/endpoints')
        .set('Authorization', token)
        .send({ url, eventTypes })
        .expect(201)
    ).body as { id: string; secret: string; url: string; eventTypes: string[] };
  /** A money claim whose claimant `org` represents, taken to issue as staff do it. */
  const issuedClaimOf = async (org: string): Promise<{ id: string; reference: string }> => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(
        claim({
          parties: [
            { role: 'claimant', kind: 'person', name: 'Alex Claimant', email: 'alex@example.com', representedBy: org },
            { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
          ],
        }),
      )
      .expect(201);
    const { id, reference } = created.body as { id: string; reference: string };
    await http()
      .post(`/api/v1/cases/${id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'submit' })
      .expect(200);
    await publishEvent(feesSettledV1, id, { caseId: id, feeCodes: ['FEE0202'], settlement: 'paid' });
    await eventually(() =>
      http().post(`/api/v1/cases/${id}/events`).set('Authorization', caseworker).send({ event: 'issue' }).expect(200),
    );
    return { id, reference };
  };
  const listHearing = async (caseId: string) =>
    (await http().post(`/api/v1/cases/${caseId}/hearings`).set('Authorization', caseworker).send(HEARING).expect(201))
      .body.id as string;
  const payloadOf = (r: Received) =>
    JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> };
  const endpointCount = async () =>
    Number(((await dataSource.query('SELECT count(*) AS n FROM webhook_endpoints')) as { n: string }[])[0].n);

  it("delivers its own case's issue and hearing to each firm, signed, and nothing about the other firm's case", async () => {
    const [tokenA, tokenB] = await Promise.all([firm('org-hooks-a'), firm('org-hooks-b')]);
    const [receiverA, receiverB] = await Promise.all([listen(), listen()]);
    const endpointA = await register(tokenA, receiverA.url);
    const endpointB = await register(tokenB, receiverB.url);
    expect(endpointA.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const caseA = await issuedClaimOf('org-hooks-a');
    const caseB = await issuedClaimOf('org-hooks-b');
    const hearingA = await listHearing(caseA.id);
    const hearingB = await listHearing(caseB.id);

    await eventually(() => {
      expect(receiverA.received).toHaveLength(2);
      expect(receiverB.received).toHaveLength(2);
      return Promise.resolve();
    });
    for (const [r, endpoint, own, hearingId] of [
      [receiverA, endpointA, caseA, hearingA],
      [receiverB, endpointB, caseB, hearingB],
    ] as const) {
      for (const message of r.received) expect(verifies(endpoint.secret, message.headers, message.body)).toBe(true);
      expect(r.received.map(payloadOf)).toEqual(
        expect.arrayContaining([
          {
            type: 'case.issued',
            timestamp: expect.any(String),
            data: { caseId: own.id, caseReference: own.reference, state: 'Issued' },
          },
          {
            type: 'hearing.listed',
            timestamp: expect.any(String),
            data: {
              caseId: own.id,
              caseReference: own.reference,
              hearingId,
              hearingType: 'final-hearing',
              venueId: 'LDN-RCJ',
              venueName: 'Royal Courts of Justice',
              startsAt: `${year}-07-14T09:00:00.000Z`,
              durationMinutes: 120,
            },
          },
        ]),
      );
      // Nothing names another party: no name, no email, whichever case it is.
      for (const message of r.received) expect(message.body).not.toMatch(/Alex|alex@example\.com|Widgets/);
    }
    // A signature made with another firm's secret does not verify: each firm's deliveries are its own.
    expect(verifies(endpointB.secret, receiverA.received[0].headers, receiverA.received[0].body)).toBe(false);
    // A tampered body does not verify either.
    expect(verifies(endpointA.secret, receiverA.received[0].headers, `${receiverA.received[0].body} `)).toBe(false);
  });

  it('retries a failing receiver with backoff until it takes the event: once delivered, one webhook-id, every attempt logged', async () => {
    const token = await firm('org-hooks-retry');
    const flaky = await listen([500, 500, 500]);
    const endpoint = await register(token, flaky.url, ['hearing.listed']);
    const own = await issuedClaimOf('org-hooks-retry');
    const hearingId = await listHearing(own.id);

    const deliveries = async () =>
      (
        await http()
          .get(`/api/v1/cases/webhooks/endpoints/${endpoint.id}/deliveries`)
          .set('Authorization', token)
          .expect(200)
      ).body as {
        items: {
          id: string;
          status: string;
          eventType: string;
          payload: { data: Record<string, unknown> };
          attempts: { attempt: number; statusCode: number | null; durationMs: number; error: string | null }[];
        }[];
      };
    const delivered = await eventually(async () => {
      const page = await deliveries();
      expect(page.items).toHaveLength(1);
      expect(page.items[0].status).toBe('delivered');
      return page.items[0];
    });
    expect(flaky.received.map((r) => r.answered)).toEqual([500, 500, 500, 200]);
    expect(new Set(flaky.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivered.id]));
    expect(new Set(flaky.received.map((r) => r.body)).size).toBe(1);
    for (const r of flaky.received) expect(verifies(endpoint.secret, r.headers, r.body)).toBe(true);
    expect(delivered).toMatchObject({ eventType: 'hearing.listed', payload: { data: { hearingId } } });
    expect(delivered.attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, null],
      [2, 500, null],
      [3, 500, null],
      [4, 200, null],
    ]);
    for (const a of delivered.attempts) expect(a.durationMs).toBeGreaterThanOrEqual(0);
    // The log keeps what happened, never what was sent with it.
    const logged = JSON.stringify(await dataSource.query('SELECT * FROM webhook_delivery_attempts'));
    expect(logged).not.toContain(endpoint.secret.slice(6));

    // Replay: a fifth attempt with the same webhook-id; still pending, so a second replay is a conflict.
    await http()
      .post(`/api/v1/cases/webhooks/deliveries/${delivered.id}/replay`)
      .set('Authorization', token)
      .expect(200);
    await eventually(async () => {
      const one = (
        await http().get(`/api/v1/cases/webhooks/deliveries/${delivered.id}`).set('Authorization', token).expect(200)
      ).body as { status: string; attempts: unknown[] };
      expect(one).toMatchObject({ status: 'delivered', attempts: expect.any(Array) });
      expect(one.attempts).toHaveLength(5);
    });
    expect(flaky.received).toHaveLength(5);
    expect(flaky.received[4].headers['webhook-id']).toBe(delivered.id);
  });

  it('parks a delivery when the retries run out, and replays a parked one', async () => {
    const token = await firm('org-hooks-park');
    const down = await listen(Array.from({ length: 100 }, () => 503));
    const endpoint = await register(token, down.url, ['hearing.listed']);
    const own = await issuedClaimOf('org-hooks-park');
    await listHearing(own.id);
    const parked = await eventually(async () => {
      const page = (
        await http()
          .get(`/api/v1/cases/webhooks/endpoints/${endpoint.id}/deliveries`)
          .set('Authorization', token)
          .expect(200)
      ).body as { items: { id: string; status: string; nextAttemptAt: string | null; attempts: unknown[] }[] };
      expect(page.items[0]?.status).toBe('parked');
      return page.items[0];
    });
    expect(parked.nextAttemptAt).toBeNull();
    expect(parked.attempts.length).toBe(down.received.length);
    expect(parked.attempts.length).toBeGreaterThan(1);
    const before = down.received.length;
    await http().post(`/api/v1/cases/webhooks/deliveries/${parked.id}/replay`).set('Authorization', token).expect(200);
    await eventually(() => {
      expect(down.received.length).toBeGreaterThan(before);
      return Promise.resolve();
    });
    expect(down.received[before].headers['webhook-id']).toBe(parked.id);
  });

  it('signs with both secrets during a rotation overlap, so either verifies', async () => {
    const token = await firm('org-hooks-rotate');
    const r = await listen();
    const endpoint = await register(token, r.url, ['hearing.listed']);
    const rotated = await http()
      .post(`/api/v1/cases/webhooks/endpoints/${endpoint.id}/rotate-secret`)
      .set('Authorization', token)
      .expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.body.previousSecretValidUntil as string)).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const own = await issuedClaimOf('org-hooks-rotate');
    await listHearing(own.id);
    await eventually(() => {
      expect(r.received).toHaveLength(1);
      return Promise.resolve();
    });
    const [message] = r.received;
    expect((message.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(verifies(endpoint.secret, message.headers, message.body)).toBe(true);
    expect(verifies(rotated.body.secret as string, message.headers, message.body)).toBe(true);
    expect(verifies(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, message.headers, message.body)).toBe(false);
    // The secrets are never shown again.
    const listed = await http()
      .get(`/api/v1/cases/webhooks/endpoints/${endpoint.id}`)
      .set('Authorization', token)
      .expect(200);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  });

  it("keeps each firm's endpoints and deliveries its own: another firm's are not found", async () => {
    const [owner, other] = await Promise.all([firm('org-hooks-owner'), firm('org-hooks-other')]);
    const r = await listen();
    const endpoint = await register(owner, r.url, ['hearing.listed']);
    const own = await issuedClaimOf('org-hooks-owner');
    await listHearing(own.id);
    const delivery = await eventually(async () => {
      const page = await http()
        .get(`/api/v1/cases/webhooks/endpoints/${endpoint.id}/deliveries`)
        .set('Authorization', owner)
        .expect(200);
      expect(page.body.items[0]?.status).toBe('delivered');
      return page.body.items[0] as { id: string };
    });

    const base = `/api/v1/cases/webhooks/endpoints/${endpoint.id}`;
    for (const call of [
      http().get(base),
      http().patch(base).send({ enabled: false }),
      http().delete(base),
      http().post(`${base}/rotate-secret`),
      http().get(`${base}/deliveries`),
      http().get(`/api/v1/cases/webhooks/deliveries/${delivery.id}`),
      http().post(`/api/v1/cases/webhooks/deliveries/${delivery.id}/replay`),
    ]) {
      const refused = await call.set('Authorization', other).expect(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect(
      (await http().get('/api/v1/cases/webhooks/endpoints').set('Authorization', other).expect(200)).body.items,
    ).toEqual([]);
    // The owner's endpoint is untouched, and a citizen or staff may not manage webhooks at all.
    expect((await http().get(base).set('Authorization', owner).expect(200)).body).toMatchObject({ enabled: true });
    await http()
      .get('/api/v1/cases/webhooks/endpoints')
      .set('Authorization', await bearer('citizen'))
      .expect(403);
    await http().get('/api/v1/cases/webhooks/endpoints').set('Authorization', caseworker).expect(403);

    // Disabled, the endpoint gets nothing; deleted, it is gone with its deliveries.
    await http().patch(base).set('Authorization', owner).send({ enabled: false }).expect(200);
    await listHearing(own.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received).toHaveLength(1);
    await http().delete(base).set('Authorization', owner).expect(204);
    await http().get(base).set('Authorization', owner).expect(404);
    await http().get(`/api/v1/cases/webhooks/deliveries/${delivery.id}`).set('Authorization', owner).expect(404);
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const token = await firm('org-hooks-input');
    const before = await endpointCount();
    for (const [body, field] of [
      [{ url: 'not a url', eventTypes: ['case.issued'] }, 'url'],
      [{ url: 'http://hooks.example.com/x', eventTypes: ['case.issued'] }, 'url'],
      [{ url: 'https://10.0.0.8/x', eventTypes: ['case.issued'] }, 'url'],
      [{ url: 'https://169.254.169.254/latest/meta-data', eventTypes: ['case.issued'] }, 'url'],
      [{ url: 'https://[fd00::1]/x', eventTypes: ['case.issued'] }, 'url'],
      [{ url: 'https://hooks.example.com/x', eventTypes: ['case.exploded'] }, 'eventTypes'],
      [{ url: 'https://hooks.example.com/x', eventTypes: [] }, 'eventTypes'],
      [{ url: 'https://hooks.example.com/x' }, 'eventTypes'],
      [{ url: 'https://hooks.example.com/x', eventTypes: ['case.issued'], secret: 'mine' }, 'secret'],
    ] as const) {
      const refused = await http()
        .post('/api/v1/cases/webhooks/endpoints')
        .set('Authorization', token)
        .send(body)
        .expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    await http()
      .patch('/api/v1/cases/webhooks/endpoints/not-a-uuid')
      .set('Authorization', token)
      .send({ enabled: false })
      .expect(400);
    expect(await endpointCount()).toBe(before);
    const types = await http().get('/api/v1/cases/webhooks/event-types').set('Authorization', token).expect(200);
    expect(types.body.map((t: { type: string }) => t.type)).toEqual([
      'case.issued',
      'case.state-changed',
      'hearing.listed',
      'hearing.status-changed',
      'decision.recorded',
    ]);
  });
});
