import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { londonLocalDate } from '@ccsc/calendar';
import { bearer, createTestDatabase, TestDatabase } from '@ccsc/testing';
import { paymentsDatabase } from '../src/data-source';
import type { PaymentSearchCriteria, PaymentSearchFilter } from '../src/search/domain/payment-search-criteria';
import { paymentSearchSql } from '../src/search/infrastructure/payment-search.repository';
import { startPaymentsApp } from './payments-app';

// Seeded straight into the tables rather than through the API, so that the days received can be
// chosen and the expectations computed here from the same data; one cheque comes through the API.

interface SeedAccount {
  id: string;
  accountNumber: string;
  organisationId: string;
  name: string;
}
interface SeedPayment {
  id: string;
  method: string;
  status: 'success' | 'pending';
  amountPence: number;
  reference: string | null;
  accountId: string | null;
  organisationId: string | null;
  payer: string;
  receivedAt: Date | null;
  createdAt: Date;
}

const account = (accountNumber: string, organisationId: string, name: string): SeedAccount => ({
  id: randomUUID(),
  accountNumber,
  organisationId,
  name,
});
const SMITH_AND_CO = account('PBA0000101', 'org-a', 'Smith & Co Solicitors LLP');
const SMITHSON = account('PBA0000102', 'org-b', 'Smithson Legal Ltd');
// Names that mean something to LIKE: they must be matched literally.
const PERCENT = account('PBA0000103', 'org-b', '100% Legal_Services');
const LOOKALIKE = account('PBA0000104', 'org-c', '1000 LegalxServices');
const ACCOUNTS = [SMITH_AND_CO, SMITHSON, PERCENT, LOOKALIKE];

const AMOUNTS = [4_500, 10_000, 4_500, 45_500, 2_000];
const PAYMENTS = 96;
/** Summer time: a London day starts at 23:00 UTC the day before. */
const BASE = Date.parse('2027-06-01T00:00:00.000Z');
const HOUR = 3_600_000;

function seedPayments(): SeedPayment[] {
  const payments: SeedPayment[] = [];
  for (let i = 0; i < PAYMENTS; i++) {
    // Two payments share each instant, so pages must break ties on id.
    const createdAt = new Date(BASE + Math.floor(i / 2) * 7 * HOUR);
    const amountPence = AMOUNTS[i % AMOUNTS.length]!;
    const base = { id: randomUUID(), amountPence, createdAt, reference: null, accountId: null, organisationId: null };
    // Bulk-scanned money was banked (received) hours before it was recorded.
    const banked = new Date(createdAt.getTime() - (i % 3) * 5 * HOUR);
    const byAccount = (a: SeedAccount, payer: string): SeedPayment => ({
      ...base,
      method: 'payment-by-account',
      status: 'success',
      accountId: a.id,
      organisationId: a.organisationId,
      payer,
      receivedAt: createdAt,
    });
    const scanned = (method: string, reference: string | null): SeedPayment => ({
      ...base,
      method,
      status: 'success',
      reference,
      payer: 'bulk-scanning',
      receivedAt: banked,
    });
    const card = (payer: string, organisationId: string | null, paid: boolean): SeedPayment => ({
      ...base,
      method: 'card',
      status: paid ? 'success' : 'pending',
      organisationId,
      payer,
      receivedAt: paid ? createdAt : null,
    });
    const kinds: (() => SeedPayment)[] = [
      () => byAccount(SMITH_AND_CO, 'solicitor-sam'),
      () => byAccount(SMITHSON, 'solicitor-kim'),
      () => scanned('cheque', `CHQ-${i}`),
      () => scanned('postal-order', i % 16 === 3 ? 'J SMITH CLAIM FEE' : null),
      () => card('citizen-alex', null, i % 16 < 8),
      () => scanned('cash', null),
      () => (i % 16 < 8 ? byAccount(PERCENT, 'solicitor-kim') : byAccount(LOOKALIKE, 'solicitor-cal')),
      () => (i % 16 < 8 ? scanned('bank-transfer', `BT-${i}`) : card('solicitor-sam', 'org-a', true)),
    ];
    payments.push(kinds[i % kinds.length]!());
  }
  // Received five minutes either side of midnight in London, on the first of July (22:55 and 23:05 UTC).
  const edge = (receivedAt: string): SeedPayment => ({
    id: randomUUID(),
    method: 'cheque',
    status: 'success',
    amountPence: 777,
    reference: null,
    accountId: null,
    organisationId: null,
    payer: 'bulk-scanning',
    receivedAt: new Date(receivedAt),
    createdAt: new Date('2027-07-02T09:00:00.000Z'),
  });
  payments.push(edge('2027-06-30T22:55:00.000Z'), edge('2027-06-30T23:05:00.000Z'));
  return payments;
}

async function insertSeed(db: DataSource, payments: readonly SeedPayment[]): Promise<void> {
  for (const a of ACCOUNTS) {
    await db.query(
      `INSERT INTO payment_accounts (id, account_number, organisation_id, name, status, credit_limit_pence, created_at)
       VALUES ($1, $2, $3, $4, 'active', 1000000, $5)`,
      [a.id, a.accountNumber, a.organisationId, a.name, new Date(BASE - HOUR)],
    );
  }
  const column = <K extends keyof SeedPayment>(key: K) => payments.map((p) => p[key]);
  await db.query(
    `INSERT INTO payments (id, method, status, amount_pence, reference, account_id, organisation_id, payer, received_at, created_at, updated_at)
     SELECT id, method, status, amount_pence, reference, account_id, organisation_id, payer, received_at, created_at, created_at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
       AS t(id, method, status, amount_pence, reference, account_id, organisation_id, payer, received_at, created_at)`,
    [
      column('id'),
      column('method'),
      column('status'),
      column('amountPence'),
      column('reference'),
      column('accountId'),
      column('organisationId'),
      column('payer'),
      column('receivedAt'),
      column('createdAt'),
    ],
  );
}

const newestFirst = (a: SeedPayment, b: SeedPayment) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const nameOf = (p: SeedPayment) => ACCOUNTS.find((a) => a.id === p.accountId)?.name;
const payerMatches = (p: SeedPayment, payer: string) =>
  payer
    .trim()
    .split(/\s+/)
    .every((w) => nameOf(p)?.toLowerCase().includes(w.toLowerCase()) ?? false);
const receivedOn = (p: SeedPayment, from: string, to: string) =>
  p.receivedAt !== null && londonLocalDate(p.receivedAt) >= from && londonLocalDate(p.receivedAt) <= to;

const SEARCH = `query($criteria: PaymentSearchInput!, $first: Int, $after: String) {
  searchPayments(criteria: $criteria, first: $first, after: $after) {
    nodes { id method amountPence receivedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface GraphQLSearch {
  data?: {
    searchPayments: {
      nodes: { id: string; method: string; amountPence: number }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
  errors?: { message: string; extensions: { code: string; fieldErrors?: { field: string; message: string }[] } }[];
}
interface RestPage {
  items: { id: string; method: string; amountPence: number }[];
  nextCursor: string | null;
}

describe('payment search', () => {
  let app: INestApplication;
  let db: DataSource;
  let close: () => Promise<void>;
  let finance: string;
  let firmA: string;
  let firmB: string;
  let citizen: string;
  const seeded = seedPayments();

  beforeAll(async () => {
    ({ app, db, close } = await startPaymentsApp());
    await insertSeed(db, seeded);
    [finance, firmA, firmB, citizen] = await Promise.all([
      bearer('finance-officer', { sub: 'officer-one' }),
      bearer('professional', { org: 'org-a', sub: 'solicitor-sam' }),
      bearer('professional', { org: 'org-b', sub: 'solicitor-kim' }),
      bearer('citizen', { sub: 'citizen-alex' }),
    ]);
    // And one cheque as bulk scanning records it, received and created today.
    const scanned = await http()
      .post('/api/v1/payments/bulk-scan-payments')
      .set('Authorization', finance)
      .send({ method: 'cheque', amountPence: 4_500, reference: 'Smith & Co cheque 0042' })
      .expect(201);
    const [stored] = (await db.query(
      `SELECT id, created_at AS "createdAt", received_at AS "receivedAt", payer FROM payments WHERE id = $1`,
      [scanned.body.id],
    )) as { id: string; createdAt: Date; receivedAt: Date; payer: string }[];
    seeded.push({
      ...stored!,
      method: 'cheque',
      status: 'success',
      amountPence: 4_500,
      reference: 'Smith & Co cheque 0042',
      accountId: null,
      organisationId: null,
    });
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const VISIBLE: Record<string, (p: SeedPayment) => boolean> = {};
  beforeAll(() => {
    VISIBLE[finance] = () => true;
    VISIBLE[firmA] = (p) => p.organisationId === 'org-a';
    VISIBLE[firmB] = (p) => p.organisationId === 'org-b';
    VISIBLE[citizen] = (p) => p.payer === 'citizen-alex';
  });
  const expected = (matches: (p: SeedPayment) => boolean, who = finance) =>
    seeded
      .filter((p) => matches(p) && VISIBLE[who]!(p))
      .sort(newestFirst)
      .map((p) => p.id);

  async function graphql(
    criteria: PaymentSearchCriteria,
    who = finance,
    first?: number,
    after?: string,
  ): Promise<GraphQLSearch> {
    const res = await http()
      .post('/graphql')
      .set('Authorization', who)
      .send({ query: SEARCH, variables: { criteria, first, after } })
      .expect(200);
    return res.body as GraphQLSearch;
  }

  /** Every page over GraphQL, in order; fails on a repeated payment, which keyset pagination must never produce. */
  async function searchAll(criteria: PaymentSearchCriteria, who = finance, first = 100): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const body = await graphql(criteria, who, first, after);
      expect(body.errors).toBeUndefined();
      const { nodes, pageInfo } = body.data!.searchPayments;
      expect(nodes.length).toBeLessThanOrEqual(first);
      ids.push(...nodes.map((n) => n.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor!;
    }
    expect(new Set(ids).size).toBe(ids.length);
    return ids;
  }

  const rest = (query: Record<string, string | number>, who = finance) =>
    http().get('/api/v1/payments/payments/search').query(query).set('Authorization', who);

  /** Every page over REST, by `limit` and `cursor`. */
  async function restAll(query: Record<string, string | number>, who = finance, limit = 100): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const body = (await rest({ ...query, limit, ...(cursor ? { cursor } : {}) }, who).expect(200)).body as RestPage;
      expect(body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...body.items.map((p) => p.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(ids).size).toBe(ids.length);
    return ids;
  }

  /** The same search over GraphQL and REST must find the same payments, in the same order. */
  async function bothWays(criteria: PaymentSearchCriteria & Record<string, string | number>, who = finance) {
    const viaGraphQL = await searchAll(criteria, who);
    expect(await restAll(criteria, who)).toEqual(viaGraphQL);
    return viaGraphQL;
  }

  it('finds a payment by its reference, whole, in any case, spaces around it ignored', async () => {
    const chq2 = seeded.find((p) => p.reference === 'CHQ-2')!;
    expect(seeded.some((p) => p.reference === 'CHQ-26')).toBe(true);
    for (const reference of ['CHQ-2', ' chq-2 ', 'Chq-2']) expect(await bothWays({ reference })).toEqual([chq2.id]);
    // Not a part of one.
    expect(await bothWays({ reference: 'CHQ' })).toEqual([]);
    // As the app records it from a scanned slip.
    const viaApi = seeded.find((p) => p.reference === 'Smith & Co cheque 0042')!;
    expect(await bothWays({ reference: 'SMITH & CO CHEQUE 0042' })).toEqual([viaApi.id]);
    // One reference on several payments: newest first.
    const fees = expected((p) => p.reference === 'J SMITH CLAIM FEE');
    expect(fees.length).toBeGreaterThan(1);
    expect(await bothWays({ reference: 'j smith claim fee' })).toEqual(fees);
  });

  it("finds payers by the words of the name of the firm's account the money came from", async () => {
    for (const payer of ['smith', 'SMITH co', '& co smi', 'smithson', 'legal', 'solicitors llp']) {
      const want = expected((p) => payerMatches(p, payer));
      expect(want.length).toBeGreaterThan(0);
      expect(await bothWays({ payer })).toEqual(want);
    }
    expect(await bothWays({ payer: 'smith co' })).toEqual(expected((p) => p.accountId === SMITH_AND_CO.id));
    // Bulk-scanned and card payments carry no payer's name: "J SMITH" on a slip is its reference, not a payer.
    expect(await bothWays({ payer: 'j smith claim' })).toEqual([]);
  });

  it('takes % and _ in a payer literally', async () => {
    expect(await bothWays({ payer: '100%' })).toEqual(expected((p) => p.accountId === PERCENT.id));
    expect(await bothWays({ payer: 'legal_s' })).toEqual(expected((p) => p.accountId === PERCENT.id));
    expect(await bothWays({ payer: 'legalx' })).toEqual(expected((p) => p.accountId === LOOKALIKE.id));
  });

  it('finds the cheque for 45.00: by amount and method, by amount alone, and by method alone', async () => {
    const cheques = expected((p) => p.method === 'cheque' && p.amountPence === 4_500);
    expect(cheques.length).toBeGreaterThan(1);
    expect(await bothWays({ amountPence: 4_500, method: 'cheque' })).toEqual(cheques);
    expect(await bothWays({ amountPence: 4_500 })).toEqual(expected((p) => p.amountPence === 4_500));
    for (const method of ['postal-order', 'card', 'payment-by-account'])
      expect(await bothWays({ method })).toEqual(expected((p) => p.method === method));
    expect(await bothWays({ amountPence: 1 })).toEqual([]);
  });

  it('finds by the London day received, receivedTo inclusive, either end alone', async () => {
    const june = (day: number) => `2027-06-${String(day).padStart(2, '0')}`;
    for (const [from, to] of [
      [june(3), june(3)],
      [june(5), june(9)],
      [june(20), '2027-07-31'],
    ] as const) {
      const want = expected((p) => receivedOn(p, from, to));
      expect(want.length).toBeGreaterThan(0);
      expect(await bothWays({ receivedFrom: from, receivedTo: to })).toEqual(want);
    }
    expect(await bothWays({ receivedFrom: june(25) })).toEqual(expected((p) => receivedOn(p, june(25), '9999-12-31')));
    expect(await bothWays({ receivedTo: june(2) })).toEqual(expected((p) => receivedOn(p, '0000-01-01', june(2))));

    // 22:55 UTC on 30 June is 23:55 in London, the 30th; 23:05 UTC is five past midnight on 1 July.
    const [before, after] = seeded.filter((p) => p.amountPence === 777);
    expect(await bothWays({ amountPence: 777, receivedFrom: june(30), receivedTo: june(30) })).toEqual([before!.id]);
    expect(await bothWays({ amountPence: 777, receivedFrom: '2027-07-01', receivedTo: '2027-07-01' })).toEqual([
      after!.id,
    ]);
    // A card payment still at the provider has not been received on any day.
    const pending = seeded.find((p) => p.status === 'pending')!;
    expect(await bothWays({ method: 'card', receivedTo: '2099-12-31' })).not.toContain(pending.id);
  });

  it('matches every criterion given at once', async () => {
    const criteria = {
      payer: 'smith co',
      amountPence: 4_500,
      method: 'payment-by-account',
      receivedFrom: '2027-06-01',
      receivedTo: '2027-06-20',
    };
    const want = expected(
      (p) =>
        payerMatches(p, 'smith co') &&
        p.amountPence === 4_500 &&
        p.method === 'payment-by-account' &&
        receivedOn(p, '2027-06-01', '2027-06-20'),
    );
    expect(want.length).toBeGreaterThan(0);
    expect(await bothWays(criteria)).toEqual(want);
    expect(await bothWays({ ...criteria, method: 'cheque' })).toEqual([]);
  });

  it('pages newest first without repeats or gaps, also across payments created at the same instant', async () => {
    const want = expected((p) => p.method === 'cheque');
    for (const first of [1, 3, 7]) expect(await searchAll({ method: 'cheque' }, finance, first)).toEqual(want);
    for (const limit of [2, 5]) expect(await restAll({ method: 'cheque' }, finance, limit)).toEqual(want);
    // A full page says there is more; the last one does not.
    const page = await graphql({ method: 'cheque' }, finance, want.length);
    expect(page.data!.searchPayments.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    const short = (await rest({ method: 'cheque', limit: want.length - 1 }).expect(200)).body as RestPage;
    expect(short.nextCursor).toEqual(expect.any(String));
  });

  it('shows each caller only the payments the payments list shows them: a firm its own, a citizen what they paid', async () => {
    // The firm finds the other firm's account by name, and nothing of it.
    expect(await bothWays({ payer: 'smith' }, firmA)).toEqual(expected((p) => p.accountId === SMITH_AND_CO.id));
    expect(await bothWays({ payer: 'smith' }, firmB)).toEqual(expected((p) => p.accountId === SMITHSON.id));
    expect(await bothWays({ payer: 'smith co' }, firmB)).toEqual([]);
    // Its own card payments are its firm's, whoever paid them; bulk-scanned money is nobody's but staff's.
    expect(await bothWays({ method: 'card' }, firmA)).toEqual(expected((p) => p.method === 'card', firmA));
    expect(await bothWays({ reference: 'CHQ-2' }, firmA)).toEqual([]);
    expect(await bothWays({ amountPence: 4_500 }, firmB)).toEqual(expected((p) => p.amountPence === 4_500, firmB));
    expect(await bothWays({ method: 'card' }, citizen)).toEqual(expected((p) => p.method === 'card', citizen));
    expect((await bothWays({ method: 'card' }, citizen)).length).toBeGreaterThan(0);
    // What the list shows each of them is what search finds with a criterion every payment meets.
    for (const who of [firmA, firmB, citizen]) {
      const listed = (await http().get('/api/v1/payments/payments').query({ limit: 100 }).set('Authorization', who))
        .body as RestPage;
      const everything = await restAll({ receivedTo: '2099-12-31' }, who);
      expect(everything).toEqual(
        listed.items.filter((p) => seeded.find((s) => s.id === p.id)?.receivedAt).map((p) => p.id),
      );
    }
    // Roles: the payments list's.
    await rest({ method: 'cash' }, await bearer('enforcement-officer')).expect(403);
    const refused = await graphql({ method: 'cash' }, await bearer('enforcement-officer'));
    expect(refused.errors![0]!.extensions.code).toBe('FORBIDDEN');
    await http().get('/api/v1/payments/payments/search').query({ method: 'cash' }).expect(401);
  });

  it('refuses bad criteria with 400 problem+json and BAD_USER_INPUT, naming every field, and records nothing', async () => {
    const trailBefore = await auditRows();
    const refusals: [PaymentSearchCriteria, string[]][] = [
      [{}, ['criteria']],
      [{ reference: ' ', payer: '' }, ['criteria']],
      [{ payer: 'ab' }, ['payer']],
      [{ payer: 'a b c d e f ghi' }, ['payer']],
      [{ amountPence: 0 }, ['amountPence']],
      [{ amountPence: -4_500 }, ['amountPence']],
      [{ method: 'paypal' }, ['method']],
      [{ receivedFrom: '2027-06-10', receivedTo: '2027-06-09' }, ['receivedTo']],
      [
        { payer: 'x', amountPence: 0, method: 'Cheque', receivedFrom: '2027-06-10', receivedTo: '2027-06-01' },
        ['payer', 'amountPence', 'method', 'receivedTo'],
      ],
    ];
    for (const [criteria, fields] of refusals) {
      const viaRest = await rest(criteria as Record<string, string | number>).expect(400);
      expect(viaRest.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((viaRest.body.errors as { field: string }[]).map((e) => e.field)).toEqual(fields);
      const viaGraphQL = await graphql(criteria);
      expect(viaGraphQL.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(viaGraphQL.errors![0]!.extensions.fieldErrors!.map((e) => e.field)).toEqual(fields);
    }
    const method = await rest({ method: 'paypal' }).expect(400);
    expect(method.body.errors).toEqual([
      {
        field: 'method',
        message: 'must be one of card, payment-by-account, cheque, postal-order, cash, bank-transfer',
      },
    ]);

    // What the query string itself gets wrong, over REST.
    for (const [query, field] of [
      [{ receivedFrom: '2027-02-30' }, 'receivedFrom'],
      [{ receivedTo: '30/06/2027' }, 'receivedTo'],
      [{ amountPence: 'forty-five' }, 'amountPence'],
      [{ amountPence: '45.5' }, 'amountPence'],
      [{ method: 'cheque', sort: 'amount' }, 'sort'],
      [{ method: 'cheque', limit: 0 }, 'limit'],
      [{ method: 'cheque', cursor: 'bm9wZQ' }, 'cursor'],
      [{ method: 'cheque', reference: 'x'.repeat(101) }, 'reference'],
    ] as const) {
      const res = await rest(query).expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    }
    const badCursor = await graphql({ method: 'cheque' }, finance, 5, 'bm9wZQ');
    expect(badCursor.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'after' }],
    });
    expect(await auditRows()).toEqual(trailBefore);
  });

  async function auditRows(): Promise<
    { actor: string; operation: string; record_type: string; record_ids: string[] }[]
  > {
    return (await db.query(
      `SELECT actor, operation, record_type, record_ids FROM audit_trail WHERE kind = 'read' ORDER BY at, id`,
    )) as { actor: string; operation: string; record_type: string; record_ids: string[] }[];
  }

  it('records each search in the audit trail as the payments list does: one read naming the page shown', async () => {
    const before = (await auditRows()).length;
    const restPage = (await rest({ method: 'cheque', limit: 3 }).expect(200)).body as RestPage;
    const gqlPage = await graphql({ payer: 'smith' }, firmA, 4);
    const rows = (await auditRows()).slice(before);
    expect(rows).toEqual([
      {
        actor: 'officer-one',
        operation: 'GET /api/v1/payments/payments/search',
        record_type: 'payment',
        record_ids: restPage.items.map((p) => p.id),
      },
      {
        actor: 'solicitor-sam',
        operation: 'query searchPayments',
        record_type: 'payment',
        record_ids: gqlPage.data!.searchPayments.nodes.map((p) => p.id),
      },
    ]);
    expect(rows.map((r) => r.record_ids.length)).toEqual([3, 4]);
    // As for the list, a search that shows nothing has nothing to record.
    expect(await bothWays({ amountPence: 1 })).toEqual([]);
    expect((await auditRows()).length).toBe(before + 2);
  });

  it('answers with the payments as every other read shows them', async () => {
    const viaApi = seeded.find((p) => p.reference === 'Smith & Co cheque 0042')!;
    const found = (await rest({ reference: 'smith & co cheque 0042' }).expect(200)).body as RestPage;
    const got = (await http().get(`/api/v1/payments/payments/${viaApi.id}`).set('Authorization', finance).expect(200))
      .body as unknown;
    expect(found.items).toEqual([got]);
  });
});

/** Names of every index the plan reads, from EXPLAIN (FORMAT JSON). */
function indexesOf(plan: Record<string, unknown>): string[] {
  const own = typeof plan['Index Name'] === 'string' ? [plan['Index Name']] : [];
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...own, ...children.flatMap(indexesOf)];
}

function tablesReadWhole(plan: Record<string, unknown>): string[] {
  const own = plan['Node Type'] === 'Seq Scan' ? [plan['Relation Name'] as string] : [];
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...own, ...children.flatMap(tablesReadWhole)];
}

describe('payment search query plans', () => {
  let database: TestDatabase;
  let client: Client;
  const rareAccount = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase('payments', paymentsDatabase);
    client = new Client({ connectionString: database.url });
    await client.connect();
    // Enough rows that reading a table whole costs the planner more than an index: 2 000 firms' accounts, 60 000 payments.
    await client.query(`
      INSERT INTO payment_accounts (id, account_number, organisation_id, name, status, credit_limit_pence, created_at)
      SELECT md5('account' || i)::uuid, 'PBA' || lpad(i::text, 7, '0'), 'org-' || i,
             (ARRAY['Smith','Jones','Patel','Evans','Taylor','Brown','Wilson'])[1 + i % 7] || ' ' || (ARRAY['& Co','Legal','Solicitors','LLP'])[1 + i % 4] || ' ' || i,
             'active', 1000000, timestamptz '2022-01-01'
      FROM generate_series(1, 2000) i`);
    await client.query(
      `INSERT INTO payment_accounts VALUES ($1, 'PBA9999999', 'org-rare', 'Quartermain Zebedee LLP', 'active', 1000000, now())`,
      [rareAccount],
    );
    await client.query(`
      INSERT INTO payments (id, method, status, amount_pence, reference, account_id, organisation_id, payer, received_at, created_at, updated_at)
      SELECT md5('payment' || i)::uuid, m.method, 'success', 500 * (1 + i % 300),
             CASE WHEN m.method IN ('cheque', 'postal-order', 'bank-transfer') THEN 'REF-' || i END,
             CASE WHEN m.method = 'payment-by-account' THEN md5('account' || (1 + i % 2000))::uuid END,
             CASE WHEN m.method = 'payment-by-account' THEN 'org-' || (1 + i % 2000) END,
             'payer-' || (i % 5000),
             timestamptz '2022-01-01' + i * interval '17 minutes', timestamptz '2022-01-01' + i * interval '17 minutes',
             timestamptz '2022-01-01' + i * interval '17 minutes'
      FROM generate_series(1, 60000) i,
           LATERAL (SELECT (ARRAY['card','payment-by-account','cheque','postal-order','cash','bank-transfer','card','payment-by-account','card','payment-by-account'])[1 + i % 10] AS method) m`);
    await client.query(
      `INSERT INTO payments (id, method, status, amount_pence, account_id, organisation_id, payer, received_at, created_at, updated_at)
       VALUES ($1, 'payment-by-account', 'success', 4500, $2, 'org-rare', 'someone', now(), now(), now())`,
      [randomUUID(), rareAccount],
    );
    // VACUUM too: it moves the trigram index's pending entries into the index proper, as autovacuum would.
    await client.query('VACUUM ANALYZE');
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  async function plan(filter: PaymentSearchFilter): Promise<Record<string, unknown>> {
    const { text, values } = paymentSearchSql(filter, { kind: 'all' }, 21).toQuery();
    const { rows } = await client.query<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }>(
      `EXPLAIN (FORMAT JSON) ${text}`,
      values,
    );
    return rows[0]!['QUERY PLAN'][0]!.Plan;
  }
  const planIndexes = async (filter: PaymentSearchFilter) => indexesOf(await plan(filter));

  it('reads an index for every criterion, never the whole payments table', async () => {
    expect(await planIndexes({ reference: 'ref-12345' })).toContain('payments_reference_created_at_id');
    // 2 000 accounts are few enough that the planner may read payment_accounts whole or through its trigram
    // index, as its statistics say; the payments it matches are always reached through the account index.
    const byPayer = await plan({ payerWords: ['quarterm'] });
    expect(indexesOf(byPayer)).toContain('payments_account_created_at_id');
    expect(tablesReadWhole(byPayer)).not.toContain('payments');
    expect(await planIndexes({ amountPence: 4500, method: 'cheque' })).toContain(
      'payments_amount_method_created_at_id',
    );
    expect(await planIndexes({ amountPence: 4500 })).toContain('payments_amount_method_created_at_id');
    expect(await planIndexes({ method: 'cash' })).toContain('payments_method_created_at_id');
    const day = { from: new Date('2022-03-01T00:00:00.000Z'), to: new Date('2022-03-02T00:00:00.000Z') };
    expect(await planIndexes({ received: day })).toContain('payments_received_at_created_at_id');
  });
});
