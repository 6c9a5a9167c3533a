import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { bearer, commandEventCount } from '@ccsc/testing';
import { SANDBOX_CALLBACK_SECRET } from '../src/config';
import { CardProvider } from '../src/payment/domain/card-provider.port';
import { SandboxCardProvider } from '../src/payment/infrastructure/sandbox-card-provider';
import { announceCase, startPaymentsApp } from './payments-app';

/** Signs a callback body as the provider's scheme says: HMAC-SHA256 of "t." and the body's fields as sorted JSON. */
function sign(body: Record<string, unknown>, secret = SANDBOX_CALLBACK_SECRET, t = String(body.timestamp)): string {
  const canonical = JSON.stringify(
    Object.fromEntries(
      Object.keys(body)
        .sort()
        .map((k) => [k, body[k]]),
    ),
  );
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${canonical}`).digest('hex')}`;
}

// A card callback is the provider's word that money was (or was not) taken. Anything but a fresh,
// correctly signed report of exactly what the provider said is refused and changes nothing.
describe('payments: card callbacks and who sees a payment', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;
  let payer: string;
  let opponent: string;
  let staff: string;
  let caseId: string;

  beforeAll(async () => {
    ({ app, db, close } = await startPaymentsApp());
    [payer, opponent, staff] = await Promise.all([
      bearer('citizen', { sub: 'citizen-payer' }),
      bearer('citizen', { sub: 'citizen-opponent' }),
      bearer('finance-officer', { sub: 'fay' }),
    ]);
    ({ caseId } = await announceCase(db, { users: ['citizen-payer', 'citizen-opponent'], feesDue: ['FEE0226'] }));
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const startCard = async (amountPence: number) => {
    const started = await http()
      .post(`/api/v1/payments/cases/${caseId}/card-payments`)
      .set('Authorization', payer)
      .send({ amountPence, returnUrl: 'https://claims.example.gov.uk/done' })
      .expect(201);
    const [row] = (await db.query(`SELECT provider_reference FROM payments WHERE id = $1`, [started.body.id])) as {
      provider_reference: string;
    }[];
    return {
      id: started.body.id as string,
      nextUrl: started.body.nextUrl as string,
      reference: row!.provider_reference,
    };
  };
  const deliver = (body: object, signature?: string) => {
    const req = http().post('/api/v1/payments/card-callbacks');
    return (signature === undefined ? req : req.set('Payment-Signature', signature)).send(body);
  };
  const effects = async (paymentId: string) => ({
    payment: (await db.query(`SELECT * FROM payments WHERE id = $1`, [paymentId]))[0],
    outbox: await commandEventCount(db),
    ledger: (await db.query(`SELECT count(*)::int AS n FROM ledger_entries`))[0].n,
    allocations: (await db.query(`SELECT count(*)::int AS n FROM allocations`))[0].n,
  });

  it('refuses a forged callback (wrong secret, stale or non-numeric time, a field changed or added after signing) and changes nothing', async () => {
    const { id, reference } = await startCard(30_000);
    const now = Date.now();
    const body = { providerReference: reference, status: 'success', amountPence: 30_000, timestamp: String(now) };
    const before = await effects(id);
    const forgeries: [string, object, string | undefined][] = [
      ['no signature', body, undefined],
      ['the wrong secret', body, sign(body, 'not-the-secret')],
      ['the published demo secret', body, sign(body, 'demo-card-callback-secret')],
      [
        'a stale timestamp',
        { ...body, timestamp: String(now - 6 * 60_000) },
        sign({ ...body, timestamp: String(now - 6 * 60_000) }),
      ],
      [
        'a timestamp far ahead',
        { ...body, timestamp: String(now + 6 * 60_000) },
        sign({ ...body, timestamp: String(now + 6 * 60_000) }),
      ],
      ['a non-numeric timestamp', { ...body, timestamp: 'soon' }, sign({ ...body, timestamp: 'soon' })],
      [
        'an exponent timestamp',
        { ...body, timestamp: `${now / 1000}e3` },
        sign({ ...body, timestamp: `${now / 1000}e3` }),
      ],
      ['a numeric timestamp of the wrong type', { ...body, timestamp: now }, sign({ ...body, timestamp: now })],
      ["a header time other than the body's", body, sign(body, SANDBOX_CALLBACK_SECRET, String(now - 1))],
      ['the amount changed after signing', { ...body, amountPence: 3_000 }, sign(body)],
      ['the status changed after signing', { ...body, status: 'failed' }, sign({ ...body, status: 'success' })],
      ['a failure code added after signing', { ...body, failureCode: 'card-declined' }, sign(body)],
      ['an unknown field, even signed', { ...body, paidBy: 'someone' }, sign({ ...body, paidBy: 'someone' })],
      ['a malformed signature', body, 't=1,v1=zz'],
    ];
    for (const [what, forged, signature] of forgeries) {
      const res = await deliver(forged, signature);
      expect({ what, status: res.status, detail: res.body.detail }).toEqual({
        what,
        status: 401,
        detail: 'The callback signature does not verify',
      });
    }
    expect(await effects(id)).toEqual(before);

    await deliver(body, sign(body)).expect(204);
    expect((await effects(id)).payment).toMatchObject({ status: 'success' });
  });

  it("refuses a forged failure of someone else's payment, and accepts the provider's genuine one", async () => {
    const { id, reference } = await startCard(199);
    const sandbox = app.get(CardProvider) as SandboxCardProvider;
    const genuine = sandbox.callbackFor(reference);
    const before = await effects(id);
    await deliver({ ...genuine.body, status: 'cancelled' }, genuine.signature).expect(401);
    expect(await effects(id)).toEqual(before);
    await deliver(genuine.body, genuine.signature).expect(204);
    expect((await effects(id)).payment).toMatchObject({ status: 'failed' });
  });

  it("shows a payment to its payer and to staff, never to the other side of the case, and the provider's page to the payer alone", async () => {
    const { id, nextUrl, reference } = await startCard(30_000);
    // The redirect is the provider's own token, from which the reference cannot be read.
    expect(nextUrl).toMatch(/^https:\/\/card\.sandbox\.invalid\/pay\//);
    expect(nextUrl).not.toContain(reference);
    expect(nextUrl).not.toContain(reference.replace(/^sbx_/, ''));

    expect(
      (await http().get(`/api/v1/payments/payments/${id}`).set('Authorization', payer).expect(200)).body,
    ).toMatchObject({ id, nextUrl });
    const asStaff = (await http().get(`/api/v1/payments/payments/${id}`).set('Authorization', staff).expect(200)).body;
    expect(asStaff.id).toBe(id);
    expect(asStaff.nextUrl).toBeUndefined();

    await http().get(`/api/v1/payments/payments/${id}`).set('Authorization', opponent).expect(404);
    expect(
      (await http().get('/api/v1/payments/payments').set('Authorization', opponent).expect(200)).body.items,
    ).toEqual([]);
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { payments { id nextUrl } } } }';
    const variables = { r: [{ __typename: 'Case', id: caseId }] };
    const theirs = await http().post('/graphql').set('Authorization', opponent).send({ query, variables }).expect(200);
    expect(theirs.body.data._entities).toEqual([{ payments: [] }]);
    const single = await http()
      .post('/graphql')
      .set('Authorization', opponent)
      .send({ query: 'query($id: ID!) { payment(id: $id) { id nextUrl } }', variables: { id } })
      .expect(200);
    expect(single.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const mine = await http().post('/graphql').set('Authorization', payer).send({ query, variables }).expect(200);
    expect(mine.body.data._entities[0].payments).toContainEqual({ id, nextUrl });
    const staffView = await http().post('/graphql').set('Authorization', staff).send({ query, variables }).expect(200);
    expect(staffView.body.data._entities[0].payments).toContainEqual({ id, nextUrl: null });
  });
});
