// The work queue (issue 22) at its stated size: 100,000 open unassigned tasks (and a few thousand
// assigned, and closed ones behind them), 500 officers and 50 queues, in a database of its own with
// the queries migrations. Two figures against the issue's targets:
//
// - "next task": TaskRepository.lockNext for a random officer, then TaskRepository.assign, in a
//   transaction that is rolled back so the pool stays the same size; sequential, p50/p95/p99. Then the
//   whole command, WorkCommands.takeNext (profile, open count, lockNext, the task, assign, history,
//   its event), also rolled back. Target: p95 ≤ 20 ms.
// - the deadline run: TaskRepository.flagDeadlines over every open task at a moment when a fifth are
//   overdue and about a tenth due within the at-risk window, three times from the unflagged state,
//   each checked against a count. Target: ≤ 2,000 ms.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- work-queue
//   BENCH_WORK_TASKS=20000 BENCH_WORK_TAKES=300 npm run bench -- work-queue   a smaller, quicker run
//   BENCH_WORK_PLAN=1 npm run bench -- work-queue   also shows EXPLAIN (ANALYZE, BUFFERS) of one lockNext
//   BENCH_KEEP_DATABASE=1 npm run bench -- work-queue   keeps the database, to try queries on it with psql
//
// The server is BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (bench/harness.ts).
import { performance } from 'node:perf_hooks';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { OpeningHours, WorkingDayCalendar } from '@ccsc/calendar';
import { UnitOfWork, withinTransaction, type EventContext, type Transaction } from '@ccsc/messaging';
import { seededRandom } from '@ccsc/testing';
import { TaskChanges } from '../services/queries/src/work/application/task-changes';
import { WorkCommands } from '../services/queries/src/work/application/work.commands';
import { TaskSources } from '../services/queries/src/work/application/task-sources';
import { normaliseSkills } from '../services/queries/src/work/domain/officer';
import { AT_RISK_WORKING_HOURS } from '../services/queries/src/work/domain/task';
import { OfficerRepository } from '../services/queries/src/work/infrastructure/officer.repository';
import { TaskRepository } from '../services/queries/src/work/infrastructure/task.repository';
import { envNumber, fmt, percentile, sortedCopy, timed, withServiceDatabase } from './harness';
import { markdownTable, type BenchSection } from './report';

const OPEN_UNASSIGNED = envNumber('BENCH_WORK_TASKS', 100_000);
const ASSIGNED = Math.round(OPEN_UNASSIGNED * 0.03);
/** Completed tasks behind the open ones, as a table that has been in use has: the deadline run reads past them. */
const CLOSED = Math.round(OPEN_UNASSIGNED * 0.5);
const OFFICERS = envNumber('BENCH_WORK_OFFICERS', 500);
const QUEUES = 50;
const TAKES = envNumber('BENCH_WORK_TAKES', 2_000);
const SERVICE_TAKES = envNumber('BENCH_WORK_SERVICE_TAKES', 500);
const DEADLINE_RUNS = 3;
const WARMUP = 50;
const SHOW_PLAN = process.env.BENCH_WORK_PLAN === '1';

const NEXT_TASK_P95_TARGET_MS = 20;
const DEADLINE_RUN_TARGET_MS = 2_000;

/** A Tuesday morning, within the service centre's hours and the officers' shifts. */
const NOW = new Date('2026-04-21T09:00:00Z');
const HOURS = new OpeningHours(WorkingDayCalendar.englandAndWales());
/** As TaskDeadlineRun works it out. */
const RISK_UNTIL = HOURS.addWorkingHours(NOW, AT_RISK_WORKING_HOURS);

/** The teams of the queues the migrations make, and one more; each with the skill its work most often needs. */
const TEAM_SKILL: Record<string, string> = {
  'contact-centre': 'fees',
  civil: 'civil',
  family: 'family',
  probate: 'probate',
  tribunals: 'tribunals',
  crime: 'crime',
  'welsh-language': 'welsh',
  'case-directions': 'civil',
  finance: 'fees',
  complaints: 'complaints',
  enforcement: 'enforcement',
  immigration: 'immigration',
};
const TEAMS = Object.keys(TEAM_SKILL);
const JURISDICTIONS = ['civil', 'family', 'probate', 'tribunals', 'immigration', 'crime'];

interface BenchOfficer {
  userId: string;
  role: 'caseworker' | 'team-leader';
  teams: string[];
  skills: string[];
}

/**
 * 500 profiles: one to three teams (55% one, 30% two, 15% three), the skill of each of their teams
 * (85%), Welsh (10%, and everyone in the Welsh language team), another jurisdiction (20%), money
 * authority level 1 (22%) or 2 (8%, which includes level 1), and one in twelve a team leader.
 */
function officers(random: () => number): BenchOfficer[] {
  const pick = (items: readonly string[]) => items[Math.floor(random() * items.length)] ?? items[0] ?? '';
  return Array.from({ length: OFFICERS }, (_, i) => {
    const teamCount = random() < 0.55 ? 1 : random() < 0.67 ? 2 : 3;
    const teams = new Set<string>();
    while (teams.size < teamCount) teams.add(pick(TEAMS));
    const skills: string[] = [];
    for (const team of teams) if (random() < 0.85 || team === 'welsh-language') skills.push(TEAM_SKILL[team] ?? team);
    if (random() < 0.1) skills.push('welsh');
    if (random() < 0.2) skills.push(pick(JURISDICTIONS));
    const money = random();
    if (money < 0.08) skills.push('money-authority-2');
    else if (money < 0.3) skills.push('money-authority-1');
    return {
      userId: `officer-${i + 1}`,
      role: random() < 1 / 12 ? 'team-leader' : 'caseworker',
      teams: [...teams].sort(),
      skills: normaliseSkills(skills),
    };
  });
}

const QUEUES_SQL = `
  INSERT INTO work_queues (id, team, name)
  SELECT 'bench-' || g, ($2::text[])[1 + g % array_length($2::text[], 1)], 'Bench queue ' || g
  FROM generate_series(1, $1::int - (SELECT count(*)::int FROM work_queues)) g`;

const OFFICERS_SQL = `
  INSERT INTO work_officers (user_id, name, role, teams, skills, capacity, shift_days, shift_start, shift_end,
    active, updated_by, updated_at)
  SELECT o."userId", 'Officer ' || o."userId", o.role, o.teams, o.skills, 40,
         ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], '08:00', '17:00', true, 'bench', $2
  FROM jsonb_to_recordset($1::jsonb) AS o("userId" text, role text, teams text[], skills text[])`;

/** A version 4 UUID (as the events' schemas want) made from the text, so that a seed repeats exactly. */
const v4 = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

// Every task in one statement, with random() seeded on the same connection. By row number: the first
// $1 unassigned, the next $2 assigned, the next $3 completed. Queues are skewed (a few carry most of
// the work); 65% need no skill, 10% Welsh, 13% their team's skill, 6% money authority 1, 3% money
// authority 2, 3% their team's skill and Welsh; 1% escalated (first in order, team leaders only), 3%
// more for team leaders only, 5% urgent (major priority 2000), 2% kept from one officer; priority dates
// over the last 30 days. Due: 20% overdue at $5, 12% due within the at-risk window up to $6, the rest later.
const TASKS_SQL = `
  WITH q AS MATERIALIZED (
    SELECT array_agg(id ORDER BY id) AS ids, array_agg(team ORDER BY id) AS teams, count(*)::int AS n FROM work_queues
  ), g AS MATERIALIZED (
    SELECT i, floor(power(random(), 1.6) * (SELECT n FROM q))::int + 1 AS queue, random() AS r_skill,
           random() AS r_prio, random() AS r_minor, random() AS r_role, random() AS r_excl, random() AS r_date,
           random() AS r_due, random() AS r_due2, 1 + floor(random() * $4)::int AS officer
    FROM generate_series(1, $1::int + $2::int + $3::int) i
  ), t AS (
    SELECT g.*, q.ids[g.queue] AS queue_id, q.teams[g.queue] AS team,
           ($9::text[])[array_position($8::text[], q.teams[g.queue]::text)] AS team_skill,
           CASE WHEN g.i <= $1 THEN 'unassigned' WHEN g.i <= $1 + $2 THEN 'assigned' ELSE 'completed' END AS status,
           $5::timestamptz - interval '30 days' * g.r_date AS created
    FROM g, q
  )
  INSERT INTO work_tasks (id, task_type, source_key, name, case_id, queue_id, team, required_role, required_skills,
    excluded_officer, status, assigned_to, major_priority, minor_priority, priority_date, due_at, calendar_version,
    escalated, created_by_event, created_at, assigned_at, closed_at)
  SELECT ${v4(`'task' || i`)}, 'bench-task-' || (i % 20), 'bench:' || i, 'Bench task ' || i,
         ${v4(`'case' || (i % 60000)`)}, queue_id, team,
         CASE WHEN r_prio < 0.01 OR r_role < 0.03 THEN 'team-leader' ELSE 'caseworker' END,
         CASE WHEN r_skill < 0.65 THEN '{}'::text[]
              WHEN r_skill < 0.75 THEN ARRAY['welsh']
              WHEN r_skill < 0.88 THEN ARRAY[team_skill]
              WHEN r_skill < 0.94 THEN ARRAY['money-authority-1']
              WHEN r_skill < 0.97 THEN ARRAY['money-authority-2']
              ELSE ARRAY[team_skill, 'welsh'] END,
         CASE WHEN r_excl < 0.02 THEN 'officer-' || (1 + floor(r_excl * 50 * $4)::int) END,
         status, CASE WHEN status = 'assigned' THEN 'officer-' || officer END,
         CASE WHEN r_prio < 0.01 THEN 1000 WHEN r_prio < 0.06 THEN 2000 ELSE 5000 END,
         CASE WHEN r_minor < 0.1 THEN 100 ELSE 500 END,
         created,
         CASE WHEN r_due < 0.2 THEN $5::timestamptz - interval '1 minute' - interval '5 days' * r_due2
              WHEN r_due < 0.32 THEN $5::timestamptz + interval '1 second' + ($6::timestamptz - $5::timestamptz - interval '1 second') * r_due2
              ELSE $6::timestamptz + interval '1 minute' + interval '15 days' * r_due2 END,
         $7, r_prio < 0.01, ${v4(`'event' || i`)}, created,
         CASE WHEN status = 'assigned' THEN created + interval '1 hour' END,
         CASE WHEN status = 'completed' THEN created + interval '1 day' END
  FROM t`;

/** What the deadline run must flag from the unflagged state. */
const EXPECTED_FLAGS_SQL = `
  SELECT count(*) FILTER (WHERE due_at <= $1)::int AS overdue,
         count(*) FILTER (WHERE due_at > $1 AND due_at <= $2)::int AS "atRisk"
  FROM work_tasks WHERE status IN ('unassigned', 'assigned')`;

const RESET_FLAGS_SQL = `UPDATE work_tasks SET overdue = false, at_risk = false WHERE overdue OR at_risk`;

const ROLLBACK = Symbol('rollback');

/** The service's unit of work, except that it rolls back: its event and every row it wrote go with it. */
class RolledBackUnitOfWork extends UnitOfWork {
  constructor(private readonly source: DataSource) {
    super(source);
  }

  override async run<R>(context: EventContext, work: (tx: Transaction) => Promise<R>, now = new Date()): Promise<R> {
    let result: { value: R } | undefined;
    try {
      await this.source.transaction(async (manager) => {
        result = { value: await withinTransaction(manager, context, work, now) };
        throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    if (!result) throw new Error('The rolled-back unit of work gave no result');
    return result.value;
  }
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function latency(times: readonly number[]): Latency {
  const sorted = sortedCopy(times);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

const ms = (value: number, digits = 2) => `${fmt(value, digits)} ms`;
const ratio = (value: number, target: number) => `×${(value / target).toFixed(2)}`;

export function run(): Promise<BenchSection> {
  return withServiceDatabase('queries', 2, measure);
}

async function measure(dataSource: DataSource, source: string): Promise<BenchSection> {
  const random = seededRandom(22);
  const profiles = officers(random);
  const tasks = new TaskRepository();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // ---- seed
    const [, seedMs] = await timed(async () => {
      await runner.query(QUEUES_SQL, [QUEUES, TEAMS]);
      await runner.query(OFFICERS_SQL, [JSON.stringify(profiles), NOW]);
      await runner.query('SELECT setseed(0.22)');
      await runner.query(TASKS_SQL, [
        OPEN_UNASSIGNED,
        ASSIGNED,
        CLOSED,
        OFFICERS,
        NOW,
        RISK_UNTIL,
        'bench',
        TEAMS,
        TEAMS.map((t) => TEAM_SKILL[t]),
      ]);
    });
    const [, vacuumMs] = await timed(async () => {
      for (const table of ['work_tasks', 'work_officers', 'work_queues'])
        await runner.query(`VACUUM (ANALYZE) ${table}`);
    });
    const [counts] = (await runner.query(
      `SELECT (SELECT count(*)::int FROM work_queues) AS queues,
              (SELECT count(DISTINCT team)::int FROM work_queues) AS teams,
              (SELECT count(*)::int FROM work_officers) AS officers,
              count(*) FILTER (WHERE status = 'unassigned')::int AS unassigned,
              count(*) FILTER (WHERE status = 'assigned')::int AS assigned,
              count(*) FILTER (WHERE status NOT IN ('unassigned', 'assigned'))::int AS closed
       FROM work_tasks`,
    )) as [{ queues: number; teams: number; officers: number; unassigned: number; assigned: number; closed: number }];
    const scale = `${fmt(counts.unassigned)} open unassigned tasks (${fmt(counts.assigned)} assigned, ${fmt(counts.closed)} closed), ${fmt(counts.officers)} officers, ${counts.queues} queues over ${counts.teams} teams`;
    console.error(`[work-queue] seeded ${scale} in ${ms(seedMs, 0)}, vacuum and analyse ${ms(vacuumMs, 0)}`);

    const randomOfficer = (): BenchOfficer => {
      const o = profiles[Math.floor(random() * profiles.length)];
      if (!o) throw new Error('No officers');
      return o;
    };
    const lockNextFor = (manager: EntityManager, o: BenchOfficer) =>
      tasks.lockNext(manager, {
        userId: o.userId,
        teams: o.teams,
        skills: o.skills,
        teamLeader: o.role === 'team-leader',
      });

    // ---- the plan of one lockNext: one probe of work_tasks_next per team of the officer
    const plan = await lockNextPlan(runner, (manager) =>
      lockNextFor(manager, profiles.find((o) => o.teams.length === 3) ?? randomOfficer()),
    );
    const nextIndexUsed = /Index Scan using work_tasks_next on work_tasks/.test(plan.join('\n'));

    // ---- next task: lockNext then assign, rolled back
    const lockTimes: number[] = [];
    const takeTimes: number[] = [];
    let found = 0;
    for (let i = 0; i < WARMUP + TAKES; i++) {
      const o = randomOfficer();
      const started = performance.now();
      await runner.startTransaction();
      const lockStarted = performance.now();
      const id = (await lockNextFor(runner.manager, o))?.id;
      const lockMs = performance.now() - lockStarted;
      if (id) await tasks.assign(runner.manager, id, o.userId, NOW);
      await runner.rollbackTransaction();
      if (i < WARMUP) continue;
      lockTimes.push(lockMs);
      takeTimes.push(performance.now() - started);
      if (id) found++;
    }
    const lock = latency(lockTimes);
    const take = latency(takeTimes);

    // ---- the whole command, rolled back
    const officerRepository = new OfficerRepository();
    const commands = new WorkCommands(
      new RolledBackUnitOfWork(dataSource),
      tasks,
      officerRepository,
      new TaskChanges(tasks, officerRepository, HOURS),
      new TaskSources(),
    );
    const commandTimes: number[] = [];
    for (let i = 0; i < WARMUP + SERVICE_TAKES; i++) {
      const o = randomOfficer();
      const principal = { sub: o.userId, roles: [o.role] };
      const [task, took] = await timed(() => commands.takeNext(principal, undefined, NOW));
      if (!task) throw new Error(`${o.userId} was given no task, with ${fmt(counts.unassigned)} waiting`);
      if (i >= WARMUP) commandTimes.push(took);
    }
    const command = latency(commandTimes);
    const [{ left }] = (await runner.query(
      `SELECT count(*)::int AS "left" FROM work_tasks WHERE status = 'unassigned'`,
    )) as [{ left: number }];
    if (left !== counts.unassigned)
      throw new Error(`The rolled-back takes left ${left} unassigned tasks, not ${counts.unassigned}`);

    // ---- the deadline run, three times from the unflagged state
    const [expected] = (await runner.query(EXPECTED_FLAGS_SQL, [NOW, RISK_UNTIL])) as [
      { overdue: number; atRisk: number },
    ];
    const deadlineRuns: { ms: number; overdue: number; atRisk: number }[] = [];
    for (let i = 0; i < DEADLINE_RUNS; i++) {
      await runner.query(RESET_FLAGS_SQL);
      await runner.query('VACUUM (ANALYZE) work_tasks');
      const [flagged, took] = await timed(() =>
        dataSource.transaction((manager) => tasks.flagDeadlines(manager, NOW, RISK_UNTIL)),
      );
      if (flagged.overdue !== expected.overdue || flagged.atRisk !== expected.atRisk)
        throw new Error(`The deadline run flagged ${JSON.stringify(flagged)}, expected ${JSON.stringify(expected)}`);
      deadlineRuns.push({ ms: took, ...flagged });
    }
    const [, againMs] = await timed(() =>
      dataSource.transaction((manager) => tasks.flagDeadlines(manager, NOW, RISK_UNTIL)),
    );
    const deadlineMax = Math.max(...deadlineRuns.map((r) => r.ms));
    const open = counts.unassigned + counts.assigned;

    const summary = [
      `next task over ${scale}: lockNext + assign p95 ${ms(take.p95)} (${ratio(take.p95, NEXT_TASK_P95_TARGET_MS)} of ${NEXT_TASK_P95_TARGET_MS} ms), takeNext p95 ${ms(command.p95)} (${ratio(command.p95, NEXT_TASK_P95_TARGET_MS)})`,
      `deadline run over ${fmt(open)} open tasks: max of ${DEADLINE_RUNS} ${ms(deadlineMax, 0)} (${ratio(deadlineMax, DEADLINE_RUN_TARGET_MS)} of ${fmt(DEADLINE_RUN_TARGET_MS)} ms)`,
      `lockNext probes work_tasks_next per team: ${nextIndexUsed ? 'yes' : 'NO'}`,
    ];
    for (const line of summary) console.log(line);

    const latencyRow = (what: string, l: Latency, n: number, target: boolean) => [
      what,
      fmt(n),
      fmt(l.p50, 2),
      fmt(l.p95, 2),
      fmt(l.p99, 2),
      fmt(l.max, 2),
      target ? `≤ ${NEXT_TASK_P95_TARGET_MS}` : '',
      ratio(l.p95, NEXT_TASK_P95_TARGET_MS),
    ];
    return {
      title: `Work queue: next task and the deadline run (${fmt(counts.unassigned)} open tasks, ${fmt(counts.officers)} officers, ${counts.queues} queues)`,
      markdown: [
        `${scale}; seeded in ${ms(seedMs, 0)} (one INSERT … SELECT), VACUUM ANALYZE ${ms(vacuumMs, 0)}. PostgreSQL from ${source}. ` +
          `Takes are sequential, each for a random officer, at ${NOW.toISOString()}; each transaction is rolled back so the pool stays the same; ${WARMUP} warm-up takes are not counted. ` +
          `${fmt(found)} of ${fmt(TAKES)} takes found a task.`,
        '',
        markdownTable(
          ['next task', 'takes', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target p95 ms', 'p95 / target'],
          [
            latencyRow('lockNext statement alone', lock, TAKES, false),
            latencyRow('BEGIN, lockNext, assign, ROLLBACK', take, TAKES, true),
            latencyRow('WorkCommands.takeNext (whole command, rolled back)', command, SERVICE_TAKES, true),
          ],
        ),
        '',
        markdownTable(
          ['deadline run (flagDeadlines, committed)', 'ms', 'overdue', 'at risk', 'target ms', 'ratio'],
          [
            ...deadlineRuns.map((r, i) => [
              `run ${i + 1} from the unflagged state`,
              fmt(r.ms),
              fmt(r.overdue),
              fmt(r.atRisk),
              fmt(DEADLINE_RUN_TARGET_MS),
              ratio(r.ms, DEADLINE_RUN_TARGET_MS),
            ]),
            ['max', fmt(deadlineMax), '', '', fmt(DEADLINE_RUN_TARGET_MS), ratio(deadlineMax, DEADLINE_RUN_TARGET_MS)],
            ['again, nothing new', fmt(againMs), '0', '0', '', ''],
          ],
        ),
        '',
        `The deadline run at ${NOW.toISOString()} (at risk until ${RISK_UNTIL.toISOString()}, ${AT_RISK_WORKING_HOURS} working hours) over ${fmt(open)} open tasks; ` +
          `each run flagged what a count says it must. lockNext probes work_tasks_next once per team of the officer: ${nextIndexUsed ? 'yes' : 'NO'}.`,
        ...(SHOW_PLAN ? ['', '```', ...plan, '```'] : []),
      ].join('\n'),
    };
  } finally {
    await runner.release();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statement lockNext sends, in a transaction that is rolled back. */
async function lockNextPlan(
  runner: QueryRunner,
  call: (manager: EntityManager) => Promise<unknown>,
): Promise<string[]> {
  const plan: string[] = [];
  const explaining = {
    query: async (text: string, values?: unknown[]) => {
      const rows = (await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)) as { 'QUERY PLAN': string }[];
      plan.push(...rows.map((r) => r['QUERY PLAN']));
      return [];
    },
  } as unknown as EntityManager;
  await runner.startTransaction();
  try {
    await call(explaining);
  } finally {
    await runner.rollbackTransaction();
  }
  return plan;
}
