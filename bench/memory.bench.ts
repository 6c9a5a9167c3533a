// Resident memory (RSS) of each service and of the gateway, idle and under load.
//
//   npm run bench -- memory
//   BENCH_MEMORY_LOAD_SECONDS=120 BENCH_MEMORY_JOIN_RATE=40 npm run bench -- memory   a longer, heavier load
//
// Each service and the gateway run as child processes of their own, first through the on-load
// compiler (node tools/run.js …/main.ts), then compiled ahead of time (node dist/…/main.js, as the
// images run them), in one run: NODE_ENV=test, LOG_LEVEL=warn, events on Kafka from a local broker, so
// each RSS is one process's: VmRSS from /proc/<pid>/status, sampled every 500 ms.
import { markdownTable, type BenchSection } from './report';
import {
  ALL_SERVICES,
  benchKafka,
  benchKeys,
  benchPostgres,
  compiledApps,
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
import { IMAGE_RUNTIME, runtimeLine } from '../tools/platform/node-flags';

const BENCH = 'memory';
const SETTLE_SECONDS = envNumber('BENCH_MEMORY_SETTLE_SECONDS', 10);
/** Two of the images' idle checks (settleHeapWhenIdle): the first still sees the load's last moments. */
const AFTER_WAIT_SECONDS = envNumber('BENCH_MEMORY_AFTER_WAIT_SECONDS', 20);
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

interface Measured {
  bootMs: number;
  /** CPU time the process used during the load window. */
  loadCpuMs: number;
  idle: number;
  loadMedian: number;
  peak: number;
  after: number;
}

interface Pass {
  processes: Map<string, Measured>;
  summary: string;
}

type Mode = 'loader' | 'compiled' | 'image';
const MODES: readonly Mode[] = ['loader', 'compiled', 'image'];

/**
 * One platform (through the loader; compiled ahead of time; compiled and run with the images' node flags):
 * idle, under load, after.
 */
async function measure(
  mode: Mode,
  setup: {
    pgUrl: string;
    keys: Awaited<ReturnType<typeof benchKeys>>;
    brokers: string[];
    compiled: string;
    imageCompiled: string;
  },
): Promise<Pass> {
  const http = new HttpClient(64);
  const logDir = tempDir(`ccsc-bench-memory-${mode}-`);
  let platform: Platform | undefined;
  try {
    platform = await startBenchPlatform({
      bench: BENCH,
      postgresUrl: setup.pgUrl,
      keysDir: setup.keys.dir,
      services: ALL_SERVICES,
      kafkaBrokers: setup.brokers,
      gateway: true,
      logDir,
      ...(mode === 'loader' ? {} : { compiled: mode === 'image' ? setup.imageCompiled : setup.compiled }),
      ...(mode === 'image' ? { runtime: IMAGE_RUNTIME } : {}),
    });
    const gateway = platform.gateway;
    if (!gateway) throw new Error('no gateway');
    const children = platform.children();
    const bootMs = new Map(children.map((c) => [c.label, c.bootMs]));

    log(BENCH, `${mode}: idle, ${SETTLE_SECONDS}s to settle, then ${SETTLE_SECONDS}s sampled`);
    await sleep(SETTLE_SECONDS * 1000);
    const idle = await measureWindow(children, SETTLE_SECONDS);

    const token = await setup.keys.token('caseworker', { sub: 'caseworker-mem' });
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

    log(BENCH, `${mode}: ${JOIN_RATE} joins/s and ${CREATE_RATE} case creations/s for ${LOAD_SECONDS}s`);
    const cpuBefore = new Map(children.map((c) => [c.label, c.stats().cpuMs]));
    const s = sampler(children);
    const [joins, creates] = await Promise.all([
      openLoop(join, JOIN_RATE, LOAD_SECONDS),
      openLoop(create, CREATE_RATE, LOAD_SECONDS),
    ]);
    const underLoad = s.stop();
    const cpuDuringLoad = new Map(children.map((c) => [c.label, c.stats().cpuMs - (cpuBefore.get(c.label) ?? 0)]));
    await sleep(AFTER_WAIT_SECONDS * 1000);
    const after = await measureWindow(children, SETTLE_SECONDS);

    const median = (values: number[] | undefined) => percentile(sortedCopy(values ?? []), 50);
    const max = (values: number[] | undefined) => Math.max(...(values ?? [Number.NaN]));
    const processes = new Map(
      children.map((c) => [
        // The same process under both modes: labels without the pass's name.
        c.label,
        {
          bootMs: bootMs.get(c.label) ?? Number.NaN,
          loadCpuMs: cpuDuringLoad.get(c.label) ?? Number.NaN,
          idle: median(idle.get(c.label)),
          loadMedian: median(underLoad.get(c.label)),
          peak: max(underLoad.get(c.label)),
          after: median(after.get(c.label)),
        },
      ]),
    );
    const summary =
      `${mode}: ${fmt(joins.ok)} joins (${joins.failed + joins.unfinished} failed, p99 ${fmt(percentile(joins.latencies, 99), 1)} ms), ` +
      `${fmt(creates.ok)} creations (${creates.failed + creates.unfinished} failed, p99 ${fmt(percentile(creates.latencies, 99), 1)} ms)`;
    return { processes, summary };
  } finally {
    http.close();
    await platform?.stop();
    removeDir(logDir);
  }
}

export async function run(): Promise<BenchSection> {
  const pg = await benchPostgres();
  const keys = await benchKeys();
  const kafka = await benchKafka();
  const apps = await compiledApps();
  const imageApps = await compiledApps({ asImages: true });
  try {
    const setup = { pgUrl: pg.url, keys, brokers: kafka.brokers, compiled: apps.dir, imageCompiled: imageApps.dir };
    const passes = new Map<Mode, Pass>();
    for (const mode of MODES) passes.set(mode, await measure(mode, setup));

    const mb = (bytes: number) => fmt(bytes / MiB);
    const of = (mode: Mode) => passes.get(mode) as Pass;
    const labels = [...of('loader').processes.keys()];
    const each = (label: string, f: (m: Measured) => string) =>
      MODES.map((mode) => f(of(mode).processes.get(label) as Measured)).join(' / ');
    const ratio = (label: string, f: (m: Measured) => number) => {
      const [first, last] = [of('loader'), of('image')].map((pass) => f(pass.processes.get(label) as Measured));
      return `×${fmt(last / first, 2)}`;
    };
    const rows = labels.map((label) => [
      label,
      each(label, (m) => fmt(m.bootMs)),
      each(label, (m) => mb(m.idle)),
      ratio(label, (m) => m.idle),
      each(label, (m) => mb(m.peak)),
      ratio(label, (m) => m.peak),
      each(label, (m) => fmt(m.loadCpuMs)),
      mb(of('image').processes.get(label)?.after ?? Number.NaN),
    ]);
    const total = (mode: Mode, f: (m: Measured) => number) =>
      [...of(mode).processes.values()].reduce((t, m) => t + f(m), 0);
    const totals = (f: (m: Measured) => number, show: (n: number) => string) =>
      MODES.map((mode) => show(total(mode, f))).join(' / ');
    const totalRatio = (f: (m: Measured) => number) => `×${fmt(total('image', f) / total('loader', f), 2)}`;
    rows.push([
      '**all six processes**',
      '',
      totals((m) => m.idle, mb),
      totalRatio((m) => m.idle),
      totals((m) => m.peak, mb),
      totalRatio((m) => m.peak),
      totals((m) => m.loadCpuMs, fmt),
      mb(total('image', (m) => m.after)),
    ]);
    return {
      title:
        'Memory: resident set of each service and the gateway, through the loader, compiled, and as the images run',
      markdown: [
        `Each service and the gateway is a child process of its own, three times in this run, one after the other: through the on-load compiler (node tools/run.js, swc on load), ` +
          `compiled ahead of time (node dist/…/main.js, as \`npm run build\` writes it), and compiled and run as the images run it (\`${runtimeLine(IMAGE_RUNTIME)} main.js\`, the Dockerfile's ENV and CMD, with dist/ and the production dependencies stripped of comments and indentation as its build stage does: tools/strip-sources.ts); ` +
          `NODE_ENV=test, LOG_LEVEL=warn, pool of 10, events on Kafka from ${kafka.source}; PostgreSQL from ${pg.source}. RSS is VmRSS from /proc/<pid>/status, sampled every ${SAMPLE_MS} ms. ` +
          `Boot: from spawn to /health/ready answering. Idle: ${SETTLE_SECONDS} s after every process was ready, then ${SETTLE_SECONDS} s sampled (median). ` +
          `Under load: ${LOAD_SECONDS} s of ${JOIN_RATE} joins/s (a case with its service request, payments, enquiries, complaints and fine accounts: every subgraph) ` +
          `and ${CREATE_RATE} case creations/s (REST through the gateway, whose events the other services consume), open-model; peak, and the CPU time each process used in that window ` +
          `(the same load in each pass, so the CPU columns compare the three). After: ${AFTER_WAIT_SECONDS} s after the load, then ${SETTLE_SECONDS} s sampled (median). Each cell: loader / compiled / image; ratios image ÷ loader.`,
        markdownTable(
          [
            'process',
            'boot ms',
            'idle MB',
            'idle ratio',
            'peak MB',
            'peak ratio',
            'CPU ms under load',
            'after load MB, image',
          ],
          rows,
        ),
        `Load served: ${MODES.map((mode) => of(mode).summary).join('; ')}.`,
        `V8 grows its heap lazily, so a longer or heavier load (BENCH_MEMORY_LOAD_SECONDS, BENCH_MEMORY_JOIN_RATE) is what shows a leak, not this one.`,
      ].join('\n\n'),
    };
  } finally {
    await kafka.stop();
    keys.remove();
    await pg.stop();
    apps.remove();
    imageApps.remove();
  }
}
