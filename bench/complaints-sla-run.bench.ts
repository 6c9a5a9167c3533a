// The complaints SLA run over 100,000 complaints with a live stage each: seeds them in a database of
// its own, runs ComplaintSlaRun (one UPDATE for every unanswered stage) at a fixed moment, and checks
// that exactly the overdue stages are breached, with one outbox event each, and the stages inside
// their last two working days are at risk.
//
//   npm run bench -- complaints-sla-run
//   BENCH_COMPLAINTS=20000 npm run bench -- complaints-sla-run   a smaller, quicker run
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (bench/harness.ts).
import { DataSource } from 'typeorm';
import { complaintStageBreachedV1 } from '@ccsc/contracts';
import { ComplaintSlaRun } from '../services/complaints/src/sla/application/sla.commands';
import { UnitOfWork } from '@ccsc/messaging';
import {
  ComplaintStageRepository,
  SLA_RUN_SQL,
} from '../services/complaints/src/sla/infrastructure/complaint-stage.repository';
import { timed, withServiceDatabase } from './harness';
import { markdownTable, type BenchSection } from './report';

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 100_000);
const NOW = new Date('2026-04-21T09:00:00Z');

// Each complaint's live stage, by i % 10, so the expected outcome is known per row:
//   0: unanswered past its deadline          -> breached now (the only events)
//   1: unanswered inside its last two days   -> at risk
//   2: answered after its deadline           -> untouched
//   3: breached by an earlier run            -> untouched
//   4-9: on track                            -> untouched
const SEED_SQL = `
  WITH complaint AS (
    INSERT INTO complaints (id, reference, complainant_type, origin, case_ids, category, severity, language, received_at, created_at, created_by)
    SELECT gen_random_uuid(), 'CMP-B' || i, 'public', 'email', ARRAY[gen_random_uuid()], 'delay', 'minor', 'en',
           $2::timestamptz - interval '20 days', $2::timestamptz - interval '20 days', 'bench'
    FROM generate_series(1, $1::int) i
    RETURNING id, substr(reference, 6)::int AS i
  )
  INSERT INTO complaint_stages (complaint_id, stage, status, started_at, working_days, due_date, due_at, at_risk_at, calendar_version, at_risk, breached_at,
    response_text, responded_at, outcome)
  SELECT c.id, 1, CASE WHEN c.i % 10 = 2 THEN 'response-sent' ELSE 'investigating' END, $2::timestamptz - interval '20 days', 10, ($2::timestamptz + interval '1 day')::date,
         CASE WHEN c.i % 10 IN (0, 2, 3) THEN $2::timestamptz - interval '1 hour' * (1 + c.i % 97)
              WHEN c.i % 10 = 1 THEN $2::timestamptz + interval '5 hours'
              ELSE $2::timestamptz + interval '1 day' * (3 + c.i % 9) END,
         CASE WHEN c.i % 10 IN (0, 2, 3) THEN $2::timestamptz - interval '2 days'
              WHEN c.i % 10 = 1 THEN $2::timestamptz - interval '1 day'
              ELSE $2::timestamptz + interval '1 day' * (1 + c.i % 9) END,
         'bench', false,
         CASE WHEN c.i % 10 = 3 THEN $2::timestamptz - interval '30 minutes' END,
         CASE WHEN c.i % 10 = 2 THEN 'answered' END,
         CASE WHEN c.i % 10 = 2 THEN $2::timestamptz - interval '10 minutes' END,
         CASE WHEN c.i % 10 = 2 THEN 'not-upheld' END
  FROM complaint c`;

/** Stages whose flags are not what their row's kind says they must be after the run. */
const WRONG_SQL = `
  SELECT count(*)::int AS wrong FROM complaint_stages s JOIN complaints c ON c.id = s.complaint_id
  WHERE s.at_risk <> (substr(c.reference, 6)::int % 10 = 1)
     OR (s.breached_at = $1) IS DISTINCT FROM (substr(c.reference, 6)::int % 10 = 0) AND s.breached_at IS NOT NULL
     OR (s.breached_at IS NULL) <> (substr(c.reference, 6)::int % 10 NOT IN (0, 3))`;

const EVENTS_SQL = `
  SELECT count(*)::int AS events, count(*) FILTER (WHERE substr(c.reference, 6)::int % 10 <> 0)::int AS strays
  FROM outbox o JOIN complaints c ON c.id = o.message_key::uuid WHERE o.type = $1`;

const ms = (value: number) => `${value.toFixed(0)} ms`;

export function run(): Promise<BenchSection> {
  return withServiceDatabase('complaints', 2, measure);
}

async function measure(dataSource: DataSource, source: string): Promise<BenchSection> {
  const [, seedMs] = await timed(() => dataSource.query(SEED_SQL, [COMPLAINTS, NOW]));
  await dataSource.query('ANALYZE complaints; ANALYZE complaint_stages');
  const plan = (await dataSource.query(`EXPLAIN (COSTS OFF) ${SLA_RUN_SQL}`, [NOW])) as { 'QUERY PLAN': string }[];

  const slaRun = new ComplaintSlaRun(new UnitOfWork(dataSource), new ComplaintStageRepository());
  const [first, firstMs] = await timed(() => slaRun.run(NOW));
  const [again, againMs] = await timed(() => slaRun.run(NOW));

  const [{ wrong }] = (await dataSource.query(WRONG_SQL, [NOW])) as [{ wrong: number }];
  const [events] = (await dataSource.query(EVENTS_SQL, [complaintStageBreachedV1.type])) as [
    { events: number; strays: number },
  ];
  const expectedBreaches = Math.floor(COMPLAINTS / 10);
  const expectedAtRisk = Math.floor((COMPLAINTS + 9) / 10);
  const exact =
    wrong === 0 &&
    first.breached === expectedBreaches &&
    first.atRiskChanged === expectedAtRisk &&
    events.events === expectedBreaches &&
    events.strays === 0 &&
    again.breached === 0 &&
    again.atRiskChanged === 0;
  const summary = `SLA run over ${COMPLAINTS.toLocaleString('en-GB')} complaints: ${ms(firstMs)}; flagged exactly the breached and at-risk stages: ${exact ? 'yes' : 'NO'}`;
  console.log(summary);
  if (!exact)
    throw new Error(`${summary}: ${JSON.stringify({ first, again, wrong, events, expectedBreaches, expectedAtRisk })}`);

  return {
    title: 'Complaints: SLA run',
    markdown: [
      `${summary}. PostgreSQL from ${source}.`,
      '',
      markdownTable(
        ['step', 'time', 'at risk changed', 'breached', 'events'],
        [
          ['seed (one INSERT … SELECT)', ms(seedMs), '', '', ''],
          ['SLA run', ms(firstMs), String(first.atRiskChanged), String(first.breached), String(events.events)],
          ['SLA run again (nothing new)', ms(againMs), String(again.atRiskChanged), String(again.breached), ''],
        ],
      ),
      '',
      `Expected: ${expectedBreaches} breached, ${expectedAtRisk} at risk; stages with the wrong flags after the run: ${wrong}; events for other complaints: ${events.strays}.`,
      '',
      '```',
      ...plan.map((r) => r['QUERY PLAN']),
      '```',
    ].join('\n'),
  };
}
