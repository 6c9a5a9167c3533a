import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { londonLocalDate } from '@ccsc/calendar';
import { MI_READERS, miPeriodId, miPeriodOf, monthToDate } from '@ccsc/management-information';
import { bearer, eventually, indexConditions } from '@ccsc/testing';
import { finesFlowsSql } from '../src/management-information/infrastructure/fines-figures.repository';
import {
  caseResulted,
  paymentAllocated,
  paymentReversed,
  publish,
  resulted,
  startEnforcementApp,
} from './enforcement-app';

// The fines section of the management information: what happened to fine accounts in a period. The past is
// seeded row by row at chosen instants (London midnights either side of the clocks going forward, on 29 March
// 2026); the current month through the service's own commands and consumers.
describe('management information: fines', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let leader: string;
  let officer: string;
  let caseworker: string;

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);

  // ───── the past, seeded ─────

  async function account(
    unit: string,
    openedAt: string,
    impositions: { kind: string; creditor: string; priority: number; amount: number; at?: string }[],
  ): Promise<string> {
    const id = randomUUID();
    const number = `FA9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}X`;
    await db().query(
      `INSERT INTO fine_accounts (id, account_number, account_type, business_unit, enforcement_path, imposed_pence,
                                  terms_kind, pay_by, opened_at)
       VALUES ($1, $2, 'fine', $3, 'standard', $4, 'pay-by-date', '2026-12-31', $5)`,
      [id, number, unit, impositions.reduce((t, i) => t + i.amount, 0), openedAt],
    );
    for (const [seq, i] of impositions.entries())
      await db().query(
        `INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)`,
        [id, seq, i.kind, i.creditor, i.priority, i.amount, i.at ?? openedAt],
      );
    return id;
  }

  async function payment(
    accountId: string,
    amount: number,
    appliedAt: string,
    reversedAt?: string,
    source = 'payments',
  ) {
    const id = randomUUID();
    await db().query(
      `INSERT INTO fine_payments (application_id, payment_id, account_id, amount_pence, source, method, received_at,
                                  applied_at, reversed_at)
       VALUES ($1, $1, $2, $3, $4, 'card', $5, $5, $6)`,
      [id, accountId, amount, source, appliedAt, reversedAt ?? null],
    );
  }

  async function writeOff(accountId: string, amount: number, status: string, requestedAt: string, decidedAt?: string) {
    await db().query(
      `INSERT INTO write_offs (id, account_id, amount_pence, reason, status, requested_by, requested_at, decided_by,
                               decided_at)
       VALUES (gen_random_uuid(), $1, $2, 'hardship', $3, 'officer-sam', $4, $5, $6)`,
      [accountId, amount, status, requestedAt, decidedAt ? 'leader-jo' : null, decidedAt ?? null],
    );
  }

  const fine = (amount: number, at?: string) => ({ kind: 'fine', creditor: 'central-funds', priority: 6, amount, at });

  async function seedThePast(): Promise<void> {
    // March (GMT, then BST from the 29th) and April (BST).
    const n1 = await account('BU-NORTH', '2026-03-01T00:00:00Z', [
      { kind: 'compensation', creditor: 'victim-party-1', priority: 1, amount: 10_000 },
      fine(2_000),
    ]);
    // 23:30 BST on 31 March: March.
    const n2 = await account('BU-NORTH', '2026-03-31T22:30:00Z', [
      { kind: 'costs', creditor: 'cps', priority: 3, amount: 5_000 },
    ]);
    // Consolidated into n1 in April, as AccountRepository.consolidate does it: the copy keeps n2's date.
    await db().query(
      `INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
       SELECT gen_random_uuid(), $1, 2, kind, creditor, priority, amount_pence, imposed_at FROM fine_impositions
        WHERE account_id = $2`,
      [n1, n2],
    );
    await db().query(`UPDATE fine_accounts SET imposed_pence = imposed_pence + 5000 WHERE id = $1`, [n1]);
    await db().query(`UPDATE fine_accounts SET status = 'consolidated', consolidated_into = $1 WHERE id = $2`, [
      n1,
      n2,
    ]);
    // Midnight BST starting 1 April is still 31 March in UTC: April. Then a fixed penalty's increase in April.
    const s1 = await account('BU-SOUTH', '2026-03-31T23:00:00Z', [fine(7_000), fine(1_500, '2026-04-15T09:00:00Z')]);
    // 23:30 BST on 30 April, the last day: counts; midnight starting 1 May: does not.
    const s2 = await account('BU-SOUTH', '2026-04-30T22:30:00Z', [fine(3_000)]);
    await account('BU-SOUTH', '2026-04-30T23:00:00Z', [fine(100_000)]);
    // February (GMT): before the period above; a period of its own below.
    const n3 = await account('BU-NORTH', '2026-02-15T12:00:00Z', [fine(20_000)]);
    const e1 = await account('BU-EAST', '2026-02-28T23:30:00Z', [fine(40_000)]);

    await payment(n1, 4_000, '2026-03-05T10:00:00Z');
    await payment(n1, 1_000, '2026-03-20T10:00:00Z', '2026-04-02T10:00:00Z'); // paid in March, bounced in April
    await payment(s1, 2_500, '2026-04-30T22:30:00Z');
    await payment(s1, 800, '2026-04-30T23:00:00Z');
    await payment(s2, 600, '2026-04-30T22:35:00Z', '2026-04-30T22:45:00Z'); // charged back the same evening
    await payment(n3, 300, '2026-02-28T23:30:00Z', '2026-03-01T00:00:00Z'); // February's, taken back in March
    await payment(s1, 1_250, '2026-04-03T12:00:00Z', undefined, 'warrant');
    await payment(e1, 1_000, '2026-05-01T10:00:00Z');

    await writeOff(n1, 700, 'approved', '2026-03-25T10:00:00Z', '2026-03-26T10:00:00Z');
    await writeOff(n1, 900, 'approved', '2026-03-31T10:00:00Z', '2026-04-01T10:00:00Z'); // asked in March, approved in April
    await writeOff(s1, 5_000, 'requested', '2026-04-10T10:00:00Z');
    await writeOff(n1, 400, 'rejected', '2026-04-10T10:00:00Z', '2026-04-11T10:00:00Z');
    await writeOff(s2, 250, 'approved', '2026-04-30T22:31:00Z', '2026-04-30T22:32:00Z');
    await writeOff(s2, 111, 'approved', '2026-04-30T22:50:00Z', '2026-04-30T23:00:00Z');

    // The book's own figures, as the commands keep them: what is paid and written off now.
    await db().query(`
      UPDATE fine_accounts a SET
        paid_pence = (SELECT COALESCE(sum(amount_pence), 0) FROM fine_payments p
                       WHERE p.account_id = a.id AND p.reversed_at IS NULL),
        written_off_pence = (SELECT COALESCE(sum(amount_pence), 0) FROM write_offs w
                              WHERE w.account_id = a.id AND w.status = 'approved')`);
  }

  // ───── this month, through the service ─────

  let nationalAccount: { id: string; accountNumber: string };

  async function openedFor(defendantPartyId: string) {
    const data = resulted({ defendantPartyId });
    await publish(caseResulted(data));
    return eventually(async () => {
      const [row] = (await db().query(`SELECT id, account_number FROM fine_accounts WHERE case_id = $1`, [
        data.caseId,
      ])) as { id: string; account_number: string }[];
      expect(row).toBeDefined();
      return { id: row!.id, accountNumber: row!.account_number };
    });
  }

  async function applied(applicationId: string, reversed = false) {
    await eventually(async () =>
      expect(
        await db().query(`SELECT reversed_at IS NOT NULL AS reversed FROM fine_payments WHERE application_id = $1`, [
          applicationId,
        ]),
      ).toEqual([{ reversed }]),
    );
  }

  async function seedThisMonth(): Promise<void> {
    // One defendant, two results of 93,500 each (resulted()): accounts in the national business unit.
    const defendant = randomUUID();
    const target = await openedFor(defendant);
    const source = await openedFor(defendant);
    nationalAccount = target;
    const early = randomUUID();
    await publish(paymentAllocated(source.accountNumber, 10_000, randomUUID(), early));
    await applied(early);
    // What the source still owes (83,500) moves onto the target with its dates: imposed once, not twice.
    await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/consolidations`)
      .set('Authorization', officer)
      .send({ accountIds: [source.id] })
      .expect(201);
    const later = randomUUID();
    await publish(paymentAllocated(target.accountNumber, 5_000, randomUUID(), later));
    await applied(later);
    const bouncedPayment = randomUUID();
    const bounced = randomUUID();
    await publish(paymentAllocated(target.accountNumber, 1_000, bouncedPayment, bounced));
    await applied(bounced);
    await publish(paymentReversed(target.accountNumber, 1_000, bouncedPayment));
    await applied(bounced, true);
    // Four eyes: asked for by an officer, approved by a team leader; another only asked for.
    const approved = await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/write-offs`)
      .set('Authorization', officer)
      .send({ amountPence: 2_000, reason: 'hardship' })
      .expect(201);
    await http()
      .post(`/api/v1/enforcement/write-offs/${approved.body.id}/decision`)
      .set('Authorization', leader)
      .send({ approve: true })
      .expect(200);
    await http()
      .post(`/api/v1/enforcement/accounts/${target.id}/write-offs`)
      .set('Authorization', officer)
      .send({ amountPence: 3_000, reason: 'untraceable' })
      .expect(201);
  }

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    [leader, officer, caseworker] = await Promise.all([
      bearer(MI_READERS[0]!, { sub: 'leader-jo' }),
      bearer('enforcement-officer', { sub: 'officer-sam' }),
      bearer('caseworker', { sub: 'caseworker-al' }),
    ]);
    await seedThePast();
    await seedThisMonth();
  });
  afterAll(() => close());

  const SECTION = `fines {
    accountsOpened imposedPence collectedPence writtenOffPence collectionRatePercent
    byBusinessUnit { businessUnit imposedPence collectedPence writtenOffPence }
    periods { start imposedPence collectedPence writtenOffPence }
  }`;
  /** The section as the gateway asks for it: the entity by its key. */
  const fines = (id: string, who: string) =>
    http()
      .post('/graphql')
      .set('Authorization', who)
      .send({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ManagementInformation { id ${SECTION} } } }`,
        variables: { r: [{ __typename: 'ManagementInformation', id }] },
      })
      .expect(200);
  const csv = (query: string, who = leader) =>
    http().get(`/api/v1/enforcement/management-information?${query}`).set('Authorization', who);

  it('reads to team leaders, the managers of the service centre, only', async () => {
    expect(MI_READERS).toEqual(['team-leader']);
    const asLeader = await fines('2026-03-01..2026-04-30/month', leader);
    expect(asLeader.body.errors).toBeUndefined();
    // An officer reads the book's MI (GET /mi), not this; a caseworker neither.
    for (const who of [officer, caseworker]) {
      const refused = await fines('2026-03-01..2026-04-30/month', who);
      expect(refused.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
        'FORBIDDEN',
      ]);
      expect(refused.body.data?._entities?.[0]?.fines ?? null).toBeNull();
      await csv('from=2026-03-01&to=2026-04-30', who).expect(403);
    }
  });

  it('counts March and April (BST) by London month: 23:30 on the last day in, midnight after out', async () => {
    const res = await fines('2026-03-01..2026-04-30/month', leader);
    expect(res.body.data._entities).toEqual([
      {
        id: '2026-03-01..2026-04-30/month',
        fines: {
          accountsOpened: 4,
          imposedPence: 28_500,
          collectedPence: 7_450,
          writtenOffPence: 1_850,
          collectionRatePercent: 26.14,
          byBusinessUnit: [
            { businessUnit: 'BU-NORTH', imposedPence: 17_000, collectedPence: 3_700, writtenOffPence: 1_600 },
            { businessUnit: 'BU-SOUTH', imposedPence: 11_500, collectedPence: 3_750, writtenOffPence: 250 },
          ],
          periods: [
            { start: '2026-03-01', imposedPence: 17_000, collectedPence: 4_700, writtenOffPence: 700 },
            { start: '2026-04-01', imposedPence: 11_500, collectedPence: 2_750, writtenOffPence: 1_150 },
          ],
        },
      },
    ]);
  });

  it('counts February (GMT) by Monday week: 23:30 on the last day in, a quiet week as zeros', async () => {
    const res = await fines('2026-02-01..2026-02-28/week', leader);
    expect(res.body.data._entities[0].fines).toEqual({
      accountsOpened: 2,
      imposedPence: 60_000,
      collectedPence: 300,
      writtenOffPence: 0,
      collectionRatePercent: 0.5,
      byBusinessUnit: [
        { businessUnit: 'BU-EAST', imposedPence: 40_000, collectedPence: 0, writtenOffPence: 0 },
        { businessUnit: 'BU-NORTH', imposedPence: 20_000, collectedPence: 300, writtenOffPence: 0 },
      ],
      periods: [
        { start: '2026-02-01', imposedPence: 0, collectedPence: 0, writtenOffPence: 0 },
        { start: '2026-02-02', imposedPence: 0, collectedPence: 0, writtenOffPence: 0 },
        { start: '2026-02-09', imposedPence: 20_000, collectedPence: 0, writtenOffPence: 0 },
        { start: '2026-02-16', imposedPence: 0, collectedPence: 0, writtenOffPence: 0 },
        { start: '2026-02-23', imposedPence: 40_000, collectedPence: 300, writtenOffPence: 0 },
      ],
    });
    // No rate where nothing was imposed; a period with nothing at all has no units.
    const quiet = await fines('2026-01-05..2026-01-11/day', leader);
    expect(quiet.body.data._entities[0].fines).toMatchObject({
      accountsOpened: 0,
      imposedPence: 0,
      collectedPence: 0,
      writtenOffPence: 0,
      collectionRatePercent: null,
      byBusinessUnit: [],
    });
    expect(quiet.body.data._entities[0].fines.periods).toHaveLength(7);
    const refused = await fines('2026-02-28..2026-02-01/week', leader);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'to', message: 'must not be before from' }],
    });
  });

  it('counts what the service did this month: a consolidation imposes nothing, a bounce is taken off', async () => {
    const period = monthToDate(new Date());
    const res = await fines(miPeriodId(period), leader);
    const month = { imposedPence: 187_000, collectedPence: 15_000, writtenOffPence: 2_000 };
    expect(res.body.data._entities[0].fines).toEqual({
      accountsOpened: 2,
      ...month,
      collectionRatePercent: 8.02,
      byBusinessUnit: [{ businessUnit: 'national', ...month }],
      periods: [{ start: period.from, ...month }],
    });
    // The Grafana gauges: the same month to date, the export's `total` rows.
    const metrics = (await http().get('/metrics').expect(200)).text;
    const gauge = (measure: string, dimension = '') =>
      metrics
        .split('\n')
        .filter((line) => line.startsWith('ccsc_management_information_fines{'))
        .find((line) => line.includes(`measure="${measure}"`) && line.includes(`dimension="${dimension}"`))
        ?.split(' ')
        .pop();
    expect([
      gauge('accounts_opened'),
      gauge('imposed_pence'),
      gauge('collected_pence'),
      gauge('written_off_pence'),
      gauge('collection_rate_percent'),
      gauge('collected_pence', 'business_unit=national'),
    ]).toEqual(['2', '187000', '15000', '2000', '8.02', '15000']);
    expect(metrics).not.toContain(nationalAccount.accountNumber);
  });

  it("adds up over time to the book's paid figure of every business unit (GET /mi)", async () => {
    const today = londonLocalDate(new Date());
    const all = await fines(miPeriodId(miPeriodOf({ from: '2026-02-01', to: today })), leader);
    const book = await http().get('/api/v1/enforcement/mi').set('Authorization', leader).expect(200);
    const collected = (
      all.body.data._entities[0].fines.byBusinessUnit as { businessUnit: string; collectedPence: number }[]
    ).map((u) => [u.businessUnit, u.collectedPence]);
    expect(collected).toEqual(
      (book.body as { businessUnit: string; paidPence: number }[]).map((u) => [u.businessUnit, u.paidPence]),
    );
    expect(collected).toEqual([
      ['BU-EAST', 1_000],
      ['BU-NORTH', 4_000],
      ['BU-SOUTH', 4_550],
      ['national', 15_000],
    ]);
  });

  it('exports the figures as CSV: each month, the total, then the money by business unit', async () => {
    const res = await csv('from=2026-03-01&to=2026-04-30').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const line = (bucket: string, measure: string, value: number, dimension = '') =>
      `fines,2026-03-01,2026-04-30,month,${bucket},${measure},${dimension},${value}`;
    const bucket = (
      b: string,
      opened: number,
      imposed: number,
      collected: number,
      writtenOff: number,
      rate: number,
    ) => [
      line(b, 'accounts_opened', opened),
      line(b, 'imposed_pence', imposed),
      line(b, 'collected_pence', collected),
      line(b, 'written_off_pence', writtenOff),
      line(b, 'collection_rate_percent', rate),
    ];
    const unit = (name: string, imposed: number, collected: number, writtenOff: number) => [
      line('total', 'imposed_pence', imposed, `business_unit=${name}`),
      line('total', 'collected_pence', collected, `business_unit=${name}`),
      line('total', 'written_off_pence', writtenOff, `business_unit=${name}`),
    ];
    expect(res.text.split('\n')).toEqual([
      'section,from,to,granularity,bucket,measure,dimension,value',
      ...bucket('2026-03-01', 2, 17_000, 4_700, 700, 27.65),
      ...bucket('2026-04-01', 2, 11_500, 2_750, 1_150, 23.91),
      ...bucket('total', 4, 28_500, 7_450, 1_850, 26.14),
      ...unit('BU-NORTH', 17_000, 3_700, 1_600),
      ...unit('BU-SOUTH', 11_500, 3_750, 250),
      '',
    ]);

    const backwards = await csv('from=2026-04-30&to=2026-03-01&granularity=week').expect(400);
    expect(backwards.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(backwards.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'to', message: 'must not be before from' }],
    });
    expect((await csv('from=2026-03-01&to=2026-04-30&granularity=year').expect(400)).body.code).toBe('BAD_USER_INPUT');
  });

  it('reads each flow off an index of its instant, never a whole table', async () => {
    const { text, values } = finesFlowsSql(miPeriodOf({ from: '2026-03-01', to: '2026-04-30' })).toQuery();
    const conditions = (await indexConditions(db(), text, values)).join(' | ');
    for (const column of ['opened_at', 'imposed_at', 'applied_at', 'reversed_at', 'decided_at'])
      expect(conditions).toContain(`(${column} >= '2026-03-01 00:00:00+00'::timestamp with time zone)`);
    // A consolidation's copy is told by the imposition of the same instant, off the same index.
    expect(conditions).toContain('(imposed_at = i.imposed_at)');
  });
});
