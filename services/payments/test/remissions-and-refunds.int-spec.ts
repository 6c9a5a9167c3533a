import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  claimAmountRecordedV1,
  financialRemedyAgreedV1,
  fineAccountsConsolidatedV1,
  formatAccountNumber,
  suspenseRefundRequestedV1,
} from '@ccsc/contracts';
import { londonLocalDate } from '@ccsc/calendar';
import { bearer, commandEventCount, eventually, waitForLockWaiters } from '@ccsc/testing';
import { announceCase, outboxOf, publish, registerFineAccount, startPaymentsApp } from './payments-app';

// Every Help with Fees application is picked for an evidence check here, so both paths show.
describe('fees register, Help with Fees, refunds and complaint remedies', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;
  let fay: string;
  let sam: string;
  let leader: string;
  let citizen: string;
  let solicitor: string;
  let otherFirm: string;

  beforeAll(async () => {
    ({ app, db, close } = await startPaymentsApp({ HWF_EVIDENCE_CHECK_PERCENT: '100' }));
    [fay, sam, leader, citizen, solicitor, otherFirm] = await Promise.all([
      bearer('finance-officer', { sub: 'fay' }),
      bearer('finance-officer', { sub: 'sam' }),
      bearer('team-leader', { sub: 'lee' }),
      bearer('citizen', { sub: 'citizen-cat' }),
      bearer('professional', { org: 'org-a', sub: 'sol-a' }),
      bearer('professional', { org: 'org-b', sub: 'sol-b' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const graphql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    http().post('/graphql').set('Authorization', who).send({ query, variables });
  /** The refusal's extensions.code; the GraphQL answer of every refusal below is checked against REST's status for it. */
  const codeOf = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) =>
    res.body.errors?.[0]?.extensions?.code;
  const serviceRequest = async (caseId: string) =>
    (await http().get(`/api/v1/payments/cases/${caseId}/service-request`).set('Authorization', fay).expect(200)).body;
  /** A case whose £1.50 fee was paid with £10 banked by fay quoting the case and verified by sam: £8.50 overpaid. */
  const overpaidCase = async (method: 'cash' | 'cheque' = 'cash') => {
    const { caseId, reference } = await announceCase(db, { feesDue: ['FEE0003'] });
    const banked = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', fay)
      .send({ method, amountPence: 1_000, caseReference: reference })
      .expect(201);
    const allocationId = banked.body.allocations[0].id as string;
    await http()
      .post(`/api/v1/payments/allocations/${allocationId}/verification`)
      .set('Authorization', sam)
      .send({ approve: true })
      .expect(200);
    return { caseId, reference, paymentId: banked.body.id as string, allocationId };
  };

  /** A complaint's remedy refunding `amountPence` of the case's fees, agreed by sam: its first announcement. */
  const remedyRaised = async (caseId: string, amountPence: number) => {
    const complaintId = randomUUID();
    const remedyId = randomUUID();
    await publish(financialRemedyAgreedV1, complaintId, {
      complaintId,
      remedyId,
      kind: 'refund',
      amountPence,
      caseId,
      agreedBy: 'sam',
    });
    return eventually(async () => {
      const [event] = (await outboxOf(db, 'payments.refund-status-changed.v2')).filter((e) => e.remedyId === remedyId);
      expect(event).toBeDefined();
      return event!;
    });
  };
  /** fay asks for a refund of `amountPence` of the case's overpayment. */
  const askRefund = (caseId: string, amountPence: number) =>
    http()
      .post('/api/v1/payments/refunds')
      .set('Authorization', fay)
      .send({ caseId, amountPence, reason: 'overpayment' });
  /** A citizen's Help with Fees application for a claim's issue fee, charged at its £35 minimum. */
  const applyForIssueFee = async (monthlyIncomePence: number) => {
    const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0202'] });
    const applicant = { monthlyIncomePence, couple: false, childrenAges: [], savingsPence: 0, age: 30 };
    const applied = await http()
      .post('/api/v1/payments/help-with-fees/applications')
      .set('Authorization', citizen)
      .send({ caseId, feeCode: 'FEE0202', applicant })
      .expect(201);
    return { caseId, applied };
  };
  /** The application once it is waiting for staff (an event reassessed it). */
  const awaitingStaff = (id: string) =>
    eventually(async () => {
      const page = await http()
        .get('/api/v1/payments/help-with-fees/applications/awaiting-staff?limit=100')
        .set('Authorization', fay)
        .expect(200);
      const found = (page.body.items as { id: string }[]).find((a) => a.id === id);
      expect(found).toBeDefined();
      return found;
    });

  it('looks fees up by service, jurisdiction, channel and event, and prices ranged ones by claim amount', async () => {
    const found = await http()
      .get('/api/v1/payments/fees')
      .query({ service: 'civil-money-claims', jurisdiction: 'civil', event: 'issue', claimAmountPence: 400_000 })
      .set('Authorization', citizen)
      .expect(200);
    expect(
      found.body.map((q: { fee: { code: string }; amountPence: number; basis: string }) => [
        q.fee.code,
        q.amountPence,
        q.basis,
      ]),
    ).toEqual([
      ['FEE0202', 20_500, 'claim-amount'],
      ['FEE0205', 45_500, 'claim-amount'],
    ]);
    const online = await http()
      .get('/api/v1/payments/fees')
      .query({ service: 'immigration-appeals', jurisdiction: 'tribunal', event: 'appeal', channel: 'online' })
      .set('Authorization', citizen)
      .expect(200);
    expect(online.body.map((q: { fee: { code: string } }) => q.fee.code)).toEqual(['FEE0238', 'FEE0239']);
    const old = await http()
      .get('/api/v1/payments/fees')
      .query({ service: 'divorce', jurisdiction: 'family', event: 'issue', on: '2023-06-01' })
      .set('Authorization', citizen)
      .expect(200);
    expect(old.body).toEqual([
      expect.objectContaining({ amountPence: 59_300, fee: expect.objectContaining({ version: 1 }) }),
    ]);
    const bad = await http()
      .get('/api/v1/payments/fees')
      .query({ service: 'divorce', jurisdiction: 'family', event: 'party' })
      .set('Authorization', citizen)
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'event' })]);
  });

  it('puts a new fee version in force only once a second person approves it', async () => {
    // Never in the past: what was charged then was charged at the fee in force then.
    const backdated = await http()
      .post('/api/v1/payments/fees/FEE0440/versions')
      .set('Authorization', fay)
      .send({ amount: { type: 'flat', amountPence: 100 }, validFrom: '2022-01-01' })
      .expect(400);
    expect(backdated.body.errors).toContainEqual({
      field: 'validFrom',
      message: expect.stringMatching(/^must be today/),
    });
    const today = londonLocalDate(new Date());
    const proposed = await http()
      .post('/api/v1/payments/fees/FEE0440/versions')
      .set('Authorization', fay)
      .send({ amount: { type: 'flat', amountPence: 9_200 }, validFrom: today })
      .expect(201);
    expect(proposed.body).toMatchObject({ version: 2, status: 'pending-approval' });
    // A version is a whole number in decimal digits, within what the register holds: anything else is refused.
    for (const version of ['2147483648', '99999999999999999999', '0x2', '2e0', '+2', '2.0', '0'])
      await http()
        .post(`/api/v1/payments/fees/FEE0440/versions/${version}/decision`)
        .set('Authorization', sam)
        .send({ approve: false })
        .expect(400);
    await http()
      .post('/api/v1/payments/fees/FEE0440/versions')
      .set('Authorization', sam)
      .send({ amount: { type: 'flat', amountPence: 9_300 }, validFrom: '2026-02-01' })
      .expect(409);
    await http()
      .post('/api/v1/payments/fees/FEE0440/versions')
      .set('Authorization', citizen)
      .send({ amount: { type: 'flat', amountPence: 1 }, validFrom: '2026-02-01' })
      .expect(403);
    await http()
      .post('/api/v1/payments/fees/FEE0440/versions/2/decision')
      .set('Authorization', fay)
      .send({ approve: true })
      .expect(409);
    await http()
      .post('/api/v1/payments/fees/FEE0440/versions/2/decision')
      .set('Authorization', sam)
      .send({ approve: true })
      .expect(200);
    const versions = (await http().get('/api/v1/payments/fees/FEE0440/versions').set('Authorization', fay).expect(200))
      .body;
    expect(
      versions.map((v: { version: number; validTo: string | null; status: string }) => [
        v.version,
        v.validTo,
        v.status,
      ]),
    ).toEqual([
      [1, today, 'approved'],
      [2, null, 'approved'],
    ]);
    const { caseId } = await announceCase(db, { feesDue: ['FEE0440'] });
    expect((await serviceRequest(caseId)).feesPence).toBe(9_200);
  });

  it('remits a fee after a passed evidence check, and tells cases the fee is remitted', async () => {
    const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0002'] });
    const applicant = { monthlyIncomePence: 100_000, couple: false, childrenAges: [4], savingsPence: 0, age: 30 };
    const applied = await http()
      .post('/api/v1/payments/help-with-fees/applications')
      .set('Authorization', citizen)
      .send({ caseId, feeCode: 'FEE0002', applicant })
      .expect(201);
    expect(applied.body).toMatchObject({ outcome: 'full', remittedPence: 61_200, status: 'awaiting-evidence' });
    expect((await serviceRequest(caseId)).outstandingPence).toBe(61_200);
    await http()
      .post('/api/v1/payments/help-with-fees/applications')
      .set('Authorization', citizen)
      .send({ caseId, feeCode: 'FEE0002', applicant })
      .expect(409);

    await http()
      .post(`/api/v1/payments/help-with-fees/applications/${applied.body.id}/evidence-check`)
      .set('Authorization', fay)
      .send({ passed: true })
      .expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', remittedPence: 61_200, outstandingPence: 0 });
    expect((await outboxOf(db, 'payments.fees-settled.v1')).filter((e) => e.caseId === caseId)).toEqual([
      { caseId, feeCodes: ['FEE0002'], settlement: 'remitted' },
    ]);
  });

  it('assesses a Help with Fees application again when its fee is repriced for the claim amount', async () => {
    // £1,520 a month, single: £50 a month of contribution. Against the issue fee at its £35 minimum that
    // is all of it (no remission); against the £205 the £4,000 claim is priced at, £155 is remitted.
    const { caseId, applied } = await applyForIssueFee(152_000);
    expect(applied.body).toMatchObject({ outcome: 'none', feePence: 3_500, remittedPence: 0, status: 'decided' });

    await publish(claimAmountRecordedV1, caseId, { caseId, claimAmountPence: 400_000 });
    const waiting = await awaitingStaff(applied.body.id);
    // Every application is sampled for evidence here; the new remission waits for a second person.
    expect(waiting).toMatchObject({
      outcome: 'part',
      feePence: 20_500,
      contributionPence: 5_000,
      remittedPence: 15_500,
      status: 'awaiting-evidence',
    });
    expect((await serviceRequest(caseId)).outstandingPence).toBe(20_500);
    await http()
      .post(`/api/v1/payments/help-with-fees/applications/${applied.body.id}/evidence-check`)
      .set('Authorization', fay)
      .send({ passed: true })
      .expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 15_500, outstandingPence: 5_000 });
  });

  it('sends a granted remission back to staff for the increase when its fee is repriced, and remits only that', async () => {
    // Income under the threshold: all of any fee is remitted. Granted against the £35 minimum first.
    const { caseId, applied } = await applyForIssueFee(100_000);
    await http()
      .post(`/api/v1/payments/help-with-fees/applications/${applied.body.id}/evidence-check`)
      .set('Authorization', fay)
      .send({ passed: true })
      .expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 3_500, outstandingPence: 0 });

    await publish(claimAmountRecordedV1, caseId, { caseId, claimAmountPence: 400_000 });
    expect(await awaitingStaff(applied.body.id)).toMatchObject({
      outcome: 'full',
      feePence: 20_500,
      remittedPence: 20_500,
      status: 'awaiting-decision',
    });
    expect((await serviceRequest(caseId)).outstandingPence).toBe(17_000);
    await http()
      .post(`/api/v1/payments/help-with-fees/applications/${applied.body.id}/decision`)
      .set('Authorization', sam)
      .send({ grant: true })
      .expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 20_500, outstandingPence: 0 });

    // Priced below what was remitted, the fee would forgive more than it charges: refused, nothing changed.
    const { fees } = await serviceRequest(caseId);
    const refused = await http()
      .post(`/api/v1/payments/cases/${caseId}/service-request/fees/${fees[0].id}/claim-amount`)
      .set('Authorization', fay)
      .send({ claimAmountPence: 100 })
      .expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 20_500, outstandingPence: 0 });
    expect((await serviceRequest(caseId)).fees[0]).toMatchObject({ amountPence: 20_500 });
  });

  it('remits no more than is left of a fee when a waiver came in while the evidence was checked', async () => {
    const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0002'] });
    const applicant = { monthlyIncomePence: 100_000, couple: false, childrenAges: [4], savingsPence: 0, age: 30 };
    const applied = await http()
      .post('/api/v1/payments/help-with-fees/applications')
      .set('Authorization', citizen)
      .send({ caseId, feeCode: 'FEE0002', applicant })
      .expect(201);
    expect(applied.body).toMatchObject({ remittedPence: 61_200, status: 'awaiting-evidence' });
    const complaintId = randomUUID();
    const remedyId = randomUUID();
    await publish(financialRemedyAgreedV1, complaintId, {
      complaintId,
      remedyId,
      kind: 'fee-waiver',
      amountPence: 20_000,
      caseId,
      feeCode: 'FEE0002',
      agreedBy: 'lee',
    });
    const waiver = await eventually(async () => {
      const queue = (
        await http().get('/api/v1/payments/fee-waivers/awaiting-approval').set('Authorization', fay).expect(200)
      ).body;
      const found = queue.items.find((w: { remedyId: string }) => w.remedyId === remedyId);
      expect(found).toMatchObject({
        caseId,
        feeCode: 'FEE0002',
        amountPence: 20_000,
        requestedBy: 'lee',
        status: 'awaiting-approval',
      });
      return found as { id: string };
    });
    await http()
      .post(`/api/v1/payments/fee-waivers/${waiver.id}/decision`)
      .set('Authorization', fay)
      .send({ approve: true })
      .expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 20_000 });

    await http()
      .post(`/api/v1/payments/help-with-fees/applications/${applied.body.id}/evidence-check`)
      .set('Authorization', fay)
      .send({ passed: true })
      .expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({
      status: 'paid',
      remittedPence: 61_200,
      outstandingPence: 0,
      overpaymentPence: 0,
    });
  });

  it('decides no remission for income far above the threshold, and applies nothing', async () => {
    const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0226'] });
    const applied = await http()
      .post('/api/v1/payments/help-with-fees/applications')
      .set('Authorization', citizen)
      .send({
        caseId,
        feeCode: 'FEE0226',
        applicant: { monthlyIncomePence: 600_000, couple: true, childrenAges: [], savingsPence: 0, age: 50 },
      })
      .expect(201);
    expect(applied.body).toMatchObject({ outcome: 'none', remittedPence: 0, status: 'decided' });
    expect((await serviceRequest(caseId)).remittedPence).toBe(0);
  });

  it('refunds only an overpayment, approved by someone else, after a return for update', async () => {
    const { caseId } = await overpaidCase();
    expect((await serviceRequest(caseId)).overpaymentPence).toBe(850);
    await askRefund(caseId, 851).expect(409);
    const asked = await askRefund(caseId, 900).expect(409);
    expect(asked.body.detail).toMatch(/At most 850 pence/);
    const refund = await askRefund(caseId, 800).expect(201);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
      .set('Authorization', fay)
      .send({ decision: 'approve' })
      .expect(409);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'return', note: 'refund the whole overpayment' })
      .expect(200);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/resubmission`)
      .set('Authorization', sam)
      .send({ amountPence: 850 })
      .expect(409);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/resubmission`)
      .set('Authorization', fay)
      .send({ amountPence: 850 })
      .expect(200);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(200);
    await http().post(`/api/v1/payments/refunds/${refund.body.id}/payment`).set('Authorization', fay).expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', paidPence: 150, overpaymentPence: 0 });
    // Each names its proposer, whoever made the change.
    expect(
      (await outboxOf(db, 'payments.refund-status-changed.v2'))
        .filter((e) => e.refundId === refund.body.id)
        .map((e) => [e.status, e.requestedBy]),
    ).toEqual([
      ['awaiting-approval', 'fay'],
      ['returned-for-update', 'fay'],
      ['awaiting-approval', 'fay'],
      ['approved', 'fay'],
      ['paid', 'fay'],
    ]);
  });

  it('raises complaint remedies for approval by someone other than the officer who agreed them: a consolatory payment, and a fee waiver', async () => {
    const complaintId = randomUUID();
    const remedyId = randomUUID();
    await publish(financialRemedyAgreedV1, complaintId, {
      complaintId,
      remedyId,
      kind: 'consolatory-payment',
      amountPence: 5_000,
      agreedBy: 'sam',
    });
    const raised = await eventually(async () => {
      const events = (await outboxOf(db, 'payments.refund-status-changed.v2')).filter((e) => e.remedyId === remedyId);
      expect(events).toHaveLength(1);
      return events[0]!;
    });
    // Raised by a consumer (its actor is the system), it names the officer who agreed the remedy as its proposer.
    expect(raised).toMatchObject({
      status: 'awaiting-approval',
      kind: 'consolatory-payment',
      amountPence: 5_000,
      complaintId,
      requestedBy: 'sam',
    });
    const queue = (
      await http().get('/api/v1/payments/refunds/awaiting-approval').set('Authorization', leader).expect(200)
    ).body;
    expect(queue.items).toContainEqual(
      expect.objectContaining({ id: raised.refundId, remedyId, requestedBy: 'sam', reason: 'complaint-remedy' }),
    );
    await http()
      .post(`/api/v1/payments/refunds/${String(raised.refundId)}/decision`)
      .set('Authorization', sam)
      .send({ decision: 'approve' })
      .expect(409);
    await http()
      .post(`/api/v1/payments/refunds/${String(raised.refundId)}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(200);

    // A remedy that names no officer (published before remedies carried one) is approved by nobody
    // until an officer takes it on; whoever then sets its amount is its proposer, so someone else approves it.
    const otherRemedyId = randomUUID();
    await publish(financialRemedyAgreedV1, complaintId, {
      complaintId,
      remedyId: otherRemedyId,
      kind: 'consolatory-payment',
      amountPence: 2_500,
    });
    const other = await eventually(async () => {
      const events = (await outboxOf(db, 'payments.refund-status-changed.v2')).filter(
        (e) => e.remedyId === otherRemedyId,
      );
      expect(events).toHaveLength(1);
      return String(events[0]!.refundId);
    });
    await http()
      .post(`/api/v1/payments/refunds/${other}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(409);
    await http()
      .post(`/api/v1/payments/refunds/${other}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'return' })
      .expect(200);
    await http()
      .post(`/api/v1/payments/refunds/${other}/resubmission`)
      .set('Authorization', fay)
      .send({ amountPence: 2_000 })
      .expect(200);
    await http()
      .post(`/api/v1/payments/refunds/${other}/decision`)
      .set('Authorization', fay)
      .send({ decision: 'approve' })
      .expect(409);
    await http()
      .post(`/api/v1/payments/refunds/${other}/decision`)
      .set('Authorization', sam)
      .send({ decision: 'reject' })
      .expect(200);
    // Its events name no officer as its proposer until fay took it on.
    expect(
      (await outboxOf(db, 'payments.refund-status-changed.v2'))
        .filter((e) => e.remedyId === otherRemedyId)
        .map((e) => [e.status, e.requestedBy]),
    ).toEqual([
      ['awaiting-approval', 'system'],
      ['returned-for-update', 'system'],
      ['awaiting-approval', 'fay'],
      ['rejected', 'fay'],
    ]);

    const { caseId } = await announceCase(db, { feesDue: ['FEE0209'] });
    const waiverId = randomUUID();
    await publish(financialRemedyAgreedV1, complaintId, {
      complaintId,
      remedyId: waiverId,
      kind: 'fee-waiver',
      amountPence: 16_300,
      caseId,
      feeCode: 'FEE0209',
      agreedBy: 'lee',
    });
    const waiver = await eventually(async () => {
      const [row] = (await db.query(`SELECT id FROM fee_waivers WHERE remedy_id = $1`, [waiverId])) as { id: string }[];
      expect(row).toBeDefined();
      return row!.id;
    });
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'not-paid', remittedPence: 0 });
    await http()
      .post(`/api/v1/payments/fee-waivers/${waiver}/decision`)
      .set('Authorization', leader)
      .send({ approve: true })
      .expect(409);
    const approved = await http()
      .post(`/api/v1/payments/fee-waivers/${waiver}/decision`)
      .set('Authorization', fay)
      .send({ approve: true })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      requestedBy: 'lee',
      decidedBy: 'fay',
      remittedPence: 16_300,
    });
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', remittedPence: 16_300 });
    expect((await outboxOf(db, 'payments.fee-waiver-decided.v1')).filter((e) => e.remedyId === waiverId)).toEqual([
      { waiverId: waiver, caseId, decision: 'approved', remittedPence: 16_300, remedyId: waiverId },
    ]);

    // A waiver of a fee the case does not owe, or of more than is left of it, is rejected as it arrives (not
    // dead-lettered), and the complaint is told: no waiver waits for an approval it could never have.
    for (const [feeCode, amountPence] of [
      ['FEE0221', 5_000],
      ['FEE0209', 1],
    ] as const) {
      const remedyId = randomUUID();
      await publish(financialRemedyAgreedV1, complaintId, {
        complaintId,
        remedyId,
        kind: 'fee-waiver',
        amountPence,
        caseId,
        feeCode,
        agreedBy: 'lee',
      });
      await eventually(async () =>
        expect((await outboxOf(db, 'payments.fee-waiver-decided.v1')).filter((e) => e.remedyId === remedyId)).toEqual([
          { waiverId: expect.any(String), caseId, decision: 'rejected', remedyId },
        ]),
      );
      expect(await db.query(`SELECT id FROM fee_waivers WHERE remedy_id = $1`, [remedyId])).toEqual([]);
    }
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 16_300 });
  });

  it("reports the day's takings by method and allocations by business area from the ledger", async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const report = (
      await http().get('/api/v1/payments/reconciliation').query({ date: today }).set('Authorization', fay).expect(200)
    ).body;
    // The cash overpayment went back by bank transfer, as did the consolatory payment.
    expect(report.byMethod).toEqual([
      { key: 'bank-transfer', netPence: -850 - 5_000, entries: 2 },
      { key: 'cash', netPence: 1_000, entries: 1 },
    ]);
    expect(report.byBusinessArea).toContainEqual({ key: 'probate', netPence: 1_000, entries: 1 });
    await http()
      .get('/api/v1/payments/reconciliation')
      .query({ date: 'yesterday' })
      .set('Authorization', fay)
      .expect(400);
    await http()
      .get('/api/v1/payments/reconciliation')
      .query({ date: today })
      .set('Authorization', citizen)
      .expect(403);
  });

  // After the day's takings above, which count every movement of money in this file until then.
  it('gives no money back twice: a remedy, an overpayment refund and a transfer out share what was paid', async () => {
    // A remedy gives back all £10 paid: nothing is left to refund as an overpayment.
    const remedied = await overpaidCase();
    const remedy = await remedyRaised(remedied.caseId, 1_000);
    expect(remedy.status).toBe('awaiting-approval');
    await http()
      .post(`/api/v1/payments/refunds/${String(remedy.refundId)}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(200);
    expect((await askRefund(remedied.caseId, 850).expect(409)).body.detail).toMatch(/At most 0 pence/);
    // A second remedy beyond what was paid is refused as it arrives, not left to block the first.
    const beyond = await remedyRaised(remedied.caseId, 500);
    expect(beyond.status).toBe('rejected');

    // The other way round: the overpayment refunded first leaves £1.50 for a remedy.
    const refundedFirst = await overpaidCase();
    const overpayment = await askRefund(refundedFirst.caseId, 850).expect(201);
    expect((await remedyRaised(refundedFirst.caseId, 1_000)).status).toBe('rejected');
    expect((await remedyRaised(refundedFirst.caseId, 150)).status).toBe('awaiting-approval');
    await http()
      .post(`/api/v1/payments/refunds/${overpayment.body.id}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(200);

    // Money a transfer awaiting its second officer would move elsewhere is not the case's to refund.
    const moving = await overpaidCase();
    const transfer = await http()
      .post(`/api/v1/payments/allocations/${moving.allocationId}/transfers`)
      .set('Authorization', fay)
      .send({ target: 'unidentified', reason: 'not this case' })
      .expect(201);
    expect((await askRefund(moving.caseId, 100).expect(409)).body.detail).toMatch(/At most 0 pence/);
    await http()
      .post(`/api/v1/payments/allocations/${transfer.body.id}/verification`)
      .set('Authorization', sam)
      .send({ approve: false })
      .expect(200);
    await askRefund(moving.caseId, 850).expect(201);
  });

  it('gives an overpayment back to the payer whose money it is, one payer per refund, never more than they paid', async () => {
    // Three payers into one £1.50 fee, £6 each: £16.50 overpaid.
    const { caseId, reference } = await announceCase(db, { feesDue: ['FEE0003'] });
    const pay = async () => {
      const banked = await http()
        .post('/api/v1/payments/bulk-scan-payments')
        .set('Authorization', fay)
        .send({ method: 'cheque', amountPence: 600, caseReference: reference })
        .expect(201);
      await http()
        .post(`/api/v1/payments/allocations/${banked.body.allocations[0].id}/verification`)
        .set('Authorization', sam)
        .send({ approve: true })
        .expect(200);
      return banked.body.id as string;
    };
    const [, second, third] = [await pay(), await pay(), await pay()];
    const approve = async (amountPence: number) => {
      const asked = await askRefund(caseId, amountPence).expect(201);
      return http()
        .post(`/api/v1/payments/refunds/${asked.body.id}/decision`)
        .set('Authorization', leader)
        .send({ decision: 'approve' })
        .then((res) => ({
          status: res.status,
          body: res.body as { detail?: string },
          refundId: asked.body.id as string,
        }));
    };
    const paidBackTo = async (refundId: string) =>
      ((await db.query(`SELECT paid_back_to FROM refunds WHERE id = $1`, [refundId])) as { paid_back_to: string }[])[0]
        ?.paid_back_to;
    // More than either payer paid: refused, and nothing leaves.
    const ledger = await db.query(`SELECT count(*)::int AS n FROM ledger_entries`);
    const whole = await approve(1_650);
    expect(whole.status).toBe(409);
    expect(whole.body.detail).toMatch(/^No one payment into the case holds 1650 pence to give back/);
    expect(await db.query(`SELECT count(*)::int AS n FROM ledger_entries`)).toEqual(ledger);
    await http()
      .post(`/api/v1/payments/refunds/${whole.refundId}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'reject' })
      .expect(200);
    // In parts: the newest payer's money first, then the other's, each to its own payer.
    const newest = await approve(600);
    expect(newest.status).toBe(200);
    expect(await paidBackTo(newest.refundId)).toBe(third);
    const older = await approve(450);
    expect(older.status).toBe(200);
    expect(await paidBackTo(older.refundId)).toBe(second);

    // What went back to a payment does not also move to another case: its payer would have it twice.
    const [newestAllocation] = (await db.query(`SELECT id FROM allocations WHERE payment_id = $1`, [third])) as {
      id: string;
    }[];
    const moved = await http()
      .post(`/api/v1/payments/allocations/${newestAllocation!.id}/transfers`)
      .set('Authorization', fay)
      .send({ target: 'unidentified', reason: 'not this case' })
      .expect(409);
    expect(moved.body.detail).toBe(
      'Only 0 pence of this payment is still in the case: the rest was given back to its payer',
    );
    // A payment taken back takes back the refund approved to go back to it, not yet paid out.
    await http()
      .post(`/api/v1/payments/payments/${second}/reversals`)
      .set('Authorization', fay)
      .send({ reason: 'bounced' })
      .expect(201);
    const [withdrawn] = (await db.query(`SELECT status FROM refunds WHERE id = $1`, [older.refundId])) as {
      status: string;
    }[];
    expect(withdrawn).toEqual({ status: 'rejected' });
  });

  it('withdraws an approved refund not yet paid out when the cheque it came from bounces, giving the money back to the case', async () => {
    const { caseId, paymentId: chequeId } = await overpaidCase('cheque');
    const refund = await askRefund(caseId, 850).expect(201);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(200);
    await http()
      .post(`/api/v1/payments/payments/${chequeId}/reversals`)
      .set('Authorization', fay)
      .send({ reason: 'bounced' })
      .expect(201);
    // In the reversal's own transaction: the approval is undone on the ledger and announced, so nothing is paid out.
    expect(await db.query(`SELECT status, note FROM refunds WHERE id = $1`, [refund.body.id])).toEqual([
      { status: 'rejected', note: expect.stringMatching(/bounced/) },
    ]);
    expect(
      (await outboxOf(db, 'payments.refund-status-changed.v2'))
        .filter((e) => e.refundId === refund.body.id)
        .map((e) => e.status),
    ).toEqual(['awaiting-approval', 'approved', 'rejected']);
    expect(await serviceRequest(caseId)).toMatchObject({ paidPence: 0, outstandingPence: 150, unrecoveredPence: 0 });
    // Undone entry for entry: every account the approval touched (the case, and the way it would have gone back) nets to 0.
    const byAccount = (await db.query(
      `SELECT account, sum(amount_pence)::int AS net FROM ledger_entries WHERE refund_id = $1 GROUP BY account`,
      [refund.body.id],
    )) as { account: string; net: number }[];
    expect(byAccount.length).toBeGreaterThan(0);
    expect(byAccount.every((r) => r.net === 0)).toBe(true);
    const refused = await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/payment`)
      .set('Authorization', sam)
      .expect(409);
    expect(refused.body.detail).toMatch(/rejected/);
  });

  it('extends Case through _entities with its service request and payments, for those who may see the case only', async () => {
    const [a, b] = await Promise.all([
      announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0002'] }),
      announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0226'] }),
    ]);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id serviceRequest { status outstandingPence fees { code } } payments { amountPence } } } }`;
    const variables = { r: [a, b].map((c) => ({ __typename: 'Case', id: c.caseId })) };
    const mine = await http().post('/graphql').set('Authorization', solicitor).send({ query, variables });
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data._entities).toEqual([
      {
        id: a.caseId,
        serviceRequest: { status: 'not-paid', outstandingPence: 61_200, fees: [{ code: 'FEE0002' }] },
        payments: [],
      },
      {
        id: b.caseId,
        serviceRequest: { status: 'not-paid', outstandingPence: 30_000, fees: [{ code: 'FEE0226' }] },
        payments: [],
      },
    ]);
    const theirs = await http().post('/graphql').set('Authorization', otherFirm).send({ query, variables }).expect(200);
    expect(theirs.body.data._entities).toEqual([
      { id: a.caseId, serviceRequest: null, payments: [] },
      { id: b.caseId, serviceRequest: null, payments: [] },
    ]);
    await http().post('/graphql').send({ query, variables }).expect(401);
  });

  it('resolves the service requests of 50 cases with as few queries as those of one', async () => {
    const cases = await Promise.all(
      Array.from({ length: 50 }, () => announceCase(db, { organisations: ['org-a'], feesDue: ['FEE0003'] })),
    );
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { serviceRequest { outstandingPence } payments { id } } } }`;
    const count = async (ids: string[]) => {
      const spy = jest.spyOn(db.manager, 'query');
      try {
        const res = await http()
          .post('/graphql')
          .set('Authorization', solicitor)
          .send({ query, variables: { r: ids.map((id) => ({ __typename: 'Case', id })) } });
        expect(res.body.data._entities).toHaveLength(ids.length);
        expect(
          res.body.data._entities.every(
            (e: { serviceRequest: { outstandingPence: number } }) => e.serviceRequest.outstandingPence === 150,
          ),
        ).toBe(true);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const one = await count([cases[0]!.caseId]);
    expect(one).toBeGreaterThan(0);
    expect(await count(cases.map((c) => c.caseId))).toBe(one);
  });

  // The tests below run after the day's reconciliation above, so the money they move is not in its figures.

  it('keeps the fees register over GraphQL: a version proposed by one person is decided by another', async () => {
    const propose = `mutation($c: String!, $i: ProposeFeeVersionInput!) { proposeFeeVersion(code: $c, input: $i) {
      code version status amountType amountRule validFrom } }`;
    const amount = {
      type: 'banded',
      bands: [
        { upToPence: 100_000, amountPence: 5_000 },
        { upToPence: null, basisPoints: 500 },
      ],
    };
    const proposed = await graphql(fay, propose, {
      c: 'FEE0228',
      i: { amount, validFrom: '2033-04-01', description: null },
    });
    expect(proposed.body.data.proposeFeeVersion).toMatchObject({
      code: 'FEE0228',
      version: 2,
      status: 'pending-approval',
      amountType: 'banded',
      validFrom: '2033-04-01',
    });
    expect(JSON.parse(proposed.body.data.proposeFeeVersion.amountRule)).toEqual({
      type: 'banded',
      bands: [
        { upToPence: 100_000, amountPence: 5_000 },
        { upToPence: null, basisPoints: 500 },
      ],
    });
    const again = { amount: { type: 'flat', amountPence: 1 }, validFrom: '2033-05-01' };
    expect(codeOf(await graphql(sam, propose, { c: 'FEE0228', i: again }))).toBe('CONFLICT');
    await http().post('/api/v1/payments/fees/FEE0228/versions').set('Authorization', sam).send(again).expect(409);
    const incomplete = { amount: { type: 'flat' }, validFrom: '2033-05-01' };
    expect(codeOf(await graphql(sam, propose, { c: 'FEE0229', i: incomplete }))).toBe('BAD_USER_INPUT');
    await http().post('/api/v1/payments/fees/FEE0229/versions').set('Authorization', sam).send(incomplete).expect(400);
    expect(codeOf(await graphql(citizen, propose, { c: 'FEE0229', i: again }))).toBe('FORBIDDEN');

    const decide = `mutation($v: Int!, $i: FeeVersionDecisionInput!) { decideFeeVersion(code: "FEE0228", version: $v, input: $i) { status } }`;
    expect(codeOf(await graphql(fay, decide, { v: 2, i: { approve: true } }))).toBe('CONFLICT');
    await http()
      .post('/api/v1/payments/fees/FEE0228/versions/2/decision')
      .set('Authorization', fay)
      .send({ approve: true })
      .expect(409);
    expect((await graphql(sam, decide, { v: 2, i: { approve: true } })).body.data.decideFeeVersion).toEqual({
      status: 'approved',
    });
    expect(codeOf(await graphql(sam, decide, { v: 9, i: { approve: true } }))).toBe('NOT_FOUND');
    await http()
      .post('/api/v1/payments/fees/FEE0228/versions/9/decision')
      .set('Authorization', sam)
      .send({ approve: true })
      .expect(404);
  });

  it('assesses, takes and decides Help with Fees over GraphQL as REST does', async () => {
    const applicant = { monthlyIncomePence: 100_000, couple: false, childrenAges: [4], savingsPence: 0, age: 30 };
    const assess = `query($i: HelpWithFeesAssessmentInput!) { helpWithFeesAssessment(input: $i) { outcome remittedPence reason } }`;
    const assessed = await graphql(citizen, assess, { i: { ...applicant, feePence: 61_200 } });
    expect(assessed.body.data.helpWithFeesAssessment).toEqual({
      outcome: 'full',
      remittedPence: 61_200,
      reason: 'income-assessed',
    });
    const rest = await http()
      .post('/api/v1/payments/help-with-fees/assessments')
      .set('Authorization', citizen)
      .send({ ...applicant, feePence: 61_200 })
      .expect(200);
    expect(rest.body).toMatchObject(assessed.body.data.helpWithFeesAssessment);
    const tooYoung = { ...applicant, age: 15, feePence: 61_200 };
    expect(codeOf(await graphql(citizen, assess, { i: tooYoung }))).toBe('BAD_USER_INPUT');
    await http()
      .post('/api/v1/payments/help-with-fees/assessments')
      .set('Authorization', citizen)
      .send(tooYoung)
      .expect(400);

    const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0002'] });
    const apply = `mutation($i: HelpWithFeesApplicationInput!) { applyForHelpWithFees(input: $i) { id caseId outcome remittedPence status } }`;
    const applied = await graphql(citizen, apply, { i: { caseId, feeCode: 'FEE0002', applicant } });
    expect(applied.body.data.applyForHelpWithFees).toMatchObject({
      caseId,
      outcome: 'full',
      remittedPence: 61_200,
      status: 'awaiting-evidence',
    });
    expect(codeOf(await graphql(citizen, apply, { i: { caseId, feeCode: 'FEE0002', applicant } }))).toBe('CONFLICT');
    await http()
      .post('/api/v1/payments/help-with-fees/applications')
      .set('Authorization', citizen)
      .send({ caseId, feeCode: 'FEE0002', applicant })
      .expect(409);
    const id = applied.body.data.applyForHelpWithFees.id as string;

    const decide = `mutation($a: ID!, $i: HelpWithFeesDecisionInput!) { decideHelpWithFees(applicationId: $a, input: $i) { status } }`;
    expect(codeOf(await graphql(fay, decide, { a: id, i: { grant: true } }))).toBe('CONFLICT');
    await http()
      .post(`/api/v1/payments/help-with-fees/applications/${id}/decision`)
      .set('Authorization', fay)
      .send({ grant: true })
      .expect(409);
    const check = `mutation($a: ID!, $i: HelpWithFeesEvidenceCheckInput!) { recordHelpWithFeesEvidenceCheck(applicationId: $a, input: $i) { status remittedPence } }`;
    expect(codeOf(await graphql(citizen, check, { a: id, i: { passed: true } }))).toBe('FORBIDDEN');
    await http()
      .post(`/api/v1/payments/help-with-fees/applications/${id}/evidence-check`)
      .set('Authorization', citizen)
      .send({ passed: true })
      .expect(403);
    const checked = await graphql(fay, check, { a: id, i: { passed: true } });
    expect(checked.body.data.recordHelpWithFeesEvidenceCheck).toEqual({ status: 'decided', remittedPence: 61_200 });
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', remittedPence: 61_200 });
  });

  it("decides a complaint remedy's fee waiver over GraphQL, never by the officer who agreed it", async () => {
    const { caseId } = await announceCase(db, { feesDue: ['FEE0209'] });
    const complaintId = randomUUID();
    const remedyId = randomUUID();
    await publish(financialRemedyAgreedV1, complaintId, {
      complaintId,
      remedyId,
      kind: 'fee-waiver',
      amountPence: 16_300,
      caseId,
      feeCode: 'FEE0209',
      agreedBy: 'lee',
    });
    const waiver = await eventually(async () => {
      const [row] = (await db.query(`SELECT id FROM fee_waivers WHERE remedy_id = $1`, [remedyId])) as { id: string }[];
      expect(row).toBeDefined();
      return row!.id;
    });
    const decide = `mutation($w: ID!, $i: FeeWaiverDecisionInput!) { decideFeeWaiver(feeWaiverId: $w, input: $i) {
      status requestedBy decidedBy remittedPence } }`;
    expect(codeOf(await graphql(leader, decide, { w: waiver, i: { approve: true } }))).toBe('CONFLICT');
    await http()
      .post(`/api/v1/payments/fee-waivers/${waiver}/decision`)
      .set('Authorization', leader)
      .send({ approve: true })
      .expect(409);
    const approved = await graphql(fay, decide, { w: waiver, i: { approve: true } });
    expect(approved.body.data.decideFeeWaiver).toEqual({
      status: 'approved',
      requestedBy: 'lee',
      decidedBy: 'fay',
      remittedPence: 16_300,
    });
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', remittedPence: 16_300 });
    expect(codeOf(await graphql(fay, decide, { w: randomUUID(), i: { approve: true } }))).toBe('NOT_FOUND');
  });

  it('refunds an overpayment over GraphQL: asked, returned, resubmitted, approved by someone else, paid', async () => {
    const { caseId } = await overpaidCase();
    const ask = `mutation($i: RequestRefundInput!) { requestRefund(input: $i) { id status amountPence requestedBy } }`;
    expect(codeOf(await graphql(fay, ask, { i: { caseId, amountPence: 851, reason: 'overpayment' } }))).toBe(
      'CONFLICT',
    );
    await askRefund(caseId, 851).expect(409);
    const suspense = { caseId, amountPence: 100, reason: 'enforcement-suspense' };
    expect(codeOf(await graphql(fay, ask, { i: suspense }))).toBe('BAD_USER_INPUT');
    await http().post('/api/v1/payments/refunds').set('Authorization', fay).send(suspense).expect(400);
    const asked = await graphql(fay, ask, { i: { caseId, amountPence: 800, reason: 'overpayment', note: null } });
    expect(asked.body.data.requestRefund).toMatchObject({ status: 'awaiting-approval', requestedBy: 'fay' });
    const id = asked.body.data.requestRefund.id as string;

    const decide = `mutation($r: ID!, $i: RefundDecisionInput!) { decideRefund(refundId: $r, input: $i) { status decidedBy note } }`;
    expect(codeOf(await graphql(fay, decide, { r: id, i: { decision: 'approve' } }))).toBe('CONFLICT');
    await http()
      .post(`/api/v1/payments/refunds/${id}/decision`)
      .set('Authorization', fay)
      .send({ decision: 'approve' })
      .expect(409);
    const returned = await graphql(leader, decide, { r: id, i: { decision: 'return', note: 'refund all of it' } });
    expect(returned.body.data.decideRefund).toEqual({
      status: 'returned-for-update',
      decidedBy: 'lee',
      note: 'refund all of it',
    });
    const resubmit = `mutation($r: ID!, $i: ResubmitRefundInput!) { resubmitRefund(refundId: $r, input: $i) { status amountPence } }`;
    expect(codeOf(await graphql(sam, resubmit, { r: id, i: { amountPence: 850 } }))).toBe('CONFLICT');
    await http()
      .post(`/api/v1/payments/refunds/${id}/resubmission`)
      .set('Authorization', sam)
      .send({ amountPence: 850 })
      .expect(409);
    expect((await graphql(fay, resubmit, { r: id, i: { amountPence: 850 } })).body.data.resubmitRefund).toEqual({
      status: 'awaiting-approval',
      amountPence: 850,
    });
    await graphql(leader, decide, { r: id, i: { decision: 'approve', note: null } });
    const pay = `mutation($r: ID!) { payRefund(refundId: $r) { status } }`;
    expect(codeOf(await graphql(leader, pay, { r: id }))).toBe('FORBIDDEN');
    await http().post(`/api/v1/payments/refunds/${id}/payment`).set('Authorization', leader).expect(403);
    expect((await graphql(fay, pay, { r: id })).body.data.payRefund).toEqual({ status: 'paid' });
    expect(codeOf(await graphql(fay, pay, { r: id }))).toBe('CONFLICT');
    await http().post(`/api/v1/payments/refunds/${id}/payment`).set('Authorization', fay).expect(409);
    expect(await serviceRequest(caseId)).toMatchObject({ status: 'paid', paidPence: 150, overpaymentPence: 0 });
    expect(
      (await outboxOf(db, 'payments.refund-status-changed.v2')).filter((e) => e.refundId === id).map((e) => e.status),
    ).toEqual(['awaiting-approval', 'returned-for-update', 'awaiting-approval', 'approved', 'paid']);
  });

  it('gives nothing back twice: money refunded from a case does not move to another case to be refunded there', async () => {
    const { caseId, allocationId } = await overpaidCase();
    const refund = await askRefund(caseId, 850).expect(201);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(200);
    const other = await announceCase(db, { feesDue: ['FEE0003'] });
    const outbox = await commandEventCount(db);
    const moved = await http()
      .post(`/api/v1/payments/allocations/${allocationId}/transfers`)
      .set('Authorization', fay)
      .send({ target: 'service-request', caseId: other.caseId });
    expect(moved.status).toBe(409);
    expect(moved.body.detail).toBe(
      "Only 150 pence of the case's money can move: the rest was given back, or is promised to a refund or remedy",
    );
    expect(await commandEventCount(db)).toBe(outbox);
    expect(await serviceRequest(other.caseId)).toMatchObject({ paidPence: 0 });
  });

  it("reads what a case holds under the case's lock, as a refund's decision does, when a transfer out is proposed and verified", async () => {
    const { caseId, allocationId } = await overpaidCase();
    const other = await announceCase(db, { feesDue: ['FEE0003'] });
    /** Runs `write` while the case's service request is held, as a refund's decision holds it: it must wait. */
    const whileCaseHeld = async (write: () => Promise<request.Response>) => {
      const holder = db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query('SELECT 1 FROM service_requests WHERE case_id = $1 FOR UPDATE', [caseId]);
        const written = write();
        await waitForLockWaiters(db);
        await holder.commitTransaction();
        return await written;
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    };
    const transfer = await whileCaseHeld(() =>
      http()
        .post(`/api/v1/payments/allocations/${allocationId}/transfers`)
        .set('Authorization', fay)
        .send({ target: 'service-request', caseId: other.caseId })
        .then((res) => res),
    );
    expect(transfer.status).toBe(201);
    const verified = await whileCaseHeld(() =>
      http()
        .post(`/api/v1/payments/allocations/${transfer.body.id}/verification`)
        .set('Authorization', sam)
        .send({ approve: true })
        .then((res) => res),
    );
    expect(verified.status).toBe(200);
    expect(await serviceRequest(other.caseId)).toMatchObject({ paidPence: 1_000 });
  });

  it('gives nothing back twice when the case loses money between a transfer and its verification', async () => {
    const { caseId, reference, allocationId } = await overpaidCase('cheque');
    const second = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', fay)
      .send({ method: 'cheque', amountPence: 1_000, caseReference: reference })
      .expect(201);
    await http()
      .post(`/api/v1/payments/allocations/${second.body.allocations[0].id}/verification`)
      .set('Authorization', sam)
      .send({ approve: true })
      .expect(200);
    const remedy = await remedyRaised(caseId, 1_000);
    await http()
      .post(`/api/v1/payments/refunds/${String(remedy.refundId)}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(200);
    // 2,000 paid, 1,000 given back by the remedy: the first cheque's 1,000 may move, while both cheques stand.
    const other = await announceCase(db, { feesDue: ['FEE0003'] });
    const transfer = await http()
      .post(`/api/v1/payments/allocations/${allocationId}/transfers`)
      .set('Authorization', fay)
      .send({ target: 'service-request', caseId: other.caseId })
      .expect(201);
    await http()
      .post(`/api/v1/payments/payments/${second.body.id}/reversals`)
      .set('Authorization', fay)
      .send({ reason: 'bounced' })
      .expect(201);
    // The second cheque bounced: what is left is the remedy's, and the transfer is refused when it is verified.
    const verified = await http()
      .post(`/api/v1/payments/allocations/${transfer.body.id}/verification`)
      .set('Authorization', sam)
      .send({ approve: true });
    expect(verified.status).toBe(409);
    expect(verified.body.detail).toBe(
      "Only 0 pence of the case's money can move: the rest was given back, or is promised to a refund or remedy",
    );
    expect(await serviceRequest(other.caseId)).toMatchObject({ paidPence: 0 });
  });

  describe('refunds of money enforcement holds in suspense', () => {
    let eve: string;
    beforeAll(async () => {
      eve = await bearer('finance-officer', { sub: 'eve' });
    });

    let accounts = 9_000;
    /** A cheque one officer placed on a fine account and another verified: money enforcement may hold in suspense. */
    const onFineAccount = async (amountPence: number) => {
      const fineAccountNumber = formatAccountNumber(accounts++);
      const cheque = await http()
        .post('/api/v1/payments/bulk-scan-payments')
        .set('Authorization', fay)
        .send({ method: 'cheque', amountPence, fineAccountNumber })
        .expect(201);
      await http()
        .post(`/api/v1/payments/allocations/${cheque.body.allocations[0].id}/verification`)
        .set('Authorization', sam)
        .send({ approve: true })
        .expect(200);
      return { paymentId: cheque.body.id as string, accountNumber: fineAccountNumber };
    };
    const refundEvents = async (suspenseId: string) =>
      (await outboxOf(db, 'payments.refund-status-changed.v2')).filter((e) => e.suspenseId === suspenseId);
    const balance = async (account: string) =>
      Number(
        (
          (await db.query(`SELECT COALESCE(sum(amount_pence), 0)::bigint AS s FROM ledger_entries WHERE account = $1`, [
            account,
          ])) as { s: string }[]
        )[0]!.s,
      );
    /** Enforcement asks, as eve, for `amountPence` of the payment's suspense back: the refund it raises. */
    const suspenseRefund = async (paymentId: string, accountNumber: string, amountPence: number) => {
      const suspenseId = randomUUID();
      await publish(suspenseRefundRequestedV1, suspenseId, {
        suspenseId,
        paymentId,
        accountNumber,
        amountPence,
        requestedBy: 'eve',
      });
      const refundId = await eventually(async () => {
        const [event] = await refundEvents(suspenseId);
        expect(event).toBeDefined();
        return String(event!.refundId);
      });
      return { suspenseId, refundId };
    };
    const applied = (eventId: string) =>
      eventually(async () => {
        const rows = (await db.query(`SELECT status FROM inbox WHERE event_id = $1`, [eventId])) as {
          status: string;
        }[];
        expect(rows).toEqual([{ status: 'applied' }]);
      });

    it('raises one refund for approval however often the request is delivered, proposed by the officer who asked', async () => {
      const { paymentId, accountNumber } = await onFineAccount(5_000);
      const suspenseId = randomUUID();
      const data = { suspenseId, paymentId, accountNumber, amountPence: 3_000, requestedBy: 'eve' };
      const eventId = await publish(suspenseRefundRequestedV1, suspenseId, data);
      await publish(suspenseRefundRequestedV1, suspenseId, data, eventId);
      const again = await publish(suspenseRefundRequestedV1, suspenseId, data);
      await applied(eventId);
      await applied(again);
      expect(await refundEvents(suspenseId)).toEqual([
        {
          refundId: expect.any(String),
          status: 'awaiting-approval',
          kind: 'refund',
          amountPence: 3_000,
          suspenseId,
          requestedBy: 'eve',
        },
      ]);
      const [raised] = (await db.query(`SELECT id FROM refunds WHERE suspense_id = $1`, [suspenseId])) as {
        id: string;
      }[];
      const queue = (
        await http().get('/api/v1/payments/refunds/awaiting-approval?limit=100').set('Authorization', leader)
      ).body;
      expect(queue.items).toContainEqual(
        expect.objectContaining({
          id: raised!.id,
          reason: 'enforcement-suspense',
          requestedBy: 'eve',
          suspenseId,
          paymentId,
          fineAccountNumber: accountNumber,
        }),
      );
    });

    it('gives nothing back twice: a payment whose suspense is being refunded does not move, and a returned refund is not raised above its item', async () => {
      const { paymentId, accountNumber } = await onFineAccount(5_000);
      const { refundId } = await suspenseRefund(paymentId, accountNumber, 4_900);
      const refunds = `/api/v1/payments/refunds/${refundId}`;
      await http().post(`${refunds}/decision`).set('Authorization', leader).send({ decision: 'return' }).expect(200);
      const raised = await http()
        .post(`${refunds}/resubmission`)
        .set('Authorization', eve)
        .send({ amountPence: 5_000 });
      expect(raised.status).toBe(409);
      expect(raised.body.detail).toBe(
        'A suspense refund’s amount is 4900 pence, as asked for: an update may lower it, not raise it',
      );
      await http().post(`${refunds}/resubmission`).set('Authorization', eve).send({ amountPence: 4_900 }).expect(200);

      const [allocation] = (await db.query(`SELECT id FROM allocations WHERE payment_id = $1`, [paymentId])) as {
        id: string;
      }[];
      const other = await announceCase(db, { feesDue: ['FEE0003'] });
      const moved = await http()
        .post(`/api/v1/payments/allocations/${allocation!.id}/transfers`)
        .set('Authorization', fay)
        .send({ target: 'service-request', caseId: other.caseId });
      expect(moved.status).toBe(409);
      expect(moved.body.detail).toBe(
        'Money of this payment is refunded from suspense, or being refunded: it cannot move',
      );
    });

    it('is approved by someone other than the officer who asked; approval and payment are announced with the suspense item', async () => {
      const { paymentId, accountNumber } = await onFineAccount(5_000);
      const { suspenseId, refundId } = await suspenseRefund(paymentId, accountNumber, 3_000);
      const decide = `mutation($r: ID!, $i: RefundDecisionInput!) { decideRefund(refundId: $r, input: $i) { status } }`;
      expect(codeOf(await graphql(eve, decide, { r: refundId, i: { decision: 'approve' } }))).toBe('CONFLICT');
      await http()
        .post(`/api/v1/payments/refunds/${refundId}/decision`)
        .set('Authorization', eve)
        .send({ decision: 'approve' })
        .expect(409);
      const fine = `fine-account:${accountNumber}`;
      expect(await balance(fine)).toBe(-5_000);
      const bankTransfers = await balance('cash:bank-transfer');
      await http()
        .post(`/api/v1/payments/refunds/${refundId}/decision`)
        .set('Authorization', leader)
        .send({ decision: 'approve' })
        .expect(200);
      // The cheque goes back by bank transfer, out of what the fine account was given.
      expect(await balance(fine)).toBe(-2_000);
      expect(await balance('cash:bank-transfer')).toBe(bankTransfers - 3_000);
      const [entry] = (await db.query(
        `SELECT kind, business_area, payment_id FROM ledger_entries WHERE refund_id = $1 AND account = $2`,
        [refundId, fine],
      )) as Record<string, string>[];
      expect(entry).toEqual({ kind: 'refund', business_area: 'criminal-fines', payment_id: paymentId });
      await http().post(`/api/v1/payments/refunds/${refundId}/payment`).set('Authorization', fay).expect(200);
      expect(await refundEvents(suspenseId)).toEqual(
        ['awaiting-approval', 'approved', 'paid'].map((status) => ({
          refundId,
          status,
          kind: 'refund',
          amountPence: 3_000,
          suspenseId,
          requestedBy: 'eve',
        })),
      );
    });

    it('is rejected when its payment bounces before anyone decides, closing the approval and telling enforcement', async () => {
      const { paymentId, accountNumber } = await onFineAccount(4_000);
      const { suspenseId, refundId } = await suspenseRefund(paymentId, accountNumber, 4_000);
      await http()
        .post(`/api/v1/payments/payments/${paymentId}/reversals`)
        .set('Authorization', fay)
        .send({ reason: 'bounced' })
        .expect(201);
      // In the reversal's own transaction: nothing of the payment is left to give back.
      expect((await refundEvents(suspenseId)).map((e) => e.status)).toEqual(['awaiting-approval', 'rejected']);
      const [row] = (await db.query(`SELECT status, note FROM refunds WHERE id = $1`, [refundId])) as {
        status: string;
        note: string;
      }[];
      expect(row).toEqual({ status: 'rejected', note: expect.stringMatching(/gives back bounced/) });
      const queue = (
        await http().get('/api/v1/payments/refunds/awaiting-approval?limit=100').set('Authorization', leader)
      ).body;
      expect(queue.items.map((r: { id: string }) => r.id)).not.toContain(refundId);
      await http()
        .post(`/api/v1/payments/refunds/${refundId}/decision`)
        .set('Authorization', leader)
        .send({ decision: 'approve' })
        .expect(409);
    });

    it('never refunds more than the payment put on the fine account: beyond it the request is refused at once, so enforcement holds the money again', async () => {
      const { paymentId, accountNumber } = await onFineAccount(5_000);
      const first = randomUUID();
      await publish(suspenseRefundRequestedV1, first, {
        suspenseId: first,
        paymentId,
        accountNumber,
        amountPence: 3_000,
        requestedBy: 'eve',
      });
      await eventually(async () => expect(await refundEvents(first)).toHaveLength(1));
      // Typed differently, the same fine account: what the first refund holds is not refunded twice.
      const second = randomUUID();
      await publish(suspenseRefundRequestedV1, second, {
        suspenseId: second,
        paymentId,
        accountNumber: accountNumber.toLowerCase(),
        amountPence: 2_500,
        requestedBy: 'eve',
      });
      const refused = await eventually(async () => {
        const [event] = await refundEvents(second);
        expect(event).toBeDefined();
        return event!;
      });
      expect(refused).toMatchObject({ status: 'rejected', amountPence: 2_500, suspenseId: second });
      const [row] = (await db.query(`SELECT note, decided_by FROM refunds WHERE id = $1`, [refused.refundId])) as {
        note: string;
        decided_by: string | null;
      }[];
      expect(row).toEqual({ note: expect.stringMatching(/at most 2000 pence/), decided_by: null });

      // Back in suspense, the item may be asked for again, within what is left.
      const retry = await publish(suspenseRefundRequestedV1, second, {
        suspenseId: second,
        paymentId,
        accountNumber,
        amountPence: 2_000,
        requestedBy: 'eve',
      });
      await applied(retry);
      expect((await refundEvents(second)).map((e) => e.status)).toEqual(['rejected', 'awaiting-approval']);
    });

    it('counts what is approved on a fine account together with the accounts consolidated into it', async () => {
      // The defendant's old account went into their live one: refunds on either count against one limit.
      const [old, live] = [await onFineAccount(300_000), await onFineAccount(300_000)];
      const [oldId, liveId] = await Promise.all([
        registerFineAccount(db, old.accountNumber),
        registerFineAccount(db, live.accountNumber),
      ]);
      await publish(fineAccountsConsolidatedV1, liveId, {
        accountId: liveId,
        consolidatedAccountIds: [oldId],
        balancePence: 1,
      });
      await eventually(async () =>
        expect(
          await db.query(`SELECT 1 FROM fine_account_numbers WHERE account_id = $1 AND consolidated_into = $2`, [
            oldId,
            liveId,
          ]),
        ).toHaveLength(1),
      );
      const fromOld = await suspenseRefund(old.paymentId, old.accountNumber, 300_000);
      const fromLive = await suspenseRefund(live.paymentId, live.accountNumber, 300_000);
      const decide = (refundId: string, who: string) =>
        http()
          .post(`/api/v1/payments/refunds/${refundId}/decision`)
          .set('Authorization', who)
          .send({ decision: 'approve' });
      await decide(fromOld.refundId, leader).expect(200);
      // A team leader may approve 5,000.00 on the account in all; 6,000.00 is above it, whoever of them approves.
      const refused = await decide(fromLive.refundId, await bearer('team-leader', { sub: 'tia' })).expect(403);
      expect(refused.body.detail).toBe(
        `Approving it would put 600000 pence approved on fine account ${live.accountNumber}, above your approval limit of 500000 pence`,
      );
      await decide(fromLive.refundId, fay).expect(200);
    });
  });
});
