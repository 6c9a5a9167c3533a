import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  formatAccountNumber,
  paymentReceivedV1,
  type CorrespondenceRequestedV1,
  type EventEnvelope,
  type PaymentReceivedV1,
} from '@ccsc/contracts';
import { correspondenceRequestId } from '@ccsc/correspondence';
import { InProcessTransport, withinTransaction } from '@ccsc/messaging';
import { bearer, eventually } from '@ccsc/testing';
import { CorrespondenceRequests } from '../src/correspondence/application/correspondence-requests';
import type { CorrespondenceOutcome } from '../src/correspondence/domain/correspondence-rules';
import { CardProvider } from '../src/payment/domain/card-provider.port';
import { SandboxCardProvider } from '../src/payment/infrastructure/sandbox-card-provider';
import { announceCase, publish, registerFineAccount, startPaymentsApp } from './payments-app';

const REQUESTED = 'payments.correspondence-requested.v1';

class RolledBack extends Error {
  constructor(readonly outcomes: CorrespondenceOutcome[]) {
    super('rolled back');
  }
}

// Payments' own events, read back through its inbox, ask cases for a receipt, a refund letter or a Help with
// Fees decision to whoever paid or applied, named by their account: payments knows no party's name.
describe('payments: correspondence requested from payments events', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;
  let citizen: string;
  let fay: string;
  let sam: string;

  beforeAll(async () => {
    // No evidence checks: a remission waits for a decision only.
    ({ app, db, close } = await startPaymentsApp({ HWF_EVIDENCE_CHECK_PERCENT: '0' }));
    [citizen, fay, sam] = await Promise.all([
      bearer('citizen', { sub: 'citizen-cat' }),
      bearer('finance-officer', { sub: 'fay' }),
      bearer('finance-officer', { sub: 'sam' }),
    ]);
  }, 60_000);
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const requests = async (caseId?: string) =>
    (
      (await db.query(
        `SELECT message_key, envelope FROM outbox WHERE type = $1 AND ($2::text IS NULL OR envelope->'data'->>'caseId' = $2)
          ORDER BY position`,
        [REQUESTED, caseId ?? null],
      )) as { message_key: string; envelope: EventEnvelope<CorrespondenceRequestedV1> }[]
    ).map((r) => ({ key: r.message_key, ...r.envelope }));
  /** Until the relay has sent everything and payments' own consumers have taken in all it was sent. */
  const settled = () =>
    eventually(async () => {
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)) as [
        { n: number },
      ];
      expect(n).toBe(0);
      expect(await InProcessTransport.shared().lag('ccsc.payments')).toBe(0);
    });
  /** A card payment by the citizen, through to the provider's signed success callback. */
  const payByCard = async (path: string, amountPence: number) => {
    const started = await http()
      .post(path)
      .set('Authorization', citizen)
      .send({ amountPence, returnUrl: 'https://claims.example.gov.uk/done' })
      .expect(201);
    const [row] = (await db.query(`SELECT provider_reference FROM payments WHERE id = $1`, [started.body.id])) as {
      provider_reference: string;
    }[];
    const callback = (app.get(CardProvider) as SandboxCardProvider).callbackFor(row!.provider_reference);
    const deliver = () =>
      http().post('/api/v1/payments/card-callbacks').set('Payment-Signature', callback.signature).send(callback.body);
    await deliver().expect(204);
    return { id: started.body.id as string, deliver };
  };
  const receivedEvent = async (paymentId: string) =>
    (
      (await db.query(`SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'paymentId' = $2`, [
        paymentReceivedV1.type,
        paymentId,
      ])) as { envelope: EventEnvelope<PaymentReceivedV1> }[]
    ).map((r) => r.envelope);
  /** What the consumer would ask for if the event came past the inbox again, rolled back. */
  const replayPastTheInbox = async (event: EventEnvelope) => {
    try {
      await db.transaction((manager) =>
        withinTransaction(manager, { causationId: event.id, actor: 'system' }, async (tx) => {
          throw new RolledBack(await app.get(CorrespondenceRequests).apply(tx, event));
        }),
      );
    } catch (error) {
      if (error instanceof RolledBack) return error.outcomes;
      throw error;
    }
    throw new Error('not rolled back');
  };

  it("asks once for a receipt to the citizen who paid a case's fee by card, naming them and the case; replays ask nothing more", async () => {
    const { caseId, reference } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0226'] });
    const { id: paymentId, deliver } = await payByCard(`/api/v1/payments/cases/${caseId}/card-payments`, 30_000);
    const [found] = await eventually(async () => {
      const all = await requests(caseId);
      expect(all).toHaveLength(1);
      return all;
    });
    const [received] = await receivedEvent(paymentId);
    expect(found!.key).toBe(paymentId);
    expect(found!.causationid).toBe(received!.id);
    expect(found!.data).toEqual({
      requestId: correspondenceRequestId(received!.id, 'payments.payment-receipt'),
      caseId,
      userId: 'citizen-cat',
      template: 'payments.payment-receipt',
      values: {
        paymentReference: paymentId,
        amount: 30_000,
        paidOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        appliedToReference: reference,
      },
      recipientNameAs: 'payerName',
    });

    // The provider repeats its callback; the relay sends the event again (the same id); the event comes
    // past the inbox: one request, and the same request id each time.
    await deliver().expect(204);
    await publish(paymentReceivedV1, paymentId, received!.data, received!.id);
    await settled();
    expect(await requests(caseId)).toHaveLength(1);
    expect(await replayPastTheInbox(received!)).toEqual([
      { rule: 'payment-receipt', request: expect.objectContaining({ requestId: found!.data.requestId }) },
    ]);
  });

  it('asks once for a refund letter when a refund is approved, to whoever paid the money it gives back', async () => {
    const { caseId, reference } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0003'] });
    const owed = (
      await http().get(`/api/v1/payments/cases/${caseId}/service-request`).set('Authorization', fay).expect(200)
    ).body.outstandingPence as number;
    await payByCard(`/api/v1/payments/cases/${caseId}/card-payments`, owed + 2_000);
    await eventually(async () => expect(await requests(caseId)).toHaveLength(1)); // the receipt
    const refund = await http()
      .post('/api/v1/payments/refunds')
      .set('Authorization', fay)
      .send({ caseId, amountPence: 2_000, reason: 'overpayment' })
      .expect(201);
    await settled();
    // Asked for, not approved: nothing yet.
    expect(await requests(caseId)).toHaveLength(1);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
      .set('Authorization', sam)
      .send({ decision: 'approve' })
      .expect(200);
    const letters = await eventually(async () => {
      const all = (await requests(caseId)).filter((r) => r.data.template === 'payments.refund-approved');
      expect(all).toHaveLength(1);
      return all;
    });
    expect(letters[0]!.data).toMatchObject({
      caseId,
      userId: 'citizen-cat',
      values: { refundReference: refund.body.id, amount: 2_000, caseReference: reference },
      recipientNameAs: 'recipientName',
    });
    await http().post(`/api/v1/payments/refunds/${refund.body.id}/payment`).set('Authorization', fay).expect(200);
    await settled();
    expect((await requests(caseId)).filter((r) => r.data.template === 'payments.refund-approved')).toHaveLength(1);
  });

  /** Grants the application, and the one request that asks for its decision letter. */
  const granted = async (applicationId: string, caseId: string) => {
    await http()
      .post(`/api/v1/payments/help-with-fees/applications/${applicationId}/decision`)
      .set('Authorization', sam)
      .send({ grant: true })
      .expect(200);
    return eventually(async () => {
      const all = await requests(caseId);
      expect(all).toHaveLength(1);
      return all[0]!;
    });
  };

  it('asks once for a Help with Fees decision to the citizen who applied, with what is remitted and what is left', async () => {
    const { caseId, reference } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0202'] });
    const applicant = { monthlyIncomePence: 100_000, couple: false, childrenAges: [], savingsPence: 0, age: 30 };
    const applied = await http()
      .post('/api/v1/payments/help-with-fees/applications')
      .set('Authorization', citizen)
      .send({ caseId, feeCode: 'FEE0202', applicant })
      .expect(201);
    expect(applied.body).toMatchObject({ status: 'awaiting-decision' });
    await settled();
    expect(await requests(caseId)).toEqual([]);
    const decision = await granted(applied.body.id, caseId);
    const fee = Number(applied.body.feePence);
    expect(decision.data).toMatchObject({
      caseId,
      userId: 'citizen-cat',
      template: 'payments.help-with-fees-decision',
      values: {
        helpWithFeesReference: applied.body.id,
        feeAmount: fee,
        remittedAmount: Number(applied.body.remittedPence),
        amountToPay: fee - Number(applied.body.remittedPence),
      },
      recipientNameAs: 'applicantName',
    });
    expect(Number(applied.body.remittedPence)).toBeGreaterThan(0);
    expect(reference).toHaveLength(16);
  });

  it("asks for a Help with Fees decision to the firm's client when a firm applied", async () => {
    const { caseId } = await announceCase(db, { organisations: ['org-hwf'], feesDue: ['FEE0202'] });
    const applied = await http()
      .post('/api/v1/payments/help-with-fees/applications')
      .set('Authorization', await bearer('professional', { org: 'org-hwf', sub: 'solicitor-hwf' }))
      .send({
        caseId,
        feeCode: 'FEE0202',
        applicant: { monthlyIncomePence: 100_000, couple: false, childrenAges: [], savingsPence: 0, age: 30 },
      })
      .expect(201);
    const decision = await granted(applied.body.id, caseId);
    // The firm, for cases to resolve to its client; never the solicitor's own account.
    expect(decision.data).toMatchObject({
      caseId,
      organisationId: 'org-hwf',
      template: 'payments.help-with-fees-decision',
    });
    expect(decision.data).not.toHaveProperty('userId');
  });

  it('asks nothing for a payment with no case: a card payment to a fine account', async () => {
    const fineAccount = formatAccountNumber(7_373);
    await registerFineAccount(db, fineAccount);
    const before = (await requests()).length;
    const { id } = await payByCard(`/api/v1/payments/fine-accounts/${fineAccount}/card-payments`, 2_500);
    await eventually(async () => expect(await receivedEvent(id)).toHaveLength(1));
    await settled();
    expect(await requests()).toHaveLength(before);
  });
});
