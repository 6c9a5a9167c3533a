import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { claimAmountRecordedV1 } from '@ccsc/contracts';
import { bearer, commandEventCount, eventually } from '@ccsc/testing';
import { announceCase, publish, startPaymentsApp } from './payments-app';

// The work that waits for a second member of staff (an allocation to verify, a Help with Fees
// application to decide or check, a refund to approve) is announced when it starts waiting and when it
// stops, in the transaction that does it, by whoever did it (the envelope's actor): the queries
// service's work queue opens and closes its tasks from these events. A refused change announces nothing.
// Nothing is sampled for evidence here, so only a fee turned down before waits for evidence.
describe('payments: announces the work that waits for staff, and its end', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;
  let ola: string;
  let tom: string;
  let lee: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, db, close } = await startPaymentsApp({ HWF_EVIDENCE_CHECK_PERCENT: '0' }));
    [ola, tom, lee, citizen] = await Promise.all([
      bearer('finance-officer', { sub: 'ola' }),
      bearer('finance-officer', { sub: 'tom' }),
      bearer('team-leader', { sub: 'lee' }),
      bearer('citizen', { sub: 'citizen-cat' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const post = (path: string, who: string, body: object = {}) =>
    http().post(`/api/v1/payments${path}`).set('Authorization', who).send(body);
  const serviceRequest = async (caseId: string) =>
    (await http().get(`/api/v1/payments/cases/${caseId}/service-request`).set('Authorization', ola).expect(200)).body;

  /** Every event of one type (v1 unless told) about one subject (its message key), oldest first, with who caused it. */
  const published = async (type: string, subject: string, version = 1) =>
    (
      (await db.query(`SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2 ORDER BY position`, [
        `payments.${type}.v${version}`,
        subject,
      ])) as { envelope: { actor?: string; subject: string; data: Record<string, unknown> } }[]
    ).map(({ envelope }) => ({ actor: envelope.actor, data: envelope.data }));
  /** The work-queue events of a payment's allocations, in the order they were published. */
  const allocationEvents = async (paymentId: string) =>
    (
      (await db.query(
        `SELECT type, envelope FROM outbox WHERE message_key = $1
           AND type IN ('payments.allocation-recorded.v1', 'payments.allocation-rejected.v1', 'payments.payment-allocated.v1')
         ORDER BY position`,
        [paymentId],
      )) as { type: string; envelope: { actor?: string; data: { allocationId: string } } }[]
    ).map(({ type, envelope }) => [type.replace(/^payments\.|\.v1$/g, ''), envelope.data.allocationId, envelope.actor]);
  const outboxCount = () => commandEventCount(db);
  const unreferencedCheque = async (amountPence: number) =>
    (await post('/bulk-scan-payments', ola, { method: 'cheque', amountPence, reference: 'illegible' }).expect(201)).body
      .id as string;

  describe('allocations awaiting verification', () => {
    it('announces an allocation an officer records once, by them, and its verification by the second officer', async () => {
      const paymentId = await unreferencedCheque(12_500);
      expect(await allocationEvents(paymentId)).toEqual([]);

      // Refused: nothing recorded, nothing announced.
      const before = await outboxCount();
      await post(`/payments/${paymentId}/allocations`, ola, { target: 'fine-account' }).expect(400);
      await post(`/payments/${paymentId}/allocations`, ola, {
        target: 'fine-account',
        fineAccountNumber: 'FA20260901Q',
        amountPence: 12_501,
      }).expect(409);
      expect(await outboxCount()).toBe(before);

      const allocation = (
        await post(`/payments/${paymentId}/allocations`, ola, {
          target: 'fine-account',
          fineAccountNumber: 'FA20260901Q',
          amountPence: 10_000,
        }).expect(201)
      ).body;
      expect(await published('allocation-recorded', paymentId)).toEqual([
        {
          actor: 'ola',
          data: {
            paymentId,
            allocationId: allocation.id,
            target: 'fine-account',
            amountPence: 10_000,
            method: 'cheque',
            allocatedAt: allocation.allocatedAt,
          },
        },
      ]);

      // The officer who recorded it cannot verify it: refused, and nothing is announced.
      const unverified = await outboxCount();
      await post(`/allocations/${allocation.id}/verification`, ola, { approve: true }).expect(409);
      await post(`/allocations/${allocation.id}/verification`, ola, { approve: false }).expect(409);
      expect(await outboxCount()).toBe(unverified);

      await post(`/allocations/${allocation.id}/verification`, tom, { approve: true }).expect(200);
      expect(await allocationEvents(paymentId)).toEqual([
        ['allocation-recorded', allocation.id, 'ola'],
        ['payment-allocated', allocation.id, 'tom'],
      ]);
    });

    it('announces a rejection by the second officer once, with the case, and frees the amount', async () => {
      const { caseId } = await announceCase(db, { feesDue: ['FEE0011'] });
      const paymentId = await unreferencedCheque(8_300);
      const allocation = (
        await post(`/payments/${paymentId}/allocations`, ola, { target: 'service-request', caseId }).expect(201)
      ).body;
      expect((await published('allocation-recorded', paymentId)).map((e) => e.data)).toEqual([
        expect.objectContaining({ allocationId: allocation.id, target: 'service-request', caseId, amountPence: 8_300 }),
      ]);

      await post(`/allocations/${allocation.id}/verification`, tom, { approve: false }).expect(200);
      await post(`/allocations/${allocation.id}/verification`, tom, { approve: false }).expect(409);
      await post(`/allocations/${allocation.id}/verification`, lee, { approve: true }).expect(409);
      expect(await published('allocation-rejected', paymentId)).toEqual([
        { actor: 'tom', data: { paymentId, allocationId: allocation.id, caseId } },
      ]);
      expect(await published('payment-allocated', paymentId)).toEqual([]);
      expect((await serviceRequest(caseId)).paidPence).toBe(0);

      // The amount is free again: a new allocation is a new task.
      const again = (
        await post(`/payments/${paymentId}/allocations`, tom, { target: 'service-request', caseId }).expect(201)
      ).body;
      expect(await allocationEvents(paymentId)).toEqual([
        ['allocation-recorded', allocation.id, 'ola'],
        ['allocation-rejected', allocation.id, 'tom'],
        ['allocation-recorded', again.id, 'tom'],
      ]);
    });

    it("announces the allocation a bulk-scanned payment proposes, in the recorder's name, and its end when the payment bounces first", async () => {
      const { caseId, reference } = await announceCase(db, { feesDue: ['FEE0003'] });
      const cheque = (
        await post('/bulk-scan-payments', ola, { method: 'cheque', amountPence: 150, caseReference: reference }).expect(
          201,
        )
      ).body;
      const [proposed] = cheque.allocations as { id: string; allocatedAt: string }[];
      expect(await published('allocation-recorded', cheque.id)).toEqual([
        {
          actor: 'ola',
          data: {
            paymentId: cheque.id,
            allocationId: proposed!.id,
            target: 'service-request',
            caseId,
            amountPence: 150,
            method: 'cheque',
            allocatedAt: proposed!.allocatedAt,
          },
        },
      ]);

      await post(`/payments/${cheque.id}/reversals`, tom, { reason: 'bounced' }).expect(201);
      expect(await published('allocation-rejected', cheque.id)).toEqual([
        { actor: 'tom', data: { paymentId: cheque.id, allocationId: proposed!.id, caseId } },
      ]);
      await post(`/allocations/${proposed!.id}/verification`, lee, { approve: true }).expect(409);
      expect(await allocationEvents(cheque.id)).toEqual([
        ['allocation-recorded', proposed!.id, 'ola'],
        ['allocation-rejected', proposed!.id, 'tom'],
      ]);

      // One quoting a fine account number proposes an allocation to that account, with no case.
      const order = (
        await post('/bulk-scan-payments', ola, {
          method: 'postal-order',
          amountPence: 2_000,
          fineAccountNumber: 'FA20260902S',
        }).expect(201)
      ).body;
      expect((await published('allocation-recorded', order.id)).map((e) => e.data)).toEqual([
        {
          paymentId: order.id,
          allocationId: order.allocations[0].id,
          target: 'fine-account',
          amountPence: 2_000,
          method: 'postal-order',
          allocatedAt: order.allocations[0].allocatedAt,
        },
      ]);
    });

    it('announces a transfer awaiting verification as a new allocation, and its verification', async () => {
      const { caseId } = await announceCase(db, { feesDue: ['FEE0011'] });
      const paymentId = await unreferencedCheque(8_300);
      const first = (
        await post(`/payments/${paymentId}/allocations`, ola, { target: 'service-request', caseId }).expect(201)
      ).body;
      await post(`/allocations/${first.id}/verification`, tom, { approve: true }).expect(200);
      await post(`/allocations/${first.id}/transfers`, ola, { target: 'service-request', caseId }).expect(409);
      const moved = (
        await post(`/allocations/${first.id}/transfers`, ola, {
          target: 'fine-account',
          fineAccountNumber: 'FA20260903V',
        }).expect(201)
      ).body;
      expect((await published('allocation-recorded', paymentId)).map((e) => e.data)).toEqual([
        expect.objectContaining({ allocationId: first.id }),
        {
          paymentId,
          allocationId: moved.id,
          target: 'fine-account',
          amountPence: 8_300,
          method: 'cheque',
          allocatedAt: moved.allocatedAt,
        },
      ]);
      await post(`/allocations/${moved.id}/verification`, tom, { approve: true }).expect(200);
      expect(await allocationEvents(paymentId)).toEqual([
        ['allocation-recorded', first.id, 'ola'],
        ['payment-allocated', first.id, 'tom'],
        ['allocation-recorded', moved.id, 'ola'],
        ['payment-allocated', moved.id, 'tom'],
      ]);
    });

    it('announces nothing for money placed in suspense as unidentified, whose verification announces nothing either', async () => {
      const paymentId = await unreferencedCheque(700);
      const allocation = (
        await post(`/payments/${paymentId}/allocations`, ola, { target: 'unidentified', reason: 'no idea' }).expect(201)
      ).body;
      expect(allocation.status).toBe('awaiting-verification');
      await post(`/allocations/${allocation.id}/verification`, tom, { approve: false }).expect(200);
      expect(await allocationEvents(paymentId)).toEqual([]);
    });
  });

  describe('Help with Fees applications waiting for staff', () => {
    const applicant = { monthlyIncomePence: 100_000, couple: false, childrenAges: [4], savingsPence: 0, age: 30 };

    it('announces each wait for a decision or evidence once, and its conclusion: refused, failed, decided', async () => {
      const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0002'] });
      const apply = (who: string) =>
        post('/help-with-fees/applications', who, { caseId, feeCode: 'FEE0002', applicant }).expect(201);

      // Staff applying on someone's behalf: the wait is announced in their name, and they cannot end it.
      const first = (await apply(lee)).body;
      expect(first.status).toBe('awaiting-decision');
      expect(await published('help-with-fees-awaiting-staff', first.id)).toEqual([
        {
          actor: 'lee',
          data: { applicationId: first.id, caseId, feeCode: 'FEE0002', waitingFor: 'decision' },
        },
      ]);
      const before = await outboxCount();
      await post(`/help-with-fees/applications/${first.id}/decision`, lee, { grant: true }).expect(409);
      await post(`/help-with-fees/applications/${first.id}/evidence-check`, ola, { passed: true }).expect(409);
      await post('/help-with-fees/applications', citizen, { caseId, feeCode: 'FEE0002', applicant }).expect(409);
      expect(await outboxCount()).toBe(before);
      await post(`/help-with-fees/applications/${first.id}/decision`, ola, { grant: false }).expect(200);
      expect(await published('help-with-fees-concluded', first.id)).toEqual([
        { actor: 'ola', data: { applicationId: first.id, caseId, outcome: 'refused' } },
      ]);
      await post(`/help-with-fees/applications/${first.id}/decision`, tom, { grant: true }).expect(409);
      expect(await published('help-with-fees-concluded', first.id)).toHaveLength(1);

      // Refused before: the next waits for evidence.
      const second = (await apply(citizen)).body;
      expect(await published('help-with-fees-awaiting-staff', second.id)).toEqual([
        {
          actor: 'citizen-cat',
          data: { applicationId: second.id, caseId, feeCode: 'FEE0002', waitingFor: 'evidence' },
        },
      ]);
      await post(`/help-with-fees/applications/${second.id}/evidence-check`, ola, { passed: false }).expect(200);
      expect(await published('help-with-fees-concluded', second.id)).toEqual([
        { actor: 'ola', data: { applicationId: second.id, caseId, outcome: 'evidence-failed' } },
      ]);

      const third = (await apply(citizen)).body;
      expect((await published('help-with-fees-awaiting-staff', third.id)).map((e) => e.data.waitingFor)).toEqual([
        'evidence',
      ]);
      await post(`/help-with-fees/applications/${third.id}/evidence-check`, tom, { passed: true }).expect(200);
      expect(await published('help-with-fees-concluded', third.id)).toEqual([
        { actor: 'tom', data: { applicationId: third.id, caseId, outcome: 'decided' } },
      ]);
      expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 61_200 });
    });

    it('announces nothing for an application with nothing to remit, which waits for nobody', async () => {
      const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0226'] });
      const applied = (
        await post('/help-with-fees/applications', citizen, {
          caseId,
          feeCode: 'FEE0226',
          applicant: { monthlyIncomePence: 600_000, couple: true, childrenAges: [], savingsPence: 0, age: 50 },
        }).expect(201)
      ).body;
      expect(applied.status).toBe('decided');
      expect(await published('help-with-fees-awaiting-staff', applied.id)).toEqual([]);
      expect(await published('help-with-fees-concluded', applied.id)).toEqual([]);
    });

    it('announces the wait a repriced fee starts, and its end when a lower price leaves nothing to remit', async () => {
      // £1,520 a month, single: £50 a month of contribution, all of the issue fee at its £35 minimum.
      const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0202'] });
      const applied = (
        await post('/help-with-fees/applications', citizen, {
          caseId,
          feeCode: 'FEE0202',
          applicant: { ...applicant, monthlyIncomePence: 152_000, childrenAges: [] },
        }).expect(201)
      ).body;
      expect(applied).toMatchObject({ remittedPence: 0, status: 'decided' });
      expect(await published('help-with-fees-awaiting-staff', applied.id)).toEqual([]);

      // Priced at £205 for the claim, by cases' event: £155 to remit, waiting for a decision.
      await publish(claimAmountRecordedV1, caseId, { caseId, claimAmountPence: 400_000 });
      await eventually(async () =>
        expect(await published('help-with-fees-awaiting-staff', applied.id)).toEqual([
          {
            actor: 'system',
            data: { applicationId: applied.id, caseId, feeCode: 'FEE0202', waitingFor: 'decision' },
          },
        ]),
      );

      // The claim's amount is changed on the case: back to £35, nothing to remit, so nobody needs to decide it.
      await publish(claimAmountRecordedV1, caseId, { caseId, claimAmountPence: 20_000 });
      await eventually(async () =>
        expect(await published('help-with-fees-concluded', applied.id)).toEqual([
          { actor: 'system', data: { applicationId: applied.id, caseId, outcome: 'decided' } },
        ]),
      );
      await post(`/help-with-fees/applications/${applied.id}/decision`, ola, { grant: true }).expect(409);
      expect(await published('help-with-fees-awaiting-staff', applied.id)).toHaveLength(1);
      expect(await published('help-with-fees-concluded', applied.id)).toHaveLength(1);
    });

    it('announces a granted remission going back to staff for the increase, and its second decision', async () => {
      const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0202'] });
      const applied = (
        await post('/help-with-fees/applications', citizen, {
          caseId,
          feeCode: 'FEE0202',
          applicant: { ...applicant, childrenAges: [] },
        }).expect(201)
      ).body;
      await post(`/help-with-fees/applications/${applied.id}/decision`, ola, { grant: true }).expect(200);
      await publish(claimAmountRecordedV1, caseId, { caseId, claimAmountPence: 400_000 });
      await eventually(async () =>
        expect((await published('help-with-fees-awaiting-staff', applied.id)).map((e) => e.data.waitingFor)).toEqual([
          'decision',
          'decision',
        ]),
      );
      await post(`/help-with-fees/applications/${applied.id}/decision`, tom, { grant: true }).expect(200);
      expect((await published('help-with-fees-concluded', applied.id)).map((e) => [e.actor, e.data.outcome])).toEqual([
        ['ola', 'decided'],
        ['tom', 'decided'],
      ]);
      expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 20_500, outstandingPence: 0 });
    });
  });

  describe('refunds awaiting approval', () => {
    it('announces every step of a refund by whoever took it, and nothing on a refused approval', async () => {
      const { caseId, reference } = await announceCase(db, { feesDue: ['FEE0003'] });
      const cash = (
        await post('/bulk-scan-payments', ola, { method: 'cash', amountPence: 1_000, caseReference: reference }).expect(
          201,
        )
      ).body;
      await post(`/allocations/${cash.allocations[0].id}/verification`, tom, { approve: true }).expect(200);
      const refund = (await post('/refunds', ola, { caseId, amountPence: 400, reason: 'overpayment' }).expect(201))
        .body;
      const before = await outboxCount();
      await post(`/refunds/${refund.id}/decision`, ola, { decision: 'approve' }).expect(409);
      await post(`/refunds/${refund.id}/resubmission`, ola, { amountPence: 500 }).expect(409);
      expect(await outboxCount()).toBe(before);
      await post(`/refunds/${refund.id}/decision`, lee, { decision: 'return' }).expect(200);
      await post(`/refunds/${refund.id}/resubmission`, ola, { amountPence: 500 }).expect(200);
      await post(`/refunds/${refund.id}/decision`, tom, { decision: 'reject' }).expect(200);
      await post(`/refunds/${refund.id}/decision`, lee, { decision: 'approve' }).expect(409);
      // Each names the proposer besides whoever made the change; nothing goes out as v1 any more.
      expect(
        (await published('refund-status-changed', refund.id, 2)).map((e) => [
          e.actor,
          e.data.status,
          e.data.amountPence,
          e.data.requestedBy,
        ]),
      ).toEqual([
        ['ola', 'awaiting-approval', 400, 'ola'],
        ['lee', 'returned-for-update', 400, 'ola'],
        ['ola', 'awaiting-approval', 500, 'ola'],
        ['tom', 'rejected', 500, 'ola'],
      ]);
      expect(await published('refund-status-changed', refund.id)).toEqual([]);
    });
  });
});
