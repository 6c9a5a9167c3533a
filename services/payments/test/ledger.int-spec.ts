import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { bearer, seededRandom } from '@ccsc/testing';
import { announceCase, openApprovedAccount, startPaymentsApp } from './payments-app';

// Every balance the API shows is derived from the ledger: after a random run of payments,
// refunds and bounces, each one must equal the sum of its ledger account, and the ledger balances.
describe('the ledger behind every balance', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;

  let finance: string;
  let leader: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, db, close } = await startPaymentsApp());
    [finance, leader, citizen] = await Promise.all([
      bearer('finance-officer', { sub: 'reader' }),
      bearer('team-leader', { sub: 'leader' }),
      bearer('citizen', { sub: 'citizen-r' }),
    ]);
  });
  afterAll(() => close());

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const graphql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    http().post('/graphql').set('Authorization', who).send({ query, variables });
  const codeOf = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) =>
    res.body.errors?.[0]?.extensions?.code;

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
    await openApprovedAccount(app.getHttpServer(), {
      accountNumber: 'PBA0000099',
      organisationId: 'org-r',
      name: 'R Law',
      creditLimitPence: 10_000_000,
    });
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

  it("reads an account's entries oldest first, page by page, with the movement's tags, over REST and GraphQL", async () => {
    const entries: { id: string; occurredAt: string; amountPence: number; method: string; kind: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof entries; nextCursor: string | null } } = await http()
        .get('/api/v1/payments/ledger/entries')
        .query({ account: 'cash:cheque', limit: 7, ...(cursor ? { cursor } : {}) })
        .set('Authorization', finance)
        .expect(200);
      entries.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const rows = (await db.query(
      `SELECT id::text AS id FROM ledger_entries WHERE account = 'cash:cheque' ORDER BY occurred_at, id`,
    )) as { id: string }[];
    expect(rows.length).toBeGreaterThan(7);
    expect(entries.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(entries[0]).toMatchObject({ account: 'cash:cheque', kind: 'payment-received', method: 'cheque' });
    expect(entries[0]).toHaveProperty('paymentId');
    expect(entries[0]).toHaveProperty('transactionId');

    const query = `query($a: String!, $after: String) { ledgerEntries(account: $a, first: 7, after: $after) {
      nodes { id amountPence kind method paymentId occurredAt } pageInfo { hasNextPage endCursor } } }`;
    const first = await graphql(leader, query, { a: 'cash:cheque' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.ledgerEntries.nodes.map((e: { id: string }) => e.id)).toEqual(
      entries.slice(0, 7).map((e) => e.id),
    );
    const second = await graphql(leader, query, {
      a: 'cash:cheque',
      after: first.body.data.ledgerEntries.pageInfo.endCursor,
    });
    expect(second.body.data.ledgerEntries.nodes[0].id).toBe(entries[7]!.id);

    await http()
      .get('/api/v1/payments/ledger/entries')
      .query({ account: 'cash:cheque' })
      .set('Authorization', citizen)
      .expect(403);
    expect(codeOf(await graphql(citizen, query, { a: 'cash:cheque' }))).toBe('FORBIDDEN');
    for (const cursor of [
      'not-a-cursor',
      Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'x'])).toString('base64url'),
    ]) {
      await http()
        .get('/api/v1/payments/ledger/entries')
        .query({ account: 'cash:cheque', cursor })
        .set('Authorization', finance)
        .expect(400);
      expect(codeOf(await graphql(finance, query, { a: 'cash:cheque', after: cursor }))).toBe('BAD_USER_INPUT');
    }
  });

  it("reads a case's entries: its fees, the payments made for it, what was applied and refunded", async () => {
    const { caseId, reference } = await announceCase(db, { feesDue: ['FEE0002'] });
    const [scanner, checker] = await Promise.all([
      bearer('finance-officer', { sub: 'case-scanner' }),
      bearer('finance-officer', { sub: 'case-checker' }),
    ]);
    const cash = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', scanner)
      .send({ method: 'cash', amountPence: 70_000, caseReference: reference })
      .expect(201);
    await http()
      .post(`/api/v1/payments/allocations/${cash.body.allocations[0].id}/verification`)
      .set('Authorization', checker)
      .send({ approve: true })
      .expect(200);
    const refund = await http()
      .post('/api/v1/payments/refunds')
      .set('Authorization', scanner)
      .send({ caseId, amountPence: 8_800, reason: 'overpayment' })
      .expect(201);
    await http()
      .post(`/api/v1/payments/refunds/${refund.body.id}/decision`)
      .set('Authorization', leader)
      .send({ decision: 'approve' })
      .expect(200);

    const page = await http()
      .get(`/api/v1/payments/ledger/cases/${caseId}/entries`)
      .set('Authorization', finance)
      .expect(200);
    const sr = (await db.query(`SELECT id FROM service_requests WHERE case_id = $1`, [caseId]))[0].id as string;
    const movements = (
      page.body.items as { kind: string; account: string; amountPence: number; refundId?: string }[]
    ).map((e) => [e.kind, e.account, e.amountPence]);
    expect(movements).toEqual([
      ['fee', `service-request:${sr}`, 61_200],
      ['fee', 'fee-income', -61_200],
      ['payment-received', 'cash:cash', 70_000],
      ['payment-received', `payment:${cash.body.id}`, -70_000],
      ['allocation', `payment:${cash.body.id}`, 70_000],
      ['allocation', `service-request:${sr}`, -70_000],
      ['refund', `service-request:${sr}`, 8_800],
      ['refund', 'cash:bank-transfer', -8_800],
    ]);
    expect(page.body.items[6]).toMatchObject({ refundId: refund.body.id, method: 'bank-transfer' });
    expect(page.body.nextCursor).toBeNull();

    const viaGraphql = await graphql(
      leader,
      'query($c: ID!) { caseLedgerEntries(caseId: $c, first: 3) { nodes { kind amountPence } pageInfo { hasNextPage } } }',
      { c: caseId },
    );
    expect(viaGraphql.body.data.caseLedgerEntries).toEqual({
      nodes: [
        { kind: 'fee', amountPence: 61_200 },
        { kind: 'fee', amountPence: -61_200 },
        { kind: 'payment-received', amountPence: 70_000 },
      ],
      pageInfo: { hasNextPage: true },
    });
    const unknown = randomUUID();
    await http().get(`/api/v1/payments/ledger/cases/${unknown}/entries`).set('Authorization', finance).expect(404);
    expect(
      codeOf(
        await graphql(finance, 'query($c: ID!) { caseLedgerEntries(caseId: $c) { nodes { id } } }', { c: unknown }),
      ),
    ).toBe('NOT_FOUND');
    await http().get('/api/v1/payments/ledger/cases/not-a-case/entries').set('Authorization', finance).expect(400);
  });

  it('gives the balance of each account at the end of a London day, page by page', async () => {
    const balances: { account: string; balancePence: number; entries: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof balances; nextCursor: string | null } } = await http()
        .get('/api/v1/payments/ledger/balances')
        .query({ date: today(), limit: 5, ...(cursor ? { cursor } : {}) })
        .set('Authorization', finance)
        .expect(200);
      balances.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const expected = (await db.query(
      `SELECT account, sum(amount_pence)::bigint AS balance, count(*)::int AS entries FROM ledger_entries
       GROUP BY account ORDER BY account`,
    )) as { account: string; balance: string; entries: number }[];
    expect(balances).toEqual(
      expected.map((r) => ({ account: r.account, balancePence: Number(r.balance), entries: r.entries })),
    );
    expect(balances.reduce((sum, b) => sum + b.balancePence, 0)).toBe(0);

    const yesterday = new Date(`${today()}T12:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    const before = await http()
      .get('/api/v1/payments/ledger/balances')
      .query({ date: yesterday.toISOString().slice(0, 10) })
      .set('Authorization', finance)
      .expect(200);
    expect(before.body).toEqual({ items: [], nextCursor: null });

    const cash = await graphql(
      leader,
      'query($d: String!) { ledgerBalances(date: $d, kind: "cash") { nodes { account balancePence } } }',
      { d: today() },
    );
    expect(cash.body.data.ledgerBalances.nodes).toEqual(
      balances
        .filter((b) => b.account.startsWith('cash:'))
        .map(({ account, balancePence }) => ({ account, balancePence })),
    );
    await http()
      .get('/api/v1/payments/ledger/balances')
      .query({ date: today(), kind: 'cash:card' })
      .set('Authorization', finance)
      .expect(400);
    expect(codeOf(await graphql(finance, '{ ledgerBalances(date: "2026-02-30") { nodes { account } } }'))).toBe(
      'BAD_USER_INPUT',
    );
    // A cursor is for the day it was issued for.
    const paged = await http()
      .get('/api/v1/payments/ledger/balances')
      .query({ date: today(), limit: 1 })
      .set('Authorization', finance)
      .expect(200);
    await http()
      .get('/api/v1/payments/ledger/balances')
      .query({ date: yesterday.toISOString().slice(0, 10), cursor: paged.body.nextCursor })
      .set('Authorization', finance)
      .expect(400);
    // A forged one naming an account no column can hold is refused before the database sees it.
    const [endOfDay] = JSON.parse(Buffer.from(paged.body.nextCursor, 'base64url').toString()) as [string];
    const forged = Buffer.from(JSON.stringify([endOfDay, 'cash:\u0000'])).toString('base64url');
    await http()
      .get('/api/v1/payments/ledger/balances')
      .query({ date: today(), cursor: forged })
      .set('Authorization', finance)
      .expect(400);
  });

  it('reconciles the day: balanced after all that, then each difference flagged with its pence', async () => {
    const report = async () =>
      (
        await http()
          .get('/api/v1/payments/reconciliation')
          .query({ date: today() })
          .set('Authorization', finance)
          .expect(200)
      ).body;
    const clean = await report();
    expect(clean.balanced).toBe(true);
    expect(clean.checks.every((c: { flagged: boolean }) => !c.flagged)).toBe(true);
    expect(clean.checks[0]).toMatchObject({ check: 'takings-accounted-for', key: 'all', differencePence: 0 });
    const cashTakings = (
      (await db.query(
        `SELECT COALESCE(sum(amount_pence), 0)::bigint AS s FROM ledger_entries WHERE account LIKE 'cash:%' OR account LIKE 'firm-account:%'`,
      )) as { s: string }[]
    )[0]!.s;
    expect(clean.flows.takingsPence).toBe(Number(cashTakings));
    expect(clean.checks.map((c: { check: string; key: string }) => `${c.check} ${c.key}`)).toEqual(
      expect.arrayContaining([
        'receipts-recorded cash',
        'receipts-recorded cheque',
        'receipts-recorded payment-by-account',
      ]),
    );

    // Takings moved straight to fee income, and a postal order in the register the ledger never took in.
    const stray = randomUUID();
    await db.query(
      `INSERT INTO ledger_entries (transaction_id, account, kind, amount_pence, method, recorded_by, occurred_at)
       VALUES ($1, 'cash:cash', 'fee', 700, 'cash', 'test', now()), ($1, 'fee-income', 'fee', -700, 'cash', 'test', now())`,
      [stray],
    );
    await db.query(
      `INSERT INTO payments (id, method, status, amount_pence, payer, received_at, created_at, updated_at)
       VALUES ($1, 'postal-order', 'success', 1200, 'test', now(), now(), now())`,
      [randomUUID()],
    );
    const flagged = await report();
    expect(flagged.balanced).toBe(false);
    expect(flagged.checks.filter((c: { flagged: boolean }) => c.flagged)).toEqual([
      {
        check: 'takings-accounted-for',
        key: 'all',
        expectedPence: clean.flows.takingsPence + 700,
        actualPence: clean.flows.takingsPence,
        differencePence: 700,
        flagged: true,
      },
      {
        check: 'receipts-recorded',
        key: 'postal-order',
        expectedPence: expect.any(Number),
        actualPence: expect.any(Number),
        differencePence: 1_200,
        flagged: true,
      },
    ]);

    const viaGraphql = await graphql(
      leader,
      `
        query ($d: String!) {
          dailyReconciliation(date: $d) {
            balanced
            flows {
              takingsPence
              refundedPence
            }
            checks {
              check
              key
              differencePence
              flagged
            }
            byMethod {
              key
              netPence
            }
          }
        }
      `,
      { d: today() },
    );
    expect(viaGraphql.body.errors).toBeUndefined();
    expect(viaGraphql.body.data.dailyReconciliation).toMatchObject({
      balanced: false,
      flows: { takingsPence: flagged.flows.takingsPence, refundedPence: flagged.flows.refundedPence },
      checks: flagged.checks.map(({ check, key, differencePence, flagged: f }: Record<string, unknown>) => ({
        check,
        key,
        differencePence,
        flagged: f,
      })),
    });
    expect(codeOf(await graphql(citizen, '{ dailyReconciliation(date: "2026-12-01") { balanced } }'))).toBe(
      'FORBIDDEN',
    );
  });
});
