// Express vs Fastify as the Nest HTTP adapter, measured in one run on one machine so that the
// ratios are meaningful even when the absolute figures are not (shared, noisy CI-class hosts).
//
// Each adapter runs in its own child process (http-adapter.server.ts) so process.cpuUsage() there
// counts the server alone; autocannon runs here. Both children are booted, one after the other,
// before any load, and the measured time is split into slices run in the order E F F E: a drift in
// background load during a route's measurement then hits both adapters about equally instead of
// favouring whichever went first.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { markdownTable, type BenchSection } from './report';
import type { AdapterName, ChildMessage, ParentMessage } from './http-adapter.server';

const ROOT = resolve(__dirname, '..');
const RUN_JS = join(ROOT, 'tools', 'run.js');
const SERVER_TS = join(__dirname, 'http-adapter.server.ts');
const HOST = '127.0.0.1';

const ADAPTERS: readonly AdapterName[] = ['express', 'fastify'];
const SLICE_ORDER: readonly AdapterName[] = ['express', 'fastify', 'fastify', 'express'];
const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
const SLICE_SECONDS = 5;
const BOOT_TIMEOUT_MS = 60_000;
const IPC_TIMEOUT_MS = 5_000;
const STOP_GRACE_MS = 3_000;
// Per-slice cap on recorded latencies (8 MB); far above what 2 cores can serve in one slice.
const MAX_SAMPLES_PER_SLICE = 1_000_000;

interface Route {
  label: string;
  expectStatus: number;
  request: autocannon.Request;
}

const ROUTES: readonly Route[] = [
  {
    label: 'GET /api/v1/things/:id',
    expectStatus: 200,
    request: { method: 'GET', path: '/api/v1/things/42' },
  },
  {
    label: 'POST /api/v1/things',
    expectStatus: 201,
    request: {
      method: 'POST',
      path: '/api/v1/things',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Claim 2025/00042', quantity: 3, kind: 'family' }),
    },
  },
];

interface ServerStats {
  cpuUs: number;
  rssBytes: number;
}

/** One adapter's server process; every wait on it is bounded, and stop() always ends with it dead. */
class ServerChild {
  private constructor(
    readonly adapter: AdapterName,
    private readonly proc: ChildProcess,
    readonly port: number,
    readonly bootMs: number,
  ) {}

  static async start(adapter: AdapterName): Promise<ServerChild> {
    const proc = spawn(process.execPath, [RUN_JS, SERVER_TS, adapter], {
      cwd: ROOT,
      // production is how the services are deployed, and Express changes some behaviour on it.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      const ready = await nextMessage(proc, 'ready', BOOT_TIMEOUT_MS);
      return new ServerChild(adapter, proc, ready.port, ready.bootMs);
    } catch (err) {
      kill(proc);
      throw err;
    }
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  async stats(): Promise<ServerStats> {
    const reply = nextMessage(this.proc, 'stats', IPC_TIMEOUT_MS);
    this.send({ type: 'stats' });
    const s = await reply;
    return { cpuUs: s.cpuUserUs + s.cpuSystemUs, rssBytes: s.rssBytes };
  }

  async stop(): Promise<void> {
    if (hasExited(this.proc)) return;
    const exited = new Promise<void>((done) => this.proc.once('exit', () => done()));
    this.send({ type: 'stop' });
    await Promise.race([exited, sleep(STOP_GRACE_MS)]);
    kill(this.proc);
  }

  /** Last resort from a synchronous 'exit' handler, where stop() cannot be awaited. */
  killNow(): void {
    kill(this.proc);
  }

  private send(message: ParentMessage): void {
    if (this.proc.connected) this.proc.send(message);
  }
}

function hasExited(proc: ChildProcess): boolean {
  return proc.exitCode !== null || proc.signalCode !== null;
}

function kill(proc: ChildProcess): void {
  if (!hasExited(proc)) proc.kill('SIGKILL');
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}

function nextMessage<T extends ChildMessage['type']>(
  proc: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolvePromise, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
    };
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'failed') {
        cleanup();
        reject(new Error(`server child failed:\n${message.error}`));
      } else if (message.type === type) {
        cleanup();
        resolvePromise(message as Extract<ChildMessage, { type: T }>);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanup();
      reject(new Error(`server child exited (code ${code}, signal ${signal}) while waiting for '${type}'`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`server child sent no '${type}' within ${timeoutMs} ms`));
    }, timeoutMs);
    proc.on('message', onMessage);
    proc.on('exit', onExit);
  });
}

interface LoadResult {
  result: autocannon.Result;
  latenciesMs: Float64Array;
}

/** One autocannon run; latencies are kept here at full precision (autocannon's histogram has 1 ms steps). */
function load(url: string, route: Route, seconds: number, keepLatencies: boolean): Promise<LoadResult> {
  const latencies = new Float64Array(keepLatencies ? MAX_SAMPLES_PER_SLICE : 0);
  let recorded = 0;
  return new Promise((resolvePromise, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, requests: [route.request] },
      (err: unknown, result: autocannon.Result) => {
        clearTimeout(stopTimer);
        clearTimeout(giveUpTimer);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolvePromise({ result, latenciesMs: latencies.subarray(0, recorded) });
      },
    );
    if (keepLatencies) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode === route.expectStatus && recorded < latencies.length) latencies[recorded++] = responseTime;
      });
    }
    // autocannon stops itself after `duration`; these only matter if it does not.
    const stopTimer = setTimeout(() => instance.stop(), (seconds + 10) * 1000);
    const giveUpTimer = setTimeout(() => reject(new Error('autocannon did not finish')), (seconds + 30) * 1000);
  });
}

interface Slice {
  route: Route;
  adapter: AdapterName;
  seconds: number;
  ok: number;
  unexpected: number;
  errors: number;
  serverCpuUs: number;
  loadgenCpuUs: number;
  wallUs: number;
  latenciesMs: Float64Array;
}

async function measureSlice(server: ServerChild, route: Route): Promise<Slice> {
  const before = await server.stats();
  const loadgenBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const { result, latenciesMs } = await load(server.url, route, SLICE_SECONDS, true);
  const wallUs = (performance.now() - wallBefore) * 1000;
  const loadgen = process.cpuUsage(loadgenBefore);
  const after = await server.stats();
  const ok = result.statusCodeStats?.[`${route.expectStatus}`]?.count ?? 0;
  return {
    route,
    adapter: server.adapter,
    seconds: result.duration,
    ok,
    unexpected: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'] - ok,
    errors: result.errors,
    serverCpuUs: after.cpuUs - before.cpuUs,
    loadgenCpuUs: loadgen.user + loadgen.system,
    wallUs,
    latenciesMs,
  };
}

/** Both adapters must behave the same, or the comparison measures different work. */
async function checkBehaviour(server: ServerChild): Promise<{ signature: string; headers: Set<string> }> {
  const base = `${server.url}/api/v1/things`;
  const json = { 'content-type': 'application/json' };
  const probes: [string, RequestInit][] = [
    [`${base}/42`, {}],
    [`${base}/not-a-number`, {}],
    [base, { method: 'POST', headers: json, body: JSON.stringify({ name: 'A', quantity: 1, kind: 'civil' }) }],
    [base, { method: 'POST', headers: json, body: JSON.stringify({ name: 'A', quantity: 1 }) }],
    [base, { method: 'POST', headers: json, body: JSON.stringify({ name: 'A', quantity: 1, extra: true }) }],
    [base, { method: 'POST', headers: json, body: JSON.stringify({ name: '', quantity: 1.5, kind: 'other' }) }],
  ];
  const lines: string[] = [];
  let headers = new Set<string>();
  for (const [url, init] of probes) {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(IPC_TIMEOUT_MS) });
    const body = (await res.json()) as Record<string, unknown>;
    // createdAt differs per request; its presence is what matters.
    if (typeof body.createdAt === 'string') body.createdAt = '<date>';
    lines.push(`${init.method ?? 'GET'} ${url.slice(server.url.length)} -> ${res.status} ${JSON.stringify(body)}`);
    if (url.endsWith('/42')) headers = new Set(res.headers.keys());
  }
  return { signature: lines.join('\n'), headers };
}

interface Summary {
  reqPerSec: number;
  p50: number;
  p99: number;
  cpuUsPerReq: number;
  serverCpuShare: number;
  loadgenCpuShare: number;
  ok: number;
  unexpected: number;
  errors: number;
  sliceReqPerSec: number[];
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summarise(slices: readonly Slice[]): Summary {
  const sum = (f: (s: Slice) => number) => slices.reduce((acc, s) => acc + f(s), 0);
  const all = new Float64Array(sum((s) => s.latenciesMs.length));
  let offset = 0;
  for (const s of slices) {
    all.set(s.latenciesMs, offset);
    offset += s.latenciesMs.length;
  }
  all.sort();
  const ok = sum((s) => s.ok);
  return {
    reqPerSec: ok / sum((s) => s.seconds),
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    cpuUsPerReq: sum((s) => s.serverCpuUs) / ok,
    serverCpuShare: sum((s) => s.serverCpuUs) / sum((s) => s.wallUs),
    loadgenCpuShare: sum((s) => s.loadgenCpuUs) / sum((s) => s.wallUs),
    ok,
    unexpected: sum((s) => s.unexpected),
    errors: sum((s) => s.errors),
    sliceReqPerSec: slices.map((s) => s.ok / s.seconds),
  };
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';
const ratio = (fastify: number, express: number) => `×${fmt(fastify / express, 2)}`;
const pct = (share: number) => `${fmt(share * 100)}%`;

export async function run(): Promise<BenchSection> {
  const servers: ServerChild[] = [];
  // A crash or process.exit() elsewhere must not leave a server behind.
  const killAll = () => servers.forEach((s) => s.killNow());
  process.once('exit', killAll);
  try {
    for (const adapter of ADAPTERS) {
      servers.push(await ServerChild.start(adapter));
      console.error(`[http-adapter] ${adapter} up on ${HOST}:${servers[servers.length - 1]?.port}`);
    }
    const byName = new Map(servers.map((s) => [s.adapter, s]));
    const server = (adapter: AdapterName): ServerChild => {
      const s = byName.get(adapter);
      if (!s) throw new Error(`no ${adapter} server`);
      return s;
    };

    const behaviour = new Map<AdapterName, Awaited<ReturnType<typeof checkBehaviour>>>();
    for (const s of servers) behaviour.set(s.adapter, await checkBehaviour(s));
    const [expressBehaviour, fastifyBehaviour] = [behaviour.get('express'), behaviour.get('fastify')];
    if (expressBehaviour?.signature !== fastifyBehaviour?.signature) {
      throw new Error(
        `adapters answer differently, comparison would be unfair:\n--- express\n${expressBehaviour?.signature}\n--- fastify\n${fastifyBehaviour?.signature}`,
      );
    }

    const slices: Slice[] = [];
    for (const route of ROUTES) {
      for (const adapter of ADAPTERS) {
        console.error(`[http-adapter] warm-up ${adapter} ${route.label} (${WARMUP_SECONDS}s)`);
        await load(server(adapter).url, route, WARMUP_SECONDS, false);
      }
      for (const adapter of SLICE_ORDER) {
        console.error(`[http-adapter] measure ${adapter} ${route.label} (${SLICE_SECONDS}s)`);
        slices.push(await measureSlice(server(adapter), route));
      }
    }
    const finalStats = new Map<AdapterName, ServerStats>();
    for (const s of servers) finalStats.set(s.adapter, await s.stats());

    return {
      title: 'HTTP adapter: Express vs Fastify (NestJS)',
      markdown: render(slices, servers, finalStats, expressBehaviour, fastifyBehaviour),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    process.off('exit', killAll);
  }
}

function render(
  slices: readonly Slice[],
  servers: readonly ServerChild[],
  finalStats: ReadonlyMap<AdapterName, ServerStats>,
  expressBehaviour: { headers: Set<string> } | undefined,
  fastifyBehaviour: { headers: Set<string> } | undefined,
): string {
  const measuredPerAdapter = SLICE_ORDER.filter((a) => a === 'express').length * SLICE_SECONDS;
  const out: string[] = [
    `Same app on both adapters: global \`ValidationPipe({ whitelist, forbidNonWhitelisted, transform })\`, ` +
      `class-validator DTO on the POST body, \`ParseIntPipe\` on the GET id, logger at error/warn, NODE_ENV=production. ` +
      `Each server is a child process on ${HOST}; autocannon (${CONNECTIONS} connections, closed loop) runs in the parent. ` +
      `Per route: ${WARMUP_SECONDS}s warm-up per adapter, then ${SLICE_ORDER.length} slices of ${SLICE_SECONDS}s in the order ` +
      `${SLICE_ORDER.map((a) => a[0]?.toUpperCase()).join(' ')} (${measuredPerAdapter}s measured per adapter). ` +
      `Latency percentiles are over every measured response; CPU is the server process's user+system time divided by the responses it served.`,
  ];

  const summaries = new Map<string, { express: Summary; fastify: Summary }>();
  for (const route of ROUTES) {
    const of = (adapter: AdapterName) => summarise(slices.filter((s) => s.route === route && s.adapter === adapter));
    summaries.set(route.label, { express: of('express'), fastify: of('fastify') });
  }

  const rows: string[][] = [];
  for (const [label, { express, fastify }] of summaries) {
    for (const [name, s] of [
      ['express', express],
      ['fastify', fastify],
    ] as const) {
      rows.push([
        label,
        name,
        fmt(s.reqPerSec),
        fmt(s.p50, 2),
        fmt(s.p99, 2),
        fmt(s.cpuUsPerReq, 1),
        pct(s.serverCpuShare),
        pct(s.loadgenCpuShare),
      ]);
    }
    rows.push([
      label,
      '**fastify / express**',
      `**${ratio(fastify.reqPerSec, express.reqPerSec)}**`,
      `**${ratio(fastify.p50, express.p50)}**`,
      `**${ratio(fastify.p99, express.p99)}**`,
      `**${ratio(fastify.cpuUsPerReq, express.cpuUsPerReq)}**`,
      '',
      '',
    ]);
  }
  out.push(
    markdownTable(
      ['Route', 'Adapter', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'server CPU', 'autocannon CPU'],
      rows,
    ),
  );
  out.push(
    'Higher is better for req/s, lower for the rest. "server CPU" and "autocannon CPU" are shares of one core over the ' +
      'measured wall time: a server near 100% is the bottleneck (as intended); autocannon near 100% would mean the load ' +
      'generator, not the server, limited req/s. With a closed loop, p50 ≈ connections ÷ req/s, so the p50 ratio mostly ' +
      'mirrors throughput; CPU µs/req is the figure least disturbed by other work on the machine.',
  );

  // Each adjacent E/F pair of slices gives its own ratio; how far the pairs disagree is the noise
  // in the headline ratio, which is what a reader needs to judge it.
  const pairs = SLICE_ORDER.flatMap((_, i) => (i % 2 === 0 && i + 1 < SLICE_ORDER.length ? [[i, i + 1] as const] : []));
  const sliceRows = ROUTES.map((route) => {
    const ofRoute = slices.filter((s) => s.route === route);
    const perPair = (metric: (s: Slice) => number) =>
      pairs
        .map(([i, j]) => {
          const [a, b] = [ofRoute[i], ofRoute[j]];
          if (!a || !b) return 'n/a';
          const [e, f] = a.adapter === 'express' ? [a, b] : [b, a];
          return ratio(metric(f), metric(e));
        })
        .join(' / ');
    const reqPerSec = (s: Slice) => s.ok / s.seconds;
    const cpuPerReq = (s: Slice) => s.serverCpuUs / s.ok;
    return [
      route.label,
      ofRoute.map((s) => fmt(reqPerSec(s))).join(' / '),
      ofRoute.map((s) => fmt(cpuPerReq(s))).join(' / '),
      perPair(reqPerSec),
      perPair(cpuPerReq),
    ];
  });
  const order = SLICE_ORDER.map((a) => a[0]?.toUpperCase()).join(' ');
  out.push('Noise: each slice on its own, and the fastify/express ratio of each adjacent pair of slices.');
  out.push(
    markdownTable(
      [
        'Route',
        `req/s per slice (${order})`,
        `CPU µs/req per slice (${order})`,
        'req/s ratio per pair',
        'CPU µs/req ratio per pair',
      ],
      sliceRows,
    ),
  );

  const problems = [...summaries].flatMap(([label, pair]) =>
    (['express', 'fastify'] as const)
      .filter((a) => pair[a].unexpected > 0 || pair[a].errors > 0)
      .map((a) => `${label} on ${a}: ${pair[a].unexpected} unexpected statuses, ${pair[a].errors} errors`),
  );
  out.push(
    problems.length === 0
      ? `Every measured response had the expected status (${fmt([...summaries.values()].reduce((n, p) => n + p.express.ok + p.fastify.ok, 0))} responses), no connection errors.`
      : `**Problems during load:** ${problems.join('; ')}.`,
  );

  out.push(
    markdownTable(
      ['Adapter', 'boot ms (import adapter → listening)', 'RSS after load MB'],
      servers.map((s) => [
        s.adapter,
        fmt(s.bootMs),
        fmt((finalStats.get(s.adapter)?.rssBytes ?? Number.NaN) / 2 ** 20),
      ]),
    ),
  );

  out.push(
    'Not included: what libs/platform adds to every service (pino-http request logging, the exception filter). ' +
      'That is extra work per request on either adapter, so in a real service the ratios will be nearer ×1 than here.',
  );

  if (expressBehaviour && fastifyBehaviour) {
    const only = (a: Set<string>, b: Set<string>) =>
      [...a]
        .filter((h) => !b.has(h))
        .sort()
        .join(', ') || 'none';
    out.push(
      `Identical status codes and bodies on both adapters (checked before loading). Response headers only one adapter ` +
        `sends, on GET: express: ${only(expressBehaviour.headers, fastifyBehaviour.headers)}; ` +
        `fastify: ${only(fastifyBehaviour.headers, expressBehaviour.headers)}.`,
    );
  }
  return out.join('\n\n');
}
