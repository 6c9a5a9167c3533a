import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { feesSettledV1 } from '@ccsc/contracts';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';
import { WebhookDispatcher } from '../src/webhooks/application/webhook-dispatcher';
import { WebhookDeliveryRepository } from '../src/webhooks/infrastructure/webhook-delivery.repository';
import { WebhookSecretBox } from '../src/webhooks/infrastructure/webhook-secret-box';

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
    // Kept as the policy and the sender read it, so no other reader sees another host in it.
    const normalised = await register(token, 'https://hooks.example.com\\@127.0.0.1/x');
    expect(normalised.url).toBe('https://hooks.example.com/@127.0.0.1/x');
    await http().delete(`/api/v1/cases/webhooks/endpoints/${normalised.id}`).set('Authorization', token).expect(204);
    const types = await http().get('/api/v1/cases/webhooks/event-types').set('Authorization', token).expect(200);
    expect(types.body.map((t: { type: string }) => t.type)).toEqual([
      'case.issued',
      'case.state-changed',
      'hearing.listed',
      'hearing.status-changed',
      'decision.recorded',
    ]);
  });

  it('refuses a second endpoint for one URL and more than ten per firm, with problem+json', async () => {
    const token = await firm('org-hooks-many');
    const r = await listen();
    await register(token, `${r.url}?n=0`);
    const again = await http()
      .post('/api/v1/cases/webhooks/endpoints')
      .set('Authorization', token)
      // The same URL spelt another way is the same endpoint.
      .send({ url: `${r.url.replace('http://', 'HTTP://')}?n=0`, eventTypes: ['case.issued'] })
      .expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body.detail).toMatch(/already has an endpoint for this URL/);
    // Another firm may use the same URL: the rule is one endpoint per URL per firm.
    await register(await firm('org-hooks-many-other'), `${r.url}?n=0`);
    for (let n = 1; n < 10; n++) await register(token, `${r.url}?n=${n}`);
    const eleventh = await http()
      .post('/api/v1/cases/webhooks/endpoints')
      .set('Authorization', token)
      .send({ url: `${r.url}?n=10`, eventTypes: ['case.issued'] })
      .expect(409);
    expect(eleventh.headers['content-type']).toContain('application/problem+json');
    expect(eleventh.body.detail).toMatch(/at most 10 webhook endpoints/);
    const count = await dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_endpoints WHERE organisation_id = $1`,
      ['org-hooks-many'],
    );
    expect(count[0].n).toBe(10);
  });

  it('refuses a rotation while an overlap runs, and never keeps a secret for an idempotent replay', async () => {
    const token = await firm('org-hooks-rotate-twice');
    const r = await listen();
    const key = randomUUID();
    const registered = await http()
      .post('/api/v1/cases/webhooks/endpoints')
      .set('Authorization', token)
      .set('Idempotency-Key', key)
      .send({ url: r.url, eventTypes: ['hearing.listed'] })
      .expect(201);
    expect(registered.body.secret).toMatch(/^whsec_/);
    expect(registered.headers.location).toBe(`/api/v1/cases/webhooks/endpoints/${registered.body.id}`);
    // The same request again with the same key does not replay the secret and does not add an endpoint.
    // (The key is given back just after the answer is sent, so a retry at once may first be told to wait.)
    const retried = await eventually(async () => {
      const answer = await http()
        .post('/api/v1/cases/webhooks/endpoints')
        .set('Authorization', token)
        .set('Idempotency-Key', key)
        .send({ url: r.url, eventTypes: ['hearing.listed'] })
        .expect(409);
      expect(answer.body.detail).toMatch(/shown once/);
      return answer;
    });
    expect(retried.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(retried.body)).not.toContain('whsec_');

    const rotateKey = randomUUID();
    const rotate = () =>
      http()
        .post(`/api/v1/cases/webhooks/endpoints/${registered.body.id}/rotate-secret`)
        .set('Authorization', token)
        .set('Idempotency-Key', rotateKey);
    const rotated = await rotate().expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    const refused = await eventually(async () => {
      const answer = await rotate().expect(409);
      expect(answer.body.detail).toContain(rotated.body.previousSecretValidUntil as string);
      return answer;
    });
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // Without a key too: a second rotation within the overlap is refused.
    await http()
      .post(`/api/v1/cases/webhooks/endpoints/${registered.body.id}/rotate-secret`)
      .set('Authorization', token)
      .expect(409);
    expect(JSON.stringify(refused.body)).not.toContain('whsec_');
    // Still both the original and the new secret sign: the refused rotation changed nothing.
    const secrets = await dataSource.query(`SELECT secret, previous_secret FROM webhook_endpoints WHERE id = $1`, [
      registered.body.id,
    ]);
    // Sealed at rest: the database holds neither secret, only what the key opens to them.
    expect(JSON.stringify(secrets)).not.toContain('whsec_');
    const box = app.get(WebhookSecretBox);
    expect([box.open(secrets[0].secret), box.open(secrets[0].previous_secret)]).toEqual([
      rotated.body.secret,
      registered.body.secret,
    ]);
    const stored = JSON.stringify(await dataSource.query('SELECT * FROM idempotency_keys'));
    expect(stored).not.toContain('whsec_');
  });

  it('stops showing a firm the deliveries of a case it no longer represents a party on', async () => {
    const token = await firm('org-hooks-former');
    const r = await listen();
    const endpoint = await register(token, r.url, ['hearing.listed']);
    const own = await issuedClaimOf('org-hooks-former');
    await listHearing(own.id);
    const list = () =>
      http().get(`/api/v1/cases/webhooks/endpoints/${endpoint.id}/deliveries`).set('Authorization', token).expect(200);
    const delivery = await eventually(async () => {
      const page = await list();
      expect(page.body.items[0]?.status).toBe('delivered');
      return page.body.items[0] as { id: string };
    });
    await http().get(`/api/v1/cases/webhooks/deliveries/${delivery.id}`).set('Authorization', token).expect(200);

    // Another firm takes the case over.
    await dataSource.query(`UPDATE case_parties SET represented_by = 'org-hooks-successor' WHERE case_id = $1`, [
      own.id,
    ]);
    expect((await list()).body.items).toEqual([]);
    const gone = await http()
      .get(`/api/v1/cases/webhooks/deliveries/${delivery.id}`)
      .set('Authorization', token)
      .expect(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    await http()
      .post(`/api/v1/cases/webhooks/deliveries/${delivery.id}/replay`)
      .set('Authorization', token)
      .expect(404);
  });

  describe('claims (the dispatcher paused, the repository driven by hand)', () => {
    let repository: WebhookDeliveryRepository;
    let claimDue: WebhookDeliveryRepository['claimDue'];
    beforeAll(async () => {
      repository = app.get(WebhookDeliveryRepository);
      claimDue = WebhookDeliveryRepository.prototype.claimDue.bind(repository);
      jest.spyOn(repository, 'claimDue').mockResolvedValue([]);
      await app.get(WebhookDispatcher).settled();
      // Nothing of the earlier tests is due while these run, so the claims below are all of these endpoints.
      await dataSource.query(
        `UPDATE webhook_deliveries SET next_attempt_at = now() + interval '1 hour' WHERE status = 'pending'`,
      );
      await dataSource.query(`UPDATE webhook_endpoints SET busy_until = NULL, claim_id = NULL`);
    });
    afterAll(() => jest.restoreAllMocks());

    const dueDelivery = async (endpointId: string) => {
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, case_id, payload, status, next_attempt_at,
           window_started_at, created_at)
         VALUES ($1, $2, $3, 'decision.recorded', $4, '{}', 'pending', now(), now(), now())`,
        [id, endpointId, randomUUID(), randomUUID()],
      );
      return id;
    };
    const attempt = { attemptedAt: new Date(), durationMs: 5, statusCode: 200, error: null };

    it('fences a claim: one whose lease lapsed and was claimed again cannot record, withhold or release', async () => {
      const r = await listen();
      const endpoint = await register(await firm('org-hooks-fence'), r.url, ['decision.recorded']);
      const deliveryId = await dueDelivery(endpoint.id);

      const [stale] = await claimDue(10, 10, 1);
      expect(stale).toMatchObject({ id: deliveryId, attempts: 0 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const [live] = await claimDue(10, 10, 60_000);
      expect(live).toMatchObject({ id: deliveryId, attempts: 0 });
      expect(live.claimId).not.toBe(stale.claimId);

      // The stale claim's outcome is not recorded and it frees nothing: the live claim still holds the endpoint.
      expect(await repository.recordAttempt(stale, attempt, { delivered: true })).toBe(false);
      expect(await repository.withhold(stale)).toBe(false);
      await repository.releaseEndpoint(stale);
      const held = await dataSource.query(`SELECT claim_id, busy_until FROM webhook_endpoints WHERE id = $1`, [
        endpoint.id,
      ]);
      expect(held[0].claim_id).toBe(live.claimId);
      expect(held[0].busy_until).not.toBeNull();
      expect(await claimDue(10, 10, 60_000)).toEqual([]);

      // The live claim records once, and a second recording of the same attempt changes nothing.
      expect(await repository.recordAttempt(live, attempt, { delivered: true })).toBe(true);
      expect(await repository.recordAttempt(live, attempt, { delivered: true })).toBe(false);
      const rows = await dataSource.query(
        `SELECT d.status, d.attempts, e.claim_id, e.busy_until FROM webhook_deliveries d
           JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = $1`,
        [deliveryId],
      );
      expect(rows[0]).toEqual({ status: 'delivered', attempts: 1, claim_id: null, busy_until: null });
    });

    it('shares the slots: a firm in flight up to its limit, the least recently claimed endpoints first', async () => {
      const r = await listen();
      const [busy, quiet] = await Promise.all([firm('org-hooks-busy'), firm('org-hooks-quiet')]);
      const busyEndpoints: string[] = [];
      for (let n = 0; n < 5; n++)
        busyEndpoints.push((await register(busy, `${r.url}?busy=${n}`, ['decision.recorded'])).id);
      const quietEndpoint = (await register(quiet, `${r.url}?quiet`, ['decision.recorded'])).id;
      for (const id of [...busyEndpoints, quietEndpoint]) await dueDelivery(id);
      // The busy firm's endpoints were claimed before, long ago; the quiet one never: it goes first.
      await dataSource.query(
        `UPDATE webhook_endpoints SET last_claimed_at = now() - interval '1 day' WHERE id = ANY($1::uuid[])`,
        [busyEndpoints],
      );

      const first = await claimDue(1, 2, 60_000);
      expect(first.map((c) => c.endpointId)).toEqual([quietEndpoint]);
      const second = await claimDue(10, 2, 60_000);
      expect(second).toHaveLength(2);
      for (const c of second) expect(busyEndpoints).toContain(c.endpointId);
      // Two of the busy firm's endpoints are in flight: its limit, across replicas; nothing more is claimed.
      expect(await claimDue(10, 2, 60_000)).toEqual([]);
      await repository.recordAttempt(second[0], attempt, { delivered: true });
      const third = await claimDue(10, 2, 60_000);
      expect(third).toHaveLength(1);
      // The endpoint just served waits behind its firm's others.
      expect(third[0].endpointId).not.toBe(second[0].endpointId);
    });
  });
});
