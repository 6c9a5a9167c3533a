import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { financialRemedyAgreedV1, financialRemedyAgreedV2, type FinancialRemedyAgreedV1 } from '@ccsc/contracts';
import { bearer, commandEventCount, eventually, publishEvent } from '@ccsc/testing';
import { announceCase, startPaymentsApp } from './payments-app';

// Four eyes on every path where money leaves payments or a debt is forgiven (architecture.md): one
// person, whatever role, route or token they come with (the same `sub`), never does it alone, and a
// refusal changes nothing and publishes nothing. Nothing is sampled for evidence here.
describe('payments: one person never takes money out or forgives a fee alone', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;
  /** Lee under every role that may approve something here, and a second person for each path. */
  let lee: Record<'leader' | 'finance' | 'caseworker', string>;
  let fay: string;
  let bulkScanner: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, db, close } = await startPaymentsApp({ HWF_EVIDENCE_CHECK_PERCENT: '0' }));
    const [leader, finance, caseworker] = await Promise.all(
      ['team-leader', 'finance-officer', 'caseworker'].map((role) => bearer(role as 'team-leader', { sub: 'lee' })),
    );
    lee = { leader: leader!, finance: finance!, caseworker: caseworker! };
    [fay, bulkScanner, citizen] = await Promise.all([
      bearer('finance-officer', { sub: 'fay' }),
      bearer('system', { sub: 'bulk-scanning' }),
      bearer('citizen', { sub: 'citizen-cat' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const post = (path: string, who: string, body: object = {}) =>
    http().post(`/api/v1/payments${path}`).set('Authorization', who).send(body);
  const serviceRequest = async (caseId: string) =>
    (await http().get(`/api/v1/payments/cases/${caseId}/service-request`).set('Authorization', fay).expect(200)).body;
  /** Everything a money movement or a forgiveness would touch: if none of it changed, the refusal did nothing. */
  const snapshot = async () => ({
    ledger: (await db.query(`SELECT count(*)::int AS n FROM ledger_entries`))[0].n,
    outbox: await commandEventCount(db),
    refunds: await db.query(`SELECT id, status, requested_by, decided_by, amount_pence FROM refunds ORDER BY id`),
    waivers: await db.query(`SELECT id, status, decided_by FROM fee_waivers ORDER BY id`),
    remissions: await db.query(`SELECT id, status, checked_by FROM hwf_applications ORDER BY id`),
    allocations: await db.query(`SELECT id, status, verified_by FROM allocations ORDER BY id`),
    fees: await db.query(`SELECT id, remitted_pence FROM service_request_fees ORDER BY id`),
  });
  /** Lee tries under each of their roles; each attempt is refused as a conflict and nothing changes. */
  async function refusedToLeeEverywhere(
    path: string,
    body: object,
    roles: (keyof typeof lee)[] = ['leader', 'finance', 'caseworker'],
  ) {
    const before = await snapshot();
    for (const role of roles) {
      const res = await post(path, lee[role], body).expect(409);
      expect(res.body.detail).toMatch(/must be approved by someone other than the person who proposed it/);
    }
    expect(await snapshot()).toEqual(before);
  }
  async function paidOverpayment(): Promise<string> {
    const { caseId, reference } = await announceCase(db, { feesDue: ['FEE0003'] });
    const cash = await post('/bulk-scan-payments', fay, {
      method: 'cash',
      amountPence: 1_000,
      caseReference: reference,
    }).expect(201);
    await post(`/allocations/${cash.body.allocations[0].id}/verification`, lee.finance, { approve: true }).expect(200);
    return caseId;
  }

  it('refunds: the officer who asked cannot approve under another role; a second officer can', async () => {
    const caseId = await paidOverpayment();
    const refund = await post('/refunds', lee.caseworker, { caseId, amountPence: 850, reason: 'overpayment' }).expect(
      201,
    );
    await refusedToLeeEverywhere(`/refunds/${refund.body.id}/decision`, { decision: 'approve' }, ['leader', 'finance']);
    const approved = await post(`/refunds/${refund.body.id}/decision`, fay, { decision: 'approve' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', requestedBy: 'lee', decidedBy: 'fay' });
    expect(await serviceRequest(caseId)).toMatchObject({ overpaymentPence: 0 });
  });

  it('complaint remedies: a 100,000.00 consolatory payment is proposed by the officer who agreed it, who cannot approve it', async () => {
    const complaintId = randomUUID();
    const remedyId = randomUUID();
    await publishEvent(
      financialRemedyAgreedV1,
      complaintId,
      { complaintId, remedyId, kind: 'consolatory-payment', amountPence: 10_000_000, agreedBy: 'lee' },
      { actor: 'lee' },
    );
    const refundId = await eventually(async () => {
      const [row] = (await db.query(`SELECT id, requested_by FROM refunds WHERE remedy_id = $1`, [remedyId])) as {
        id: string;
        requested_by: string;
      }[];
      expect(row).toMatchObject({ requested_by: 'lee' });
      return row!.id;
    });
    await refusedToLeeEverywhere(`/refunds/${refundId}/decision`, { decision: 'approve' }, ['leader', 'finance']);
    await post(`/refunds/${refundId}/decision`, fay, { decision: 'approve' }).expect(200);

    // An event from before remedies carried `agreedBy` still names the officer as its actor (another
    // complaint's: this one has had all anyone may approve).
    const olderRemedyId = randomUUID();
    const olderComplaintId = randomUUID();
    await publishEvent(
      financialRemedyAgreedV1,
      olderComplaintId,
      { complaintId: olderComplaintId, remedyId: olderRemedyId, kind: 'consolatory-payment', amountPence: 5_000 },
      { actor: 'lee' },
    );
    const older = await eventually(async () => {
      const [row] = (await db.query(`SELECT id, requested_by FROM refunds WHERE remedy_id = $1`, [olderRemedyId])) as {
        id: string;
        requested_by: string;
      }[];
      expect(row).toMatchObject({ requested_by: 'lee' });
      return row!.id;
    });
    await refusedToLeeEverywhere(`/refunds/${older}/decision`, { decision: 'approve' }, ['leader']);
  });

  it('authority: an approver within their limit, counting what is approved on the same complaint, case or fine account; a sum nobody may approve is refused as it arrives', async () => {
    const [ted, tia, cal] = await Promise.all([
      bearer('team-leader', { sub: 'ted' }),
      bearer('team-leader', { sub: 'tia' }),
      bearer('caseworker', { sub: 'cal' }),
    ]);
    const agreed = async (
      complaintId: string,
      remedy: Omit<FinancialRemedyAgreedV1, 'complaintId' | 'remedyId' | 'agreedBy'>,
    ) => {
      const remedyId = randomUUID();
      await publishEvent(financialRemedyAgreedV1, complaintId, { complaintId, remedyId, agreedBy: 'lee', ...remedy });
      return remedyId;
    };
    const refundOf = (remedyId: string) =>
      eventually(async () => {
        const [row] = (await db.query(`SELECT id, status, note FROM refunds WHERE remedy_id = $1`, [remedyId])) as {
          id: string;
          status: string;
          note: string | null;
        }[];
        expect(row).toBeDefined();
        return row!;
      });
    const waiverOf = (remedyId: string) =>
      eventually(async () => {
        const [row] = (await db.query(`SELECT id FROM fee_waivers WHERE remedy_id = $1`, [remedyId])) as {
          id: string;
        }[];
        expect(row).toBeDefined();
        return row!.id;
      });
    const refusedTo = async (path: string, who: string[], body: object, detail: string) => {
      const before = await snapshot();
      for (const approver of who) {
        const refused = await post(path, approver, body).expect(403);
        expect(refused.body.detail).toBe(detail);
      }
      expect(await snapshot()).toEqual(before);
    };

    // One complaint's 6,000.00 in two slices: a team leader approves the first; the second would put the
    // complaint past a team leader's 5,000.00, whichever team leader approves it; a finance officer may.
    const complaint = randomUUID();
    const first = await refundOf(await agreed(complaint, { kind: 'consolatory-payment', amountPence: 300_000 }));
    const second = await refundOf(await agreed(complaint, { kind: 'consolatory-payment', amountPence: 300_000 }));
    await post(`/refunds/${first.id}/decision`, ted, { decision: 'approve' }).expect(200);
    const onComplaint = (pence: number) =>
      `Approving it would put ${pence} pence approved on this complaint, above your approval limit of 500000 pence`;
    await refusedTo(`/refunds/${second.id}/decision`, [ted, tia], { decision: 'approve' }, onComplaint(600_000));
    await post(`/refunds/${second.id}/decision`, fay, { decision: 'approve' }).expect(200);
    // Naming one of the complaint's cases does not start a new count: the complaint's stands.
    const { caseId: named } = await announceCase(db);
    const third = await refundOf(
      await agreed(complaint, { kind: 'consolatory-payment', amountPence: 1_000, caseId: named }),
    );
    await refusedTo(`/refunds/${third.id}/decision`, [tia], { decision: 'approve' }, onComplaint(601_000));

    // Two team leaders at once, each within the limit alone and not together: the account's lock counts one
    // after the other, so one approval stands and the other is refused.
    const raced = randomUUID();
    const pair = await Promise.all(
      [300_000, 300_000].map(async (amountPence) =>
        refundOf(await agreed(raced, { kind: 'consolatory-payment', amountPence })),
      ),
    );
    const statuses = await Promise.all(
      pair.map(
        async (r, i) => (await post(`/refunds/${r.id}/decision`, [ted, tia][i]!, { decision: 'approve' })).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 403]);

    // Above the most anyone may approve, with what the complaint has approved already, it could never be
    // approved: rejected as it arrives, and announced.
    const beyond = await refundOf(await agreed(complaint, { kind: 'consolatory-payment', amountPence: 9_400_001 }));
    expect(beyond).toMatchObject({
      status: 'rejected',
      note: 'Refused on arrival: above the most anyone may approve (10000000 pence)',
    });

    // Money given and a fee forgiven on one case count together: a caseworker may approve 500.00 on it in all.
    const other = randomUUID();
    const { caseId } = await announceCase(db, { feesDue: ['FEE0002'] });
    const paid = await refundOf(await agreed(other, { kind: 'consolatory-payment', amountPence: 30_000, caseId }));
    await post(`/refunds/${paid.id}/decision`, ted, { decision: 'approve' }).expect(200);
    const waiverId = await waiverOf(
      await agreed(randomUUID(), { kind: 'fee-waiver', amountPence: 30_000, caseId, feeCode: 'FEE0002' }),
    );
    await refusedTo(
      `/fee-waivers/${waiverId}/decision`,
      [cal],
      { approve: true },
      'Approving it would put 60000 pence approved on this case, above your approval limit of 50000 pence',
    );
    await post(`/fee-waivers/${waiverId}/decision`, ted, { approve: true }).expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 30_000 });

    // Consolatory payments on three complaints about one case, none naming it as the remedy's own: each within a
    // team leader's limit on its complaint, together above it on the case the complaints name (v2 names them).
    const { caseId: aboutOne } = await announceCase(db);
    const onCase = async (amountPence: number) => {
      const complaintId = randomUUID();
      const remedyId = randomUUID();
      await publishEvent(financialRemedyAgreedV2, complaintId, {
        complaintId,
        remedyId,
        kind: 'consolatory-payment',
        amountPence,
        agreedBy: 'lee',
        complaintCaseIds: [aboutOne],
      });
      return refundOf(remedyId);
    };
    const slices = [await onCase(300_000), await onCase(150_000), await onCase(100_000)];
    await post(`/refunds/${slices[0]!.id}/decision`, ted, { decision: 'approve' }).expect(200);
    await post(`/refunds/${slices[1]!.id}/decision`, tia, { decision: 'approve' }).expect(200);
    await refusedTo(
      `/refunds/${slices[2]!.id}/decision`,
      [ted, tia],
      { decision: 'approve' },
      'Approving it would put 550000 pence approved on this case, above your approval limit of 500000 pence',
    );
    await post(`/refunds/${slices[2]!.id}/decision`, fay, { decision: 'approve' }).expect(200);
  });

  it('complaint remedies: a fee waiver remits nothing until someone other than the officer who agreed it approves', async () => {
    const { caseId } = await announceCase(db, { feesDue: ['FEE0209'] });
    const complaintId = randomUUID();
    const remedyId = randomUUID();
    await publishEvent(financialRemedyAgreedV1, complaintId, {
      complaintId,
      remedyId,
      kind: 'fee-waiver',
      amountPence: 16_300,
      caseId,
      feeCode: 'FEE0209',
      agreedBy: 'lee',
    });
    const waiverId = await eventually(async () => {
      const [row] = (await db.query(
        `SELECT id FROM fee_waivers WHERE remedy_id = $1 AND status = 'awaiting-approval'`,
        [remedyId],
      )) as { id: string }[];
      expect(row).toBeDefined();
      return row!.id;
    });
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 0, status: 'not-paid' });
    await refusedToLeeEverywhere(`/fee-waivers/${waiverId}/decision`, { approve: true });
    await post(`/fee-waivers/${waiverId}/decision`, lee.leader, { approve: false }).expect(409);
    await post(`/fee-waivers/${waiverId}/decision`, citizen, { approve: true }).expect(403);
    await post(`/fee-waivers/${waiverId}/decision`, fay, { approve: true }).expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 16_300, status: 'paid' });
    await post(`/fee-waivers/${waiverId}/decision`, fay, { approve: true }).expect(409);
    // Its wait and its decision are announced once each, for the work queue's approval task; refusals announce nothing.
    const announced = (await db.query(
      `SELECT type, envelope->'data' AS data FROM outbox WHERE message_key = $1 ORDER BY position`,
      [waiverId],
    )) as { type: string; data: Record<string, unknown> }[];
    expect(announced).toEqual([
      {
        type: 'payments.fee-waiver-requested.v1',
        data: { waiverId, caseId, complaintId, feeCode: 'FEE0209', amountPence: 16_300, requestedBy: 'lee', remedyId },
      },
      {
        type: 'payments.fee-waiver-decided.v1',
        data: { waiverId, caseId, decision: 'approved', remittedPence: 16_300, remedyId },
      },
    ]);
  });

  it('Help with Fees: a remission waits for staff other than whoever applied, and a refused or failed one is not granted again at once', async () => {
    const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0002'] });
    const applicant = { monthlyIncomePence: 100_000, couple: false, childrenAges: [4], savingsPence: 0, age: 30 };
    const apply = (who: string) => post('/help-with-fees/applications', who, { caseId, feeCode: 'FEE0002', applicant });

    // Staff applying for someone are the proposer: they cannot grant it under any role.
    const onBehalf = await apply(lee.caseworker).expect(201);
    expect(onBehalf.body).toMatchObject({ outcome: 'full', remittedPence: 61_200, status: 'awaiting-decision' });
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 0 });
    await refusedToLeeEverywhere(`/help-with-fees/applications/${onBehalf.body.id}/decision`, { grant: true });
    await post(`/help-with-fees/applications/${onBehalf.body.id}/decision`, citizen, { grant: true }).expect(403);
    await post(`/help-with-fees/applications/${onBehalf.body.id}/decision`, fay, { grant: false }).expect(200);

    // The same figures again wait for evidence, not for a grant; the failed check stands the same way.
    const again = await apply(citizen).expect(201);
    expect(again.body).toMatchObject({ remittedPence: 61_200, status: 'awaiting-evidence' });
    await post(`/help-with-fees/applications/${again.body.id}/decision`, fay, { grant: true }).expect(409);
    await post(`/help-with-fees/applications/${again.body.id}/evidence-check`, fay, { passed: false }).expect(200);
    const third = await apply(citizen).expect(201);
    expect(third.body).toMatchObject({ status: 'awaiting-evidence' });
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 0 });
    const queue = (
      await http()
        .get('/api/v1/payments/help-with-fees/applications/awaiting-staff')
        .set('Authorization', fay)
        .expect(200)
    ).body;
    expect(queue.items).toContainEqual(expect.objectContaining({ id: third.body.id, status: 'awaiting-evidence' }));

    // New evidence, checked by staff: only then is it remitted.
    await post(`/help-with-fees/applications/${third.body.id}/evidence-check`, lee.finance, { passed: true }).expect(
      200,
    );
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: 61_200, status: 'paid' });
  });

  it("Help with Fees: a citizen's own application is granted by staff, never by the applicant", async () => {
    const { caseId } = await announceCase(db, { users: ['citizen-cat'], feesDue: ['FEE0002'] });
    const applied = await post('/help-with-fees/applications', citizen, {
      caseId,
      feeCode: 'FEE0002',
      applicant: { monthlyIncomePence: 100_000, couple: false, childrenAges: [], savingsPence: 0, age: 30 },
    }).expect(201);
    expect(applied.body.status).toBe('awaiting-decision');
    await post(`/help-with-fees/applications/${applied.body.id}/decision`, citizen, { grant: true }).expect(403);
    await post(`/help-with-fees/applications/${applied.body.id}/decision`, lee.caseworker, { grant: true }).expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ remittedPence: applied.body.remittedPence });
  });

  it("bulk scanning: a quoted case reference proposes an allocation in the recorder's name; a second officer verifies it", async () => {
    const { caseId, reference } = await announceCase(db, { feesDue: ['FEE0003'] });
    const cheque = await post('/bulk-scan-payments', lee.finance, {
      method: 'cheque',
      amountPence: 150,
      caseReference: reference,
    }).expect(201);
    expect(cheque.body).toMatchObject({
      unallocatedPence: 150,
      allocations: [
        expect.objectContaining({
          target: 'service-request',
          caseId,
          status: 'awaiting-verification',
          allocatedBy: 'lee',
        }),
      ],
    });
    expect(await serviceRequest(caseId)).toMatchObject({ paidPence: 0, status: 'not-paid' });
    const allocationId = cheque.body.allocations[0].id as string;
    await refusedToLeeEverywhere(`/allocations/${allocationId}/verification`, { approve: true });
    await post(`/allocations/${allocationId}/verification`, bulkScanner, { approve: true }).expect(403);
    await post(`/allocations/${allocationId}/verification`, fay, { approve: true }).expect(200);
    expect(await serviceRequest(caseId)).toMatchObject({ paidPence: 150, status: 'paid' });
  });

  it('bulk scanning: automatic matching proposes, an officer verifies', async () => {
    const { caseId, reference } = await announceCase(db, { feesDue: ['FEE0003'] });
    const scanned = await post('/bulk-scan-payments', bulkScanner, {
      method: 'postal-order',
      amountPence: 150,
      caseReference: reference,
    }).expect(201);
    expect(scanned.body.allocations).toEqual([
      expect.objectContaining({ status: 'awaiting-verification', allocatedBy: 'bulk-scanning' }),
    ]);
    expect(await serviceRequest(caseId)).toMatchObject({ paidPence: 0 });
    await post(`/allocations/${scanned.body.allocations[0].id}/verification`, lee.caseworker, { approve: true }).expect(
      200,
    );
    expect(await serviceRequest(caseId)).toMatchObject({ paidPence: 150 });
  });
});
