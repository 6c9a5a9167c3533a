import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { AppError, createValidationPipe } from '@ccsc/platform';
import { bearer, createTestDatabase, seededRandom, TestDatabase, testServiceEnv } from '@ccsc/testing';
import { formatCaseReference, generateCaseReference } from '../src/case/domain/case-reference';
import { casesApp } from '../src/cases.app';
import { readCasesConfig } from '../src/config';
import { casesDatabase } from '../src/data-source';
import { CaseSearch } from '../src/search/application/case-search.queries';
import { CaseSearchController } from '../src/search/api/case-search.controller';
import { SearchCasesParams } from '../src/search/api/case-search.inputs';
import { CaseSearchCriteria, CaseSearchFilter, toSearchFilter } from '../src/search/domain/case-search-criteria';
import type { CaseAccess } from '../src/case/domain/case-access';
import { CaseSearchRepository as CaseSearchFinder } from '../src/search/infrastructure/case-search.repository';
import { caseSearchSql, matchedPartiesSql, SqlStatement } from './case-search-statements';

// Seeded straight into the tables (a few hundred cases in two statements) rather than through the
// API, so that the expectations can be computed here from the same data.

interface SeedParty {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
  postcode: string | null;
  userId: string | null;
  representedBy: string | null;
}
interface SeedCase {
  id: string;
  reference: string;
  caseType: string;
  state: string;
  createdAt: Date;
  parties: SeedParty[];
}

const FIRST = ['Alex', 'Sam', 'Jordan', 'Priya', 'Mohammed', 'Olivia', 'Chen', 'Siobhan', 'Dafydd', 'Grace'];
const LAST = ['Smith', 'Smithson', 'Jones', 'Goldsmith', 'Patel', 'Williams', "O'Brien", 'Nguyen', 'Evans', 'Taylor'];
const FIRMS = ['Acme Ltd', 'Widgets Ltd', 'Northern Rail Plc', 'Smith & Co', 'Cardiff Council'];
const POSTCODES = ['SW1A1AA', 'CF101EP', 'M11AE', 'EH11YZ', 'LS14AP', 'B338TH', 'BS15TR', 'N19GU'];
const TYPES = ['civil-money-claim', 'divorce', 'probate'];
const STATES = ['Draft', 'Submitted', 'Issued', 'Closed'];
const CASES = 300;

function seedCases(): SeedCase[] {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const references = new Set<string>();
  const base = Date.parse('2025-01-01T00:00:00.000Z');
  const cases: SeedCase[] = [];
  for (let i = 0; i < CASES; i++) {
    let reference = generateCaseReference((max) => Math.floor(random() * max));
    while (references.has(reference)) reference = generateCaseReference((max) => Math.floor(random() * max));
    references.add(reference);
    const firm = i % 4 === 0;
    cases.push({
      id: randomUUID(),
      reference,
      caseType: pick(TYPES),
      state: pick(STATES),
      // Three cases share each instant, so pages must break ties on id. Milliseconds, as the app writes them.
      createdAt: new Date(base + Math.floor(i / 3) * 60_000),
      parties: [
        {
          id: randomUUID(),
          name: `${pick(FIRST)} ${pick(LAST)}`,
          kind: 'person',
          postcode: random() < 0.8 ? pick(POSTCODES) : null,
          userId: i % 10 === 0 ? 'citizen-7' : null,
          representedBy: i % 3 === 0 ? 'org-a' : i % 3 === 1 ? 'org-b' : null,
        },
        {
          id: randomUUID(),
          name: firm ? pick(FIRMS) : `${pick(FIRST)} ${pick(LAST)}`,
          kind: firm ? 'organisation' : 'person',
          postcode: random() < 0.5 ? pick(POSTCODES) : null,
          userId: null,
          representedBy: null,
        },
      ],
    });
  }
  // User input that means something to LIKE: these must be matched literally.
  const literal = (name: string, index: number) => {
    cases[index]!.parties[1] = { ...cases[index]!.parties[1]!, name, kind: 'organisation' };
  };
  literal('100% Solutions Ltd', 5);
  literal('1000 Solutions Ltd', 6);
  literal('Under_score Ltd', 7);
  literal('Underxscore Ltd', 8);
  return cases;
}

async function insertSeed(dataSource: DataSource, cases: readonly SeedCase[]): Promise<void> {
  await dataSource.query(
    `INSERT INTO cases (id, reference, case_type, state, created_by, created_at, updated_at, version)
     SELECT id, reference, case_type, state, 'seed', created_at, created_at, 1
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS t(id, reference, case_type, state, created_at)`,
    [
      cases.map((c) => c.id),
      cases.map((c) => c.reference),
      cases.map((c) => c.caseType),
      cases.map((c) => c.state),
      cases.map((c) => c.createdAt.toISOString()),
    ],
  );
  const parties = cases.flatMap((c) =>
    c.parties.map((p, position) => ({ ...p, caseId: c.id, position, role: position === 0 ? 'claimant' : 'defendant' })),
  );
  const column = <K extends keyof (typeof parties)[number]>(key: K) => parties.map((p) => p[key]);
  await dataSource.query(
    `INSERT INTO case_parties (id, case_id, position, role, kind, name, user_id, represented_by, postcode)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
    [
      column('id'),
      column('caseId'),
      column('position'),
      column('role'),
      column('kind'),
      column('name'),
      column('userId'),
      column('representedBy'),
      column('postcode'),
    ],
  );
}

const newestFirst = (a: SeedCase, b: SeedCase) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const nameMatches = (party: SeedParty, partyName: string) =>
  partyName
    .trim()
    .split(/\s+/)
    .every((w) => party.name.toLowerCase().includes(w.toLowerCase()));

const SEARCH = `query($criteria: CaseSearchInput!, $first: Int, $after: String) {
  searchCases(criteria: $criteria, first: $first, after: $after) {
    nodes { id reference caseType state parties { name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface SearchResult {
  data?: {
    searchCases: {
      nodes: { id: string; reference: string; parties: { name: string }[] }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
  errors?: { message: string; extensions: { code: string; fieldErrors?: { field: string; message: string }[] } }[];
}

describe('case search', () => {
  let app: INestApplication | undefined;
  let database: TestDatabase | undefined;
  let caseworker: string;
  const seeded = seedCases();

  beforeAll(async () => {
    // Started here rather than by startCasesApp so that the database is dropped even when the app fails to start.
    database = await createTestDatabase('cases', casesDatabase);
    app = await casesApp(readCasesConfig(testServiceEnv(database.url)));
    await app.init();
    await insertSeed(app.get(DataSource), seeded);
    caseworker = await bearer('caseworker');
  });
  afterAll(async () => {
    try {
      await app?.close();
    } finally {
      await database?.drop();
    }
  });

  async function search(
    criteria: CaseSearchCriteria,
    authorization = caseworker,
    first?: number,
    after?: string,
  ): Promise<SearchResult> {
    const res = await request(app!.getHttpServer())
      .post('/graphql')
      .set('Authorization', authorization)
      .send({ query: SEARCH, variables: { criteria, first, after } })
      .expect(200);
    return res.body as SearchResult;
  }

  /** Every page, in order; fails on a repeated case, which keyset pagination must never produce. */
  async function searchAll(criteria: CaseSearchCriteria, authorization = caseworker, first = 100): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const body = await search(criteria, authorization, first, after);
      expect(body.errors).toBeUndefined();
      const { nodes, pageInfo } = body.data!.searchCases;
      ids.push(...nodes.map((n) => n.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor!;
    }
    expect(new Set(ids).size).toBe(ids.length);
    return ids;
  }

  const expected = (matches: (c: SeedCase) => boolean) =>
    seeded
      .filter(matches)
      .sort(newestFirst)
      .map((c) => c.id);

  it('finds a case by its reference with dashes, without, or with spaces', async () => {
    const target = seeded[123]!;
    for (const typed of [
      formatCaseReference(target.reference),
      target.reference,
      formatCaseReference(target.reference).replace(/-/g, ' '),
    ]) {
      const body = await search({ reference: typed });
      expect(body.data!.searchCases.nodes.map((n) => n.id)).toEqual([target.id]);
      expect(body.data!.searchCases.nodes[0]!.reference).toBe(formatCaseReference(target.reference));
    }
  });

  it('refuses a malformed reference, and a search without criteria, as BAD_USER_INPUT', async () => {
    const digits = seeded[0]!.reference;
    const wrongCheckDigit = digits.slice(0, 15) + String((Number(digits[15]) + 1) % 10);
    for (const reference of [wrongCheckDigit, '1234-5678', 'search']) {
      const body = await search({ reference });
      expect(body.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'reference' }],
      });
    }
    const none = await search({ reference: ' ', partyName: '' });
    expect(none.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'criteria' }] });
    const short = await search({ partyName: 'sm' });
    expect(short.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'partyName' }],
    });
  });

  it('finds parties by partial names in any case, every word in one name, in any order', async () => {
    for (const partyName of ['smi', 'SMITH', 'smithson', 'alex smi', 'Smi ALEX', "o'bri", 'acme']) {
      const want = expected((c) => c.parties.some((p) => nameMatches(p, partyName)));
      expect(want.length).toBeGreaterThan(0);
      expect(await searchAll({ partyName })).toEqual(want);
    }
    // Goldsmith contains "smith": partial means anywhere in the name, not only at a word's start.
    const goldsmiths = expected((c) => c.parties.some((p) => p.name.includes('Goldsmith')));
    expect(await searchAll({ partyName: 'smith' })).toEqual(expect.arrayContaining(goldsmiths));
  });

  it('takes % and _ in a name literally', async () => {
    expect(await searchAll({ partyName: '100%' })).toEqual([seeded[5]!.id]);
    expect(await searchAll({ partyName: 'der_sc' })).toEqual([seeded[7]!.id]);
  });

  it('finds by postcode in any case and spacing', async () => {
    const want = expected((c) => c.parties.some((p) => p.postcode === 'SW1A1AA'));
    expect(want.length).toBeGreaterThan(0);
    for (const postcode of ['SW1A1AA', 'sw1a 1aa', ' Sw1A  1aA ']) expect(await searchAll({ postcode })).toEqual(want);
    expect(await searchAll({ postcode: 'ZZ99 9ZZ' })).toEqual([]);
  });

  it('finds by state, by case type, and by all criteria together; name and postcode on the same party', async () => {
    expect(await searchAll({ state: 'Issued' })).toEqual(expected((c) => c.state === 'Issued'));
    expect(await searchAll({ caseType: 'divorce' })).toEqual(expected((c) => c.caseType === 'divorce'));
    expect(await searchAll({ state: 'Issued', caseType: 'divorce' })).toEqual(
      expected((c) => c.state === 'Issued' && c.caseType === 'divorce'),
    );
    const combined = { partyName: 'jones', postcode: 'cf10 1ep', state: 'Draft' };
    expect(await searchAll(combined)).toEqual(
      expected(
        (c) => c.state === 'Draft' && c.parties.some((p) => nameMatches(p, 'jones') && p.postcode === 'CF101EP'),
      ),
    );
  });

  it('shows each caller only the cases they may see: professionals by firm, citizens by their own cases', async () => {
    const orgA = await bearer('professional', { org: 'org-a' });
    const orgB = await bearer('professional', { org: 'org-b' });
    const citizen = await bearer('citizen', { sub: 'citizen-7' });
    const representedBy = (org: string) => (c: SeedCase) => c.parties.some((p) => p.representedBy === org);

    // A case of org A only, found by its reference and by its claimant's name: org B gets nothing.
    const onlyA = seeded.find((c) => representedBy('org-a')(c) && !representedBy('org-b')(c))!;
    expect((await search({ reference: onlyA.reference }, orgB)).data!.searchCases.nodes).toEqual([]);
    expect((await search({ reference: onlyA.reference }, orgA)).data!.searchCases.nodes.map((n) => n.id)).toEqual([
      onlyA.id,
    ]);
    const name = onlyA.parties[0]!.name;
    const ofB = await searchAll({ partyName: name }, orgB);
    expect(ofB).toEqual(expected((c) => representedBy('org-b')(c) && c.parties.some((p) => nameMatches(p, name))));
    expect(ofB).not.toContain(onlyA.id);

    for (const [authorization, visible] of [
      [orgA, representedBy('org-a')],
      [orgB, representedBy('org-b')],
      [citizen, (c: SeedCase) => c.parties.some((p) => p.userId === 'citizen-7')],
    ] as const) {
      expect(await searchAll({ state: 'Submitted' }, authorization)).toEqual(
        expected((c) => c.state === 'Submitted' && visible(c)),
      );
    }
  });

  it('pages newest first without repeats or gaps, also across cases created at the same instant', async () => {
    // Page sizes that do not divide the three cases sharing each instant, so pages end inside a tie.
    expect(await searchAll({ caseType: 'probate' }, caseworker, 7)).toEqual(expected((c) => c.caseType === 'probate'));
    expect(await searchAll({ state: 'Draft' }, caseworker, 2)).toEqual(expected((c) => c.state === 'Draft'));
    expect(await searchAll({ partyName: 'smi' }, caseworker, 5)).toEqual(
      expected((c) => c.parties.some((p) => nameMatches(p, 'smi'))),
    );
    const first = await search({ caseType: 'divorce' }, caseworker);
    expect(first.data!.searchCases.nodes).toHaveLength(20);
    expect(first.data!.searchCases.pageInfo.hasNextPage).toBe(true);
  });

  it('finds the same pages whether it sorts the matching parties or walks the cases (past the cap)', async () => {
    const finder = new CaseSearchFinder(app!.get(DataSource));
    const orgA: CaseAccess = { kind: 'organisation', organisationId: 'org-a' };
    const pages = async (criteria: CaseSearchCriteria, access: CaseAccess, cap: number) => {
      const ids: string[] = [];
      let after: { createdAt: Date; id: string } | undefined;
      for (;;) {
        const rows = await finder.findIds(toSearchFilter(criteria), access, 5, after, cap);
        ids.push(...rows.slice(0, 4).map((r) => r.id));
        if (rows.length < 5) return ids;
        after = rows[3];
      }
    };
    for (const [criteria, access, matches] of [
      [{ partyName: 'smi' }, { kind: 'all' }, (c: SeedCase) => c.parties.some((p) => nameMatches(p, 'smi'))],
      [
        { partyName: 'smi', state: 'Issued' },
        orgA,
        (c: SeedCase) =>
          c.state === 'Issued' &&
          c.parties.some((p) => p.representedBy === 'org-a') &&
          c.parties.some((p) => nameMatches(p, 'smi')),
      ],
      [
        { postcode: 'M1 1AE', caseType: 'divorce' },
        { kind: 'all' },
        (c: SeedCase) => c.caseType === 'divorce' && c.parties.some((p) => p.postcode === 'M11AE'),
      ],
    ] as const) {
      const want = expected(matches);
      expect(want.length).toBeGreaterThan(2);
      expect(await pages(criteria, access, 10_000)).toEqual(want);
      // A cap of 3 is reached by every one of these, so the walk answers them.
      expect(await pages(criteria, access, 3)).toEqual(want);
    }
  });

  it('serves REST through CaseSearchController: query validation, limit and cursor', async () => {
    const controller = new CaseSearchController(app!.get(CaseSearch));
    const pipe = createValidationPipe();
    const params = async (query: Record<string, string>) =>
      (await pipe.transform(query, { type: 'query', metatype: SearchCasesParams })) as SearchCasesParams;
    const staff: Principal = { sub: 'caseworker-user', roles: ['caseworker'] };

    const want = expected((c) => c.parties.some((p) => nameMatches(p, 'patel')));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await controller.find(
        await params({ partyName: 'patel', reference: '', limit: '4', ...(cursor ? { cursor } : {}) }),
        staff,
      );
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(want);

    const rejected = async (query: Record<string, string>) => {
      try {
        await controller.find(await params(query), staff);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return { code: (error as AppError).code, fields: (error as AppError).fieldErrors.map((e) => e.field) };
      }
      throw new Error('expected a refusal');
    };
    expect(await rejected({ reference: '1234' })).toEqual({ code: 'BAD_USER_INPUT', fields: ['reference'] });
    expect(await rejected({ state: 'No such state' })).toEqual({ code: 'BAD_USER_INPUT', fields: ['state'] });
    expect(await rejected({ caseType: 'no-such-type' })).toEqual({ code: 'BAD_USER_INPUT', fields: ['caseType'] });
    expect(await rejected({ state: 'Issued', cursor: 'bm9wZQ' })).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['cursor'],
    });
    expect(await rejected({ state: 'Issued', limit: '0' })).toEqual({ code: 'BAD_USER_INPUT', fields: ['limit'] });
    expect(await rejected({ state: 'Issued', sort: 'name' })).toEqual({ code: 'BAD_USER_INPUT', fields: ['sort'] });
  });
});

/** Names of every index the plan reads, from EXPLAIN (FORMAT JSON). */
function indexesOf(plan: Record<string, unknown>): string[] {
  const own = typeof plan['Index Name'] === 'string' ? [plan['Index Name']] : [];
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...own, ...children.flatMap(indexesOf)];
}

describe('case search query plans', () => {
  let database: TestDatabase;
  let client: Client;
  const rare = { reference: '', id: '' };

  beforeAll(async () => {
    database = await createTestDatabase('cases', casesDatabase);
    client = new Client({ connectionString: database.url });
    await client.connect();
    // Enough rows that reading a table whole costs the planner more than an index: 40 000 cases.
    await client.query(`
      INSERT INTO cases (id, reference, case_type, state, created_by, created_at, updated_at, version)
      SELECT md5('case' || i)::uuid, lpad(i::text, 16, '0'), CASE WHEN i % 50 = 0 THEN 'probate' ELSE (ARRAY['civil-money-claim','divorce','social-security-appeal'])[1 + i % 3] END,
             (ARRAY['Draft','Submitted','Issued','Hearing','Decided','Closed','Withdrawn','Stayed'])[1 + (i / 7) % 8], 'seed',
             timestamptz '2022-01-01' + i * interval '37 minutes', timestamptz '2022-01-01' + i * interval '37 minutes', 1
      FROM generate_series(1, 40000) i`);
    await client.query(`
      INSERT INTO case_parties (id, case_id, position, role, kind, name, represented_by, postcode)
      SELECT md5('party' || i || '-' || k)::uuid, md5('case' || i)::uuid, k, CASE k WHEN 0 THEN 'claimant' ELSE 'defendant' END, 'person',
             (ARRAY['Alex','Sam','Jordan','Priya','Chen','Grace'])[1 + (i * 7 + k) % 6] || ' ' || (ARRAY['Smith','Jones','Patel','Evans','Taylor','Brown','Wilson'])[1 + (i * 3 + k) % 7],
             'org-' || (i % 50), chr(65 + i % 26) || chr(65 + (i / 26) % 26) || (i % 99) || (k + i % 10) || chr(65 + (i / 7) % 26) || chr(65 + (i / 11) % 26)
      FROM generate_series(1, 40000) i, generate_series(0, 1) k`);
    [rare.id, rare.reference] = [randomUUID(), generateCaseReference()];
    await client.query(`INSERT INTO cases VALUES ($1, $2, 'divorce', 'Issued', 'seed', now(), now(), 1)`, [
      rare.id,
      rare.reference,
    ]);
    await client.query(
      `INSERT INTO case_parties (id, case_id, position, role, kind, name, postcode) VALUES ($1, $2, 0, 'applicant', 'person', 'Zebedee Quartermain', 'ZZ99ZZ')`,
      [randomUUID(), rare.id],
    );
    await client.query('ANALYZE');
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  async function planIndexes(statement: SqlStatement): Promise<string[]> {
    const { rows } = await client.query<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }>(
      `EXPLAIN (FORMAT JSON) ${statement.text}`,
      statement.values,
    );
    return indexesOf(rows[0]!['QUERY PLAN'][0]!.Plan);
  }
  const all: CaseAccess = { kind: 'all' };
  const collect = (filter: CaseSearchFilter) => planIndexes(matchedPartiesSql(filter, all, 21));
  const walk = (filter: CaseSearchFilter) => planIndexes(caseSearchSql(filter, all, 21));

  it('uses the reference, trigram, postcode, state and case type indexes for the statements the service runs', async () => {
    expect(await walk({ reference: rare.reference })).toContain('cases_reference');
    expect(await collect({ nameWords: ['quarterm'] })).toContain('case_parties_name_trgm');
    expect(await collect({ nameWords: ['zebedee', 'quart'] })).toContain('case_parties_name_trgm');
    expect(await collect({ postcode: 'ZZ99ZZ' })).toContain('case_parties_postcode');
    expect(await walk({ state: 'Issued' })).toContain('cases_state_created_at_id');
    // A type with one case in fifty: walking all cases newest first would read a thousand to fill a page.
    // (For a common type the planner rightly walks cases_created_at_id instead and filters.)
    expect(await walk({ caseType: 'probate' })).toContain('cases_case_type_created_at_id');
    // Past the cap, a name is checked case by case along the state's own index.
    expect(await walk({ state: 'Issued', nameWords: ['smith'] })).toEqual(
      expect.arrayContaining(['cases_state_created_at_id', 'case_parties_case_id']),
    );

    // And the searches find what they should on this data too.
    const source = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    const finder = new CaseSearchFinder(source);
    try {
      expect((await finder.findIds({ nameWords: ['QUARTERM'] }, all, 21)).map((r) => r.id)).toEqual([rare.id]);
      expect((await finder.findIds({ postcode: 'ZZ99ZZ' }, all, 21)).map((r) => r.id)).toEqual([rare.id]);
    } finally {
      await source.destroy();
    }
  });
});
