// Complaint search on 200,000 complaints (issue 24): generates them (with their stages) in a database of
// its own (the complaints service's real migrations), then times each kind of officer search at the
// service, ComplaintSearch.searchComplaints as a complaints officer (the repository's statements, loading
// the page through ComplaintRepository, and its audit record), and shows one EXPLAIN (ANALYZE, BUFFERS)
// of each statement the repository runs for each kind. The target: p95 at most 50 ms for the
// searches by reference and by complainant name.
//
//   npm run bench -- complaint-search
//   BENCH_COMPLAINTS=20000 npm run bench -- complaint-search    a smaller, quicker run
//   BENCH_QUERIES=50 npm run bench -- complaint-search          fewer searches of each kind
//   BENCH_KEEP_DATABASE=1 npm run bench -- complaint-search     keeps the database, for psql
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (bench/harness.ts).
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { COMPLAINT_SEVERITIES } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import type { Sql } from '@ccsc/platform';
import { seededRandom } from '@ccsc/testing';
import { complaintFilter, scopeOf } from '../services/complaints/src/complaint/application/complaint.queries';
import { COMPLAINT_CHANNELS, OUTCOMES } from '../services/complaints/src/complaint/domain/complaint';
import { ComplaintRepository } from '../services/complaints/src/complaint/infrastructure/complaint.repository';
import { ComplaintSearch } from '../services/complaints/src/search/application/complaint-search.queries';
import {
  type ComplaintSearchCriteria,
  toSearchFilter,
} from '../services/complaints/src/search/domain/complaint-search-criteria';
import {
  complaintSearchSql,
  type ComplaintSearchConditions,
  ComplaintSearchRepository,
  hasMatchCriteria,
  MATCH_CAP,
  matchedComplaintsSql,
} from '../services/complaints/src/search/infrastructure/complaint-search.repository';
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

const COMPLAINTS = envNumber('BENCH_COMPLAINTS', 200_000);
const QUERIES = envNumber('BENCH_QUERIES', 200);
const SESSIONS = 2;

const CATEGORIES = [
  'delay',
  'staff-conduct',
  'communication',
  'hearing-arrangements',
  'fees',
  'lost-documents',
  'digital-service',
];
const BUSINESS_AREAS = ['civil', 'family', 'probate', 'tribunals', 'crime', 'contact-centre'];
const CAUSES = ['process', 'people', 'system', 'third-party', 'policy'];
const FIRM_SUFFIXES = ['Solicitors', 'LLP', '& Co', 'Legal', 'Law'];
const SEVERITY_LIST = [
  ...Array<string>(85).fill('minor'),
  ...Array<string>(13).fill('major'),
  ...COMPLAINT_SEVERITIES.filter((s) => s !== 'minor' && s !== 'major'),
];

// $1-$5 the name lists (NAME_PARAMETERS), $6 from, $7 to, $8 channels, $9 categories,
// $10 business areas, $11 causes, $12 outcomes, $13 firm suffixes, $14 severities, $15 all complaints
const COMPLAINTS_SQL = `
  INSERT INTO complaints (id, reference, complainant_type, complainant_name, contact_id, complainant_user_id, complainant_organisation_id,
    origin, enquiry_id, case_ids, category, severity, investigating_officer, language, received_at, summary, business_area,
    cause_category, outcome, closed_at, closed_by, created_at, created_by)
  SELECT md5('complaint' || i)::uuid, 'CMP-' || lpad(i::text, 6, '0'), CASE WHEN pro THEN 'professional' ELSE 'public' END,
         CASE WHEN r_name < 0.02 THEN NULL WHEN pro AND r_name < 0.5 THEN last || ' ' || suffix ELSE first || ' ' || last END,
         CASE WHEN from_enquiry THEN md5('contact' || i)::uuid END,
         CASE WHEN NOT pro AND r_user < 0.4 THEN 'citizen-' || floor(random() * 150000)::int END,
         CASE WHEN pro THEN 'org-' || floor(random() * 2000)::int END,
         ($8::text[])[1 + floor(random() * cardinality($8::text[]))::int],
         CASE WHEN from_enquiry THEN md5('enquiry' || i)::uuid END,
         CASE WHEN r_case < 0.55 THEN ARRAY[md5('case' || floor(random() * 300000)::int)::uuid]
              WHEN r_case < 0.6 THEN ARRAY[md5('case' || floor(random() * 300000)::int)::uuid, md5('case' || floor(random() * 300000)::int)::uuid]
              ELSE '{}'::uuid[] END,
         ($9::text[])[1 + floor(random() * cardinality($9::text[]))::int],
         ($14::text[])[1 + floor(random() * cardinality($14::text[]))::int],
         CASE WHEN random() < 0.8 THEN 'officer-' || floor(random() * 120)::int END,
         CASE WHEN random() < 0.03 THEN 'cy' ELSE 'en' END,
         received, 'Complaint about the handling of my case.',
         CASE WHEN closed THEN ($10::text[])[1 + floor(random() * cardinality($10::text[]))::int] END,
         CASE WHEN closed THEN ($11::text[])[1 + floor(random() * cardinality($11::text[]))::int] END,
         CASE WHEN closed THEN ($12::text[])[1 + floor(random() * cardinality($12::text[]))::int] END,
         CASE WHEN closed THEN LEAST(now(), received + interval '10 days' + random() * interval '50 days') END,
         CASE WHEN closed THEN 'officer-' || floor(random() * 120)::int END,
         -- Milliseconds, as the service writes them (the page cursor carries no more).
         date_trunc('milliseconds', LEAST(now(), received + random() * interval '1 day')), 'bench'
  FROM (
    SELECT g.*, random() < CASE WHEN received < now() - interval '90 days' THEN 0.9
                                WHEN received < now() - interval '20 days' THEN 0.5 ELSE 0.1 END AS closed
    FROM (
      SELECT i, random() < 0.15 AS pro, random() < 0.2 AS from_enquiry, random() AS r_name, random() AS r_user, random() AS r_case,
             ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] AS first,
             ${surnameSql(2, 3, 4, 5)} AS last,
             ($13::text[])[1 + floor(random() * cardinality($13::text[]))::int] AS suffix,
             -- Written in the order they came, as a live table is.
             date_trunc('milliseconds', now() - interval '${TWO_YEARS_DAYS} days' * (1 - i::float8 / $15::int)) AS received
      FROM generate_series($6::int, $7::int) i
    ) g
  ) h`;

// Stage 1 for every complaint, stage 2 for about one in six, stage 3 for one in twenty-five; every stage
// before the last answered, the last answered when the complaint is closed. $1 from, $2 to (references), $3 outcomes.
const STAGES_SQL = `
  INSERT INTO complaint_stages (complaint_id, stage, status, started_at, working_days, due_date, due_at, at_risk_at, calendar_version,
    at_risk, breached_at, acknowledged_at, investigation_started_at, response_text, responded_at, responded_by, outcome)
  SELECT c.id, s.stage, status, started, days, (started + days * interval '1.4 days')::date, started + days * interval '1.4 days',
         started + (days - 2) * interval '1.4 days', 'bench', false,
         CASE WHEN late THEN started + days * interval '1.4 days' END,
         CASE WHEN status <> 'received' THEN started + interval '1 day' END,
         CASE WHEN status IN ('investigating', 'response-drafted', 'response-sent') THEN started + interval '2 days' END,
         CASE WHEN status = 'response-sent' THEN 'Our response to your complaint.' END,
         CASE WHEN status = 'response-sent' THEN started + days * interval '1.2 days' END,
         CASE WHEN status = 'response-sent' THEN c.investigating_officer END,
         CASE WHEN status = 'response-sent' THEN ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] END
  FROM (
    SELECT c.*, CASE WHEN n % 25 = 0 THEN 3 WHEN n % 6 = 0 THEN 2 ELSE 1 END AS stages
    FROM (SELECT c.*, (substr(c.reference, 5)::bigint * 2654435761) % 1000 AS n FROM complaints c WHERE c.reference BETWEEN $1 AND $2) c
  ) c
  CROSS JOIN LATERAL (
    SELECT s.stage, c.received_at + (s.stage - 1) * interval '30 days' AS started, CASE s.stage WHEN 1 THEN 10 ELSE 20 END AS days,
           random() < 0.07 AS late,
           CASE WHEN s.stage < c.stages OR c.closed_at IS NOT NULL THEN 'response-sent'
                ELSE (ARRAY['received', 'acknowledged', 'investigating', 'investigating', 'response-drafted'])[1 + floor(random() * 5)::int]
           END AS status
    FROM generate_series(1, c.stages) s(stage)
  ) s`;

const reference = (i: number) => `CMP-${String(i).padStart(6, '0')}`;

async function generate(dataSource: DataSource): Promise<Step[]> {
  const { steps, step } = generationSteps('complaint-search');
  await step(`${COMPLAINTS.toLocaleString('en-GB')} complaints`, () =>
    inSessions(dataSource, SESSIONS, (runner, n) =>
      runner.query(COMPLAINTS_SQL, [
        ...NAME_PARAMETERS,
        ...slice(COMPLAINTS, SESSIONS, n),
        COMPLAINT_CHANNELS,
        CATEGORIES,
        BUSINESS_AREAS,
        CAUSES,
        OUTCOMES,
        FIRM_SUFFIXES,
        SEVERITY_LIST,
        COMPLAINTS,
      ]),
    ),
  );
  await step('their stages', () =>
    inSessions(dataSource, SESSIONS, (runner, n) =>
      runner.query(STAGES_SQL, [...slice(COMPLAINTS, SESSIONS, n).map(reference), OUTCOMES]),
    ),
  );
  // The next complaint the service records gets the next reference.
  await dataSource.query(`SELECT setval('complaint_reference_seq', $1)`, [COMPLAINTS]);
  await step('VACUUM (ANALYZE)', () =>
    inSessions(dataSource, SESSIONS, (runner, n) =>
      runner.query(`VACUUM (ANALYZE) ${n === 0 ? 'complaints' : 'complaint_stages'}`),
    ),
  );
  return steps;
}

const STAFF: Principal = { sub: 'bench-complaints-officer', roles: ['complaints-officer'] };

function kinds(): SearchKind<ComplaintSearchCriteria>[] {
  const random = seededRandom(20250224);
  const names = nameSearches(random);
  const { pick, int } = names;
  const typedReference = () => {
    const n = 1 + int(COMPLAINTS);
    return pick([reference(n), `cmp ${n}`, `CMP${n}`]);
  };
  return [
    { name: 'reference', target: true, make: () => ({ reference: typedReference() }) },
    { name: 'complainant, a common surname', target: true, make: () => ({ complainant: names.commonSurname() }) },
    { name: 'complainant, a rare surname', target: true, make: () => ({ complainant: names.rareSurname() }) },
    {
      name: 'complainant, two partial words ("smi jo")',
      target: true,
      make: () => ({ complainant: names.twoPartialWords() }),
    },
    {
      name: 'complainant (common surname) + status',
      target: false,
      make: () => ({ complainant: names.commonSurname(), status: pick(['open', 'closed']) }),
    },
    {
      name: 'complainant (common surname) + received in a month',
      target: false,
      make: () => ({ complainant: names.commonSurname(), ...names.someMonth() }),
    },
  ];
}

interface Prepared {
  filter: ComplaintSearchConditions;
  access: Sql;
}

/** What ComplaintSearch.searchComplaints hands the repository for these criteria (no case reference here). */
function prepare(criteria: ComplaintSearchCriteria, principal: Principal): Prepared {
  const { caseReference: _ignored, ...filter } = toSearchFilter(criteria);
  return { filter, access: complaintFilter(scopeOf(principal)) };
}

/** Complaints the first statement matched (up to the cap), or undefined when it does not run. */
async function matches(dataSource: DataSource, { filter, access }: Prepared): Promise<number | undefined> {
  if (!hasMatchCriteria(filter)) return undefined;
  return matchedCount(dataSource, matchedComplaintsSql(filter, access, PAGE + 1).toQuery());
}

async function explain(dataSource: DataSource, prepared: Prepared): Promise<string[]> {
  const { filter, access } = prepared;
  return explainSearch(
    dataSource,
    await matches(dataSource, prepared),
    MATCH_CAP,
    (matched) => [
      `matchedComplaintsSql: ${matched} complaints matched (cap ${MATCH_CAP})`,
      matchedComplaintsSql(filter, access, PAGE + 1).toQuery(),
    ],
    ['complaintSearchSql', complaintSearchSql(filter, access, PAGE + 1).toQuery()],
  );
}

export function run(): Promise<BenchSection> {
  return withServiceDatabase('complaints', 3, measureAll);
}

async function measureAll(dataSource: DataSource, source: string): Promise<BenchSection> {
  const steps = await generate(dataSource);
  const { settings, sizes } = await databaseFacts(dataSource, ['complaints', 'complaint_stages']);
  const [counts] = (await dataSource.query(
    `SELECT count(*) FILTER (WHERE closed_at IS NULL)::int AS open, (SELECT count(*)::int FROM complaint_stages) AS stages FROM complaints`,
  )) as { open: number; stages: number }[];

  const finder = new ComplaintSearchRepository(dataSource);
  const search = new ComplaintSearch(
    finder,
    new ComplaintRepository(dataSource),
    new CaseAccess(dataSource, new EventHandlers()),
    new AuditTrail(dataSource),
  );
  const figures = await timeOfficerSearches({
    bench: 'complaint-search',
    subject: 'complaint search',
    staff: STAFF,
    kinds: kinds(),
    queries: QUERIES,
    viaService: async (criteria) => (await search.searchComplaints(criteria, STAFF, PAGE)).items.length,
    viaSql: async (criteria) => {
      const { filter, access } = prepare(criteria, STAFF);
      return Math.min(PAGE, (await finder.findIds(filter, access, PAGE + 1)).length);
    },
    matched: (criteria) => matches(dataSource, prepare(criteria, STAFF)),
    cap: MATCH_CAP,
    explain: (criteria) => explain(dataSource, prepare(criteria, STAFF)),
  });

  return {
    title: `Complaint search on ${COMPLAINTS.toLocaleString('en-GB')} complaints`,
    markdown: officerSearchReport({
      intro:
        `PostgreSQL ${settings?.version} (${source}, shared_buffers ${settings?.buffers}); ${COMPLAINTS.toLocaleString('en-GB')} complaints ` +
        `(${counts?.open.toLocaleString('en-GB')} open, ${counts?.stages.toLocaleString('en-GB')} stages) received over two years (written in that order); ` +
        `complainants' surnames: the hundred commonest (the first favoured, Smith about 1%) and, for ${TAIL_SHARE * 100}%, 4,000 rarer ones; ` +
        `15% of complaints from firms (half named by the firm). Searches run one at a time as a complaints officer on a warm cache ` +
        `(${WARMUP} warm-up searches per kind), a page of ${PAGE}. "service" is ComplaintSearch.searchComplaints (the ids, the page ` +
        `loaded through ComplaintRepository, its audit record); "SQL" is ComplaintSearchRepository.findIds alone. "Matched / walked": ` +
        `the median number of complaints the first statement matched (counted up to ${MATCH_CAP}), and how many searches reached ` +
        `that cap and so walked the complaints instead. Target (issue 24): p95 <= ${TARGET_P95_MS} ms at the service for the ` +
        `searches by reference and by name (in brackets for the others).`,
      figures,
      steps,
      sizes,
      matchedColumn: 'matched / walked',
    }),
  };
}
