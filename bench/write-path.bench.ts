// The write path: REST "create case" and "take payment" (payment by account) on one service
// process each, next to pgbench running an equivalent bare transaction (a case row plus an outbox
// row) on the same PostgreSQL in the same run. The ratio is what the framework, validation, auth,
// the ORM and the domain's own extra work cost over the minimum a write with an event needs.
//
//   npm run bench -- write-path
//   BENCH_WRITE_SECONDS=20 BENCH_WRITE_CONCURRENCY=32 npm run bench -- write-path   longer, heavier
//   BENCH_WRITE_PROFILE_DIR=/tmp/prof npm run bench -- write-path   the services under node --cpu-prof (figures then include its cost)
//
// The services run as child processes as the images run them (compiled ahead of time, node with
// IMAGE_RUNTIME) on fresh migrated databases, with Kafka from a local broker so that the fee a submitted case makes due
// reaches payments as in production. Requests go straight to the service (no gateway).
import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { markdownTable, type BenchSection } from './report';
import { IMAGE_RUNTIME, runtimeLine } from '../tools/platform/node-flags';
import {
  benchKafka,
  benchKeys,
  benchPostgres,
  closedLoop,
  compiledApps,
  envNumber,
  fmt,
  HttpClient,
  log,
  migratedDatabase,
  monotonicUs,
  openLoop,
  percentile,
  removeDir,
  sleep,
  sortedCopy,
  startBenchPlatform,
  summariseCpuProfile,
  tempDir,
  throughput,
  type BenchDatabase,
  type LoadResult,
  type Operation,
  type Platform,
  type ProfileWindow,
} from './harness';
import type { NodeChild } from '../tools/platform/node-processes';

const BENCH = 'write-path';
const SECONDS = envNumber('BENCH_WRITE_SECONDS', 5);
const WARMUP_SECONDS = envNumber('BENCH_WRITE_WARMUP_SECONDS', 2);
const CONCURRENCY = envNumber('BENCH_WRITE_CONCURRENCY', 16);
/** Firms with a payment account each: a payment locks its account row, so one firm would serialise every payment. */
const FIRMS = envNumber('BENCH_WRITE_FIRMS', 16);
const PROFILE_DIR = process.env.BENCH_WRITE_PROFILE_DIR || undefined;

interface Phase {
  route: string;
  phase: string;
  load: LoadResult;
  cpuMsPerRequest: number;
  db?: DbWork;
  /** When the load ran (CLOCK_MONOTONIC), to read the service's CPU profile for these requests only. */
  window: ProfileWindow;
}

interface DbWork {
  commits: number;
  inserted: number;
  updated: number;
  requests: number;
}

/** What the database did for a phase, from pg_stat_database (cumulative, flushed about once a second). */
async function dbCounters(
  serverUrl: string,
  database: string,
): Promise<{ commits: number; inserted: number; updated: number }> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ commits: string; inserted: string; updated: string }>(
      'SELECT xact_commit AS commits, tup_inserted AS inserted, tup_updated AS updated FROM pg_stat_database WHERE datname = $1',
      [database],
    );
    const row = rows[0];
    return {
      commits: Number(row?.commits ?? 0),
      inserted: Number(row?.inserted ?? 0),
      updated: Number(row?.updated ?? 0),
    };
  } finally {
    await client.end();
  }
}

async function measure(
  route: string,
  phase: string,
  server: NodeChild,
  serverUrl: string,
  database: string,
  load: () => Promise<LoadResult>,
): Promise<Phase> {
  await sleep(1_200); // let the statistics of the previous phase be flushed
  const dbBefore = await dbCounters(serverUrl, database);
  const cpuBefore = server.stats().cpuMs;
  const fromUs = monotonicUs();
  const result = await load();
  const window = { fromUs, toUs: monotonicUs() };
  const cpuMs = server.stats().cpuMs - cpuBefore;
  await sleep(1_200);
  const dbAfter = await dbCounters(serverUrl, database);
  const requests = result.ok + result.failed;
  return {
    route,
    phase,
    load: result,
    cpuMsPerRequest: cpuMs / Math.max(1, requests),
    window,
    // The service's own idle work (the outbox relay's polls, the consumer) is in these counters too.
    db: {
      commits: dbAfter.commits - dbBefore.commits,
      inserted: dbAfter.inserted - dbBefore.inserted,
      updated: dbAfter.updated - dbBefore.updated,
      requests,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// pgbench

/** One case row and one outbox row with a real case-created envelope, in one transaction: a write with its event, and nothing else. */
function pgbenchScript(envelope: string): string {
  const literal = envelope.replaceAll("'", "''");
  return [
    'BEGIN;',
    `INSERT INTO cases (id, reference, case_type, state, created_by, created_at, updated_at, version) VALUES (gen_random_uuid(), lpad(nextval('bench_reference')::text, 16, '0'), 'civil-money-claim', 'draft', 'pgbench', now(), now(), 1);`,
    `INSERT INTO outbox (id, topic, message_key, type, envelope) VALUES (gen_random_uuid(), 'ccsc.cases.events', gen_random_uuid()::text, 'cases.case-created.v1', '${literal}'::jsonb);`,
    'END;',
    '',
  ].join('\n');
}

interface PgbenchResult {
  clients: number;
  tps: number;
  latencies: Float64Array;
  transactions: number;
  failed: number;
  seconds: number;
  output: string;
}

function pgbenchAvailable(): Promise<string | undefined> {
  return new Promise((resolvePromise) =>
    execFile('pgbench', ['--version'], (error, stdout) => resolvePromise(error ? undefined : stdout.trim())),
  );
}

/** pgbench with per-transaction logs (-l), from which p50/p99 come at full precision. */
async function runPgbench(
  databaseUrl: string,
  scriptFile: string,
  clients: number,
  seconds: number,
  dir: string,
): Promise<PgbenchResult> {
  const prefix = join(dir, `pgbench-c${clients}`);
  const args = [
    '-n',
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-T',
    String(seconds),
    '-f',
    scriptFile,
    '-l',
    `--log-prefix=${prefix}`,
    databaseUrl,
  ];
  const started = performance.now();
  const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  if (code !== 0) throw new Error(`pgbench exited ${code}:\n${output}`);
  const latencies: number[] = [];
  let failed = 0;
  for (const file of readdirSync(dir).filter((f) => f.startsWith(`pgbench-c${clients}`))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 3) continue;
      const us = fields[2];
      if (us === 'failed' || us === 'skipped') failed++;
      else latencies.push(Number(us) / 1000);
    }
  }
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? Number.NaN);
  return {
    clients,
    tps,
    latencies: sortedCopy(latencies),
    transactions: latencies.length,
    failed,
    seconds: (performance.now() - started) / 1000,
    output,
  };
}

// ---------------------------------------------------------------------------------------------

export async function run(): Promise<BenchSection> {
  const pgbenchVersion = await pgbenchAvailable();
  const pg = await benchPostgres();
  const keys = await benchKeys();
  const kafka = await benchKafka();
  const logDir = tempDir('ccsc-bench-write-');
  const http = new HttpClient(CONCURRENCY * 2);
  let platform: Platform | undefined;
  let baseline: BenchDatabase | undefined;
  const apps = await compiledApps();
  try {
    platform = await startBenchPlatform({
      bench: BENCH,
      postgresUrl: pg.url,
      keysDir: keys.dir,
      services: ['cases', 'payments'],
      kafkaBrokers: kafka.brokers,
      logDir,
      compiled: apps.dir,
      runtime: IMAGE_RUNTIME,
      cpuProfDir: PROFILE_DIR,
    });
    const cases = platform.services.cases;
    const payments = platform.services.payments;
    const casesDb = platform.databases.cases;
    const paymentsDb = platform.databases.payments;
    if (!cases || !payments || !casesDb || !paymentsDb) throw new Error('services did not start');

    const finance = await keys.token('finance-officer', { sub: 'finance-fay' });
    const leader = await keys.token('team-leader', { sub: 'leader-lou' });
    const firms = await Promise.all(
      Array.from({ length: FIRMS }, async (_, n) => ({
        org: `org-${n}`,
        account: `PBA${String(1_000_000 + n).padStart(7, '0')}`,
        token: await keys.token('professional', { org: `org-${n}`, sub: `solicitor-${n}` }),
      })),
    );
    for (const firm of firms) {
      const opened = await http.json('POST', `${payments.url}/api/v1/payments/accounts`, finance, {
        accountNumber: firm.account,
        organisationId: firm.org,
        name: `Firm ${firm.org}`,
        creditLimitPence: 1_000_000_000,
      });
      if (opened.status !== 201)
        throw new Error(`opening ${firm.account} answered ${opened.status} ${JSON.stringify(opened.body)}`);
      // Its credit granted by a second person, as every higher limit is.
      const granted = await http.json(
        'POST',
        `${payments.url}/api/v1/payments/accounts/${firm.account}/credit-limit/decision`,
        leader,
        { approve: true, creditLimitPence: 1_000_000_000 },
      );
      if (granted.status !== 200)
        throw new Error(
          `granting ${firm.account} its credit answered ${granted.status} ${JSON.stringify(granted.body)}`,
        );
    }

    // ---- create case
    const created: { id: string; firm: number }[] = [];
    const createBodies = firms.map((firm) =>
      JSON.stringify({
        caseType: 'civil-money-claim',
        parties: [
          { role: 'claimant', kind: 'person', name: 'Alex Smith', representedBy: firm.org },
          { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
        ],
      }),
    );
    let firstError: string | undefined;
    const createCase: Operation = async (i) => {
      const firm = i % FIRMS;
      const res = await http.send(
        'POST',
        `${cases.url}/api/v1/cases`,
        { authorization: firms[firm]?.token ?? '', 'content-type': 'application/json' },
        createBodies[firm],
      );
      if (res.status !== 201) {
        firstError ??= `create case: ${res.status} ${res.body.slice(0, 300)}`;
        return false;
      }
      created.push({ id: (JSON.parse(res.body) as { id: string }).id, firm });
      return true;
    };
    const phases: Phase[] = [];
    const route1 = 'POST /api/v1/cases';
    log(BENCH, `${route1}: warm-up, one client, ${CONCURRENCY} clients, open model`);
    await closedLoop(createCase, 4, WARMUP_SECONDS);
    phases.push(
      await measure(route1, 'one client', cases, pg.url, casesDb.name, () => closedLoop(createCase, 1, SECONDS)),
    );
    const createCapacity = await measure(route1, `${CONCURRENCY} clients`, cases, pg.url, casesDb.name, () =>
      closedLoop(createCase, CONCURRENCY, SECONDS),
    );
    phases.push(createCapacity);
    const createRate = Math.max(1, Math.round(throughput(createCapacity.load) / 2));
    phases.push(
      await measure(route1, `open ${createRate}/s (50%)`, cases, pg.url, casesDb.name, () =>
        openLoop(createCase, createRate, SECONDS),
      ),
    );

    // ---- submit (makes the issue fee due; payments hears of it over Kafka)
    const toSubmit = [...created];
    const submitted: typeof created = [];
    const submit: Operation = async (i) => {
      const c = toSubmit[i];
      if (!c) return false;
      const res = await http.send(
        'POST',
        `${cases.url}/api/v1/cases/${c.id}/events`,
        { authorization: firms[c.firm]?.token ?? '', 'content-type': 'application/json' },
        '{"event":"submit"}',
      );
      if (res.status !== 200 && res.status !== 201) {
        firstError ??= `submit: ${res.status} ${res.body.slice(0, 300)}`;
        return false;
      }
      submitted.push(c);
      return true;
    };
    log(BENCH, `submitting the ${toSubmit.length} cases (not timed as a figure of its own beyond the line below)`);
    const submitPhase = await measure(
      'POST /api/v1/cases/{id}/events (submit)',
      `${CONCURRENCY} clients`,
      cases,
      pg.url,
      casesDb.name,
      () => closedLoop(submit, CONCURRENCY, 600, toSubmit.length),
    );
    // The fee events reach payments in the background; wait for the last few cases' service requests.
    const waitStarted = performance.now();
    for (const c of submitted.slice(-10)) {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const res = await http.send('GET', `${payments.url}/api/v1/payments/cases/${c.id}/service-request`, {
          authorization: firms[c.firm]?.token ?? '',
        });
        if (res.status === 200) break;
        await sleep(250);
      }
    }
    const feeWaitMs = performance.now() - waitStarted;
    await sleep(2_000);

    // ---- take payment: one payment by account per submitted case, each from its firm's account
    const route2 = 'POST /api/v1/payments/cases/{caseId}/payments-by-account';
    let used = 0;
    const pay: Operation = async () => {
      const c = submitted[used++];
      if (!c) return false;
      const firm = firms[c.firm];
      const res = await http.send(
        'POST',
        `${payments.url}/api/v1/payments/cases/${c.id}/payments-by-account`,
        { authorization: firm?.token ?? '', 'content-type': 'application/json' },
        JSON.stringify({ accountNumber: firm?.account }),
      );
      if (res.status !== 201) {
        firstError ??= `take payment: ${res.status} ${res.body.slice(0, 300)}`;
        return false;
      }
      return true;
    };
    const left = () => submitted.length - used;
    log(BENCH, `${route2}: warm-up, one client, ${CONCURRENCY} clients, open model (${left()} cases to pay)`);
    await closedLoop(pay, 4, Math.min(WARMUP_SECONDS, 1), Math.floor(left() / 10));
    phases.push(
      await measure(route2, 'one client', payments, pg.url, paymentsDb.name, () =>
        closedLoop(pay, 1, SECONDS, Math.floor(left() / 4)),
      ),
    );
    const payCapacity = await measure(route2, `${CONCURRENCY} clients`, payments, pg.url, paymentsDb.name, () =>
      closedLoop(pay, CONCURRENCY, SECONDS, Math.floor(left() / 2)),
    );
    phases.push(payCapacity);
    const payRate = Math.max(1, Math.round(throughput(payCapacity.load) / 2));
    const paySeconds = Math.min(SECONDS, left() / payRate);
    if (paySeconds >= 1)
      phases.push(
        await measure(route2, `open ${payRate}/s (50%)`, payments, pg.url, paymentsDb.name, () =>
          openLoop(pay, payRate, paySeconds),
        ),
      );

    // ---- pgbench on the same server: a fresh cases database, the same tables, the same envelope
    let pgbenchRows: PgbenchResult[] = [];
    let pgbenchNote = '';
    if (!pgbenchVersion)
      pgbenchNote =
        '`pgbench` is not on PATH (Debian: `apt-get install postgresql-client`), so there is no baseline in this run.';
    else {
      baseline = await migratedDatabase(pg.url, 'cases');
      const client = new Client({ connectionString: casesDb.url });
      await client.connect();
      const { rows } = await client.query<{ envelope: unknown }>(
        `SELECT envelope FROM outbox WHERE type = 'cases.case-created.v1' ORDER BY position DESC LIMIT 1`,
      );
      await client.end();
      const envelope = JSON.stringify(rows[0]?.envelope ?? { note: 'no envelope found' });
      const setup = new Client({ connectionString: baseline.url });
      await setup.connect();
      await setup.query('CREATE SEQUENCE bench_reference');
      await setup.end();
      const script = join(logDir, 'insert-with-outbox.sql');
      writeFileSync(script, pgbenchScript(envelope));
      log(BENCH, `pgbench: 1 and ${CONCURRENCY} clients, ${SECONDS}s each`);
      pgbenchRows = [
        await runPgbench(baseline.url, script, 1, SECONDS, logDir),
        await runPgbench(baseline.url, script, CONCURRENCY, SECONDS, logDir),
      ];
      pgbenchNote = `${pgbenchVersion}; script (\`-f\`, \`-n\`, \`-j ${Math.min(2, CONCURRENCY)}\`), on a fresh migrated cases database of the same server, with the outbox envelope of a real case-created event (${envelope.length} bytes):\n\n\`\`\`sql\n${pgbenchScript('<envelope>').trim()}\n\`\`\``;
    }

    // A profile is written when its process exits.
    await platform.stop();
    platform = undefined;
    const profiles = PROFILE_DIR
      ? profileSummary(PROFILE_DIR, [
          ['cases', phases.filter((p) => p.route === route1)],
          ['payments', phases.filter((p) => p.route === route2)],
        ])
      : '';
    return {
      title: 'Write path: REST create case and take payment vs pgbench',
      markdown: [
        render(phases, submitPhase, pgbenchRows, pgbenchNote, feeWaitMs, firstError, pg.source, kafka.source),
        profiles,
      ]
        .filter(Boolean)
        .join('\n\n'),
    };
  } finally {
    http.close();
    await platform?.stop();
    await baseline?.drop();
    await kafka.stop();
    keys.remove();
    await pg.stop();
    removeDir(logDir);
    apps.remove();
  }
}

/**
 * Express and the middleware it runs (body parsing, routing, response helpers) with Nest's adapter: the
 * code Fastify under Nest would replace. Node's own HTTP server and socket work is the same under both.
 */
const EXPRESS_LAYER = new Set([
  '@nestjs/platform-express',
  'accepts',
  'body-parser',
  'content-disposition',
  'content-type',
  'cookie',
  'encodeurl',
  'escape-html',
  'etag',
  'express',
  'finalhandler',
  'fresh',
  'http-errors',
  'iconv-lite',
  'media-typer',
  'mime-types',
  'negotiator',
  'on-finished',
  'parseurl',
  'path-to-regexp',
  'proxy-addr',
  'qs',
  'raw-body',
  'router',
  'send',
  'statuses',
  'type-is',
  'vary',
]);
/** Kernel socket writes: V8 samples a thread descheduled inside one there, so their self time is partly waiting. */
const SOCKET_WRITES = new Set(['writev', 'writeBuffer']);

/**
 * Where each service's CPU went while its route was loaded: the upper bound of what replacing Express
 * with Fastify under Nest could save on these writes (issue 18's lever), and the largest packages.
 */
function profileSummary(dir: string, services: [string, Phase[]][]): string {
  const pct = (share: number) => `${fmt(100 * share, 1)}%`;
  const rows = services.map(([service, phases]) => {
    const s = summariseCpuProfile(
      join(dir, `${service}.cpuprofile`),
      1_000,
      phases.map((p) => p.window),
      1_000,
    );
    const busyMs = s.totalMs * (1 - s.idleShare);
    const express = s.byPackage.filter((p) => EXPRESS_LAYER.has(p.name)).reduce((sum, p) => sum + p.share, 0);
    const socket = s.top.filter((f) => SOCKET_WRITES.has(f.name)).reduce((sum, f) => sum + f.share, 0);
    const largest = s.byPackage
      .filter((p) => p.name !== '(program)')
      .slice(0, 6)
      .map((p) => `${p.name} ${pct(p.share)}`)
      .join(', ');
    // No sample in the windows (a profile cut short): the whole run, said so.
    return [
      s.windowed ? service : `${service} (whole run)`,
      fmt(busyMs),
      pct(express),
      pct(express / Math.max(1e-9, 1 - socket)),
      pct(socket),
      pct(s.gcShare),
      largest,
    ];
  });
  return [
    '**CPU profiles** (`node --cpu-prof`, only the samples taken while the route was loaded): the Express layer is ' +
      'Express, its middleware packages and `@nestjs/platform-express`, which Fastify under Nest would replace (so at most ' +
      "that share could be saved by switching; Node's HTTP server is the same under both). Socket writes are the " +
      "kernel's `writev`/`write` to PostgreSQL, Kafka and the client, whose samples include time the thread was descheduled.",
    markdownTable(
      [
        'service',
        'busy ms',
        'Express layer',
        'Express layer without socket-write samples',
        'socket writes',
        'GC',
        'largest self time by package',
      ],
      rows,
    ),
  ].join('\n\n');
}

function render(
  phases: Phase[],
  submit: Phase,
  pgbench: PgbenchResult[],
  pgbenchNote: string,
  feeWaitMs: number,
  firstError: string | undefined,
  pgSource: string,
  kafkaSource: string,
): string {
  const out: string[] = [
    `Each service is one child process as the images run it (compiled ahead of time, \`${runtimeLine(IMAGE_RUNTIME)}\`; NODE_ENV=test, LOG_LEVEL=warn, pool of 10) on a fresh migrated database; PostgreSQL from ${pgSource}; events on Kafka (${kafkaSource}). ` +
      `The load generator (keep-alive node:http) runs in the bench process and sends straight to the service. Per route: ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s at one client, ` +
      `${SECONDS} s at ${CONCURRENCY} clients (closed loop: its req/s is the throughput), and ${SECONDS} s of an open-model load at half that throughput (latency from each request's scheduled send time). ` +
      `Create case: a civil money claim, claimant represented by one of ${FIRMS} firms. Take payment: a payment by account of the issue fee on a submitted case (one payment per case; each firm pays from its own account). ` +
      `CPU ms/req: the service process's user+system time from /proc over the phase. DB work: pg_stat_database deltas of the service's database over the phase, per request (includes the relay's and consumer's own transactions; ` +
      `a backend reports its counters at most once a second, so a phase may gain the previous phase's last second and lose its own: read them as ±20% on a 5 s phase).`,
  ];
  const rows = [...phases, submit].map((p) => [
    p.route,
    p.phase,
    fmt(throughput(p.load)),
    fmt(percentile(p.load.latencies, 50), 2),
    fmt(percentile(p.load.latencies, 99), 2),
    fmt(p.cpuMsPerRequest, 2),
    p.db ? fmt(p.db.commits / Math.max(1, p.db.requests), 1) : '',
    p.db ? fmt(p.db.inserted / Math.max(1, p.db.requests), 1) : '',
    p.db ? fmt(p.db.updated / Math.max(1, p.db.requests), 1) : '',
    String(p.load.failed + p.load.unfinished),
  ]);
  for (const b of pgbench) {
    rows.push([
      'pgbench: case row + outbox row',
      `${b.clients} client${b.clients > 1 ? 's' : ''}`,
      fmt(b.tps),
      fmt(percentile(b.latencies, 50), 2),
      fmt(percentile(b.latencies, 99), 2),
      '',
      '1.0',
      '2.0',
      '0.0',
      String(b.failed),
    ]);
  }
  out.push(
    markdownTable(
      [
        'route',
        'phase',
        'req/s',
        'p50 ms',
        'p99 ms',
        'CPU ms/req',
        'commits/req',
        'rows inserted/req',
        'rows updated/req',
        'failed',
      ],
      rows,
    ),
  );

  const ratioRows: string[][] = [];
  for (const [route, label] of [
    ['POST /api/v1/cases', 'create case'],
    ['POST /api/v1/payments/cases/{caseId}/payments-by-account', 'take payment'],
  ] as const) {
    for (const [phase, clients] of [
      ['one client', 1],
      [`${CONCURRENCY} clients`, CONCURRENCY],
    ] as const) {
      const p = phases.find((x) => x.route === route && x.phase === phase);
      const b = pgbench.find((x) => x.clients === clients);
      if (!p || !b) continue;
      ratioRows.push([
        label,
        phase,
        `×${fmt(throughput(p.load) / b.tps, 3)}`,
        `×${fmt(percentile(p.load.latencies, 50) / percentile(b.latencies, 50), 1)}`,
        `×${fmt(percentile(p.load.latencies, 99) / percentile(b.latencies, 99), 1)}`,
        fmt(percentile(p.load.latencies, 50) - percentile(b.latencies, 50), 2),
      ]);
    }
  }
  if (ratioRows.length) {
    out.push('**Ratio to pgbench** (same clients, same server, same run)');
    out.push(
      markdownTable(
        ['write', 'clients', 'req/s ÷ pgbench tps', 'p50 ÷ pgbench', 'p99 ÷ pgbench', 'p50 minus pgbench p50, ms'],
        ratioRows,
      ),
    );
    // Slowest stage: where a request's time goes at one client. The bare transaction is the database's share
    // of a minimal write; the service's CPU per request is time spent in Node; the rest is its extra round trips.
    const stage = (route: string, label: string) => {
      const p = phases.find((x) => x.route === route && x.phase === 'one client');
      const b = pgbench.find((x) => x.clients === 1);
      if (!p || !b) return '';
      const total = percentile(p.load.latencies, 50);
      const node = p.cpuMsPerRequest;
      const bare = percentile(b.latencies, 50);
      const rest = total - node;
      return (
        `${label}: p50 ${fmt(total, 2)} ms at one client, of which ${fmt(node, 2)} ms is the service's own CPU (Nest, Express, validation, token check, TypeORM, the domain) and ${fmt(Math.max(0, rest), 2)} ms waiting (PostgreSQL round trips: ` +
        `${p.db ? fmt(p.db.commits / Math.max(1, p.db.requests), 1) : '?'} commits and ${p.db ? fmt(p.db.inserted / Math.max(1, p.db.requests), 1) : '?'} rows inserted per request, against ${fmt(bare, 2)} ms for pgbench's bare two-row transaction). ` +
        (Math.abs(node - rest) < 0.1 * total
          ? `Slowest stage: **about even** between the service's CPU and waiting on PostgreSQL (within 10% of the request).`
          : `Slowest stage: **${node > rest ? 'the service process (CPU in Node)' : 'waiting on PostgreSQL'}**.`)
      );
    };
    out.push(
      [
        stage('POST /api/v1/cases', 'Create case'),
        stage('POST /api/v1/payments/cases/{caseId}/payments-by-account', 'Take payment'),
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
  }
  out.push(pgbenchNote);
  out.push(
    `Submitting the cases took ${fmt(submit.load.seconds, 1)} s (${fmt(throughput(submit.load))}/s); the last service requests appeared in payments ${fmt(feeWaitMs)} ms after the last submit returned.`,
  );
  if (firstError) out.push(`First failure: \`${firstError}\``);
  out.push(
    'Whole platform on 2 shared cores: the service, PostgreSQL, the Kafka broker and the load generator compete, so req/s is what this machine does, and the ratio to pgbench (on the same machine, same moment) is the figure to track.',
  );
  return out.join('\n\n');
}
