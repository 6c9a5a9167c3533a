// Enquiry search on a million enquiries (issue 24): generates 400,000 contacts and their enquiries in
// a database of its own (the queries service's real migrations), then times each kind of officer search
// at the service, EnquirySearch.searchEnquiries as a caseworker (the repository's statements, loading
// the page through EnquiryRepository, and its audit record), and shows one EXPLAIN (ANALYZE, BUFFERS)
// of each statement the repository runs for each kind. The target: p95 at most 50 ms for the
// searches by reference and by contact name.
//
//   npm run bench -- enquiry-search
//   BENCH_ENQUIRIES=100000 BENCH_CONTACTS=40000 npm run bench -- enquiry-search   a smaller, quicker run
//   BENCH_QUERIES=50 npm run bench -- enquiry-search                              fewer searches of each kind
//   BENCH_KEEP_DATABASE=1 npm run bench -- enquiry-search                         keeps the database, for psql
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (bench/harness.ts).
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@ccsc/audit';
import { accessScopeOf, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { ENQUIRY_CHANNELS } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
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
import { envNumber, withServiceDatabase } from './harness';
import { type BenchSection } from './report';
import {
  generationSteps,
  inSessions,
  NAME_PARAMETERS,
  nameSearches,
  slice,
  type Step,
  surnameSql,
  TAIL_SHARE,
  TWO_YEARS_DAYS,
} from './search-population';
import {
  databaseFacts,
  explainSearch,
  matchedCount,
  officerSearchReport,
  PAGE,
  type SearchKind,
  TARGET_P95_MS,
  timeOfficerSearches,
  WARMUP,
} from './search-timing';

const ENQUIRIES = envNumber('BENCH_ENQUIRIES', 1_000_000);
const CONTACTS = envNumber('BENCH_CONTACTS', Math.round(ENQUIRIES * 0.4));
const QUERIES = envNumber('BENCH_QUERIES', 200);
const SESSIONS = 2;

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

// $1-$5 the name lists (NAME_PARAMETERS), $6 email domains, $7 from, $8 to, $9 all contacts
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

async function generate(dataSource: DataSource): Promise<Step[]> {
  const { steps, step } = generationSteps('enquiry-search');
  await step(`${CONTACTS.toLocaleString('en-GB')} contacts`, () =>
    inSessions(dataSource, SESSIONS, (runner, n) =>
      runner.query(CONTACTS_SQL, [...NAME_PARAMETERS, EMAIL_DOMAINS, ...slice(CONTACTS, SESSIONS, n), CONTACTS]),
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

const STAFF: Principal = { sub: 'bench-caseworker', roles: ['caseworker'] };

function kinds(): SearchKind<EnquirySearchCriteria>[] {
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
  return matchedCount(dataSource, matchedContactsSql(search).toQuery());
}

async function explain(dataSource: DataSource, search: EnquirySearchQuery): Promise<string[]> {
  return explainSearch(
    dataSource,
    await contactMatches(dataSource, search),
    CONTACT_MATCH_CAP,
    (matched) => [
      `matchedContactsSql: ${matched} contacts matched (cap ${CONTACT_MATCH_CAP})`,
      matchedContactsSql(search).toQuery(),
    ],
    ['enquirySearchSql', enquirySearchSql(search).toQuery()],
  );
}

export function run(): Promise<BenchSection> {
  return withServiceDatabase('queries', 3, measureAll);
}

async function measureAll(dataSource: DataSource, source: string): Promise<BenchSection> {
  const steps = await generate(dataSource);
  const { settings, sizes } = await databaseFacts(dataSource, ['contacts', 'enquiries']);

  const repository = new EnquiryRepository();
  const finder = new EnquirySearchRepository(dataSource);
  const search = new EnquirySearch(
    dataSource,
    finder,
    repository,
    new EnquiryQueries(dataSource, repository, new AuditTrail(dataSource)),
    new CaseAccess(dataSource, new EventHandlers()),
  );
  const figures = await timeOfficerSearches({
    bench: 'enquiry-search',
    subject: 'enquiry search',
    staff: STAFF,
    kinds: kinds(),
    queries: QUERIES,
    viaService: async (criteria) => (await search.searchEnquiries(criteria, STAFF, PAGE)).items.length,
    viaSql: async (criteria) => Math.min(PAGE, (await finder.findIds(searchOf(criteria, STAFF))).length),
    matched: (criteria) => contactMatches(dataSource, searchOf(criteria, STAFF)),
    cap: CONTACT_MATCH_CAP,
    explain: (criteria) => explain(dataSource, searchOf(criteria, STAFF)),
  });

  return {
    title: `Enquiry search on ${ENQUIRIES.toLocaleString('en-GB')} enquiries`,
    markdown: officerSearchReport({
      intro:
        `PostgreSQL ${settings?.version} (${source}, shared_buffers ${settings?.buffers}); ${ENQUIRIES.toLocaleString('en-GB')} enquiries ` +
        `(two SLA clocks each) of ${CONTACTS.toLocaleString('en-GB')} contacts, received over two years (written in that order, as a live table is; letters recorded up to 5 days after they came); surnames: the hundred commonest ` +
        `(the first favoured, Smith about 1% of contacts) and, for ${TAIL_SHARE * 100}% of contacts, 4,000 rarer ones. Searches run one ` +
        `at a time as a caseworker on a warm cache (${WARMUP} warm-up searches per kind), a page of ${PAGE}. "service" is ` +
        `EnquirySearch.searchEnquiries (the ids, the page loaded through EnquiryRepository, its audit record); "SQL" is ` +
        `EnquirySearchRepository.findIds alone. "Contacts matched / walked": the median number of contacts the first statement ` +
        `matched (counted up to ${CONTACT_MATCH_CAP}), and how many searches reached that cap and so walked the enquiries instead. ` +
        `Target (issue 24): p95 <= ${TARGET_P95_MS} ms at the service for the searches by reference and by name (in brackets for the others).`,
      figures,
      steps,
      sizes,
      matchedColumn: 'contacts matched / walked',
    }),
  };
}
