// The SLA breach run over 200,000 open enquiries (two clocks each): seeds them in a database of its
// own, runs SlaBreachRun (the service's one statement) at a fixed moment, and checks that exactly
// the clocks that were due are flagged breached, with one outbox event each, and nothing else.
//
//   npm run bench -- queries-sla-breach
//   BENCH_ENQUIRIES=50000 npm run bench -- queries-sla-breach   a smaller, quicker run
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (bench/harness.ts).
import { DataSource } from 'typeorm';
import { enquirySlaBreachedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { SlaBreachRun } from '../services/queries/src/sla/application/sla.commands';
import {
  SLA_BREACH_RUN_SQL,
  slaBreachRunParams,
  SlaClockRepository,
} from '../services/queries/src/sla/infrastructure/sla-clock.repository';
import { timed, withServiceDatabase } from './harness';
import { markdownTable, type BenchSection } from './report';

const ENQUIRIES = Number(process.env.BENCH_ENQUIRIES ?? 200_000);
const NOW = new Date('2026-04-21T09:00:00Z');

// What each enquiry's clocks look like, by i % 10, so the expected outcome is known per row:
//   0: first response overdue          -> breached (the only new breaches)
//   1: resolution inside its at-risk window -> at risk
//   2: both clocks paused (long overdue before the pause) -> untouched
//   3: both clocks stopped after their due time -> untouched
//   4: first response already breached by an earlier run -> untouched
//   5-9: on track -> untouched
const SEED_SQL = `
  WITH contact AS (
    INSERT INTO contacts (id, kind, name, created_at) VALUES (gen_random_uuid(), 'public', 'Bench Contact', $2) RETURNING id
  ), enquiry AS (
    INSERT INTO enquiries (id, channel, contact_id, subject, category, priority, language, status, queue_id, major_priority, minor_priority,
      priority_date, received_at, raised_by, created_at, updated_at)
    SELECT md5('enquiry' || i)::uuid, 'email', contact.id, 'bench ' || i, 'general', 'normal', 'en',
           CASE WHEN i % 10 = 2 THEN 'awaiting-customer' ELSE 'assigned' END, 'general', 5000, 500,
           $2 - interval '20 days', $2 - interval '20 days', 'bench', $2 - interval '20 days', $2
    FROM contact, generate_series(1, $1::int) i
    RETURNING id, split_part(subject, ' ', 2)::int AS i
  )
  INSERT INTO enquiry_sla_clocks (enquiry_id, clock, unit, amount, status, flag, started_at, due_at, at_risk_at, paused_at, remaining, stopped_at, met, breached_at, calendar_version)
  SELECT e.id, k.clock, 'working-days', 2,
         CASE WHEN e.i % 10 = 2 THEN 'paused' WHEN e.i % 10 = 3 THEN 'stopped' ELSE 'running' END,
         CASE WHEN e.i % 10 = 4 AND k.clock = 'first-response' THEN 'breached' ELSE 'on-track' END,
         $2 - interval '20 days',
         CASE WHEN e.i % 10 = 2 THEN NULL
              WHEN e.i % 10 IN (0, 3, 4) AND k.clock = 'first-response' THEN $2 - interval '1 hour' * (1 + e.i % 97)
              WHEN e.i % 10 = 1 AND k.clock = 'resolution' THEN $2 + interval '3 hours'
              ELSE $2 + interval '1 day' * (1 + e.i % 9) END,
         CASE WHEN e.i % 10 = 2 THEN NULL
              WHEN e.i % 10 IN (0, 3, 4) AND k.clock = 'first-response' THEN $2 - interval '1 day' - interval '1 hour' * (1 + e.i % 97)
              WHEN e.i % 10 = 1 AND k.clock = 'resolution' THEN $2 - interval '5 hours'
              ELSE $2 + interval '1 day' * (e.i % 9) + interval '1 hour' END,
         CASE WHEN e.i % 10 = 2 THEN $2 - interval '10 days' END,
         CASE WHEN e.i % 10 = 2 THEN 0 END,
         CASE WHEN e.i % 10 = 3 THEN $2 - interval '1 minute' END,
         CASE WHEN e.i % 10 = 3 THEN false END,
         CASE WHEN e.i % 10 = 4 AND k.clock = 'first-response' THEN $2 - interval '1 day' END,
         'bench'
  FROM enquiry e CROSS JOIN (VALUES ('first-response'), ('resolution')) k(clock)`;

/** Clocks whose flag is not what their row's kind says it must be after the run. */
const WRONG_SQL = `
  SELECT count(*)::int AS wrong FROM enquiry_sla_clocks c JOIN enquiries e ON e.id = c.enquiry_id
  WHERE c.flag <> CASE
    WHEN split_part(e.subject, ' ', 2)::int % 10 IN (0, 4) AND c.clock = 'first-response' THEN 'breached'
    WHEN split_part(e.subject, ' ', 2)::int % 10 = 1 AND c.clock = 'resolution' THEN 'at-risk'
    ELSE 'on-track' END
  OR (c.breached_at = $1) <> (split_part(e.subject, ' ', 2)::int % 10 = 0 AND c.clock = 'first-response')`;

const EVENTS_SQL = `
  SELECT count(*)::int AS events, count(DISTINCT message_key)::int AS enquiries,
         count(*) FILTER (WHERE split_part(e.subject, ' ', 2)::int % 10 <> 0)::int AS strays
  FROM outbox o JOIN enquiries e ON e.id = o.message_key::uuid WHERE o.type = $1`;

const ms = (value: number) => `${value.toFixed(0)} ms`;

export function run(): Promise<BenchSection> {
  return withServiceDatabase('queries', 2, measure);
}

async function measure(dataSource: DataSource, source: string): Promise<BenchSection> {
  const [, seedMs] = await timed(() => dataSource.query(SEED_SQL, [ENQUIRIES, NOW]));
  await dataSource.query('ANALYZE enquiries; ANALYZE enquiry_sla_clocks');
  const [{ clocks }] = (await dataSource.query('SELECT count(*)::int AS clocks FROM enquiry_sla_clocks')) as [
    { clocks: number },
  ];
  const plan = (await dataSource.query(`EXPLAIN (COSTS OFF) ${SLA_BREACH_RUN_SQL}`, slaBreachRunParams(NOW))) as {
    'QUERY PLAN': string;
  }[];

  const breachRun = new SlaBreachRun(new UnitOfWork(dataSource), new SlaClockRepository());
  const [first, firstMs] = await timed(() => breachRun.run(NOW));
  const [again, againMs] = await timed(() => breachRun.run(NOW));

  const [{ wrong }] = (await dataSource.query(WRONG_SQL, [NOW])) as [{ wrong: number }];
  const [events] = (await dataSource.query(EVENTS_SQL, [enquirySlaBreachedV1.type])) as [
    { events: number; enquiries: number; strays: number },
  ];
  const expectedBreaches = Math.floor(ENQUIRIES / 10);
  const expectedAtRisk = Math.floor((ENQUIRIES + 9) / 10);
  const exact =
    wrong === 0 &&
    first.breached === expectedBreaches &&
    first.atRisk === expectedAtRisk &&
    events.events === expectedBreaches &&
    events.strays === 0 &&
    again.breached === 0 &&
    again.atRisk === 0;
  const summary = `breach run over ${ENQUIRIES.toLocaleString('en-GB')} open enquiries (${clocks.toLocaleString('en-GB')} clocks): ${ms(firstMs)}; flagged exactly the breached ones: ${exact ? 'yes' : 'NO'}`;
  console.log(summary);
  if (!exact)
    throw new Error(`${summary}: ${JSON.stringify({ first, again, wrong, events, expectedBreaches, expectedAtRisk })}`);

  return {
    title: 'Queries: SLA breach run',
    markdown: [
      `${summary}. PostgreSQL from ${source}.`,
      '',
      markdownTable(
        ['step', 'time', 'at risk', 'breached', 'events'],
        [
          ['seed (one INSERT … SELECT)', ms(seedMs), '', '', ''],
          ['breach run', ms(firstMs), String(first.atRisk), String(first.breached), String(events.events)],
          ['breach run again (nothing new)', ms(againMs), String(again.atRisk), String(again.breached), ''],
        ],
      ),
      '',
      `Expected: ${expectedBreaches} breached (first response overdue), ${expectedAtRisk} at risk; clocks with the wrong flag after the run: ${wrong}; events for other enquiries: ${events.strays}.`,
      '',
      '```',
      ...plan.map((r) => r['QUERY PLAN']),
      '```',
    ].join('\n'),
  };
}
