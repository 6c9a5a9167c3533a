// Enquiry search on a million enquiries (issue 24): generates 400,000 contacts and their enquiries in
// a database of its own (the queries service's real migrations), then times each kind of officer search
// at the service, EnquirySearch.searchEnquiries as a caseworker (the repository's statements, loading
// the page through EnquiryRepository, and its audit record), and shows one EXPLAIN (ANALYZE, BUFFERS)
// of each statement the repository runs for each kind. The issue's target: p95 at most 50 ms for the
// searches by reference and by contact name.
//
//   npm run bench -- enquiry-search
//   BENCH_ENQUIRIES=100000 BENCH_CONTACTS=40000 npm run bench -- enquiry-search   a smaller, quicker run
//   BENCH_QUERIES=50 npm run bench -- enquiry-search                              fewer searches of each kind
//   BENCH_KEEP_DATABASE=1 npm run bench -- enquiry-search                         keeps the database, for psql
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (bench/harness.ts).
import { loadavg } from 'node:os';
import type { DataSource, QueryRunner } from 'typeorm';
import { AuditTrail } from '@ccsc/audit';
import { accessScopeOf, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { ENQUIRY_CHANNELS } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import type { Sql } from '@ccsc/platform';
import { seededRandom } from '@ccsc/testing';
import { EnquiryQueries } from '../services/queries/src/enquiry/application/enquiry.queries';
import { ENQUIRY_STATUSES } from '../services/queries/src/enquiry/domain/enquiry';
import { EnquiryRepository } from '../services/queries/src/enquiry/infrastructure/enquiry.repository';
import { EnquirySearch } from '../services/queries/src/search/application/enquiry-search.queries';
import {
  type EnquirySearchCriteria,
  toEnquirySearchFilter,
} from '../services/queries/src/search/domain/enquiry-search-criteria';
import {
  CONTACT_MATCH_CAP,
  EnquirySearchRepository,
  enquirySearchSql,
  type EnquirySearchQuery,
  matchedContactsSql,
} from '../services/queries/src/search/infrastructure/enquiry-search.repository';
import { envNumber, log, percentile, timed, withServiceDatabase } from './harness';
import { markdownTable, type BenchSection } from './report';

const ENQUIRIES = envNumber('BENCH_ENQUIRIES', 1_000_000);
const CONTACTS = envNumber('BENCH_CONTACTS', Math.round(ENQUIRIES * 0.4));
const QUERIES = envNumber('BENCH_QUERIES', 200);
const WARMUP = 20;
const PAGE = 20;
/** The issue's target for the searches by reference and by name. */
export const TARGET_P95_MS = 50;
const TWO_YEARS_DAYS = 730;

// ---------------------------------------------------------------------------------------------
// Names, shared with complaint-search.bench.ts

export const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Jordan',
  'Priya',
  'Mohammed',
  'Olivia',
  'Chen',
  'Siobhan',
  'Dafydd',
  'Grace',
  'Oliver',
  'Amelia',
  'Harry',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Jack',
  'Emily',
  'Leo',
  'Sophia',
  'Arthur',
  'Ella',
  'Muhammad',
  'Freya',
  'Oscar',
  'Aisha',
  'Rhys',
  'Carys',
  'Ewan',
  'Niamh',
  'Ravi',
  'Anjali',
  'Tomasz',
  'Zofia',
  'Kwame',
  'Abena',
  'Liam',
  'Fatima',
  'John',
  'Joan',
  'Joseph',
  'Josephine',
  'Margaret',
  'David',
  'Susan',
  'Peter',
  'Elizabeth',
  'Michael',
  'Sarah',
  'James',
  'Helen',
  'Robert',
  'Karen',
  'Paul',
  'Julie',
  'Andrew',
  'Claire',
  'Mark',
  'Joanne',
  'Stephen',
  'Rachel',
  'Gareth',
  'Bethan',
  'Ian',
  'Nicola',
  'Daniel',
  'Laura',
  'Thomas',
  'Hannah',
  'Matthew',
  'Rebecca',
  'Christopher',
  'Jennifer',
  'Richard',
  'Lucy',
  'Kevin',
  'Amy',
  'Sean',
];
/** Ordered roughly by frequency: the generator favours the first (Smith about 1% of people, as in England). */
export const COMMON_SURNAMES = [
  'Smith',
  'Jones',
  'Williams',
  'Taylor',
  'Brown',
  'Davies',
  'Evans',
  'Wilson',
  'Thomas',
  'Johnson',
  'Roberts',
  'Robinson',
  'Thompson',
  'Wright',
  'Walker',
  'White',
  'Edwards',
  'Hughes',
  'Green',
  'Hall',
  'Lewis',
  'Harris',
  'Clarke',
  'Patel',
  'Jackson',
  'Wood',
  'Turner',
  'Martin',
  'Cooper',
  'Hill',
  'Ward',
  'Morris',
  'Moore',
  'Clark',
  'Lee',
  'King',
  'Baker',
  'Harrison',
  'Morgan',
  'Allen',
  'James',
  'Scott',
  'Phillips',
  'Watson',
  'Davis',
  'Parker',
  'Price',
  'Bennett',
  'Young',
  'Griffiths',
  'Mitchell',
  'Kelly',
  'Cook',
  'Carter',
  'Richardson',
  'Bailey',
  'Collins',
  'Bell',
  'Shaw',
  'Murphy',
  'Miller',
  'Cox',
  'Richards',
  'Khan',
  'Marshall',
  'Anderson',
  'Simpson',
  'Ellis',
  'Adams',
  'Singh',
  'Begum',
  'Wilkinson',
  'Foster',
  'Chapman',
  'Powell',
  'Webb',
  'Rogers',
  'Gray',
  'Mason',
  'Ali',
  'Hunt',
  'Hussain',
  'Campbell',
  'Matthews',
  'Owen',
  'Palmer',
  'Holmes',
  'Mills',
  'Barnes',
  'Knight',
  "O'Brien",
  'Nguyen',
  'Kowalski',
  'Goldsmith',
  'Smithson',
  'Ahmed',
  'Rees',
  'Pritchard',
  'Llewellyn',
  'Fitzgerald',
];
// The long tail: three people in ten get one of 4,000 surnames built from these, so a rare surname
// names a few dozen contacts, where a common one names thousands.
export const SURNAME_STARTS = [
  'Ash',
  'Brad',
  'Carr',
  'Dun',
  'Eld',
  'Fair',
  'Gil',
  'Hart',
  'Ing',
  'Kel',
  'Lang',
  'Mor',
  'Nor',
  'Pen',
  'Rad',
  'Staf',
  'Thorn',
  'Ulls',
  'Wat',
  'Yar',
];
export const SURNAME_MIDDLES = ['a', 'e', 'i', 'o', 'er', 'in', 'ow', 'en', 'ing', 'ley'];
export const SURNAME_ENDS = [
  'ton',
  'by',
  'field',
  'wood',
  'ford',
  'ham',
  'well',
  'stone',
  'combe',
  'hurst',
  'more',
  'den',
  'ridge',
  'thwaite',
  'worth',
  'cott',
  'bury',
  'shaw',
  'dale',
  'wick',
];
export const TAIL_SHARE = 0.3;
/** Power applied to random() to pick a common surname: > 1 favours the first of the list. */
export const SURNAME_SKEW = 1.3;

/** SQL for a surname: `$start`, `$middle`, `$end`, `$common` are the parameter numbers of the lists above. */
export function surnameSql(common: number, start: number, middle: number, end: number): string {
  const any = (p: number) => `($${p}::text[])[1 + floor(random() * cardinality($${p}::text[]))::int]`;
  return `CASE WHEN random() < ${TAIL_SHARE} THEN ${any(start)} || ${any(middle)} || ${any(end)}
    ELSE ($${common}::text[])[1 + floor(power(random(), ${SURNAME_SKEW}) * cardinality($${common}::text[]))::int] END`;
}

/** What an officer types to look a person up, shared with complaint-search.bench.ts. */
export function nameSearches(random: () => number) {
  const int = (below: number) => Math.floor(random() * below);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const anyCase = (text: string) => pick([text, text.toLowerCase(), text.toUpperCase()]);
  return {
    pick,
    int,
    /** One of the ten commonest surnames, whole. */
    commonSurname: () => anyCase(pick(COMMON_SURNAMES.slice(0, 10))),
    /** A surname of the long tail, whole. */
    rareSurname: () => anyCase(`${pick(SURNAME_STARTS)}${pick(SURNAME_MIDDLES)}${pick(SURNAME_ENDS)}`),
    /** "smi jo": the start of a common surname and of a first name. */
    twoPartialWords: () => {
      const surname = pick(COMMON_SURNAMES.slice(0, 30).filter((s) => s.length >= 4));
      const first = pick(FIRST_NAMES);
      return `${surname.slice(0, 3)} ${first.slice(0, 2 + int(2))}`.toLowerCase();
    },
    /** A calendar month within the last two years, as YYYY-MM-DD days. */
    someMonth: (): { receivedFrom: string; receivedTo: string } => {
      const start = new Date(Date.now() - (30 + int(TWO_YEARS_DAYS - 30)) * 86_400_000);
      const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
      const to = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
      return { receivedFrom: from.toISOString().slice(0, 10), receivedTo: to.toISOString().slice(0, 10) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Data, set-based: each of two sessions inserts its half of the ids

const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'icloud.com'];
const QUEUES = ['general', 'civil', 'family', 'probate', 'tribunals', 'crime', 'fees', 'welsh', 'judicial'];
const CATEGORIES = ['general', 'hearing', 'fees', 'documents', 'payments', 'progress', 'complaint', 'technical'];
const SUBJECTS = [
  'When is my hearing?',
  'Help with fees application',
  'I have not received my documents',
  'Change of address',
  'Progress of my claim',
  'Payment not showing',
  'Cannot log in to my account',
  'Request for an interpreter',
];

// $1 first names, $2 common surnames, $3-$5 tail parts, $6 email domains, $7 from, $8 to, $9 all contacts
const CONTACTS_SQL = `
  INSERT INTO contacts (id, kind, name, email, phone, user_id, organisation_id, created_at)
  SELECT md5('contact' || i)::uuid, CASE WHEN pro THEN 'professional' ELSE 'public' END, first || ' ' || last,
         CASE WHEN r_email < 0.8 THEN
           lower(regexp_replace(first || '.' || last, '[^A-Za-z.]', '', 'g')) || (i % 997)::text || '@' ||
           CASE WHEN pro THEN lower(regexp_replace(last, '[^A-Za-z]', '', 'g')) || '-law.co.uk'
                ELSE ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] END
         END,
         CASE WHEN r_phone < 0.55 THEN '07' || substr(digits, 1, 3) || ' ' || substr(digits, 4, 6)
              WHEN r_phone < 0.7 THEN '+44 1' || substr(digits, 1, 3) || ' ' || substr(digits, 4, 6)
         END,
         CASE WHEN NOT pro AND r_user < 0.35 THEN 'citizen-' || i END,
         CASE WHEN pro THEN 'org-' || floor(random() * 2000)::int END,
         -- Written in the order they were created, as a live table is.
         date_trunc('milliseconds', now() - interval '${TWO_YEARS_DAYS + 180} days' * (1 - i::float8 / $9::int))
  FROM (
    SELECT i, random() < 0.1 AS pro, random() AS r_email, random() AS r_phone, random() AS r_user,
           lpad(((i::bigint * 7919 + 12345) % 1000000000)::text, 9, '0') AS digits,
           ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] AS first,
           ${surnameSql(2, 3, 4, 5)} AS last
    FROM generate_series($7::int, $8::int) i
  ) g`;

// $1 contacts, $2 channels (weighted list), $3 queues, $4 categories, $5 subjects, $6 from, $7 to, $8 all enquiries
const ENQUIRIES_SQL = `
  INSERT INTO enquiries (id, reference, channel, contact_id, subject, case_id, category, priority, language, status, queue_id,
    assigned_to, escalated_to, major_priority, minor_priority, priority_date, hearing_related, received_at, first_response_at,
    resolved_at, resolved_first_contact, raised_by, created_at, updated_at)
  SELECT md5('enquiry' || i)::uuid, 'ENQ-' || lpad(i::text, 7, '0'), channel,
         -- Some contacts (firms' staff especially) raise many enquiries, most one or two.
         md5('contact' || (1 + floor(power(random(), 1.3) * $1::int))::int)::uuid,
         ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int],
         CASE WHEN random() < 0.3 THEN md5('case' || (1 + floor(random() * 300000))::int)::uuid END,
         ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int],
         CASE WHEN random() < 0.05 THEN 'urgent' ELSE 'normal' END,
         CASE WHEN random() < 0.03 THEN 'cy' ELSE 'en' END,
         status, ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int],
         CASE WHEN status IN ('assigned', 'awaiting-customer', 'escalated', 'resolved', 'closed') THEN 'officer-' || floor(random() * 300)::int END,
         CASE WHEN status = 'escalated' THEN 'team-leader' END,
         5000, 500, received, random() < 0.1, received,
         CASE WHEN status NOT IN ('new', 'triaged') THEN received + random() * interval '2 days' END,
         CASE WHEN status IN ('resolved', 'closed') THEN received + interval '2 days' + random() * interval '10 days' END,
         CASE WHEN status IN ('resolved', 'closed') THEN random() < 0.4 END,
         'bench', created, created + random() * interval '12 days'
  FROM (
    SELECT g.*,
           CASE WHEN received < now() - interval '30 days' THEN
             CASE WHEN r < 0.70 THEN 'closed' WHEN r < 0.95 THEN 'resolved' WHEN r < 0.98 THEN 'awaiting-customer' ELSE 'assigned' END
           ELSE
             CASE WHEN r < 0.15 THEN 'new' WHEN r < 0.30 THEN 'triaged' WHEN r < 0.60 THEN 'assigned'
                  WHEN r < 0.75 THEN 'awaiting-customer' WHEN r < 0.80 THEN 'escalated' WHEN r < 0.95 THEN 'resolved' ELSE 'closed' END
           END AS status
    FROM (
      SELECT c.*,
             -- An officer may record a letter or a call days after it came (received_at <= created_at, as the service checks).
             date_trunc('milliseconds', created - CASE WHEN channel = 'post' THEN random() * interval '5 days'
                                                       WHEN random() < 0.05 THEN random() * interval '2 days'
                                                       ELSE random() * interval '2 minutes' END) AS received
      FROM (
        SELECT i, random() AS r, ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] AS channel,
               -- Written in the order they were created, as a live table is; milliseconds, as the service
               -- writes them (the page cursor carries no more).
               date_trunc('milliseconds', now() - interval '${TWO_YEARS_DAYS} days' * (1 - i::float8 / $8::int)) AS created
        FROM generate_series($6::int, $7::int) i
      ) c
    ) g
  ) h`;

// Each enquiry's two SLA clocks, as the page load reads them. $1 from, $2 to (references).
const CLOCKS_SQL = `
  INSERT INTO enquiry_sla_clocks (enquiry_id, clock, unit, amount, status, flag, started_at, due_at, at_risk_at, paused_at,
    remaining, stopped_at, met, breached_at, calendar_version)
  SELECT e.id, k.clock, 'working-days', k.days,
         CASE WHEN e.status IN ('resolved', 'closed') OR (k.clock = 'first-response' AND e.first_response_at IS NOT NULL) THEN 'stopped'
              WHEN e.status = 'awaiting-customer' THEN 'paused' ELSE 'running' END,
         CASE WHEN b THEN 'breached' ELSE 'on-track' END,
         e.received_at, e.received_at + k.days * interval '1.4 days', e.received_at + (k.days - 1) * interval '1.4 days',
         CASE WHEN e.status = 'awaiting-customer' THEN e.updated_at END,
         CASE WHEN e.status = 'awaiting-customer' THEN 3600 END,
         CASE WHEN e.status IN ('resolved', 'closed') THEN COALESCE(e.resolved_at, e.updated_at)
              WHEN k.clock = 'first-response' AND e.first_response_at IS NOT NULL THEN e.first_response_at END,
         CASE WHEN e.status IN ('resolved', 'closed') OR (k.clock = 'first-response' AND e.first_response_at IS NOT NULL) THEN NOT b END,
         CASE WHEN b THEN e.received_at + k.days * interval '1.4 days' END,
         'bench'
  FROM (SELECT e.*, random() < 0.08 AS b FROM enquiries e WHERE e.reference BETWEEN $1 AND $2) e
  CROSS JOIN (VALUES ('first-response', 2), ('resolution', 10)) k(clock, days)`;

/** Channels by how often they are used: the telephone most, social media least. */
const CHANNEL_WEIGHTS: Record<(typeof ENQUIRY_CHANNELS)[number], number> = {
  telephone: 35,
  email: 25,
  'online-form': 20,
  webchat: 12,
  post: 5,
  'social-media': 3,
};
const WEIGHTED_CHANNELS = ENQUIRY_CHANNELS.flatMap((c) => Array<string>(CHANNEL_WEIGHTS[c]).fill(c));

const reference = (i: number) => `ENQ-${String(i).padStart(7, '0')}`;

export async function inSessions(
  dataSource: DataSource,
  sessions: number,
  work: (runner: QueryRunner, n: number) => Promise<unknown>,
): Promise<void> {
  const runners = Array.from({ length: sessions }, () => dataSource.createQueryRunner());
  try {
    await Promise.all(
      runners.map(async (runner, n) => {
        await runner.connect();
        // A throwaway database: nothing here needs to survive a crash.
        await runner.query('SET synchronous_commit = off');
        await runner.query('SELECT setseed($1)', [0.42 + n / 100]);
        await work(runner, n);
      }),
    );
  } finally {
    await Promise.all(runners.map((r) => r.release()));
  }
}

export const slice = (total: number, sessions: number, n: number): [number, number] => [
  Math.floor((total * n) / sessions) + 1,
  Math.floor((total * (n + 1)) / sessions),
];

const SESSIONS = 2;

async function generate(dataSource: DataSource): Promise<{ step: string; ms: number }[]> {
  const steps: { step: string; ms: number }[] = [];
  const step = async (name: string, work: () => Promise<unknown>) => {
    log('enquiry-search', `${name}…`);
    const [, ms] = await timed(work);
    steps.push({ step: name, ms });
  };
  await step(`${CONTACTS.toLocaleString('en-GB')} contacts`, () =>
    inSessions(dataSource, SESSIONS, (runner, n) =>
      runner.query(CONTACTS_SQL, [
        FIRST_NAMES,
        COMMON_SURNAMES,
        SURNAME_STARTS,
        SURNAME_MIDDLES,
        SURNAME_ENDS,
        EMAIL_DOMAINS,
        ...slice(CONTACTS, SESSIONS, n),
        CONTACTS,
      ]),
    ),
  );
  await step(`${ENQUIRIES.toLocaleString('en-GB')} enquiries`, () =>
    inSessions(dataSource, SESSIONS, (runner, n) =>
      runner.query(ENQUIRIES_SQL, [
        CONTACTS,
        WEIGHTED_CHANNELS,
        QUEUES,
        CATEGORIES,
        SUBJECTS,
        ...slice(ENQUIRIES, SESSIONS, n),
        ENQUIRIES,
      ]),
    ),
  );
  await step(`${(2 * ENQUIRIES).toLocaleString('en-GB')} SLA clocks`, () =>
    inSessions(dataSource, SESSIONS, (runner, n) =>
      runner.query(CLOCKS_SQL, slice(ENQUIRIES, SESSIONS, n).map(reference)),
    ),
  );
  // The next enquiry the service raises gets the next reference.
  await dataSource.query(`SELECT setval('enquiry_reference_seq', $1)`, [ENQUIRIES]);
  await step('VACUUM (ANALYZE)', () =>
    inSessions(dataSource, SESSIONS, async (runner, n) => {
      for (const table of n === 0 ? ['contacts'] : ['enquiries', 'enquiry_sla_clocks'])
        await runner.query(`VACUUM (ANALYZE) ${table}`);
    }),
  );
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Searches

interface Kind {
  name: string;
  /** Held to the issue's 50 ms p95. */
  target: boolean;
  make: () => EnquirySearchCriteria;
}

const STAFF: Principal = { sub: 'bench-caseworker', roles: ['caseworker'] };

function kinds(): Kind[] {
  const random = seededRandom(20250124);
  const names = nameSearches(random);
  const { pick, int } = names;
  const typedReference = () => {
    const n = 1 + int(ENQUIRIES);
    return pick([reference(n), `enq ${n}`, `ENQ${String(n).padStart(7, '0')}`]);
  };
  const openStatuses = ENQUIRY_STATUSES.filter((s) => !['resolved', 'closed'].includes(s));
  return [
    { name: 'reference', target: true, make: () => ({ reference: typedReference() }) },
    { name: 'contactName, a common surname', target: true, make: () => ({ contactName: names.commonSurname() }) },
    { name: 'contactName, a rare surname', target: true, make: () => ({ contactName: names.rareSurname() }) },
    {
      name: 'contactName, two partial words ("smi jo")',
      target: true,
      make: () => ({ contactName: names.twoPartialWords() }),
    },
    {
      name: 'contactName (common surname) + open status',
      target: false,
      make: () => ({ contactName: names.commonSurname(), status: pick(openStatuses) }),
    },
    {
      name: 'contactName (common surname) + received in a month',
      target: false,
      make: () => ({ contactName: names.commonSurname(), ...names.someMonth() }),
    },
  ];
}

/** The repository's query for these criteria, as EnquirySearch.searchEnquiries builds it (no case reference here). */
function searchOf(criteria: EnquirySearchCriteria, principal: Principal): EnquirySearchQuery {
  return { filter: toEnquirySearchFilter(criteria), scope: accessScopeOf(principal), limit: PAGE + 1 };
}

const hasContactCriteria = ({ filter }: EnquirySearchQuery) =>
  (filter.nameWords?.length ?? 0) > 0 || filter.email !== undefined || filter.phoneDigits !== undefined;

/** Contacts the first statement matched (up to the cap), or undefined when it does not run. */
async function contactMatches(dataSource: DataSource, search: EnquirySearchQuery): Promise<number | undefined> {
  if (!hasContactCriteria(search)) return undefined;
  const { text, values } = matchedContactsSql(search).toQuery();
  const [first] = (await dataSource.query(text, values)) as { matched: number }[];
  return first?.matched ?? 0;
}

export async function explainAnalyze(dataSource: DataSource, label: string, statement: Sql): Promise<string> {
  const { text, values } = statement.toQuery();
  const plan = (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)) as { 'QUERY PLAN': string }[];
  return `${label}\n\n\`\`\`\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\``;
}

async function explain(dataSource: DataSource, search: EnquirySearchQuery): Promise<string[]> {
  const matched = await contactMatches(dataSource, search);
  const plans: string[] = [];
  if (matched !== undefined)
    plans.push(
      await explainAnalyze(
        dataSource,
        `matchedContactsSql: ${matched} contacts matched (cap ${CONTACT_MATCH_CAP})`,
        matchedContactsSql(search),
      ),
    );
  if (matched === undefined || matched >= CONTACT_MATCH_CAP)
    plans.push(await explainAnalyze(dataSource, 'enquirySearchSql', enquirySearchSql(search)));
  return plans;
}

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  rows: number;
}

export async function measure<T>(inputs: readonly T[], run: (input: T) => Promise<number>): Promise<Timing> {
  const times: number[] = [];
  let rows = 0;
  for (const input of inputs) {
    const [count, ms] = await timed(() => run(input));
    times.push(ms);
    rows += count;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? Number.NaN,
    rows: rows / Math.max(1, inputs.length),
  };
}

export const ms2 = (n: number) => n.toFixed(1);
export const verdict = (p95: number) => (p95 <= TARGET_P95_MS ? 'yes' : 'NO');

export function run(): Promise<BenchSection> {
  return withServiceDatabase('queries', 3, measureAll);
}

async function measureAll(dataSource: DataSource, source: string): Promise<BenchSection> {
  const steps = await generate(dataSource);
  const [settings] = (await dataSource.query(
    `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS buffers`,
  )) as { version: string; buffers: string }[];
  const sizes = (await dataSource.query(
    `SELECT c.relname AS relation, pg_size_pretty(pg_relation_size(c.oid)) AS size FROM pg_class c
     WHERE c.relname IN ('contacts', 'enquiries')
        OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('contacts'::regclass, 'enquiries'::regclass))
     ORDER BY c.relname`,
  )) as { relation: string; size: string }[];

  const repository = new EnquiryRepository();
  const finder = new EnquirySearchRepository(dataSource);
  const search = new EnquirySearch(
    dataSource,
    finder,
    repository,
    new EnquiryQueries(dataSource, repository, new AuditTrail(dataSource)),
    new CaseAccess(dataSource, new EventHandlers()),
  );
  const viaService = async (criteria: EnquirySearchCriteria) =>
    (await search.searchEnquiries(criteria, STAFF, PAGE)).items.length;
  const viaSql = async (criteria: EnquirySearchCriteria) =>
    Math.min(PAGE, (await finder.findIds(searchOf(criteria, STAFF))).length);

  const rows: string[][] = [];
  const plans: string[] = [];
  const verdicts: string[] = [];
  const loadAtStart = loadavg()[0] ?? 0;
  for (const kind of kinds()) {
    log('enquiry-search', `searching by ${kind.name}…`);
    const inputs = Array.from({ length: QUERIES }, () => kind.make());
    for (const criteria of inputs.slice(0, WARMUP)) await viaService(criteria);
    const service = await measure(inputs, viaService);
    const sql = await measure(inputs, viaSql);
    const matches: number[] = [];
    for (const criteria of inputs) {
      const matched = await contactMatches(dataSource, searchOf(criteria, STAFF));
      if (matched !== undefined) matches.push(matched);
    }
    matches.sort((a, b) => a - b);
    const ok = verdict(service.p95);
    rows.push([
      kind.name,
      String(inputs.length),
      ms2(service.p50),
      ms2(service.p95),
      ms2(service.max),
      ms2(sql.p50),
      ms2(sql.p95),
      service.rows.toFixed(1),
      matches.length === 0
        ? '-'
        : `${percentile(matches, 50)} / ${matches.filter((m) => m >= CONTACT_MATCH_CAP).length}`,
      kind.target ? ok : `(${ok})`,
    ]);
    const line = `enquiry search by ${kind.name}: p50 ${ms2(service.p50)} ms, p95 ${ms2(service.p95)} ms, max ${ms2(service.max)} ms${
      kind.target ? ` — p95 <= ${TARGET_P95_MS} ms: ${ok}` : ''
    }`;
    console.log(line);
    verdicts.push(`- ${line}`);
    const example = kind.make();
    plans.push(
      `### ${kind.name}\n\n${JSON.stringify(example)}, as ${STAFF.roles.join(', ')}.\n`,
      ...(await explain(dataSource, searchOf(example, STAFF))),
    );
  }

  return {
    title: `Enquiry search on ${ENQUIRIES.toLocaleString('en-GB')} enquiries`,
    markdown: [
      `PostgreSQL ${settings?.version} (${source}, shared_buffers ${settings?.buffers}); ${ENQUIRIES.toLocaleString('en-GB')} enquiries ` +
        `(two SLA clocks each) of ${CONTACTS.toLocaleString('en-GB')} contacts, received over two years (written in that order, as a live table is; letters recorded up to 5 days after they came); surnames: the hundred commonest ` +
        `(the first favoured, Smith about 1% of contacts) and, for ${TAIL_SHARE * 100}% of contacts, 4,000 rarer ones. Searches run one ` +
        `at a time as a caseworker on a warm cache (${WARMUP} warm-up searches per kind), a page of ${PAGE}. "service" is ` +
        `EnquirySearch.searchEnquiries (the ids, the page loaded through EnquiryRepository, its audit record); "SQL" is ` +
        `EnquirySearchRepository.findIds alone. "Contacts matched / walked": the median number of contacts the first statement ` +
        `matched (counted up to ${CONTACT_MATCH_CAP}), and how many searches reached that cap and so walked the enquiries instead. ` +
        `Target (issue 24): p95 <= ${TARGET_P95_MS} ms at the service for the searches by reference and by name (in brackets for the others).`,
      '',
      ...verdicts,
      '',
      // Other work on the machine moves every figure: a run under load is to be taken again.
      `Load average (1 min) when the searches started: ${loadAtStart.toFixed(2)}, when they ended: ${(loadavg()[0] ?? 0).toFixed(2)}.`,
      '',
      markdownTable(
        ['Step', 'Time'],
        steps.map((s) => [s.step, `${(s.ms / 1000).toFixed(1)} s`]),
      ),
      '',
      markdownTable(
        ['Relation', 'Size'],
        sizes.map((s) => [s.relation, s.size]),
      ),
      '',
      markdownTable(
        [
          'Search',
          'n',
          'service p50 ms',
          'service p95 ms',
          'service max ms',
          'SQL p50 ms',
          'SQL p95 ms',
          'rows/page',
          'contacts matched / walked',
          `p95 <= ${TARGET_P95_MS} ms`,
        ],
        rows,
      ),
      '',
      'One EXPLAIN (ANALYZE, BUFFERS) of each kind, with fresh criteria, of each statement the repository runs for it:',
      '',
      ...plans,
    ].join('\n'),
  };
}
