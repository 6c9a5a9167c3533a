import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatAccountNumber, refundStatusChangedV1, refundStatusChangedV2, RefundStatus } from '@ccsc/contracts';
import { bearer, eventually } from '@ccsc/testing';
import {
  allocationTransferred,
  caseResulted,
  envelope,
  paymentAllocated,
  publish,
  resulted,
  startEnforcementApp,
} from './enforcement-app';

/** A well-formed account number that no account has: what a payer mistypes into a valid number. */
const NOWHERE = formatAccountNumber(99_999_999);

// Suspense as officers work it: listed oldest first, allocated once through the same payment
// application as any payment, or refunded through payments, whose news comes back through the inbox.
describe('the suspense workbench', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let sam: string;
  let kim: string;
  let finance: string;
  let caseworker: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    [sam, kim, finance, caseworker, citizen] = await Promise.all([
      bearer('enforcement-officer', { sub: 'officer-sam' }),
      bearer('enforcement-officer', { sub: 'officer-kim' }),
      bearer('finance-officer', { sub: 'finance-fay' }),
      bearer('caseworker'),
      bearer('citizen'),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  const gql = async (who: string, query: string, variables: Record<string, unknown> = {}) =>
    (await http().post('/graphql').set('Authorization', who).send({ query, variables }).expect(200)).body as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions: { code: string } }[];
    };
  const codeOf = (answer: { errors?: { extensions: { code: string } }[] }) => answer.errors?.[0]?.extensions.code;
  const outbox = async (type: string) =>
    (
      (await db().query(`SELECT envelope FROM outbox WHERE type = $1 ORDER BY position`, [type])) as {
        envelope: { subject: string; data: Record<string, unknown> };
      }[]
    ).map((r) => r.envelope);
  const account = async (id: string) =>
    (await http().get(`/api/v1/enforcement/accounts/${id}`).set('Authorization', sam).expect(200)).body;
  const item = async (id: string) =>
    (
      (await db().query(
        `SELECT state, refund_id, reversed_at IS NOT NULL AS reversed FROM suspense_payments WHERE id = $1`,
        [id],
      )) as { state: string; refund_id: string | null; reversed: boolean }[]
    )[0]!;
  /** What a refused or repeated call must leave alone: the item, the money on accounts, and the outbox. */
  const everything = async () => ({
    suspense: await db().query(`SELECT id, state, amount_pence FROM suspense_payments ORDER BY id`),
    applications: await db().query(`SELECT application_id, amount_pence FROM fine_payments ORDER BY application_id`),
    accounts: await db().query(`SELECT id, paid_pence, status FROM fine_accounts ORDER BY id`),
    outbox: (await db().query(`SELECT count(*)::int AS n FROM outbox`))[0].n,
  });

  async function newAccount(): Promise<{ id: string; accountNumber: string }> {
    const data = resulted();
    await publish(caseResulted(data));
    return eventually(async () => {
      const [row] = (await db().query(`SELECT id, account_number FROM fine_accounts WHERE case_id = $1`, [
        data.caseId,
      ])) as { id: string; account_number: string }[];
      expect(row).toBeDefined();
      return { id: row!.id, accountNumber: row!.account_number };
    });
  }
  /** A payment allocated by payments to an account number: what enforcement put in suspense of it. */
  async function suspended(accountNumber: string, amountPence: number) {
    const [paymentId, allocationId] = [randomUUID(), randomUUID()];
    await publish(paymentAllocated(accountNumber, amountPence, paymentId, allocationId));
    return eventually(async () => {
      const [row] = (await db().query(`SELECT id FROM suspense_payments WHERE application_id = $1`, [
        allocationId,
      ])) as { id: string }[];
      expect(row).toBeDefined();
      return { id: row!.id, paymentId, allocationId };
    });
  }
  const allocate = (id: string, accountNumber: string, who = sam) =>
    http().post(`/api/v1/enforcement/suspense/${id}/allocation`).set('Authorization', who).send({ accountNumber });
  const refund = (id: string, who = sam) =>
    http().post(`/api/v1/enforcement/suspense/${id}/refund`).set('Authorization', who).send();
  const refundNews = (
    suspenseId: string | undefined,
    refundId: string,
    status: RefundStatus,
    requestedBy = 'officer-sam',
    amountPence = 1_000,
  ) =>
    envelope(refundStatusChangedV2, refundId, {
      refundId,
      status,
      kind: 'refund',
      amountPence,
      ...(suspenseId ? { suspenseId } : {}),
      requestedBy,
    });
  /** The same news as payments published it before v2 (no proposer), still read while the two roll out. */
  const refundNewsV1 = (suspenseId: string, refundId: string, status: RefundStatus) =>
    envelope(refundStatusChangedV1, refundId, { refundId, status, kind: 'refund', amountPence: 1_000, suspenseId });
  const ALLOCATE =
    'mutation($id: ID!, $i: AllocateSuspenseItemInput!) { allocateSuspenseItem(id: $id, input: $i) { id state allocatedAccountId allocatedBy } }';
  const REFUND = 'mutation($id: ID!) { refundSuspenseItem(id: $id) { id state refundRequestedBy } }';

  it('allocates a held payment by priority, and the balances of the account agree to the penny', async () => {
    const target = await newAccount();
    const held = await suspended(NOWHERE, 50_000);
    const allocated = await allocate(held.id, target.accountNumber.toLowerCase()).expect(200);
    expect(allocated.body).toMatchObject({
      id: held.id,
      paymentId: held.paymentId,
      accountNumber: NOWHERE,
      amountPence: 50_000,
      reason: 'not-found',
      state: 'allocated',
      allocatedAccountId: target.id,
      allocatedBy: 'officer-sam',
    });

    const after = await account(target.id);
    expect(after).toMatchObject({ imposedPence: 93_500, paidPence: 50_000, writtenOffPence: 0, balancePence: 43_500 });
    expect(
      after.impositions.map((i: { kind: string; paidPence: number; outstandingPence: number }) => [
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
    const owed = after.impositions.reduce(
      (sum: number, i: { outstandingPence: number }) => sum + i.outstandingPence,
      0,
    );
    expect(owed).toBe(after.balancePence);
    const lines = (
      await db().query(`SELECT sum(amount_pence)::int AS total FROM fine_payment_lines WHERE application_id = $1`, [
        held.id,
      ])
    )[0].total;
    expect(lines).toBe(after.paidPence);
    const payments = await http()
      .get(`/api/v1/enforcement/accounts/${target.id}/payments`)
      .set('Authorization', sam)
      .expect(200);
    expect(payments.body).toEqual([
      expect.objectContaining({ paymentId: held.paymentId, amountPence: 50_000, source: 'payments' }),
    ]);

    // The events of any payment applied: the application, and compensation owed on to the victim.
    expect(
      (await outbox('enforcement.fine-payment-applied.v1')).filter((e) => e.data.paymentId === held.paymentId),
    ).toEqual([
      expect.objectContaining({
        subject: target.id,
        data: expect.objectContaining({ accountId: target.id, amountPence: 50_000, balancePence: 43_500 }),
      }),
    ]);
    expect(
      (await outbox('enforcement.compensation-payable.v1')).filter((e) => e.data.paymentId === held.paymentId),
    ).toEqual([expect.objectContaining({ data: expect.objectContaining({ amountPence: 30_000 }) })]);
  });

  it('puts what the account cannot take back into suspense as an overpayment, so no penny is lost', async () => {
    const target = await newAccount();
    const held = await suspended(NOWHERE, 100_000);
    await allocate(held.id, target.accountNumber).expect(200);
    expect(await account(target.id)).toMatchObject({ status: 'paid', paidPence: 93_500, balancePence: 0 });
    const over = (await db().query(
      `SELECT id, reason, amount_pence::int AS amount, state, account_number FROM suspense_payments
        WHERE payment_id = $1 AND id <> $2`,
      [held.paymentId, held.id],
    )) as { id: string; reason: string; amount: number; state: string; account_number: string }[];
    expect(over).toEqual([
      {
        id: expect.any(String),
        reason: 'overpayment',
        amount: 6_500,
        state: 'held',
        account_number: target.accountNumber,
      },
    ]);
    expect(93_500 + over[0]!.amount).toBe(100_000);
    // The overpayment is an item of its own, and a paid account takes no more.
    const refused = await allocate(over[0]!.id, target.accountNumber).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', detail: 'The account owes nothing' });
    // It was this defendant's money: not for a stranger's fine, whichever officer says so (a refund needs two).
    const stranger = await newAccount();
    const moved = await allocate(over[0]!.id, stranger.accountNumber).expect(409);
    expect(moved.body.detail).toBe(
      `The money was paid to ${target.accountNumber}: it goes only to that defendant's accounts, or back to the payer by a refund`,
    );
    expect(await account(stranger.id)).toMatchObject({ paidPence: 0 });
  });

  it('allocates an item once: of two officers at once one wins and the other gets 409, and a repeat changes nothing', async () => {
    const target = await newAccount();
    const held = await suspended(NOWHERE, 20_000);
    const raced = await Promise.all([
      allocate(held.id, target.accountNumber),
      allocate(held.id, target.accountNumber, kim),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(raced.find((r) => r.status === 409)!.body).toMatchObject({
      code: 'CONFLICT',
      detail: 'The suspense item is allocated already',
    });
    expect(await account(target.id)).toMatchObject({ paidPence: 20_000, balancePence: 73_500 });

    const before = await everything();
    const rest = await allocate(held.id, target.accountNumber).expect(409);
    const again = await gql(kim, ALLOCATE, { id: held.id, i: { accountNumber: target.accountNumber } });
    expect([rest.body.code, codeOf(again)]).toEqual(['CONFLICT', 'CONFLICT']);
    expect(again.errors![0]!.message).toBe(rest.body.detail);
    await refund(held.id).expect(409);
    expect(codeOf(await gql(sam, REFUND, { id: held.id }))).toBe('CONFLICT');
    expect(await everything()).toEqual(before);
    expect(
      (await outbox('enforcement.fine-payment-applied.v1')).filter((e) => e.data.paymentId === held.paymentId),
    ).toHaveLength(1);
  });

  it('refuses a number that is no account, a mistyped one, bad input and the wrong roles, and changes nothing', async () => {
    const held = await suspended(NOWHERE, 1_500);
    const target = await newAccount();
    const before = await everything();

    const missing = await allocate(held.id, formatAccountNumber(99_999_998)).expect(404);
    expect(
      codeOf(await gql(sam, ALLOCATE, { id: held.id, i: { accountNumber: formatAccountNumber(99_999_998) } })),
    ).toBe(missing.body.code);
    const typo = await allocate(held.id, 'FA99999999A').expect(400);
    expect(typo.body.errors).toEqual([expect.objectContaining({ field: 'accountNumber' })]);
    expect(codeOf(await gql(sam, ALLOCATE, { id: held.id, i: { accountNumber: 'FA99999999A' } }))).toBe(
      'BAD_USER_INPUT',
    );
    await allocate(randomUUID(), target.accountNumber).expect(404);
    await allocate('not-an-id', target.accountNumber).expect(400);
    expect(codeOf(await gql(sam, ALLOCATE, { id: 'not-an-id', i: { accountNumber: target.accountNumber } }))).toBe(
      'BAD_USER_INPUT',
    );
    await http()
      .post(`/api/v1/enforcement/suspense/${held.id}/allocation`)
      .set('Authorization', sam)
      .send({ accountNumber: target.accountNumber, colour: 'red' })
      .expect(400);
    await allocate(held.id, 'x'.repeat(33)).expect(400);
    // Finance may read suspense but not work it; caseworkers and citizens may do neither.
    await allocate(held.id, target.accountNumber, finance).expect(403);
    await refund(held.id, finance).expect(403);
    expect(codeOf(await gql(finance, ALLOCATE, { id: held.id, i: { accountNumber: target.accountNumber } }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gql(caseworker, REFUND, { id: held.id }))).toBe('FORBIDDEN');
    await allocate(held.id, target.accountNumber, citizen).expect(403);
    expect(await everything()).toEqual(before);
  });

  it('lists suspense oldest first, by reason and by state, to officers and finance only', async () => {
    const target = await newAccount();
    const first = await suspended(NOWHERE, 1_100);
    const second = await suspended(NOWHERE, 1_200);
    await allocate(second.id, target.accountNumber).expect(200);

    const all = await http().get('/api/v1/enforcement/suspense?limit=100').set('Authorization', finance).expect(200);
    const suspendedAt = (all.body.items as { suspendedAt: string }[]).map((i) => Date.parse(i.suspendedAt));
    expect(suspendedAt).toEqual([...suspendedAt].sort((a, b) => a - b));
    expect(all.body.items.find((i: { id: string }) => i.id === first.id)).toEqual(
      expect.objectContaining({
        id: first.id,
        paymentId: first.paymentId,
        accountNumber: NOWHERE,
        amountPence: 1_100,
        reason: 'not-found',
        state: 'held',
        receivedAt: expect.any(String),
        suspendedAt: expect.any(String),
      }),
    );

    const held = await http()
      .get('/api/v1/enforcement/suspense?state=held&reason=not-found&limit=100')
      .set('Authorization', sam)
      .expect(200);
    const heldIds = (held.body.items as { id: string; state: string; reason: string }[]).map((i) => i.id);
    expect(heldIds).toContain(first.id);
    expect(heldIds).not.toContain(second.id);
    expect(
      held.body.items.every((i: { state: string; reason: string }) => i.state === 'held' && i.reason === 'not-found'),
    ).toBe(true);
    const allocated = await http()
      .get('/api/v1/enforcement/suspense?state=allocated')
      .set('Authorization', sam)
      .expect(200);
    expect(allocated.body.items.map((i: { id: string }) => i.id)).toContain(second.id);

    // Paged by cursor: no item twice, none skipped.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await http()
          .get(`/api/v1/enforcement/suspense?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', sam)
          .expect(200)
      ).body;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((i: { id: string }) => i.id));

    const viaGraphql = await gql(
      finance,
      'query($r: String, $s: String) { suspenseItems(reason: $r, state: $s, first: 100) { nodes { id state reason amountPence } pageInfo { hasNextPage } } }',
      { r: 'not-found', s: 'held' },
    );
    expect((viaGraphql.data!.suspenseItems as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toEqual(heldIds);

    for (const bad of ['state=lost', 'reason=unknown', 'limit=0', 'cursor=nonsense', 'colour=red']) {
      const refused = await http().get(`/api/v1/enforcement/suspense?${bad}`).set('Authorization', sam).expect(400);
      expect(refused.body.code).toBe('BAD_USER_INPUT');
    }
    for (const args of ['state: "lost"', 'first: 0', 'after: "nonsense"'])
      expect(codeOf(await gql(sam, `{ suspenseItems(${args}) { nodes { id } } }`))).toBe('BAD_USER_INPUT');
    await http().get('/api/v1/enforcement/suspense').set('Authorization', caseworker).expect(403);
    await http().get('/api/v1/enforcement/suspense').set('Authorization', citizen).expect(403);
    expect(codeOf(await gql(citizen, '{ suspenseItems { nodes { id } } }'))).toBe('FORBIDDEN');
  });

  it("asks payments for a refund; payments' rejection holds it again and its payment closes it, once", async () => {
    const held = await suspended(NOWHERE, 2_500);
    const requested = await refund(held.id).expect(200);
    expect(requested.body).toMatchObject({ id: held.id, state: 'refund-requested', refundRequestedBy: 'officer-sam' });
    expect(
      (await outbox('enforcement.suspense-refund-requested.v1')).filter((e) => e.data.suspenseId === held.id),
    ).toEqual([
      expect.objectContaining({
        subject: held.id,
        data: {
          suspenseId: held.id,
          paymentId: held.paymentId,
          accountNumber: NOWHERE,
          amountPence: 2_500,
          requestedBy: 'officer-sam',
        },
      }),
    ]);
    // Waiting for payments, it is neither refunded twice nor allocated meanwhile.
    const before = await everything();
    const twice = await refund(held.id, kim).expect(409);
    expect(codeOf(await gql(kim, REFUND, { id: held.id }))).toBe(twice.body.code);
    await allocate(held.id, (await newAccount()).accountNumber).expect(409);
    expect((await everything()).suspense).toEqual(before.suspense);

    const [rejectedRefund, paidRefund] = [randomUUID(), randomUUID()];
    await publish(refundNews(held.id, rejectedRefund, 'awaiting-approval'));
    await eventually(async () => expect((await item(held.id)).refund_id).toBe(rejectedRefund));
    // Published by payments before it moved to v2: read all the same.
    await publish(refundNewsV1(held.id, rejectedRefund, 'rejected'));
    await eventually(async () => expect(await item(held.id)).toMatchObject({ state: 'held', refund_id: null }));

    const again = await gql(kim, REFUND, { id: held.id });
    expect(again.data!.refundSuspenseItem).toEqual({
      id: held.id,
      state: 'refund-requested',
      refundRequestedBy: 'officer-kim',
    });
    await publish(
      refundNews(held.id, paidRefund, 'approved', 'officer-kim'),
      refundNews(held.id, paidRefund, 'paid', 'officer-kim'),
    );
    await eventually(async () =>
      expect(await item(held.id)).toMatchObject({ state: 'refunded', refund_id: paidRefund }),
    );

    // The same news told again (a new event id), and old news of the rejected refund, change nothing.
    const repeats = [
      refundNews(held.id, paidRefund, 'paid', 'officer-kim'),
      refundNews(held.id, rejectedRefund, 'rejected'),
    ];
    await publish(...repeats);
    await eventually(async () =>
      expect(
        (
          await db().query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])`, [
            repeats.map((m) => JSON.parse(m.value).id as string),
          ])
        )[0].n,
      ).toBe(2),
    );
    expect(await item(held.id)).toMatchObject({ state: 'refunded', refund_id: paidRefund });
    await refund(held.id).expect(409);
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.checks.events.details).toMatchObject({ deadLetters: 0 });
  });

  it('takes back what an allocated item paid when payments transfers the allocation behind it away', async () => {
    const target = await newAccount();
    const held = await suspended(NOWHERE, 50_000);
    await allocate(held.id, target.accountNumber).expect(200);
    expect(await account(target.id)).toMatchObject({ paidPence: 50_000 });

    await publish(allocationTransferred(NOWHERE, 50_000, held.paymentId, held.allocationId, randomUUID()));
    await eventually(async () =>
      expect(await account(target.id)).toMatchObject({ paidPence: 0, balancePence: 93_500, status: 'live' }),
    );
    const back = await account(target.id);
    expect(back.impositions.every((i: { paidPence: number }) => i.paidPence === 0)).toBe(true);
    expect(await item(held.id)).toMatchObject({ state: 'allocated', reversed: true });
    expect(
      (await outbox('enforcement.fine-payment-applied.v1'))
        .filter((e) => e.data.paymentId === held.paymentId)
        .map((e) => e.data.amountPence),
    ).toEqual([50_000, -50_000]);
  });
});
