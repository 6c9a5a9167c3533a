import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { feesReopenedV1, feesSettledV1 } from '@ccsc/contracts';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { DataSource } from 'typeorm';
import { londonLocalDate, longDate } from '@ccsc/calendar';
import { claim, startCasesApp } from './cases-app';

describe('cases REST API', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    caseworker = await bearer('caseworker');
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const count = async () =>
    (await http().get('/api/v1/cases?limit=100').set('Authorization', caseworker)).body.items.length;

  it('creates a case and reads it back by id and by reference, with or without dashes', async () => {
    const created = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    expect(created.headers.location).toBe(`/api/v1/cases/${created.body.id}`);
    expect(created.body).toMatchObject({ caseType: 'civil-money-claim', state: 'Draft' });
    expect(created.body.reference).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(created.body.parties.map((p: { name: string }) => p.name)).toEqual(['Alex Claimant', 'Widgets Ltd']);

    const byId = await http().get(`/api/v1/cases/${created.body.id}`).set('Authorization', caseworker).expect(200);
    expect(byId.body).toEqual(created.body);
    const digits = created.body.reference.replace(/-/g, '');
    for (const ref of [created.body.reference, digits]) {
      const byRef = await http().get(`/api/v1/cases/${ref}`).set('Authorization', caseworker).expect(200);
      expect(byRef.body.id).toBe(created.body.id);
    }
  });

  it("records a money claim's claim amount when it is opened, for anyone who may open it, and tells payments", async () => {
    const solicitor = await bearer('professional', { org: 'org-a' });
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', solicitor)
      .send({ ...claim(), claimAmountPence: 400_000 })
      .expect(201);
    expect(created.body.claimAmountPence).toBe(400_000);
    const read = await http().get(`/api/v1/cases/${created.body.id}`).set('Authorization', caseworker).expect(200);
    expect(read.body.claimAmountPence).toBe(400_000);
    const viaGraphql = await http()
      .post('/graphql')
      .set('Authorization', caseworker)
      .send({ query: 'query($id: ID!) { case(id: $id) { claimAmountPence } }', variables: { id: created.body.id } })
      .expect(200);
    expect(viaGraphql.body.data.case.claimAmountPence).toBe(400_000);
    const events = (await app
      .get(DataSource)
      .query(
        `SELECT envelope->'data' AS data FROM outbox WHERE type = 'cases.claim-amount-recorded.v1' AND message_key = $1`,
        [created.body.id],
      )) as { data: object }[];
    expect(events).toEqual([{ data: { caseId: created.body.id, claimAmountPence: 400_000 } }]);
    // Without one, none is recorded and nothing is published.
    const without = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    expect(without.body.claimAmountPence).toBeNull();
    await eventually(async () => {
      const timeline = await http().get(`/api/v1/cases/${created.body.id}/timeline`).set('Authorization', solicitor);
      expect(timeline.body.map((e: { summary: string }) => e.summary)).toContain('Claim amount stated: £4000.00');
    });
  });

  it('refuses a claim amount that is not whole pence from 1p to £10m, or on a case that claims no money, creating nothing', async () => {
    const before = await count();
    for (const claimAmountPence of [0, -1, 1.5, 1_000_000_001, '400000', true]) {
      const res = await http()
        .post('/api/v1/cases')
        .set('Authorization', caseworker)
        .send({ ...claim(), claimAmountPence })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('claimAmountPence');
    }
    const notMoney = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({ ...claim({ caseType: 'probate' }), claimAmountPence: 10_000 })
      .expect(400);
    expect(notMoney.body.errors).toContainEqual({
      field: 'claimAmountPence',
      message: 'is not taken by a probate case',
    });
    const viaGraphql = await http()
      .post('/graphql')
      .set('Authorization', caseworker)
      .send({
        query: 'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
        variables: { input: { ...claim(), claimAmountPence: 0 } },
      })
      .expect(200);
    expect(viaGraphql.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    // Null is "none given", over GraphQL and REST alike.
    const nullViaGraphql = await http()
      .post('/graphql')
      .set('Authorization', caseworker)
      .send({
        query: 'mutation($input: CreateCaseInput!) { createCase(input: $input) { claimAmountPence } }',
        variables: { input: { ...claim(), claimAmountPence: null } },
      })
      .expect(200);
    expect(nullViaGraphql.body).toEqual({ data: { createCase: { claimAmountPence: null } } });
    const nullViaRest = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({ ...claim(), claimAmountPence: null })
      .expect(201);
    expect(nullViaRest.body.claimAmountPence).toBeNull();
  });

  it('refuses calls without a valid token with problem+json', async () => {
    const res = await http().get('/api/v1/cases').expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    await http().get('/api/v1/cases').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('rejects invalid input with field errors and creates nothing', async () => {
    const before = await count();
    const missing = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({ caseType: 'civil-money-claim' })
      .expect(400);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(missing.body).toMatchObject({ type: 'urn:ccsc:problem:invalid-input', status: 400, code: 'BAD_USER_INPUT' });
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'parties' })]));

    const unknown = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(claim({ priority: 'high' }))
      .expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'priority', message: 'property priority should not exist' }]);

    const nested = claim();
    (nested.parties as Record<string, unknown>[])[0] = { role: 'wizard', kind: 'person', name: '' };
    const bad = await http().post('/api/v1/cases').set('Authorization', caseworker).send(nested).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['parties.0.role', 'parties.0.name']),
    );

    const badType = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(claim({ caseType: 'nope' }))
      .expect(400);
    expect(badType.body.errors).toEqual([{ field: 'caseType', message: '"nope" is not a case type' }]);

    const huge = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(claim({ padding: 'x'.repeat(10 * 1024 * 1024) })))
      .expect(413);
    expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });

    const malformed = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .set('Content-Type', 'application/json')
      .send('{"caseType":')
      .expect(400);
    expect(malformed.body.code).toBe('BAD_USER_INPUT');

    expect(await count()).toBe(before);
  });

  it('rejects a malformed reference as bad input and an unknown one as not found', async () => {
    const malformed = await http()
      .get('/api/v1/cases/1234-5678-9012-3450')
      .set('Authorization', caseworker)
      .expect(400);
    expect(malformed.body.errors[0].field).toBe('reference');
    await http().get('/api/v1/cases/1234-5678-9012-3452').set('Authorization', caseworker).expect(404);
    await http().get('/api/v1/cases/00000000-0000-4000-8000-000000000000').set('Authorization', caseworker).expect(404);
  });

  it('shows a professional only the cases their organisation represents', async () => {
    const orgA = await bearer('professional', { org: 'org-a' });
    const orgB = await bearer('professional', { org: 'org-b' });
    const mine = await http().post('/api/v1/cases').set('Authorization', orgA).send(claim()).expect(201);

    await http().get(`/api/v1/cases/${mine.body.id}`).set('Authorization', orgB).expect(404);
    await http().get(`/api/v1/cases/${mine.body.reference}`).set('Authorization', orgB).expect(404);
    await http()
      .post(`/api/v1/cases/${mine.body.id}/events`)
      .set('Authorization', orgB)
      .send({ event: 'submit' })
      .expect(404);
    const listB = await http().get('/api/v1/cases').set('Authorization', orgB).expect(200);
    expect(listB.body.items.map((c: { id: string }) => c.id)).not.toContain(mine.body.id);

    await http().get(`/api/v1/cases/${mine.body.id}`).set('Authorization', orgA).expect(200);
    const forbidden = await http().post('/api/v1/cases').set('Authorization', orgB).send(claim()).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
  });

  it('shows a citizen only the cases they are party to', async () => {
    const alice = await bearer('citizen', { sub: 'citizen-alice' });
    const bob = await bearer('citizen', { sub: 'citizen-bob' });
    const own = await http()
      .post('/api/v1/cases')
      .set('Authorization', alice)
      .send(
        claim({
          parties: [
            { role: 'claimant', kind: 'person', name: 'Alice' },
            { role: 'defendant', kind: 'person', name: 'Dan' },
          ],
        }),
      )
      .expect(201);
    await http().get(`/api/v1/cases/${own.body.id}`).set('Authorization', alice).expect(200);
    await http().get(`/api/v1/cases/${own.body.id}`).set('Authorization', bob).expect(404);
    const list = await http().get('/api/v1/cases').set('Authorization', alice).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([own.body.id]);
  });

  it('assesses readiness and submits a case only when it is ready', async () => {
    const lonely = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(claim({ parties: [{ role: 'claimant', kind: 'person', name: 'Only Me' }] }))
      .expect(201);
    const readiness = await http()
      .get(`/api/v1/cases/${lonely.body.id}/readiness?event=submit`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(readiness.body).toMatchObject({ event: 'submit', ready: false });
    expect(readiness.body.criteria).toEqual([
      expect.objectContaining({ id: 'has-claimant', met: true }),
      expect.objectContaining({ id: 'has-defendant', met: false, reason: 'Add the defendant to the case.' }),
    ]);
    const welsh = await http()
      .get(`/api/v1/cases/${lonely.body.id}/readiness?event=submit&language=cy`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(welsh.body.whatHappensNext).toContain('Talwch');
    await http()
      .get(`/api/v1/cases/${lonely.body.id}/readiness?event=submit&language=fr`)
      .set('Authorization', caseworker)
      .expect(400);
    const refused = await http()
      .post(`/api/v1/cases/${lonely.body.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'submit' })
      .expect(409);
    expect(refused.body.code).toBe('CONFLICT');

    const ready = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    const submitted = await http()
      .post(`/api/v1/cases/${ready.body.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'submit', reason: 'Claim form complete' })
      .expect(200);
    expect(submitted.body).toMatchObject({
      state: 'Submitted',
      fees: [{ code: 'FEE0202', event: 'submit', status: 'due' }],
    });
    const history = await http()
      .get(`/api/v1/cases/${ready.body.id}/history`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({
        event: 'submit',
        from: 'Draft',
        to: 'Submitted',
        actor: 'caseworker-user',
        reason: 'Claim form complete',
      }),
    ]);
    const again = await http()
      .post(`/api/v1/cases/${ready.body.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'submit' })
      .expect(409);
    expect(again.body.detail).toContain('Submitted');
  });

  it('pages through cases newest first with a cursor, without repeats', async () => {
    for (let i = 0; i < 5; i++)
      await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await http()
        .get(`/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set('Authorization', caseworker)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await count());
    await http().get('/api/v1/cases?cursor=garbage').set('Authorization', caseworker).expect(400);
    await http().get('/api/v1/cases?limit=1000').set('Authorization', caseworker).expect(400);
  });

  it("records the case's own events on its timeline, through the outbox and the inbox", async () => {
    const created = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
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
      return res.body as { type: string; summary: string; actor: string }[];
    });
    expect(timeline.map((e) => e.type)).toEqual(['cases.case-created.v1', 'cases.case-state-changed.v1']);
    expect(timeline[1]).toMatchObject({
      summary: 'submit: Draft → Submitted',
      actor: 'caseworker-user',
      kind: 'progress',
    });
    const onlyDocuments = await http()
      .get(`/api/v1/cases/${created.body.id}/timeline?kind=documents`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(onlyDocuments.body).toEqual([]);
    const progress = await http()
      .get(`/api/v1/cases/${created.body.id}/timeline?kind=progress&kind=parties`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(progress.body).toHaveLength(2);
    const bogus = await http()
      .get(`/api/v1/cases/${created.body.id}/timeline?kind=gossip`)
      .set('Authorization', caseworker)
      .expect(400);
    expect(bogus.body.errors[0].field).toBe('kind');
  });

  it('honours Idempotency-Key: a replayed POST creates nothing new, another body with the same key is refused', async () => {
    const before = await count();
    const first = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .set('Idempotency-Key', 'partner-42')
      .send(claim())
      .expect(201);
    const again = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .set('Idempotency-Key', 'partner-42')
      .send(claim())
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    const other = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .set('Idempotency-Key', 'partner-42')
      .send(claim({ caseType: 'probate' }))
      .expect(409);
    expect(other.body.code).toBe('CONFLICT');
    expect(await count()).toBe(before + 1);
  });

  it('waits for the fee, and moves on when payments reports it settled', async () => {
    const created = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    await http()
      .post(`/api/v1/cases/${created.body.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'submit' })
      .expect(200);
    const waiting = await http()
      .get(`/api/v1/cases/${created.body.id}/readiness?event=issue`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(waiting.body.criteria).toContainEqual(
      expect.objectContaining({ id: 'fees-settled', met: false, reason: expect.stringContaining('FEE0202') }),
    );
    await http()
      .post(`/api/v1/cases/${created.body.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'issue' })
      .expect(409);

    // Payments does not exist yet: its event is published on the bus exactly as it will be.
    const readyToIssue = async (expected: boolean) =>
      eventually(async () => {
        const ready = await http()
          .get(`/api/v1/cases/${created.body.id}/readiness?event=issue`)
          .set('Authorization', caseworker)
          .expect(200);
        expect(ready.body.ready).toBe(expected);
      });
    await publishEvent(feesSettledV1, created.body.id, {
      caseId: created.body.id,
      feeCodes: ['FEE0202'],
      settlement: 'paid',
    });
    await readyToIssue(true);
    // The cheque bounced: owed again, and not ready until payments reports it settled once more.
    await publishEvent(feesReopenedV1, created.body.id, { caseId: created.body.id, feeCodes: ['FEE0202'] });
    await readyToIssue(false);
    await publishEvent(feesSettledV1, created.body.id, {
      caseId: created.body.id,
      feeCodes: ['FEE0202'],
      settlement: 'paid',
    });
    await readyToIssue(true);
    const issued = await http()
      .post(`/api/v1/cases/${created.body.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'issue' })
      .expect(200);
    expect(issued.body).toMatchObject({ state: 'Issued', fees: [{ code: 'FEE0202', status: 'paid' }] });
    await eventually(async () => {
      const timeline = await http()
        .get(`/api/v1/cases/${created.body.id}/timeline`)
        .set('Authorization', caseworker)
        .expect(200);
      const entries = timeline.body as { summary: string; kind: string }[];
      const of = (letters: boolean) =>
        entries.filter((e) => (e.kind === 'correspondence') === letters).map((e) => e.summary);
      expect(of(false)).toEqual([
        'Case opened as civil-money-claim, state Draft',
        'submit: Draft → Submitted',
        'Fees paid: FEE0202',
        'Fees owed again: FEE0202',
        'Fees paid: FEE0202',
        'issue: Submitted → Issued',
      ]);
      // Issuing tells every party, naming the court: by email to the claimant, and nothing to send the
      // defendant by (no address held), which an officer sees. Same instant as the issue: either order.
      expect(of(true).sort()).toEqual([
        'Email to the claimant (English): The court issued the case: its reference, and that we will say what happens next',
        'Not sent: no way to reach the defendant is held: The court issued the case: its reference, and that we will say what happens next',
      ]);
    });
    const [email] = (await app
      .get(DataSource)
      .query(`SELECT body FROM correspondence_items WHERE record_id = $1 AND channel = 'email'`, [
        created.body.id,
      ])) as { body: string }[];
    expect(email!.body).toContain(
      `Your case was issued by the Civil National Business Centre on ${longDate(londonLocalDate(new Date()), 'en')}.`,
    );
  });

  it('serves health and its OpenAPI document without a token', async () => {
    await http().get('/health/live').expect(200);
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.checks.database).toEqual({ ok: true, details: { migrationsPending: false } });
    expect(ready.body.checks.events.details).toMatchObject({ outbox: { unpublished: 0 }, deadLetters: 0 });
    const openapi = await http().get('/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{idOrReference}']),
    );
    expect(openapi.body.paths['/api/v1/cases'].post.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
    );
  });
});
