import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  caseStateChangedV1,
  claimAmountRecordedV1,
  fineAccountsConsolidatedV1,
  formatAccountNumber,
} from '@ccsc/contracts';
import { bearer, eventually } from '@ccsc/testing';
import { SandboxCardProvider } from '../src/payment/infrastructure/sandbox-card-provider';
import { CardProvider } from '../src/payment/domain/card-provider.port';
import {
  announceCase,
  forged,
  openApprovedAccount,
  outboxOf,
  publish,
  registerFineAccount,
  startPaymentsApp,
} from './payments-app';

describe('payments: fees from case events, payment by account, card, allocation', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;
  let finance: string;
  let finance2: string;
  let solicitor: string;
  let otherFirm: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, db, close } = await startPaymentsApp());
    [finance, finance2, solicitor, otherFirm, citizen] = await Promise.all([
      bearer('finance-officer', { sub: 'officer-one' }),
      bearer('finance-officer', { sub: 'officer-two' }),
      bearer('professional', { org: 'org-a', sub: 'solicitor-sam' }),
      bearer('professional', { org: 'org-b', sub: 'solicitor-kim' }),
      bearer('citizen', { sub: 'citizen-alex' }),
    ]);
    await openApprovedAccount(app.getHttpServer(), {
      accountNumber: 'PBA0000001',
      organisationId: 'org-a',
      name: 'Alpha Law',
      creditLimitPence: 20_000,
    });
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const graphql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    http().post('/graphql').set('Authorization', who).send({ query, variables });
  /** The refusal's extensions.code; the GraphQL answer of every refusal below is checked against REST's status for it. */
  const codeOf = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) =>
    res.body.errors?.[0]?.extensions?.code;
  const serviceRequest = async (caseId: string, who = finance) =>
    (await http().get(`/api/v1/payments/cases/${caseId}/service-request`).set('Authorization', who).expect(200)).body;

  it('charges the fees a case event makes due, settles them by account, and tells cases', async () => {
    const { caseId } = await announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0202', 'FEE0002'] });
    const before = await serviceRequest(caseId, solicitor);
    expect(before).toMatchObject({ status: 'not-paid', feesPence: 3_500 + 61_200, outstandingPence: 64_700 });
    expect(before.fees.map((f: { code: string; pricingBasis: string }) => [f.code, f.pricingBasis])).toEqual([
      ['FEE0202', 'minimum'],
      ['FEE0002', 'fixed'],
    ]);

    // Part-payment settles the oldest fee first.
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000001', amountPence: 4_000 })
      .expect(201);
    const part = await serviceRequest(caseId, solicitor);
    expect(part).toMatchObject({ status: 'partially-paid', paidPence: 4_000, outstandingPence: 60_700 });
    expect(part.fees.map((f: { outstandingPence: number }) => f.outstandingPence)).toEqual([0, 60_700]);
    expect(await outboxOf(db, 'payments.fees-settled.v1')).toEqual([
      { caseId, feeCodes: ['FEE0202'], settlement: 'paid' },
    ]);

    // Over the credit limit (20,000 less the 4,000 used): refused, nothing changes.
    const refused = await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000001' })
      .expect(409);
    expect(refused.body.detail).toMatch(/16000 pence of credit left/);
    expect((await serviceRequest(caseId)).paidPence).toBe(4_000);

    // Once the claim amount (4,000 GBP) is known, the issue fee is priced for it and is owed again.
    const issueFee = part.fees[0].id as string;
    const repriced = await http()
      .post(`/api/v1/payments/cases/${caseId}/service-request/fees/${issueFee}/claim-amount`)
      .set('Authorization', finance)
      .send({ claimAmountPence: 400_000 })
      .expect(200);
    expect(repriced.body.fees[0]).toMatchObject({
      code: 'FEE0202',
      amountPence: 20_500,
      pricingBasis: 'claim-amount',
      paidPence: 4_000,
      outstandingPence: 16_500,
    });
    expect(await outboxOf(db, 'payments.fees-reopened.v1')).toEqual([{ caseId, feeCodes: ['FEE0202'] }]);
    // Priced down by hand, a fee would be forgiven by one officer: that is a remission, which a second
    // person approves. Refused, and nothing changes.
    const ledgerBefore = await db.query(`SELECT count(*)::int AS n FROM ledger_entries`);
    const lowered = await http()
      .post(`/api/v1/payments/cases/${caseId}/service-request/fees/${issueFee}/claim-amount`)
      .set('Authorization', finance)
      .send({ claimAmountPence: 100 })
      .expect(409);
    expect(lowered.body.detail).toBe(
      'Pricing fee FEE0202 at 3500 pence would forgive 17000 pence of the 20500 charged: a fee is lowered only by a remission (Help with Fees or a fee waiver), which someone else approves',
    );
    expect(await db.query(`SELECT count(*)::int AS n FROM ledger_entries`)).toEqual(ledgerBefore);
    expect((await serviceRequest(caseId)).fees[0]).toMatchObject({ amountPence: 20_500 });
    // A fixed fee has no claim amount to be priced by.
    const fixedFee = part.fees[1].id as string;
    await http()
      .post(`/api/v1/payments/cases/${caseId}/service-request/fees/${fixedFee}/claim-amount`)
      .set('Authorization', finance)
      .send({ claimAmountPence: 500_000 })
      .expect(409);
  });

  it('prices the issue fee by the claim amount cases recorded, before or after the fee fell due', async () => {
    // Recorded when the claim was opened, before submission made the fee due: priced by it at once.
    const before = await announceCase(db, { organisations: ['org-a'] });
    await publish(claimAmountRecordedV1, before.caseId, { caseId: before.caseId, claimAmountPence: 400_000 });
    await publish(caseStateChangedV1, before.caseId, {
      caseId: before.caseId,
      reference: before.reference,
      event: 'submit',
      from: 'Draft',
      to: 'Submitted',
      feesDue: ['FEE0202'],
    });
    await eventually(async () =>
      expect((await serviceRequest(before.caseId)).fees).toEqual([
        expect.objectContaining({ code: 'FEE0202', amountPence: 20_500, pricingBasis: 'claim-amount' }),
      ]),
    );

    // Charged at its minimum first (a claim opened before claim amounts were recorded): repriced when one is.
    const after = await announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0202'] });
    expect((await serviceRequest(after.caseId)).fees[0]).toMatchObject({ amountPence: 3_500, pricingBasis: 'minimum' });
    await publish(claimAmountRecordedV1, after.caseId, { caseId: after.caseId, claimAmountPence: 400_000 });
    await eventually(async () =>
      expect(await serviceRequest(after.caseId)).toMatchObject({
        feesPence: 20_500,
        outstandingPence: 20_500,
        fees: [expect.objectContaining({ amountPence: 20_500, pricingBasis: 'claim-amount' })],
      }),
    );
    // The ledger charged the difference: what the service request owes is what its account holds.
    const [{ balance }] = (await db.query(
      `SELECT COALESCE(sum(amount_pence), 0)::int AS balance FROM ledger_entries WHERE account = $1`,
      [`service-request:${(await serviceRequest(after.caseId)).id}`],
    )) as [{ balance: number }];
    expect(balance).toBe(20_500);
    // The case states its claim amount: finance does not price its fees by another, up or down.
    const feeId = (await serviceRequest(after.caseId)).fees[0].id as string;
    for (const claimAmountPence of [100, 900_000]) {
      const refused = await http()
        .post(`/api/v1/payments/cases/${after.caseId}/service-request/fees/${feeId}/claim-amount`)
        .set('Authorization', finance)
        .send({ claimAmountPence })
        .expect(409);
      expect(refused.body.detail).toMatch(/^The case states a claim amount of 400000 pence/);
    }
  });

  it("charges a case event's fees once however often the event is delivered", async () => {
    const { caseId, reference } = await announceCase(db);
    const eventId = randomUUID();
    const data = { caseId, reference, event: 'submit', from: 'Draft', to: 'Submitted', feesDue: ['FEE0226'] };
    await publish(caseStateChangedV1, caseId, data, eventId);
    await publish(caseStateChangedV1, caseId, data, eventId);
    // Events of one case are handled in order: once a later one is in, the redelivery has been dealt with.
    const later = await publish(caseStateChangedV1, caseId, {
      caseId,
      reference,
      event: 'withdraw',
      from: 'Submitted',
      to: 'Withdrawn',
    });
    await eventually(async () =>
      expect((await db.query(`SELECT status FROM inbox WHERE event_id = $1`, [later]))[0]?.status).toBe('applied'),
    );
    expect((await serviceRequest(caseId)).fees).toHaveLength(1);
  });

  it('lets a firm pay only from its own, active account, and see only its own payments', async () => {
    const { caseId } = await announceCase(db, { organisations: ['org-a', 'org-b'], feesDue: ['FEE0440'] });
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', otherFirm)
      .send({ accountNumber: 'PBA0000001' })
      .expect(404);
    await http()
      .post('/api/v1/payments/accounts/PBA0000001/changes')
      .set('Authorization', finance)
      .send({ status: 'on-hold' })
      .expect(200);
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000001' })
      .expect(409);
    await http()
      .post('/api/v1/payments/accounts/PBA0000001/changes')
      .set('Authorization', finance)
      .send({ status: 'active' })
      .expect(200);
    const paid = await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000001' })
      .expect(201);
    await http().get(`/api/v1/payments/payments/${paid.body.id}`).set('Authorization', otherFirm).expect(404);
    const list = await http().get('/api/v1/payments/payments').set('Authorization', otherFirm).expect(200);
    expect(list.body.items).toEqual([]);
    // Both firms are on the case; through the case, each still sees only its own firm's payments.
    const casePayments = async (who: string) =>
      (
        await http()
          .post('/graphql')
          .set('Authorization', who)
          .send({
            query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { payments { id } } } }',
            variables: { r: [{ __typename: 'Case', id: caseId }] },
          })
          .expect(200)
      ).body.data._entities[0].payments;
    expect(await casePayments(solicitor)).toEqual([{ id: paid.body.id }]);
    expect(await casePayments(otherFirm)).toEqual([]);
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000001', bogus: 1 })
      .expect(400);
  });

  it("keeps the case's fees and remissions to staff and the side that pays them", async () => {
    const { caseId } = await announceCase(db, {
      parties: [
        { partyId: randomUUID(), role: 'claimant', organisationId: 'org-a', paysFees: true },
        { partyId: randomUUID(), role: 'defendant', organisationId: 'org-b' },
      ],
      feesDue: ['FEE0202'],
    });
    expect(await serviceRequest(caseId, solicitor)).toMatchObject({ caseId, feesPence: 3_500 });
    // The defendant's firm sees the case, but a remission would tell it the claimant had Help with Fees.
    await http().get(`/api/v1/payments/cases/${caseId}/service-request`).set('Authorization', otherFirm).expect(404);
    const viaCase = async (who: string) =>
      (
        await http()
          .post('/graphql')
          .set('Authorization', who)
          .send({
            query:
              'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { serviceRequest { feesPence } } } }',
            variables: { r: [{ __typename: 'Case', id: caseId }] },
          })
          .expect(200)
      ).body.data._entities[0].serviceRequest;
    expect(await viaCase(otherFirm)).toBeNull();
    expect(await viaCase(solicitor)).toEqual({ feesPence: 3_500 });
    expect(await viaCase(finance)).toEqual({ feesPence: 3_500 });

    // Staff take a firm's account payment only where that firm pays the case's fees.
    await openApprovedAccount(app.getHttpServer(), {
      accountNumber: 'PBA0000002',
      organisationId: 'org-b',
      name: 'Beta Law',
      creditLimitPence: 20_000,
    });
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', finance)
      .send({ accountNumber: 'PBA0000002' })
      .expect(404);
    expect(await serviceRequest(caseId)).toMatchObject({ paidPence: 0 });
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', finance)
      .send({ accountNumber: 'PBA0000001' })
      .expect(201);
  });

  it('takes a card payment through the sandbox: redirect, signed callback, replayed callback, forged callback', async () => {
    const { caseId } = await announceCase(db, { users: ['citizen-alex'], feesDue: ['FEE0226'] });
    // Only back to the service's own pages (CARD_RETURN_ORIGINS; the example pages in test): nothing is stored.
    const elsewhere = await http()
      .post(`/api/v1/payments/cases/${caseId}/card-payments`)
      .set('Authorization', citizen)
      .send({ returnUrl: 'https://claims.example.gov.uk.attacker.example/done' })
      .expect(400);
    expect(elsewhere.body.errors).toEqual([
      { field: 'returnUrl', message: expect.stringContaining('https://claims.example.gov.uk') },
    ]);
    expect(await db.query('SELECT count(*)::int AS n FROM payments WHERE case_id = $1', [caseId])).toEqual([{ n: 0 }]);
    const started = await http()
      .post(`/api/v1/payments/cases/${caseId}/card-payments`)
      .set('Authorization', citizen)
      .send({ returnUrl: 'https://claims.example.gov.uk/done' })
      .expect(201);
    expect(started.body).toMatchObject({
      method: 'card',
      status: 'pending',
      amountPence: 30_000,
      nextUrl: expect.stringMatching(/^https:\/\/card\.sandbox\.invalid\/pay\//),
    });
    const reference = (await db.query(`SELECT provider_reference FROM payments WHERE id = $1`, [started.body.id]))[0]
      .provider_reference as string;
    const sandbox = app.get(CardProvider) as SandboxCardProvider;
    const callback = sandbox.callbackFor(reference);
    await http()
      .post('/api/v1/payments/card-callbacks')
      .set('Payment-Signature', forged(callback.signature))
      .send(callback.body)
      .expect(401);
    expect((await serviceRequest(caseId)).paidPence).toBe(0);
    await http()
      .post('/api/v1/payments/card-callbacks')
      .set('Payment-Signature', callback.signature)
      .send(callback.body)
      .expect(204);
    await http()
      .post('/api/v1/payments/card-callbacks')
      .set('Payment-Signature', callback.signature)
      .send(callback.body)
      .expect(204);
    expect(await serviceRequest(caseId, citizen)).toMatchObject({ status: 'paid', paidPence: 30_000 });
    expect(
      (await outboxOf(db, 'payments.payment-received.v1')).filter((e) => e.paymentId === started.body.id),
    ).toHaveLength(1);

    const declined = await http()
      .post(`/api/v1/payments/cases/${caseId}/card-payments`)
      .set('Authorization', citizen)
      .send({ amountPence: 199, returnUrl: 'https://claims.example.gov.uk/done' })
      .expect(201);
    const declinedRef = (await db.query(`SELECT provider_reference FROM payments WHERE id = $1`, [declined.body.id]))[0]
      .provider_reference as string;
    const failure = sandbox.callbackFor(declinedRef);
    await http()
      .post('/api/v1/payments/card-callbacks')
      .set('Payment-Signature', failure.signature)
      .send(failure.body)
      .expect(204);
    expect(
      (await http().get(`/api/v1/payments/payments/${declined.body.id}`).set('Authorization', citizen).expect(200)).body
        .status,
    ).toBe('failed');

    const outage = await http()
      .post(`/api/v1/payments/cases/${caseId}/card-payments`)
      .set('Authorization', citizen)
      .send({ amountPence: 298, returnUrl: 'https://claims.example.gov.uk/done' })
      .expect(502);
    expect(outage.body.code).toBe('BAD_GATEWAY');
    const mine = (await http().get('/api/v1/payments/payments').set('Authorization', citizen).expect(200)).body
      .items as { amountPence: number; status: string }[];
    expect(mine.find((p) => p.amountPence === 298)?.status).toBe('failed');
  });

  it('allocates a cheque with no reference to a fine account only once a second officer verifies it', async () => {
    const cheque = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', finance)
      .send({ method: 'cheque', amountPence: 12_500, reference: 'illegible' })
      .expect(201);
    expect(cheque.body).toMatchObject({ status: 'success', unallocatedPence: 12_500 });
    const queue = await http().get('/api/v1/payments/unallocated').set('Authorization', finance).expect(200);
    expect(queue.body.items.map((p: { id: string }) => p.id)).toContain(cheque.body.id);

    await http()
      .post(`/api/v1/payments/payments/${cheque.body.id}/allocations`)
      .set('Authorization', finance)
      .send({ target: 'fine-account' })
      .expect(400);
    const allocation = await http()
      .post(`/api/v1/payments/payments/${cheque.body.id}/allocations`)
      .set('Authorization', finance)
      .send({ target: 'fine-account', fineAccountNumber: 'FA20260123R' })
      .expect(201);
    expect(allocation.body.status).toBe('awaiting-verification');
    expect(await outboxOf(db, 'payments.payment-allocated.v1')).toEqual([]);

    await http()
      .post(`/api/v1/payments/allocations/${allocation.body.id}/verification`)
      .set('Authorization', finance)
      .send({ approve: true })
      .expect(409);
    await http()
      .post(`/api/v1/payments/allocations/${allocation.body.id}/verification`)
      .set('Authorization', finance2)
      .send({ approve: true })
      .expect(200);
    expect(await outboxOf(db, 'payments.payment-allocated.v1')).toEqual([
      expect.objectContaining({
        paymentId: cheque.body.id,
        allocationId: allocation.body.id,
        target: 'fine-account',
        fineAccountNumber: 'FA20260123R',
        amountPence: 12_500,
        method: 'cheque',
      }),
    ]);
    expect(
      (await http().get(`/api/v1/payments/payments/${cheque.body.id}`).set('Authorization', finance).expect(200)).body
        .unallocatedPence,
    ).toBe(0);

    await http()
      .post(`/api/v1/payments/payments/${cheque.body.id}/reversals`)
      .set('Authorization', finance)
      .send({ reason: 'bounced' })
      .expect(201);
    expect(await outboxOf(db, 'payments.payment-reversed.v1')).toEqual([
      expect.objectContaining({
        paymentId: cheque.body.id,
        allocationId: allocation.body.id,
        reason: 'bounced',
        target: 'fine-account',
        fineAccountNumber: 'FA20260123R',
        amountPence: 12_500,
      }),
    ]);
  });

  it("sends a payer quoting a consolidated account's number to the account it went into, however deep", async () => {
    const [old, middle, live] = [formatAccountNumber(7001), formatAccountNumber(7002), formatAccountNumber(7003)];
    const [oldId, middleId, liveId] = [
      await registerFineAccount(db, old),
      await registerFineAccount(db, middle),
      await registerFineAccount(db, live),
    ];
    await publish(fineAccountsConsolidatedV1, middleId, {
      accountId: middleId,
      consolidatedAccountIds: [oldId],
      balancePence: 1,
    });
    await publish(fineAccountsConsolidatedV1, liveId, {
      accountId: liveId,
      consolidatedAccountIds: [middleId],
      balancePence: 1,
    });
    const check = (number: string) =>
      http().get(`/api/v1/payments/fine-accounts/${number}`).set('Authorization', citizen).expect(200);
    await eventually(async () =>
      expect((await check(old)).body).toEqual({ accountNumber: old, payable: false, consolidatedInto: live }),
    );
    expect((await check(live)).body).toEqual({ accountNumber: live, payable: true, consolidatedInto: null });
    const before = await db.query('SELECT count(*)::int AS n FROM payments');
    const refused = await http()
      .post(`/api/v1/payments/fine-accounts/${old}/card-payments`)
      .set('Authorization', citizen)
      .send({ amountPence: 1_000, returnUrl: 'https://fines.example.gov.uk/done' })
      .expect(409);
    expect(refused.body.detail).toBe(`Fine account ${old} was consolidated into ${live}: pay that account instead`);
    expect(await db.query('SELECT count(*)::int AS n FROM payments')).toEqual(before);
  });

  it('takes a card payment to a fine account: nothing until the signed success callback, then allocated and announced once', async () => {
    const start = (accountNumber: string, body: object, key?: string) => {
      const req = http()
        .post(`/api/v1/payments/fine-accounts/${accountNumber}/card-payments`)
        .set('Authorization', citizen);
      return (key ? req.set('Idempotency-Key', key) : req).send(body);
    };
    const returnUrl = 'https://fines.example.gov.uk/done';
    const ledgerSum = async (account: string) =>
      Number(
        (
          await db.query(`SELECT COALESCE(sum(amount_pence), 0)::bigint AS s FROM ledger_entries WHERE account = $1`, [
            account,
          ])
        )[0].s,
      );
    const allocatedEvents = async (paymentId: string) =>
      (await outboxOf(db, 'payments.payment-allocated.v1')).filter((e) => e.paymentId === paymentId);
    const allocationsOf = async (paymentId: string) =>
      (await db.query(
        `SELECT target, fine_account_number, status, amount_pence::int AS amount FROM allocations WHERE payment_id = $1`,
        [paymentId],
      )) as unknown[];

    // Validation, as problem+json.
    const missing = await start('FA10000001M', { returnUrl }).expect(400);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'amountPence' })]));
    await start('FA10000001M', { amountPence: 50_000, returnUrl: 'http://insecure.example.com' }).expect(400);
    await start('FA10000001M', { amountPence: 50_000, returnUrl, bogus: 1 }).expect(400);
    const badNumber = await start('FA%2A%2A', { amountPence: 50_000, returnUrl }).expect(400);
    expect(badNumber.body.errors).toEqual([expect.objectContaining({ field: 'accountNumber' })]);
    // Mistyped numbers fail the check letter, before the payer is sent anywhere: a wrong letter, two
    // neighbouring digits swapped, one digit wrong. No payment is created for any of them.
    const paymentsBefore = (await db.query('SELECT count(*)::int AS n FROM payments')) as [{ n: number }];
    for (const mistyped of ['FA10000001X', 'FA01000001M', 'FA10000002M']) {
      const refused = await start(mistyped, { amountPence: 50_000, returnUrl }).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'accountNumber' })]);
    }
    expect(await db.query('SELECT count(*)::int AS n FROM payments')).toEqual(paymentsBefore);
    await http()
      .post('/api/v1/payments/fine-accounts/FA10000001M/card-payments')
      .send({ amountPence: 50_000, returnUrl })
      .expect(401);
    await http()
      .post('/api/v1/payments/fine-accounts/FA10000001M/card-payments')
      .set('Authorization', await bearer('judiciary'))
      .send({ amountPence: 50_000, returnUrl })
      .expect(403);

    // A well-formed number whose check letter is right but that enforcement never issued: refused, as nothing to pay.
    const unissued = await start('FA10000001M', { amountPence: 50_000, returnUrl }).expect(404);
    expect(unissued.body).toMatchObject({ code: 'NOT_FOUND', detail: expect.stringContaining('FA10000001M') });
    await http().get('/api/v1/payments/fine-accounts/FA10000001M').set('Authorization', citizen).expect(404);
    expect(await db.query('SELECT count(*)::int AS n FROM payments')).toEqual(paymentsBefore);
    await registerFineAccount(db, 'FA10000001M');
    await registerFineAccount(db, 'FA10000002P');
    const payable = await http()
      .get('/api/v1/payments/fine-accounts/fa-1000-0001m')
      .set('Authorization', citizen)
      .expect(200);
    expect(payable.body).toEqual({ accountNumber: 'FA10000001M', payable: true, consolidatedInto: null });
    // The payer returns only to the service's own pages: anyone may start a payment to an issued account,
    // so another address would turn a genuine payment page into a link to a site of the starter's choosing.
    for (const elsewhere of [
      'https://attacker.example/done',
      'https://fines.example.gov.uk.attacker.example/done',
      'https://fines.example.gov.uk@attacker.example/done',
    ]) {
      const refused = await start('FA10000001M', { amountPence: 50_000, returnUrl: elsewhere }).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'returnUrl' })]);
    }
    expect(await db.query('SELECT count(*)::int AS n FROM payments')).toEqual(paymentsBefore);

    // Started: the payer goes to the sandbox; nothing is received or allocated yet. The same Idempotency-Key gives the same payment.
    const started = await start('fa-1000-0001m', { amountPence: 50_000, returnUrl }, 'fine-card-1').expect(201);
    expect(started.body).toMatchObject({
      method: 'card',
      status: 'pending',
      amountPence: 50_000,
      fineAccountNumber: 'FA10000001M',
      nextUrl: expect.stringMatching(/^https:\/\/card\.sandbox\.invalid\/pay\//),
    });
    expect(started.body.caseId).toBeUndefined();
    const again = await start('fa-1000-0001m', { amountPence: 50_000, returnUrl }, 'fine-card-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(started.body.id);
    await start('fa-1000-0001m', { amountPence: 40_000, returnUrl }, 'fine-card-1').expect(409);
    expect(await allocationsOf(started.body.id)).toEqual([]);
    expect(await allocatedEvents(started.body.id)).toEqual([]);

    const reference = (await db.query(`SELECT provider_reference FROM payments WHERE id = $1`, [started.body.id]))[0]
      .provider_reference as string;
    const sandbox = app.get(CardProvider) as SandboxCardProvider;
    const success = sandbox.callbackFor(reference);
    await http()
      .post('/api/v1/payments/card-callbacks')
      .set('Payment-Signature', forged(success.signature))
      .send(success.body)
      .expect(401);
    expect(await allocationsOf(started.body.id)).toEqual([]);
    await http()
      .post('/api/v1/payments/card-callbacks')
      .set('Payment-Signature', success.signature)
      .send(success.body)
      .expect(204);

    expect(await allocationsOf(started.body.id)).toEqual([
      { target: 'fine-account', fine_account_number: 'FA10000001M', status: 'verified', amount: 50_000 },
    ]);
    expect(await allocatedEvents(started.body.id)).toEqual([
      expect.objectContaining({
        target: 'fine-account',
        method: 'card',
        fineAccountNumber: 'FA10000001M',
        amountPence: 50_000,
      }),
    ]);
    expect(await ledgerSum('fine-account:FA10000001M')).toBe(-50_000);
    expect(await ledgerSum(`payment:${started.body.id}`)).toBe(0);
    const paid = (
      await http().get(`/api/v1/payments/payments/${started.body.id}`).set('Authorization', citizen).expect(200)
    ).body;
    expect(paid).toMatchObject({
      status: 'success',
      unallocatedPence: 0,
      fineAccountNumber: 'FA10000001M',
      allocations: [expect.objectContaining({ target: 'fine-account', allocatedBy: 'system' })],
    });

    // The provider retries: nothing new.
    await http()
      .post('/api/v1/payments/card-callbacks')
      .set('Payment-Signature', success.signature)
      .send(success.body)
      .expect(204);
    const replay = sandbox.callbackFor(reference, 'success');
    await http()
      .post('/api/v1/payments/card-callbacks')
      .set('Payment-Signature', replay.signature)
      .send(replay.body)
      .expect(204);
    expect(await allocationsOf(started.body.id)).toHaveLength(1);
    expect(await allocatedEvents(started.body.id)).toHaveLength(1);
    expect(
      (await outboxOf(db, 'payments.payment-received.v1')).filter((e) => e.paymentId === started.body.id),
    ).toHaveLength(1);
    expect(await ledgerSum('fine-account:FA10000001M')).toBe(-50_000);

    // Declined, or cancelled by the payer: nothing received, nothing allocated, even when the report comes again.
    for (const [amountPence, outcome] of [
      [10_099, undefined],
      [7_000, 'cancelled'],
    ] as const) {
      const other = await start('FA10000002P', { amountPence, returnUrl }).expect(201);
      const ref = (await db.query(`SELECT provider_reference FROM payments WHERE id = $1`, [other.body.id]))[0]
        .provider_reference as string;
      const report = sandbox.callbackFor(ref, outcome);
      await http()
        .post('/api/v1/payments/card-callbacks')
        .set('Payment-Signature', report.signature)
        .send(report.body)
        .expect(204);
      await http()
        .post('/api/v1/payments/card-callbacks')
        .set('Payment-Signature', report.signature)
        .send(report.body)
        .expect(204);
      expect(
        (await http().get(`/api/v1/payments/payments/${other.body.id}`).set('Authorization', citizen).expect(200)).body
          .status,
      ).toBe(outcome ?? 'failed');
      expect(await allocationsOf(other.body.id)).toEqual([]);
      expect(await allocatedEvents(other.body.id)).toEqual([]);
      expect((await outboxOf(db, 'payments.payment-received.v1')).filter((e) => e.paymentId === other.body.id)).toEqual(
        [],
      );
    }
    expect(await ledgerSum('fine-account:FA10000002P')).toBe(0);
  });

  it('proposes a bulk-scanned payment with a fine account number for that account; it goes there once a second officer verifies', async () => {
    const order = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', finance)
      .send({ method: 'postal-order', amountPence: 2_500, fineAccountNumber: 'FA20260555Y' })
      .expect(201);
    expect(order.body).toMatchObject({
      unallocatedPence: 2_500,
      allocations: [
        expect.objectContaining({
          target: 'fine-account',
          status: 'awaiting-verification',
          allocatedBy: 'officer-one',
        }),
      ],
    });
    const allocated = async () =>
      (await outboxOf(db, 'payments.payment-allocated.v1')).filter((e) => e.paymentId === order.body.id);
    expect(await allocated()).toEqual([]);
    await http()
      .post(`/api/v1/payments/allocations/${order.body.allocations[0].id}/verification`)
      .set('Authorization', finance)
      .send({ approve: true })
      .expect(409);
    await http()
      .post(`/api/v1/payments/allocations/${order.body.allocations[0].id}/verification`)
      .set('Authorization', finance2)
      .send({ approve: true })
      .expect(200);
    expect(await allocated()).toEqual([
      expect.objectContaining({
        target: 'fine-account',
        fineAccountNumber: 'FA20260555Y',
        amountPence: 2_500,
        method: 'postal-order',
      }),
    ]);
  });

  it('transfers a verified allocation from the wrong case to a fine account, once verified', async () => {
    const { caseId } = await announceCase(db, { feesDue: ['FEE0011'] });
    const order = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', finance)
      .send({ method: 'postal-order', amountPence: 8_300 })
      .expect(201);
    const first = await http()
      .post(`/api/v1/payments/payments/${order.body.id}/allocations`)
      .set('Authorization', finance)
      .send({ target: 'service-request', caseId })
      .expect(201);
    await http()
      .post(`/api/v1/payments/allocations/${first.body.id}/verification`)
      .set('Authorization', finance2)
      .send({ approve: true })
      .expect(200);
    expect((await serviceRequest(caseId)).status).toBe('paid');
    const casePayments = async () => {
      const res = await http()
        .post('/graphql')
        .set('Authorization', finance)
        .send({
          query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { payments { id method } } } }',
          variables: { r: [{ __typename: 'Case', id: caseId }] },
        });
      return res.body.data._entities[0].payments as { id: string }[];
    };
    expect(await casePayments()).toEqual([{ id: order.body.id, method: 'postal-order' }]);

    await http()
      .post(`/api/v1/payments/allocations/${first.body.id}/transfers`)
      .set('Authorization', finance)
      .send({ target: 'service-request', caseId })
      .expect(409);
    const moved = await http()
      .post(`/api/v1/payments/allocations/${first.body.id}/transfers`)
      .set('Authorization', finance)
      .send({ target: 'fine-account', fineAccountNumber: 'FA20260777S' })
      .expect(201);
    expect(moved.body).toMatchObject({ status: 'awaiting-verification', replaces: first.body.id, amountPence: 8_300 });
    // Until verified the money stays where it was, and is not free to allocate again.
    expect((await serviceRequest(caseId)).status).toBe('paid');
    await http()
      .post(`/api/v1/payments/payments/${order.body.id}/allocations`)
      .set('Authorization', finance)
      .send({ target: 'unidentified', reason: 'no idea' })
      .expect(409);

    await http()
      .post(`/api/v1/payments/allocations/${moved.body.id}/verification`)
      .set('Authorization', finance2)
      .send({ approve: true })
      .expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'not-paid', outstandingPence: 8_300 });
    expect(
      (await outboxOf(db, 'payments.allocation-transferred.v1')).filter((e) => e.paymentId === order.body.id),
    ).toEqual([
      expect.objectContaining({
        allocationId: first.body.id,
        toAllocationId: moved.body.id,
        target: 'service-request',
        caseId,
        amountPence: 8_300,
      }),
    ]);
    expect(
      (await outboxOf(db, 'payments.payment-allocated.v1'))
        .filter((e) => e.paymentId === order.body.id)
        .map((e) => e.target),
    ).toEqual(['service-request', 'fine-account']);
    const payment = (
      await http().get(`/api/v1/payments/payments/${order.body.id}`).set('Authorization', finance).expect(200)
    ).body;
    expect(payment.allocations.map((a: { status: string }) => a.status)).toEqual(['transferred', 'verified']);
    expect(await casePayments()).toEqual([]);
    expect(payment.unallocatedPence).toBe(0);
  });

  /**
   * A firm's payment by account on its own case, which staff then moved (`to`) and a second officer verified:
   * the firm (a token of `org`), its case and the payment.
   */
  const paidByFirmThenMoved = async (org: string, accountNumber: string, to: (caseId: string) => object) => {
    const firm = await bearer('professional', { org, sub: `solicitor-of-${org}` });
    await openApprovedAccount(app.getHttpServer(), {
      accountNumber,
      organisationId: org,
      name: `${org} Law`,
      creditLimitPence: 1_000_000,
    });
    const { caseId } = await announceCase(db, { organisations: [org], feesDue: ['FEE0011'] });
    const paid = await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', firm)
      .send({ accountNumber })
      .expect(201);
    const moved = await http()
      .post(`/api/v1/payments/allocations/${paid.body.allocations[0].id}/transfers`)
      .set('Authorization', finance)
      .send(to(caseId))
      .expect(201);
    await http()
      .post(`/api/v1/payments/allocations/${moved.body.id}/verification`)
      .set('Authorization', finance2)
      .send({ approve: true })
      .expect(200);
    return { firm, caseId, paid };
  };

  it("tells a payer where its money went only as far as the cases it may see: another firm's case stays unnamed", async () => {
    const theirs = await announceCase(db, { organisations: ['org-e'], feesDue: ['FEE0011'] });
    const ours = await paidByFirmThenMoved('org-d', 'PBA0000004', () => ({
      target: 'service-request',
      caseId: theirs.caseId,
      reason: 'paid on the wrong claim',
    }));
    const casesOf = async (who: string) =>
      (
        (await http().get(`/api/v1/payments/payments/${ours.paid.body.id}`).set('Authorization', who).expect(200)).body
          .allocations as { caseId?: string }[]
      ).map((a) => a.caseId ?? null);
    expect(await casesOf(ours.firm)).toEqual([ours.caseId, null]);
    expect(await casesOf(finance)).toEqual([ours.caseId, theirs.caseId]);
  });

  it('names the officer who verified where a payment went to staff only: its payer reads none', async () => {
    // Staff move the firm's money on, and a second officer verifies the move.
    const { firm, caseId, paid } = await paidByFirmThenMoved('org-c', 'PBA0000003', () => ({
      target: 'fine-account',
      fineAccountNumber: 'FA20260778V',
    }));

    const FIELDS = 'id allocations { status allocatedBy verifiedBy }';
    type Allocation = { status: string; allocatedBy: string; verifiedBy?: string | null };
    const reads = async (who: string) => {
      const rest = await http().get(`/api/v1/payments/payments/${paid.body.id}`).set('Authorization', who).expect(200);
      const list = await http().get('/api/v1/payments/payments?limit=100').set('Authorization', who).expect(200);
      const gql = (
        await graphql(
          who,
          `query($id: ID!, $r: [_Any!]!) {
            payment(id: $id) { ${FIELDS} }
            payments(first: 100) { nodes { ${FIELDS} } }
            _entities(representations: $r) { ... on Case { payments { ${FIELDS} } } }
          }`,
          { id: paid.body.id, r: [{ __typename: 'Case', id: caseId }] },
        ).expect(200)
      ).body;
      expect(gql.errors).toBeUndefined();
      const mine = (payments: { id: string; allocations: Allocation[] }[]) =>
        payments.find((p) => p.id === paid.body.id)!.allocations;
      return {
        rest: [rest.body.allocations as Allocation[], mine(list.body.items)],
        graphql: [gql.data.payment.allocations, mine(gql.data.payments.nodes), mine(gql.data._entities[0].payments)],
      };
    };

    const seen = await reads(firm);
    for (const allocations of seen.rest) {
      expect(allocations.map((a) => a.status)).toEqual(['transferred', 'verified']);
      for (const allocation of allocations) expect(allocation).not.toHaveProperty('verifiedBy');
    }
    for (const allocations of seen.graphql)
      expect(allocations.map((a: Allocation) => [a.status, a.verifiedBy])).toEqual([
        ['transferred', null],
        ['verified', null],
      ]);
    // Who allocated it is named to staff; the firm reads that an officer did (the field is never null).
    for (const allocations of [...seen.rest, ...seen.graphql])
      expect(allocations.map((a: Allocation) => [a.status, a.allocatedBy])).toEqual([
        ['transferred', 'system'],
        ['verified', 'officer'],
      ]);
    const staff = await reads(finance);
    for (const allocations of [...staff.rest, ...staff.graphql])
      expect(allocations.map((a: Allocation) => [a.status, a.allocatedBy, a.verifiedBy])).toEqual([
        ['transferred', 'system', 'system'],
        ['verified', 'officer-one', 'officer-two'],
      ]);
  });

  it('makes exactly one allocation out of 50 parallel attempts on one payment', async () => {
    const { caseId } = await announceCase(db, { feesDue: ['FEE0221'] });
    const cash = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', finance)
      .send({ method: 'postal-order', amountPence: 5_000 })
      .expect(201);
    const attempts = await Promise.all(
      Array.from({ length: 50 }, () =>
        http()
          .post(`/api/v1/payments/payments/${cash.body.id}/allocations`)
          .set('Authorization', finance)
          .send({ target: 'service-request', caseId }),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(49);
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM allocations WHERE payment_id = $1`, [cash.body.id]))[0].n,
    ).toBe(1);
  });

  it('records one payment for 50 parallel POSTs with one Idempotency-Key', async () => {
    const { caseId } = await announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0003'] });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        http()
          .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
          .set('Authorization', solicitor)
          .set('Idempotency-Key', 'pay-once-1')
          .send({ accountNumber: 'PBA0000001' }),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect((await db.query(`SELECT count(*)::int AS n FROM payments WHERE case_id = $1`, [caseId]))[0].n).toBe(1);
  });

  it('flags a second identical payment soon after the first as a possible duplicate', async () => {
    const { caseId } = await announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0003'] });
    const first = await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000001', amountPence: 150 })
      .expect(201);
    const second = await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000001', amountPence: 150 })
      .expect(201);
    expect(first.body.possibleDuplicateOf).toBeUndefined();
    expect(second.body.possibleDuplicateOf).toBe(first.body.id);
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', overpaymentPence: 150 });
  });

  it('refuses amounts beyond what a payment can hold as 400, recording nothing', async () => {
    const count = async () => ((await db.query(`SELECT count(*)::int AS n FROM payments`)) as { n: number }[])[0]!.n;
    const before = await count();
    for (const amountPence of [1e20, 2 ** 60]) {
      const refused = await http()
        .post('/api/v1/payments/bulk-scan-payments')
        .set('Authorization', finance)
        .send({ method: 'cheque', amountPence, reference: 'huge' })
        .expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'amountPence' })]);
    }
    const { caseId } = await announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0003'] });
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000001', amountPence: 1e20 })
      .expect(400);
    await http()
      .post('/api/v1/payments/refunds')
      .set('Authorization', finance)
      .send({ caseId, amountPence: 1e20, reason: 'overpayment' })
      .expect(400);
    expect(await count()).toBe(before);
  });

  it('grants a firm credit only with two people: a higher limit waits for a second, a lower one holds at once', async () => {
    const leader = await bearer('team-leader', { sub: 'leader-lee' });
    const accountOf = async (who: string) =>
      (
        (await http().get('/api/v1/payments/accounts').set('Authorization', who).expect(200)).body as {
          accountNumber: string;
          creditLimitPence: number;
          availablePence: number;
          proposedCreditLimitPence: number | null;
        }[]
      ).find((a) => a.accountNumber === 'PBA0000321');
    const opened = await http()
      .post('/api/v1/payments/accounts')
      .set('Authorization', finance)
      .send({ accountNumber: 'PBA0000321', organisationId: 'org-b', name: 'Beta Law', creditLimitPence: 50_000 })
      .expect(201);
    expect(opened.body).toMatchObject({ creditLimitPence: 0, availablePence: 0, proposedCreditLimitPence: 50_000 });
    // The firm sees what waits, not who asked; it cannot pay from credit not yet granted.
    expect(await accountOf(otherFirm)).toMatchObject({ creditLimitPence: 0, proposedCreditLimitPence: 50_000 });
    expect(JSON.stringify(await accountOf(otherFirm))).not.toContain('officer-one');
    const { caseId } = await announceCase(db, { organisations: ['org-b'], feesDue: ['FEE0002'] });
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', otherFirm)
      .send({ accountNumber: 'PBA0000321' })
      .expect(409);
    const decide = (who: string, approve: boolean, creditLimitPence: number) =>
      http()
        .post('/api/v1/payments/accounts/PBA0000321/credit-limit/decision')
        .set('Authorization', who)
        .send({ approve, creditLimitPence });
    const own = await decide(finance, true, 50_000).expect(409);
    expect(own.body.detail).toBe(
      'A higher credit limit must be approved by someone other than the person who proposed it',
    );
    await decide(otherFirm, true, 50_000).expect(403);
    // Approving another amount than the one waiting (changed after the approver read it) is refused.
    await decide(leader, true, 5_000_000).expect(409);
    expect((await decide(leader, true, 50_000).expect(200)).body).toMatchObject({
      creditLimitPence: 50_000,
      proposedCreditLimitPence: null,
    });
    await decide(leader, true, 50_000).expect(409);
    // The two people are kept with what they decided.
    expect(
      await db.query(
        `SELECT d.limit_pence::int AS pence, d.asked_by, d.decided_by, d.approved FROM credit_limit_decisions d
           JOIN payment_accounts a ON a.id = d.account_id WHERE a.account_number = 'PBA0000321'`,
      ),
    ).toEqual([{ pence: 50_000, asked_by: 'officer-one', decided_by: 'leader-lee', approved: true }]);

    // A raise waits again, and a rejection keeps the limit; a lower limit holds at once, dropping a raise waiting.
    const change = (who: string, creditLimitPence: number) =>
      http()
        .post('/api/v1/payments/accounts/PBA0000321/changes')
        .set('Authorization', who)
        .send({ creditLimitPence })
        .expect(200);
    expect((await change(finance, 1_000_000_000)).body).toMatchObject({
      creditLimitPence: 50_000,
      proposedCreditLimitPence: 1_000_000_000,
    });
    expect((await decide(finance2, false, 1_000_000_000).expect(200)).body).toMatchObject({
      creditLimitPence: 50_000,
      proposedCreditLimitPence: null,
    });
    // Null is "not given", over REST as over GraphQL (it was a 500).
    const unchanged = await http()
      .post('/api/v1/payments/accounts/PBA0000321/changes')
      .set('Authorization', finance)
      .send({ creditLimitPence: null, status: null })
      .expect(200);
    expect(unchanged.body).toMatchObject({ creditLimitPence: 50_000, status: 'active' });
    await change(finance, 90_000);
    expect((await change(finance, 10_000)).body).toMatchObject({
      creditLimitPence: 10_000,
      proposedCreditLimitPence: null,
    });
    await decide(finance2, true, 90_000).expect(409);
  });

  it('refuses to edit or delete a ledger entry', async () => {
    await expect(db.query(`UPDATE ledger_entries SET amount_pence = 1`)).rejects.toThrow(/never edited or deleted/);
    await expect(db.query(`DELETE FROM ledger_entries`)).rejects.toThrow(/never edited or deleted/);
  });

  it('takes payments over GraphQL by the same rules as REST: firm accounts, payment by account, card, bulk scanning, reversal', async () => {
    const account = `mutation($i: OpenPaymentAccountInput!) { openPaymentAccount(input: $i) { accountNumber status availablePence } }`;
    const details = {
      accountNumber: 'PBA0000777',
      organisationId: 'org-a',
      name: 'Alpha Law',
      creditLimitPence: 100_000,
    };
    const opened = await graphql(finance, account, { i: details });
    // No credit in force until a second person approves it: the one who asked cannot.
    expect(opened.body.data.openPaymentAccount).toEqual({
      accountNumber: 'PBA0000777',
      status: 'active',
      availablePence: 0,
    });
    const decide = `mutation($a: String!, $i: PaymentAccountCreditLimitDecisionInput!) {
      decidePaymentAccountCreditLimit(accountNumber: $a, input: $i) { creditLimitPence proposedCreditLimitPence } }`;
    expect(
      codeOf(await graphql(finance, decide, { a: 'PBA0000777', i: { approve: true, creditLimitPence: 100_000 } })),
    ).toBe('CONFLICT');
    expect(
      codeOf(await graphql(solicitor, decide, { a: 'PBA0000777', i: { approve: true, creditLimitPence: 100_000 } })),
    ).toBe('FORBIDDEN');
    const approved = await graphql(finance2, decide, {
      a: 'PBA0000777',
      i: { approve: true, creditLimitPence: 100_000 },
    });
    expect(approved.body.data.decidePaymentAccountCreditLimit).toEqual({
      creditLimitPence: 100_000,
      proposedCreditLimitPence: null,
    });
    expect(codeOf(await graphql(finance, account, { i: details }))).toBe('CONFLICT');
    await http().post('/api/v1/payments/accounts').set('Authorization', finance).send(details).expect(409);
    expect(codeOf(await graphql(solicitor, account, { i: { ...details, accountNumber: 'PBA0000778' } }))).toBe(
      'FORBIDDEN',
    );
    await http()
      .post('/api/v1/payments/accounts')
      .set('Authorization', solicitor)
      .send({ ...details, accountNumber: 'PBA0000778' })
      .expect(403);

    // An explicit null amount is "not given", as over REST: what is outstanding is paid.
    const { caseId } = await announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0226'] });
    const pay = `mutation($c: ID!, $i: PayFeesByAccountInput!) { payFeesByAccount(caseId: $c, input: $i) {
      id method status amountPence caseId allocations { target status } } }`;
    const paid = await graphql(solicitor, pay, { c: caseId, i: { accountNumber: 'PBA0000777', amountPence: null } });
    expect(paid.body.errors).toBeUndefined();
    expect(paid.body.data.payFeesByAccount).toMatchObject({
      method: 'payment-by-account',
      status: 'success',
      amountPence: 30_000,
      caseId,
      allocations: [{ target: 'service-request', status: 'verified' }],
    });
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', paidPence: 30_000 });
    expect(codeOf(await graphql(otherFirm, pay, { c: caseId, i: { accountNumber: 'PBA0000777' } }))).toBe('NOT_FOUND');
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', otherFirm)
      .send({ accountNumber: 'PBA0000777' })
      .expect(404);

    const change = `mutation($a: String!, $i: ChangePaymentAccountInput!) { changePaymentAccount(accountNumber: $a, input: $i) {
      status creditLimitPence usedPence } }`;
    const held = await graphql(finance, change, { a: 'PBA0000777', i: { status: 'on-hold', creditLimitPence: null } });
    expect(held.body.data.changePaymentAccount).toEqual({
      status: 'on-hold',
      creditLimitPence: 100_000,
      usedPence: 30_000,
    });
    const onHold = await graphql(solicitor, pay, { c: caseId, i: { accountNumber: 'PBA0000777', amountPence: 100 } });
    expect(codeOf(onHold)).toBe('CONFLICT');
    await http()
      .post(`/api/v1/payments/cases/${caseId}/payments-by-account`)
      .set('Authorization', solicitor)
      .send({ accountNumber: 'PBA0000777', amountPence: 100 })
      .expect(409);
    expect(codeOf(await graphql(finance, change, { a: 'PBA77', i: { status: 'active' } }))).toBe('BAD_USER_INPUT');
    await http().post('/api/v1/payments/accounts/PBA77/changes').set('Authorization', finance).send({}).expect(400);

    const card = await graphql(
      solicitor,
      `
        mutation ($c: ID!, $i: StartCardPaymentInput!) {
          startCardPayment(caseId: $c, input: $i) {
            method
            status
            amountPence
            nextUrl
          }
        }
      `,
      { c: caseId, i: { amountPence: 500, returnUrl: 'https://claims.example.gov.uk/done' } },
    );
    expect(card.body.data.startCardPayment).toMatchObject({ method: 'card', status: 'pending', amountPence: 500 });
    expect(card.body.data.startCardPayment.nextUrl).toMatch(/^https:\/\/card\.sandbox\.invalid\/pay\//);
    const elsewhere = await graphql(
      solicitor,
      `
        mutation ($c: ID!, $i: StartCardPaymentInput!) {
          startCardPayment(caseId: $c, input: $i) {
            id
          }
        }
      `,
      { c: caseId, i: { amountPence: 500, returnUrl: 'https://attacker.example/done' } },
    );
    expect(codeOf(elsewhere)).toBe('BAD_USER_INPUT');
    const fine = `mutation($a: String!, $i: StartFineAccountCardPaymentInput!) { startFineAccountCardPayment(accountNumber: $a, input: $i) {
      status fineAccountNumber } }`;
    const fineAccount = formatAccountNumber(4242);
    const unissued = await graphql(citizen, fine, {
      a: fineAccount,
      i: { amountPence: 2_500, returnUrl: 'https://fines.example.gov.uk/done' },
    });
    expect(codeOf(unissued)).toBe('NOT_FOUND');
    const payableQuery = 'query($a: String!) { payableFineAccount(accountNumber: $a) { accountNumber payable } }';
    expect(codeOf(await graphql(citizen, payableQuery, { a: fineAccount }))).toBe('NOT_FOUND');
    await registerFineAccount(db, fineAccount);
    expect((await graphql(citizen, payableQuery, { a: fineAccount })).body.data.payableFineAccount).toEqual({
      accountNumber: fineAccount,
      payable: true,
    });
    const toFine = await graphql(citizen, fine, {
      a: fineAccount.toLowerCase(),
      i: { amountPence: 2_500, returnUrl: 'https://fines.example.gov.uk/done' },
    });
    expect(toFine.body.data.startFineAccountCardPayment).toEqual({ status: 'pending', fineAccountNumber: fineAccount });
    const mistyped = `${fineAccount.slice(0, -1)}${fineAccount.endsWith('A') ? 'B' : 'A'}`;
    const refused = await graphql(citizen, fine, {
      a: mistyped,
      i: { amountPence: 2_500, returnUrl: 'https://fines.example.gov.uk/done' },
    });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    await http()
      .post(`/api/v1/payments/fine-accounts/${mistyped}/card-payments`)
      .set('Authorization', citizen)
      .send({ amountPence: 2_500, returnUrl: 'https://fines.example.gov.uk/done' })
      .expect(400);

    const scan = `mutation($i: RecordBulkScanPaymentInput!) { recordBulkScanPayment(input: $i) { id method unallocatedPence allocations { id } } }`;
    const scanned = await graphql(finance, scan, {
      i: { method: 'cheque', amountPence: 4_321, caseReference: null, fineAccountNumber: null, reference: 'smudged' },
    });
    expect(scanned.body.data.recordBulkScanPayment).toMatchObject({
      method: 'cheque',
      unallocatedPence: 4_321,
      allocations: [],
    });
    expect(codeOf(await graphql(citizen, scan, { i: { method: 'cash', amountPence: 1 } }))).toBe('FORBIDDEN');
    await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', citizen)
      .send({ method: 'cash', amountPence: 1 })
      .expect(403);

    const reverse = `mutation($p: ID!, $i: ReversePaymentInput!) { reversePayment(paymentId: $p, input: $i) { status reversal } }`;
    const cheque = scanned.body.data.recordBulkScanPayment.id as string;
    expect(codeOf(await graphql(finance, reverse, { p: cheque, i: { reason: 'chargeback' } }))).toBe('CONFLICT');
    await http()
      .post(`/api/v1/payments/payments/${cheque}/reversals`)
      .set('Authorization', finance)
      .send({ reason: 'chargeback' })
      .expect(409);
    const bounced = await graphql(finance, reverse, { p: cheque, i: { reason: 'bounced' } });
    expect(bounced.body.data.reversePayment).toEqual({ status: 'success', reversal: 'bounced' });
    expect((await outboxOf(db, 'payments.payment-reversed.v1')).filter((e) => e.paymentId === cheque)).toHaveLength(1);
  });

  it('prices a ranged fee for the claim amount over GraphQL, and refuses a fixed one as REST does', async () => {
    const { caseId } = await announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0202', 'FEE0003'] });
    const [issue, fixed] = (await serviceRequest(caseId)).fees as { id: string }[];
    const correct = `mutation($c: ID!, $f: ID!, $i: CorrectClaimAmountInput!) { correctClaimAmount(caseId: $c, feeId: $f, input: $i) {
      feesPence fees { code amountPence pricingBasis } } }`;
    const repriced = await graphql(finance, correct, { c: caseId, f: issue!.id, i: { claimAmountPence: 400_000 } });
    expect(repriced.body.data.correctClaimAmount).toEqual({
      feesPence: 20_500 + 150,
      fees: [
        { code: 'FEE0202', amountPence: 20_500, pricingBasis: 'claim-amount' },
        { code: 'FEE0003', amountPence: 150, pricingBasis: 'fixed' },
      ],
    });
    const refused = await graphql(finance, correct, { c: caseId, f: fixed!.id, i: { claimAmountPence: 400_000 } });
    expect(codeOf(refused)).toBe('CONFLICT');
    // Down is a remission, not a correction, over GraphQL as over REST.
    expect(codeOf(await graphql(finance, correct, { c: caseId, f: issue!.id, i: { claimAmountPence: 1 } }))).toBe(
      'CONFLICT',
    );
    await http()
      .post(`/api/v1/payments/cases/${caseId}/service-request/fees/${fixed!.id}/claim-amount`)
      .set('Authorization', finance)
      .send({ claimAmountPence: 400_000 })
      .expect(409);
    expect(codeOf(await graphql(solicitor, correct, { c: caseId, f: issue!.id, i: { claimAmountPence: 1 } }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await graphql(finance, correct, { c: 'nope', f: issue!.id, i: { claimAmountPence: 1 } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await serviceRequest(caseId)).feesPence).toBe(20_500 + 150);
  });

  it('allocates, verifies and transfers over GraphQL with the four-eyes rule and refusals of REST', async () => {
    const { caseId } = await announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0003'] });
    const cheque = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', finance)
      .send({ method: 'cheque', amountPence: 150, reference: 'no reference' })
      .expect(201);
    const allocate = `mutation($p: ID!, $i: PaymentAllocationInput!) { allocatePayment(paymentId: $p, input: $i) {
      id target caseId status allocatedBy } }`;
    const incomplete = await graphql(finance, allocate, { p: cheque.body.id, i: { target: 'fine-account' } });
    expect(codeOf(incomplete)).toBe('BAD_USER_INPUT');
    await http()
      .post(`/api/v1/payments/payments/${cheque.body.id}/allocations`)
      .set('Authorization', finance)
      .send({ target: 'fine-account' })
      .expect(400);
    // Explicit nulls for what the target does not take are "not given", never "given".
    const proposed = await graphql(finance, allocate, {
      p: cheque.body.id,
      i: { target: 'service-request', caseId, fineAccountNumber: null, amountPence: null, reason: null },
    });
    expect(proposed.body.data.allocatePayment).toMatchObject({
      target: 'service-request',
      caseId,
      status: 'awaiting-verification',
      allocatedBy: 'officer-one',
    });
    const allocationId = proposed.body.data.allocatePayment.id as string;

    const verify = `mutation($a: ID!, $i: VerifyAllocationInput!) { verifyAllocation(allocationId: $a, input: $i) { status verifiedBy } }`;
    expect(codeOf(await graphql(finance, verify, { a: allocationId, i: { approve: true } }))).toBe('CONFLICT');
    await http()
      .post(`/api/v1/payments/allocations/${allocationId}/verification`)
      .set('Authorization', finance)
      .send({ approve: true })
      .expect(409);
    const verified = await graphql(finance2, verify, { a: allocationId, i: { approve: true } });
    expect(verified.body.data.verifyAllocation).toEqual({ status: 'verified', verifiedBy: 'officer-two' });
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', paidPence: 150 });

    const transfer = `mutation($a: ID!, $i: PaymentAllocationInput!) { transferAllocation(allocationId: $a, input: $i) {
      id target status replaces } }`;
    const same = await graphql(finance2, transfer, { a: allocationId, i: { target: 'service-request', caseId } });
    expect(codeOf(same)).toBe('CONFLICT');
    await http()
      .post(`/api/v1/payments/allocations/${allocationId}/transfers`)
      .set('Authorization', finance2)
      .send({ target: 'service-request', caseId })
      .expect(409);
    const moved = await graphql(finance2, transfer, {
      a: allocationId,
      i: { target: 'unidentified', reason: 'Paid for the wrong case' },
    });
    expect(moved.body.data.transferAllocation).toMatchObject({
      target: 'unidentified',
      status: 'awaiting-verification',
      replaces: allocationId,
    });
    await graphql(finance, verify, { a: moved.body.data.transferAllocation.id, i: { approve: true } });
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'not-paid', paidPence: 0 });
    expect(codeOf(await graphql(citizen, verify, { a: allocationId, i: { approve: true } }))).toBe('FORBIDDEN');
  });
});
