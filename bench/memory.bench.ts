// Resident memory (RSS) of each service and of the gateway, idle and under load.
//
//   npm run bench -- memory
//   BENCH_MEMORY_LOAD_SECONDS=120 BENCH_MEMORY_JOIN_RATE=40 npm run bench -- memory   a longer, heavier load
//
// Each service and the Apollo gateway run as child processes of their own (node tools/run.js
// …/main.ts, NODE_ENV=test, LOG_LEVEL=warn, events on Kafka from a local broker), so each RSS is one
// process's: VmRSS from /proc/<pid>/status, sampled every 500 ms.
import { markdownTable, type BenchSection } from './report';
import {
  ALL_SERVICES,
  benchKafka,
  benchKeys,
  benchPostgres,
  envNumber,
  fmt,
  HttpClient,
  log,
  openLoop,
  percentile,
  removeDir,
  sleep,
  sortedCopy,
  startBenchPlatform,
  tempDir,
  type Platform,
} from './harness';
import type { NodeChild } from '../tools/platform/node-processes';

const BENCH = 'memory';
const SETTLE_SECONDS = envNumber('BENCH_MEMORY_SETTLE_SECONDS', 10);
const LOAD_SECONDS = envNumber('BENCH_MEMORY_LOAD_SECONDS', 20);
const JOIN_RATE = envNumber('BENCH_MEMORY_JOIN_RATE', 20);
const CREATE_RATE = envNumber('BENCH_MEMORY_CREATE_RATE', 20);
const SAMPLE_MS = 500;
const MiB = 2 ** 20;

const JOIN = `query($id: ID!) { case(id: $id) { id reference state serviceRequest { status outstandingPence } payments { id amountPence } enquiries { id status } complaints { id status } fineAccounts { id balancePence } } }`;

/** Samples every process's RSS until stopped. */
function sampler(children: readonly NodeChild[]): { stop(): Map<string, number[]> } {
  const samples = new Map<string, number[]>(children.map((c) => [c.label, []]));
  const take = () => {
    for (const c of children) {
      try {
        samples.get(c.label)?.push(c.stats().rssBytes);
      } catch {
        // the process is gone; its series just ends
      }
    }
  };
  take();
  const timer = setInterval(take, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

async function measureWindow(children: readonly NodeChild[], seconds: number): Promise<Map<string, number[]>> {
  const s = sampler(children);
  await sleep(seconds * 1000);
  return s.stop();
}

export async function run(): Promise<BenchSection> {
  const pg = await benchPostgres();
  const keys = await benchKeys();
  const kafka = await benchKafka();
  const http = new HttpClient(64);
  const logDir = tempDir('ccsc-bench-memory-');
  let platform: Platform | undefined;
  try {
    platform = await startBenchPlatform({
      bench: BENCH,
      postgresUrl: pg.url,
      keysDir: keys.dir,
      services: ALL_SERVICES,
      kafkaBrokers: kafka.brokers,
      gateway: true,
      logDir,
    });
    const gateway = platform.gateway;
    if (!gateway) throw new Error('no gateway');
    const children = platform.children();
    const startRss = new Map(children.map((c) => [c.label, c.stats().rssBytes]));
    const bootMs = new Map(children.map((c) => [c.label, c.bootMs]));

    log(BENCH, `idle: ${SETTLE_SECONDS}s to settle, then ${SETTLE_SECONDS}s sampled`);
    await sleep(SETTLE_SECONDS * 1000);
    const idle = await measureWindow(children, SETTLE_SECONDS);

    const token = await keys.token('caseworker', { sub: 'caseworker-mem' });
    const headers = { authorization: token, 'content-type': 'application/json' };
    const createBody = JSON.stringify({
      caseType: 'civil-money-claim',
      parties: [
        { role: 'claimant', kind: 'person', name: 'Alex Smith' },
        { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
      ],
    });
    const caseIds: string[] = [];
    const create = async () => {
      const res = await http.send('POST', `${gateway.url}/api/v1/cases`, headers, createBody);
      if (res.status !== 201) return false;
      caseIds.push((JSON.parse(res.body) as { id: string }).id);
      return true;
    };
    for (let i = 0; i < 10; i++) await create();
    if (caseIds.length === 0) throw new Error('could not create a case through the gateway');
    const join = async (i: number) => {
      const id = caseIds[i % caseIds.length];
      const res = await http.send(
        'POST',
        `${gateway.url}/graphql`,
        headers,
        JSON.stringify({ query: JOIN, variables: { id } }),
      );
      return res.status === 200 && !res.body.includes('"errors"');
    };

    log(
      BENCH,
      `load: ${JOIN_RATE} joins/s across the five subgraphs and ${CREATE_RATE} case creations/s (REST through the gateway) for ${LOAD_SECONDS}s`,
    );
    const s = sampler(children);
    const [joins, creates] = await Promise.all([
      openLoop(join, JOIN_RATE, LOAD_SECONDS),
      openLoop(create, CREATE_RATE, LOAD_SECONDS),
    ]);
    const underLoad = s.stop();
    log(BENCH, `after the load: ${SETTLE_SECONDS}s sampled`);
    const after = await measureWindow(children, SETTLE_SECONDS);

    const mb = (bytes: number) => fmt(bytes / MiB);
    const median = (values: number[] | undefined) => percentile(sortedCopy(values ?? []), 50);
    const max = (values: number[] | undefined) => Math.max(...(values ?? [Number.NaN]));
    const rows = children.map((c) => [
      c.label,
      fmt(bootMs.get(c.label) ?? Number.NaN),
      mb(startRss.get(c.label) ?? Number.NaN),
      mb(median(idle.get(c.label))),
      mb(median(underLoad.get(c.label))),
      mb(max(underLoad.get(c.label))),
      mb(median(after.get(c.label))),
      `×${fmt(max(underLoad.get(c.label)) / median(idle.get(c.label)), 2)}`,
    ]);
    const total = (m: Map<string, number[]>, f: (v: number[] | undefined) => number) =>
      children.reduce((sum, c) => sum + f(m.get(c.label)), 0);
    rows.push([
      '**all six processes**',
      '',
      mb(children.reduce((sum, c) => sum + (startRss.get(c.label) ?? 0), 0)),
      mb(total(idle, median)),
      mb(total(underLoad, median)),
      mb(total(underLoad, max)),
      mb(total(after, median)),
      '',
    ]);
    const biggest = children.map((c) => [c.label, max(underLoad.get(c.label))] as const).sort((a, b) => b[1] - a[1])[0];

    return {
      title: 'Memory: resident set of each service and the gateway, idle and under load',
      markdown: [
        `Each service and the Apollo gateway is a child process of its own (node tools/run.js, which transpiles TypeScript on load with swc; NODE_ENV=test, LOG_LEVEL=warn, pool of 10, ` +
          `events on Kafka from ${kafka.source}; PostgreSQL from ${pg.source}). RSS is VmRSS from /proc/<pid>/status, sampled every ${SAMPLE_MS} ms. ` +
          `Idle: ${SETTLE_SECONDS} s after every process was ready, then ${SETTLE_SECONDS} s sampled (median). Under load: ${LOAD_SECONDS} s of ${JOIN_RATE} joins/s ` +
          `(a case with its service request, payments, enquiries, complaints and fine accounts: every subgraph) and ${CREATE_RATE} case creations/s (REST through the gateway, ` +
          `whose events the other services consume), both open-model; median and peak. After: the ${SETTLE_SECONDS} s after the load (median).`,
        markdownTable(
          [
            'process',
            'boot ms',
            'RSS at ready MB',
            'idle MB',
            'under load MB (median)',
            'under load MB (peak)',
            'after load MB',
            'peak ÷ idle',
          ],
          rows,
        ),
        `Load served: ${fmt(joins.ok)} joins (${joins.failed + joins.unfinished} failed, p99 ${fmt(percentile(joins.latencies, 99), 1)} ms) and ${fmt(creates.ok)} creations ` +
          `(${creates.failed + creates.unfinished} failed, p99 ${fmt(percentile(creates.latencies, 99), 1)} ms). Largest process under load: **${biggest?.[0]}** (${mb(biggest?.[1] ?? Number.NaN)} MB peak).`,
        `RSS includes what the swc loader (tools/run.js) keeps; V8 grows its heap lazily, so a longer or heavier load (BENCH_MEMORY_LOAD_SECONDS, BENCH_MEMORY_JOIN_RATE) is what shows a leak, not this one.`,
      ].join('\n\n'),
    };
  } finally {
    http.close();
    await platform?.stop();
    await kafka.stop();
    keys.remove();
    await pg.stop();
    removeDir(logDir);
  }
}
