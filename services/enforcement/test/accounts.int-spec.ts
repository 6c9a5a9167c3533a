import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseResultedV1 } from '@ccsc/contracts';
import { bearer, eventually } from '@ccsc/testing';
import {
  allocationTransferred,
  caseResulted,
  envelope,
  paymentAllocated,
  paymentReversed,
  publish,
  resulted,
  startEnforcementApp,
} from './enforcement-app';

// Other services' events go through the real in-process transport into the service's inbox.
describe('fine accounts from court results, and payments applied to them', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let officer: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    [officer, citizen] = await Promise.all([bearer('enforcement-officer', { sub: 'officer-sam' }), bearer('citizen')]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  const outbox = async (type: string) =>
    (
      (await db().query(`SELECT envelope FROM outbox WHERE type = $1 ORDER BY position`, [type])) as {
        envelope: { data: Record<string, unknown> };
      }[]
    ).map((r) => r.envelope.data);
  const accountOfCase = async (caseId: string) =>
    eventually(async () => {
      const [row] = (await db().query(`SELECT id, account_number FROM fine_accounts WHERE case_id = $1`, [caseId])) as {
        id: string;
        account_number: string;
      }[];
      expect(row).toBeDefined();
      return row!;
    });

  it('opens exactly one account per result, even when the event is redelivered or sent again under a new id', async () => {
    const data = resulted();
    const first = caseResulted(data);
    await publish(first, first, caseResulted(data));
    const account = await accountOfCase(data.caseId);
    await eventually(async () =>
      expect(
        Number((await db().query(`SELECT count(*) FROM inbox WHERE type = 'cases.case-resulted.v2'`))[0].count),
      ).toBeGreaterThanOrEqual(2),
    );
    expect(
      await db().query(`SELECT count(*)::int AS n FROM fine_accounts WHERE result_id = $1`, [data.resultId]),
    ).toEqual([{ n: 1 }]);
    // A v1 (no court), as stored or in flight from before v2, opens an account the same way.
    const older = resulted();
    await publish(envelope(caseResultedV1, older.caseId, older));
    const opened = await accountOfCase(older.caseId);
    expect(await db().query(`SELECT imposing_court FROM fine_accounts WHERE id = $1`, [opened.id])).toEqual([
      { imposing_court: null },
    ]);

    const res = await http()
      .get(`/api/v1/enforcement/accounts/${account.account_number.toLowerCase()}`)
      .set('Authorization', officer)
      .expect(200);
    expect(res.body).toMatchObject({
      accountNumber: account.account_number,
      accountType: 'fine',
      status: 'live',
      caseId: data.caseId,
      defendantPartyId: data.defendantPartyId,
      imposedPence: 93_500,
      balancePence: 93_500,
      terms: { kind: 'pay-by-date' },
      enforcementPath: 'standard',
      permittedActions: expect.arrayContaining(['reminder', 'collection-order']),
    });
    expect(res.body.impositions.map((i: { kind: string; priority: number }) => [i.kind, i.priority])).toEqual([
      ['compensation', 1],
      ['victim-surcharge', 2],
      ['costs', 3],
      ['fine', 6],
    ]);
    expect(await outbox('enforcement.fine-account-opened.v1')).toContainEqual(
      expect.objectContaining({
        accountId: account.id,
        accountNumber: account.account_number,
        balancePence: 93_500,
        resultId: data.resultId,
      }),
    );
  });

  it('applies 500.00 by priority: compensation and surcharge cleared, 115.00 to costs, nothing to the fine; compensation is owed on', async () => {
    const data = resulted();
    await publish(caseResulted(data));
    const account = await accountOfCase(data.caseId);
    const payment = paymentAllocated(account.account_number, 50_000);
    await publish(payment, payment);
    const res = await eventually(async () => {
      const got = await http()
        .get(`/api/v1/enforcement/accounts/${account.id}`)
        .set('Authorization', officer)
        .expect(200);
      expect(got.body.paidPence).toBe(50_000);
      return got;
    });
    expect(res.body.balancePence).toBe(43_500);
    expect(
      res.body.impositions.map((i: { kind: string; paidPence: number; outstandingPence: number }) => [
        i.kind,
        i.paidPence,
        i.outstandingPence,
      ]),
    ).toEqual([
      ['compensation', 30_000, 0],
      ['victim-surcharge', 8_500, 0],
      ['costs', 11_500, 3_500],
      ['fine', 0, 40_000],
    ]);
    const paymentId = JSON.parse(payment.value).data.paymentId as string;
    expect((await outbox('enforcement.compensation-payable.v1')).filter((e) => e.paymentId === paymentId)).toEqual([
      expect.objectContaining({ accountId: account.id, creditor: 'victim-party-1', amountPence: 30_000 }),
    ]);
    expect((await outbox('enforcement.fine-payment-applied.v1')).filter((e) => e.paymentId === paymentId)).toEqual([
      expect.objectContaining({ amountPence: 50_000, balancePence: 43_500 }),
    ]);

    // A chargeback undoes exactly what the payment did.
    await publish(paymentReversed(account.account_number, 50_000, paymentId));
    await eventually(async () => {
      const back = await http()
        .get(`/api/v1/enforcement/accounts/${account.id}`)
        .set('Authorization', officer)
        .expect(200);
      expect(back.body).toMatchObject({ paidPence: 0, balancePence: 93_500 });
      expect(back.body.impositions.every((i: { paidPence: number }) => i.paidPence === 0)).toBe(true);
    });
    expect(
      (await outbox('enforcement.fine-payment-applied.v1'))
        .filter((e) => e.paymentId === paymentId)
        .map((e) => e.amountPence),
    ).toEqual([50_000, -50_000]);
  });

  it('takes back what a transferred allocation paid, and applies the same payment where it went: A as before, B paid', async () => {
    const [dataA, dataB] = [resulted(), resulted()];
    await publish(caseResulted(dataA), caseResulted(dataB));
    const [a, b] = [await accountOfCase(dataA.caseId), await accountOfCase(dataB.caseId)];
    const account = async (id: string) =>
      (await http().get(`/api/v1/enforcement/accounts/${id}`).set('Authorization', officer).expect(200)).body;
    const paidByKind = (body: { impositions: { kind: string; paidPence: number }[] }) =>
      body.impositions.map((i) => [i.kind, i.paidPence]);
    const before = await account(a.id);

    const [paymentId, first, second] = [randomUUID(), randomUUID(), randomUUID()];
    await publish(paymentAllocated(a.account_number, 50_000, paymentId, first));
    await eventually(async () => expect((await account(a.id)).paidPence).toBe(50_000));

    // Payments' verified transfer: the transfer, then the allocation it made, in one transaction, in order.
    const transfer = allocationTransferred(a.account_number, 50_000, paymentId, first, second);
    await publish(transfer, paymentAllocated(b.account_number, 50_000, paymentId, second), transfer);
    await eventually(async () => expect((await account(b.id)).paidPence).toBe(50_000));
    await eventually(async () =>
      expect(
        Number(
          (
            await db().query(
              `SELECT count(*) FROM inbox WHERE type = 'payments.allocation-transferred.v1' AND event_id = $1`,
              [JSON.parse(transfer.value).id],
            )
          )[0].count,
        ),
      ).toBe(1),
    );

    const afterA = await account(a.id);
    expect(afterA).toMatchObject({ status: before.status, paidPence: 0, balancePence: 93_500 });
    expect(paidByKind(afterA)).toEqual(paidByKind(before));
    const afterB = await account(b.id);
    expect(afterB).toMatchObject({ paidPence: 50_000, balancePence: 43_500 });
    expect(paidByKind(afterB)).toEqual([
      ['compensation', 30_000],
      ['victim-surcharge', 8_500],
      ['costs', 11_500],
      ['fine', 0],
    ]);
    const applied = (await outbox('enforcement.fine-payment-applied.v1'))
      .filter((e) => e.paymentId === paymentId)
      .map((e) => [e.accountNumber, e.amountPence]);
    expect(applied).toEqual([
      [a.account_number, 50_000],
      [a.account_number, -50_000],
      [b.account_number, 50_000],
    ]);

    // Transferred on again from B, B is taken back too.
    await publish(allocationTransferred(b.account_number, 50_000, paymentId, second, randomUUID()));
    await eventually(async () => expect((await account(b.id)).paidPence).toBe(0));
    expect(
      (await outbox('enforcement.fine-payment-applied.v1'))
        .filter((e) => e.paymentId === paymentId)
        .map((e) => e.amountPence),
    ).toEqual([50_000, -50_000, 50_000, -50_000]);
  });

  it('puts payments the account cannot take in suspense with the reason, and an overpayment beyond the balance too', async () => {
    const unknown = paymentAllocated('FA99999999Z', 1_000);
    await publish(unknown);
    await eventually(async () =>
      expect(await outbox('enforcement.payment-suspended.v1')).toContainEqual(
        expect.objectContaining({ accountNumber: 'FA99999999Z', reason: 'not-found', amountPence: 1_000 }),
      ),
    );

    const data = resulted();
    await publish(caseResulted(data));
    const account = await accountOfCase(data.caseId);
    const over = paymentAllocated(account.account_number, 100_000);
    await publish(over);
    await eventually(async () => {
      const got = await http()
        .get(`/api/v1/enforcement/accounts/${account.id}`)
        .set('Authorization', officer)
        .expect(200);
      expect(got.body).toMatchObject({ status: 'paid', balancePence: 0, paidPence: 93_500 });
    });
    const overId = JSON.parse(over.value).data.paymentId as string;
    expect(
      await db().query(`SELECT reason, amount_pence::int AS amount FROM suspense_payments WHERE payment_id = $1`, [
        overId,
      ]),
    ).toEqual([{ reason: 'overpayment', amount: 6_500 }]);

    await publish(paymentAllocated(account.account_number, 500));
    await eventually(async () =>
      expect(
        (await outbox('enforcement.payment-suspended.v1')).filter(
          (e) => e.accountNumber === account.account_number && e.amountPence === 500,
        ),
      ).toEqual([expect.objectContaining({ reason: 'zero-balance' })]),
    );
  });

  it('shows accounts to staff only, and refuses unknown query fields', async () => {
    await http().get('/api/v1/enforcement/accounts').set('Authorization', citizen).expect(403);
    const list = await http().get('/api/v1/enforcement/accounts?limit=2').set('Authorization', officer).expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const next = await http()
      .get(`/api/v1/enforcement/accounts?limit=2&cursor=${list.body.nextCursor}`)
      .set('Authorization', officer)
      .expect(200);
    expect(next.body.items[0].id).not.toBe(list.body.items[1].id);
    const bad = await http().get('/api/v1/enforcement/accounts?colour=red').set('Authorization', officer).expect(400);
    expect(bad.body.code).toBe('BAD_USER_INPUT');
    await http().get('/api/v1/enforcement/accounts/FA10000001X').set('Authorization', officer).expect(404);
  });

  it('documents its REST API, with Idempotency-Key on every POST, and reports its event pipeline', async () => {
    const openapi = await http().get('/openapi.json').expect(200);
    const posts = Object.entries(
      openapi.body.paths as Record<string, { post?: { parameters?: { name: string }[] } }>,
    ).filter(([, ops]) => ops.post);
    expect(posts.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        '/api/v1/enforcement/accounts/{id}/actions',
        '/api/v1/enforcement/warrants/{id}/outcome',
        '/api/v1/enforcement/default-runs',
      ]),
    );
    for (const [, ops] of posts)
      expect(ops.post!.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }));
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.checks.events.details).toMatchObject({ transport: 'in-process', deadLetters: 0 });
  });

  it('serves the subgraph: accounts by number, the Case extension in one batch, and _entities only to staff', async () => {
    const data = resulted();
    await publish(caseResulted(data));
    const account = await accountOfCase(data.caseId);
    const gql = (query: string, variables: Record<string, unknown>, who: string) =>
      http().post('/graphql').set('Authorization', who).send({ query, variables }).expect(200);

    const byNumber = await gql(
      'query($n: String!) { fineAccountByNumber(accountNumber: $n) { id balancePence permittedActions impositions { kind priority } case { id } } }',
      { n: account.account_number },
      officer,
    );
    expect(byNumber.body.data.fineAccountByNumber).toMatchObject({
      id: account.id,
      balancePence: 93_500,
      case: { id: data.caseId },
      impositions: [{ kind: 'compensation', priority: 1 }, {}, {}, { kind: 'fine', priority: 6 }],
    });

    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on FineAccount { id balancePence } ... on Case { id fineAccounts { accountNumber } } } }`;
    const representations = [
      { __typename: 'FineAccount', id: account.id },
      { __typename: 'Case', id: data.caseId },
      { __typename: 'Case', id: '00000000-0000-4000-8000-000000000000' },
    ];
    const staff = await gql(entities, { r: representations }, officer);
    expect(staff.body.data._entities).toEqual([
      { id: account.id, balancePence: 93_500 },
      { id: data.caseId, fineAccounts: [{ accountNumber: account.account_number }] },
      { id: '00000000-0000-4000-8000-000000000000', fineAccounts: [] },
    ]);
    const outsider = await gql(entities, { r: representations }, citizen);
    expect(outsider.body.data._entities).toEqual([
      null,
      { id: data.caseId, fineAccounts: [] },
      { id: '00000000-0000-4000-8000-000000000000', fineAccounts: [] },
    ]);

    const refused = await gql('query($id: ID!) { fineAccount(id: $id) { id } }', { id: 'not-a-uuid' }, officer);
    expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const forbidden = await gql('query($id: ID!) { fineAccount(id: $id) { id } }', { id: account.id }, citizen);
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
