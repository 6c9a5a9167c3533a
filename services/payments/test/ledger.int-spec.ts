import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { bearer, seededRandom } from '@ccsc/testing';
import { announceCase, startPaymentsApp } from './payments-app';

// Every balance the API shows is derived from the ledger: after a random run of payments,
// refunds and bounces, each one must equal the sum of its ledger account, and the ledger balances.
describe('the ledger behind every balance', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => ({ app, db, close } = await startPaymentsApp()));
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const sum = async (account: string) =>
    Number(
      (
        await db.query(`SELECT COALESCE(sum(amount_pence), 0)::bigint AS s FROM ledger_entries WHERE account = $1`, [
          account,
        ])
      )[0].s,
    );

  it('sums to every service request, payment and account balance after a randomised sequence', async () => {
    const random = seededRandom(20261201);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const [scanner, requester, approver, solicitor] = await Promise.all([
      bearer('finance-officer', { sub: 'scanner' }),
      bearer('finance-officer', { sub: 'requester' }),
      bearer('team-leader', { sub: 'approver' }),
      bearer('professional', { org: 'org-r', sub: 'solicitor-r' }),
    ]);
    await http()
      .post('/api/v1/payments/accounts')
      .set('Authorization', scanner)
      .send({ accountNumber: 'PBA0000099', organisationId: 'org-r', name: 'R Law', creditLimitPence: 10_000_000 })
      .expect(201);
    const cases = await Promise.all(
      [['FEE0202', 'FEE0221'], ['FEE0002'], ['FEE0226', 'FEE0003']].map((feesDue) =>
        announceCase(db, { organisations: ['org-r'], feesDue }),
      ),
    );
    const cheques: string[] = [];
    let refunds = 0;

    for (let step = 0; step < 60; step++) {
      const target = pick(cases);
      const roll = random();
      if (roll < 0.35) {
        const res = await http()
          .post('/api/v1/payments/bulk-scan-payments')
          .set('Authorization', scanner)
          .send({
            method: pick(['cheque', 'postal-order', 'cash']),
            amountPence: 1 + Math.floor(random() * 40_000),
            caseReference: target.reference,
          })
          .expect(201);
        if (res.body.method === 'cheque') cheques.push(res.body.id);
      } else if (roll < 0.6) {
        await http()
          .post(`/api/v1/payments/cases/${target.caseId}/payments-by-account`)
          .set('Authorization', solicitor)
          .send({ accountNumber: 'PBA0000099', amountPence: 1 + Math.floor(random() * 30_000) })
          .expect(201);
      } else if (roll < 0.75 && cheques.length) {
        const id = cheques.splice(Math.floor(random() * cheques.length), 1)[0]!;
        await http()
          .post(`/api/v1/payments/payments/${id}/reversals`)
          .set('Authorization', scanner)
          .send({ reason: 'bounced' })
          .expect(201);
      } else {
        const { overpaymentPence } = (
          await http()
            .get(`/api/v1/payments/cases/${target.caseId}/service-request`)
            .set('Authorization', requester)
            .expect(200)
        ).body;
        if (overpaymentPence === 0) {
          await http()
            .post('/api/v1/payments/refunds')
            .set('Authorization', requester)
            .send({ caseId: target.caseId, amountPence: 1, reason: 'overpayment' })
            .expect(409);
          continue;
        }
        const amountPence = 1 + Math.floor(random() * overpaymentPence);
        const refund = await http()
          .post('/api/v1/payments/refunds')
          .set('Authorization', requester)
          .send({ caseId: target.caseId, amountPence, reason: 'overpayment' })
          .expect(201);
        await http()
          .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
          .set('Authorization', requester)
          .send({ decision: 'approve' })
          .expect(409);
        await http()
          .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
          .set('Authorization', approver)
          .send({ decision: 'approve' })
          .expect(200);
        refunds++;
      }
    }
    expect(refunds).toBeGreaterThan(0);

    for (const { caseId } of cases) {
      const sr = (
        await http().get(`/api/v1/payments/cases/${caseId}/service-request`).set('Authorization', scanner).expect(200)
      ).body;
      const balance = await sum(`service-request:${sr.id}`);
      expect(sr.outstandingPence - sr.overpaymentPence).toBe(balance);
      expect(sr.feesPence - sr.remittedPence - sr.paidPence).toBe(balance);
    }
    const payments = (await http().get('/api/v1/payments/payments?limit=100').set('Authorization', scanner).expect(200))
      .body.items as { id: string; unallocatedPence: number }[];
    expect(payments.length).toBeGreaterThan(10);
    for (const p of payments) expect(p.unallocatedPence + (await sum(`payment:${p.id}`))).toBe(0);
    const [account] = (await http().get('/api/v1/payments/accounts').set('Authorization', solicitor).expect(200)).body;
    expect(account.usedPence).toBe(
      await sum(
        `firm-account:${(await db.query(`SELECT id FROM payment_accounts WHERE account_number = 'PBA0000099'`))[0].id}`,
      ),
    );
    expect(account.availablePence).toBe(10_000_000 - account.usedPence);
    expect(Number((await db.query(`SELECT sum(amount_pence)::bigint AS s FROM ledger_entries`))[0].s)).toBe(0);
  });
});
