import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { MI_READERS } from '@ccsc/management-information';
import { UnitOfWork } from '@ccsc/messaging';
import { bearer } from '@ccsc/testing';
import { PaymentCommands } from '../src/payment/application/payment.commands';
import type { BulkScanMethod } from '../src/payment/domain/payment';
import { RefundCommands } from '../src/refund/application/refund.commands';
import { ServiceRequestCommands } from '../src/service-request/application/service-request.commands';
import { announceCase, openApprovedAccount, startPaymentsApp } from './payments-app';

// Each movement is made by the service's own commands at a chosen instant, so the section is checked
// against what the ledger and the refunds register really hold. March 2025 is GMT until the clocks
// go forward at 01:00 on Sunday 30 March; April is BST.
const AT = {
  /** 23:30 GMT on Friday 28 February: the evening before the period. */
  beforeStart: '2025-02-28T23:30:00Z',
  /** Midnight GMT opening Saturday 1 March: the period's first instant. */
  start: '2025-03-01T00:00:00Z',
  midMarch: '2025-03-12T10:00:00Z',
  paidByAccount: '2025-03-20T12:00:00Z',
  refundAsked: '2025-03-21T09:00:00Z',
  refundApproved: '2025-03-22T09:00:00Z',
  /** 23:30 GMT on Friday 28 March: the last half hour of that day. */
  gmtLast: '2025-03-28T23:30:00Z',
  /** Midnight GMT opening Saturday 29 March. */
  gmtNext: '2025-03-29T00:00:00Z',
  /** 00:30 BST on 1 April: April's, though still 31 March in UTC. */
  aprilFirst: '2025-03-31T23:30:00Z',
  aprilAsked: '2025-04-02T09:00:00Z',
  aprilApproved: '2025-04-02T10:00:00Z',
  aprilPaid: '2025-04-03T10:00:00Z',
  repricedUp: '2025-04-10T09:00:00Z',
  repricedDown: '2025-04-15T09:00:00Z',
  /** 23:30 BST on 30 April: the period's last half hour. */
  bstLast: '2025-04-30T22:30:00Z',
  /** Midnight BST opening 1 May: the first instant after the period. */
  bstNext: '2025-04-30T23:00:00Z',
} as const;
type Instant = keyof typeof AT;

const MONTHS = { from: '2025-03-01', to: '2025-04-30', granularity: 'month' };

const FEES = `fees {
  chargedPence remittedPence collectedPence refundedPence payments
  byMethod { method payments collectedPence }
  periods { start chargedPence remittedPence collectedPence refundedPence }
}`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ManagementInformation { id ${FEES} } } }`;

describe('management information: the fees section (real PostgreSQL)', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;
  let leader: string;

  const http = () => request(app.getHttpServer());
  const entities = (who: string, id: string) =>
    http()
      .post('/graphql')
      .set('Authorization', who)
      .send({ query: ENTITIES, variables: { r: [{ __typename: 'ManagementInformation', id }] } });
  const csv = (who: string, query: Record<string, string>) =>
    http().get('/api/v1/payments/management-information').query(query).set('Authorization', who);

  const scanner: Principal = { sub: 'mi-scanner', roles: ['finance-officer'] };
  const requester: Principal = { sub: 'mi-requester', roles: ['finance-officer'] };
  const approver: Principal = { sub: 'mi-approver', roles: ['team-leader'] };
  const solicitor: Principal = { sub: 'mi-solicitor', roles: ['professional'], organisationId: 'org-mi' };

  beforeAll(async () => {
    ({ app, db, close } = await startPaymentsApp());
    leader = await bearer('team-leader', { sub: 'mi-leader' });
    await seed();
  });
  afterAll(() => close());

  async function seed(): Promise<void> {
    const unitOfWork = app.get(UnitOfWork);
    const serviceRequests = app.get(ServiceRequestCommands);
    const payments = app.get(PaymentCommands);
    const refunds = app.get(RefundCommands);
    const when = (instant: Instant) => new Date(AT[instant]);
    const inTransaction = (instant: Instant, work: Parameters<UnitOfWork['run']>[1]) =>
      unitOfWork.run({ actor: scanner.sub }, work, when(instant));

    const [probate, family, money] = await Promise.all([
      announceCase(db, { organisations: ['org-mi'] }),
      announceCase(db),
      announceCase(db),
    ]);
    const charge = (caseId: string, code: string, instant: Instant) =>
      inTransaction(instant, (tx) => serviceRequests.chargeFees(tx, caseId, [code], 'submit'));
    const feeOf = async (caseId: string, code: string) => {
      const [row] = (await db.query(
        `SELECT f.id, f.service_request_id AS "serviceRequestId" FROM service_request_fees f
         JOIN service_requests r ON r.id = f.service_request_id WHERE r.case_id = $1 AND f.code = $2`,
        [caseId, code],
      )) as { id: string; serviceRequestId: string }[];
      return row!;
    };
    const remit = async (caseId: string, code: string, amountPence: number, instant: Instant) => {
      const { id: feeId, serviceRequestId } = await feeOf(caseId, code);
      const remission = {
        serviceRequestId,
        feeId,
        amountPence,
        source: 'help-with-fees' as const,
        reference: randomUUID(),
      };
      await inTransaction(instant, (tx) => serviceRequests.remit(tx, remission));
    };
    const scan = (method: BulkScanMethod, amountPence: number, instant: Instant) =>
      payments.recordBulkScan({ method, amountPence }, scanner, undefined, when(instant));
    const refund = async (amountPence: number, steps: { asked: Instant; approved?: Instant; paid?: Instant }) => {
      const input = { caseId: probate.caseId, amountPence, reason: 'overpayment' as const };
      const { id } = await refunds.request(input, requester, undefined, when(steps.asked));
      if (steps.approved) await refunds.decide(id, 'approve', approver, undefined, undefined, when(steps.approved));
      if (steps.paid) await refunds.markPaid(id, scanner, undefined, when(steps.paid));
    };

    // Fees charged: each side of both ends of the period and of 28 March; the ranged money-claim fee at
    // its lowest band (3,500) until finance prices it for the claim form (7,000), then the case's stated claim
    // amount prices it down (5,000).
    await charge(probate.caseId, 'FEE0003', 'beforeStart'); // 150, not in the period
    await charge(probate.caseId, 'FEE0226', 'start'); // 30,000
    await charge(money.caseId, 'FEE0202', 'midMarch'); // 3,500
    await charge(family.caseId, 'FEE0002', 'gmtLast'); // 61,200
    await charge(probate.caseId, 'FEE0440', 'gmtNext'); // 8,200
    const ranged = (await feeOf(money.caseId, 'FEE0202')).id;
    await serviceRequests.reprice(money.caseId, ranged, 60_000, scanner, undefined, when('repricedUp')); // +3,500
    await inTransaction('repricedDown', (tx) => serviceRequests.recordClaimAmount(tx, money.caseId, 40_000)); // -2,000
    await charge(family.caseId, 'FEE0003', 'bstLast'); // 150
    await charge(family.caseId, 'FEE0440', 'bstNext'); // 8,200, not in the period

    await remit(probate.caseId, 'FEE0226', 10_000, 'midMarch');
    await remit(family.caseId, 'FEE0002', 61_200, 'aprilFirst');
    await remit(family.caseId, 'FEE0003', 150, 'bstNext'); // not in the period

    await scan('cash', 1_000, 'beforeStart'); // not in the period
    await scan('cheque', 20_000, 'start');
    await scan('postal-order', 5_000, 'midMarch');
    await scan('cash', 2_500, 'gmtLast');
    const bounced = await scan('cheque', 7_000, 'gmtNext');
    await scan('bank-transfer', 4_000, 'aprilFirst');
    await scan('cash', 3_000, 'bstLast');
    await scan('cheque', 9_999, 'bstNext'); // not in the period
    // The cheque of 29 March bounces in April: a movement of its own, not taken off what March collected.
    await payments.reverse(bounced.id, 'bounced', scanner, undefined, when('bstLast'));
    await openApprovedAccount(app.getHttpServer(), {
      accountNumber: 'PBA0000424',
      organisationId: 'org-mi',
      name: 'MI Law',
      creditLimitPence: 1_000_000,
    });
    await payments.payByAccount(
      probate.caseId,
      { accountNumber: 'PBA0000424', amountPence: 40_000 },
      solicitor,
      undefined,
      when('paidByAccount'),
    );

    // The probate case is overpaid: 40,000 paid against 38,350 of fees less 10,000 remitted.
    await refund(1_500, { asked: 'refundAsked', approved: 'refundApproved', paid: 'gmtLast' });
    await refund(3_000, { asked: 'aprilAsked', approved: 'aprilApproved', paid: 'bstLast' });
    await refund(2_000, { asked: 'aprilAsked', approved: 'aprilApproved', paid: 'bstNext' }); // paid after the period
    await refund(1_000, { asked: 'aprilAsked', approved: 'aprilApproved' }); // approved, never paid
    await refund(500, { asked: 'aprilAsked' }); // only asked for
    // A consolatory payment gives back nothing that was paid: paid out, but not a refund.
    const remedyId = randomUUID();
    await inTransaction('aprilAsked', (tx) =>
      refunds.raiseForRemedy(tx, {
        kind: 'consolatory-payment',
        amountPence: 2_222,
        complaintId: randomUUID(),
        remedyId,
        agreedBy: requester.sub,
        complaintCaseIds: [],
      }),
    );
    const [{ id: consolatory }] = (await db.query(`SELECT id FROM refunds WHERE remedy_id = $1`, [remedyId])) as {
      id: string;
    }[];
    await refunds.decide(consolatory!, 'approve', approver, undefined, undefined, when('aprilApproved'));
    await refunds.markPaid(consolatory!, scanner, undefined, when('aprilPaid'));
  }

  const march = {
    start: '2025-03-01',
    chargedPence: 30_000 + 3_500 + 61_200 + 8_200,
    remittedPence: 10_000,
    collectedPence: 20_000 + 5_000 + 40_000 + 2_500 + 7_000,
    refundedPence: 1_500,
  };
  const marchByMethod = [
    { method: 'cash', payments: 1, collectedPence: 2_500 },
    { method: 'cheque', payments: 2, collectedPence: 20_000 + 7_000 },
    { method: 'payment-by-account', payments: 1, collectedPence: 40_000 },
    { method: 'postal-order', payments: 1, collectedPence: 5_000 },
  ];
  const april = {
    start: '2025-04-01',
    chargedPence: 150 + 3_500 - 2_000,
    remittedPence: 61_200,
    collectedPence: 4_000 + 3_000,
    refundedPence: 3_000,
  };
  const aprilByMethod = [
    { method: 'bank-transfer', payments: 1, collectedPence: 4_000 },
    { method: 'cash', payments: 1, collectedPence: 3_000 },
  ];
  const twoMonths = {
    chargedPence: march.chargedPence + april.chargedPence,
    remittedPence: 10_000 + 61_200,
    collectedPence: march.collectedPence + april.collectedPence,
    refundedPence: 1_500 + 3_000,
    payments: 7,
    byMethod: [
      { method: 'bank-transfer', payments: 1, collectedPence: 4_000 },
      { method: 'cash', payments: 2, collectedPence: 2_500 + 3_000 },
      { method: 'cheque', payments: 2, collectedPence: 27_000 },
      { method: 'payment-by-account', payments: 1, collectedPence: 40_000 },
      { method: 'postal-order', payments: 1, collectedPence: 5_000 },
    ],
    periods: [march, april],
  };

  it('answers the federated section for a period, by London month, from its first midnight to its last (BST)', async () => {
    const res = await entities(leader, '2025-03-01..2025-04-30/month').expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toEqual([{ id: '2025-03-01..2025-04-30/month', fees: twoMonths }]);
  });

  it('counts 23:30 GMT on the last day, and nothing from the midnight after', async () => {
    const res = await entities(leader, '2025-03-28..2025-03-28/day').expect(200);
    expect(res.body.errors).toBeUndefined();
    const day = { chargedPence: 61_200, remittedPence: 0, collectedPence: 2_500, refundedPence: 1_500 };
    expect(res.body.data._entities[0].fees).toEqual({
      ...day,
      payments: 1,
      byMethod: [{ method: 'cash', payments: 1, collectedPence: 2_500 }],
      periods: [{ start: '2025-03-28', ...day }],
    });
  });

  it('exports the same figures as CSV, every measure of each month and of the whole period', async () => {
    const res = await csv(leader, MONTHS).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const line = (bucket: string, measure: string, value: number, dimension = '') =>
      `fees,2025-03-01,2025-04-30,month,${bucket},${measure},${dimension},${value}`;
    const lines = (
      bucket: string,
      f: { chargedPence: number; remittedPence: number; collectedPence: number; refundedPence: number },
      byMethod: { method: string; payments: number; collectedPence: number }[],
    ) => [
      line(bucket, 'charged_pence', f.chargedPence),
      line(bucket, 'remitted_pence', f.remittedPence),
      line(bucket, 'collected_pence', f.collectedPence),
      line(bucket, 'refunded_pence', f.refundedPence),
      line(
        bucket,
        'payments',
        byMethod.reduce((n, m) => n + m.payments, 0),
      ),
      ...byMethod.flatMap((m) => [
        line(bucket, 'collected_pence', m.collectedPence, `method=${m.method}`),
        line(bucket, 'payments', m.payments, `method=${m.method}`),
      ]),
    ];
    expect(res.text.trimEnd().split('\n')).toEqual([
      'section,from,to,granularity,bucket,measure,dimension,value',
      ...lines('2025-03-01', march, marchByMethod),
      ...lines('2025-04-01', april, aprilByMethod),
      ...lines('total', twoMonths, twoMonths.byMethod),
    ]);
    expect(res.text).toContain('fees,2025-03-01,2025-04-30,month,total,payments,,7\n');
  });

  it('refuses a bad period with 400 problem+json over REST and BAD_USER_INPUT over GraphQL', async () => {
    const backwards = await csv(leader, { from: '2025-04-30', to: '2025-03-01' }).expect(400);
    expect(backwards.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(backwards.body.errors).toEqual([{ field: 'to', message: 'must not be before from' }]);
    const malformed = await csv(leader, { from: '1/3/2025', to: '2025-03-31', granularity: 'day' }).expect(400);
    expect((malformed.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['from']);
    const res = await entities(leader, '2025-04-30..2025-03-01/month').expect(200);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('is read by team leaders only: a caseworker or a finance officer is refused', async () => {
    expect(MI_READERS).toEqual(['team-leader']);
    for (const role of ['caseworker', 'finance-officer'] as const) {
      const who = await bearer(role, { sub: `mi-${role}` });
      const refused = await csv(who, MONTHS).expect(403);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      const viaGraphQL = await entities(who, '2025-03-01..2025-04-30/month').expect(200);
      expect(viaGraphQL.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    await http().get('/api/v1/payments/management-information').query(MONTHS).expect(401);
  });
});
